#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension CampaignLogReader {
    // MARK: - Internal

    /// Reads canonical CSV: a header naming the columns in any order, then one event per record.
    ///
    /// A file of ``LogReadOptions/pipelineMinimumBytes`` or more is read on two threads: this one
    /// parses and normalizes, an ``EventPipeline`` de-duplicates and feeds the sink, in file order.
    func readCanonicalCSV<Sink: EventSink>(path: String, displayPath: String, into sink: inout Sink) throws(LogError) {
        let pipelined = Self.fileSize(path) >= options.pipelineMinimumBytes
        let options = self.options
        let progress = self.progress
        let outcome: Result<Void, LogError> = withUnsafeMutablePointer(to: &state) { run in
            withUnsafeMutablePointer(to: &sink) { sinkPointer in
                let pipe =
                    pipelined
                    ? EventPipeline(state: run, fileSize: Self.fileSize(path)) {
                        sinkPointer.pointee.consume(batch: $0)
                    } : nil
                defer { pipe?.finish() }
                return Result { () throws(LogError) in
                    try Self.scanCanonicalCSV(path: path, displayPath: displayPath, options: options, run: run) {
                        (record: CanonicalRecord, line: Int, offset: Int64) throws(LogError) in
                        if let pipe {
                            if let (event, fingerprint) = try run.pointee.prepare(
                                record, line: line, path: displayPath, options: options)
                            {
                                pipe.push(event, fingerprint, offset: offset)
                            }
                        } else {
                            _ = try run.pointee.accept(
                                record, line: line, path: displayPath, options: options, into: &sinkPointer.pointee)
                        }
                        if run.pointee.report.eventsRead & 0xFFFF == 0, let progress {
                            progress(displayPath, run.pointee.report.eventsRead)
                        }
                    }
                }
            }
        }
        try outcome.get()
    }

    /// The CSV loop: records split into fields and handed to `handle` with their line and the
    /// file offset after them; bad records reported through `run`.
    private static func scanCanonicalCSV(
        path: String, displayPath: String, options: LogReadOptions, run: UnsafeMutablePointer<RunState>,
        _ handle: (CanonicalRecord, Int, Int64) throws(LogError) -> Void
    ) throws(LogError) {
        let reader = try RecordReader(
            path: path, displayPath: displayPath, quoteAware: true, maxRecordBytes: options.maxRecordBytes)
        var splitter = CSVFieldSplitter()
        var columns: [Int?]? = nil  // field index of each CanonicalColumn
        var width = 0
        while let next = try reader.next(displayPath: displayPath) {
            guard case .record(let bytes, let line) = next else {
                if case .tooLong(let line) = next {
                    try run.pointee.skip(
                        path: displayPath, line: line, "record longer than \(options.maxRecordBytes) bytes",
                        options: options)
                }
                if case .incomplete(let line) = next {
                    try run.pointee.skip(path: displayPath, line: line, Self.incompleteLine, options: options)
                }
                continue
            }
            if bytes.allSatisfy(FieldNormalizer.isASCIISpace) { continue }
            guard splitter.split(bytes) else {
                try run.pointee.skip(path: displayPath, line: line, "a quoted field is never closed", options: options)
                continue
            }
            guard let map = columns else {
                columns = try headerColumns(splitter, line: line, path: displayPath)
                width = splitter.fields.count
                continue
            }
            guard splitter.fields.count == width else {
                try run.pointee.skip(
                    path: displayPath, line: line, "expected \(width) fields, found \(splitter.fields.count)",
                    options: options)
                continue
            }
            func field(_ column: CanonicalColumn) -> UnsafeRawBufferPointer? {
                guard let index = map[column.rawValue] else { return nil }
                return splitter.withField(index) { $0 }
            }
            let record = CanonicalRecord(
                timestamp: field(.timestamp), campaign: field(.campaign), variant: field(.variant),
                recipient: field(.recipient), event: field(.event), kind: nil, eventID: field(.eventID))
            try handle(record, line, reader.offset)
        }
        if columns == nil {
            throw LogError(path: displayPath, line: nil, message: "empty log: no header row")
        }
    }

    /// The size of the file at `path` in bytes (0 when unknown).
    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Reads canonical JSON Lines: one object per line with the canonical keys; blank lines are skipped.
    func readCanonicalJSONLines<Sink: EventSink>(path: String, displayPath: String, into sink: inout Sink)
        throws(LogError)
    {
        let reader = try RecordReader(
            path: path, displayPath: displayPath, quoteAware: false, maxRecordBytes: options.maxRecordBytes)
        var scanner = JSONObjectScanner()
        var values = [UInt8]()
        var ranges = [Range<Int>?](repeating: nil, count: CanonicalColumn.allCases.count)
        while let next = try reader.next(displayPath: displayPath) {
            guard case .record(let bytes, let line) = next else {
                if case .tooLong(let line) = next {
                    try skip(path: displayPath, line: line, "line longer than \(options.maxRecordBytes) bytes")
                }
                if case .incomplete(let line) = next { try skip(path: displayPath, line: line, Self.incompleteLine) }
                continue
            }
            if bytes.allSatisfy(FieldNormalizer.isASCIISpace) { continue }
            values.removeAll(keepingCapacity: true)
            for index in ranges.indices { ranges[index] = nil }
            var wrongType: String? = nil
            do {
                try scanner.scan(bytes) { key, value in
                    guard let column = CanonicalColumn.named(key) else { return }
                    switch value {
                    case .text(let text):
                        ranges[column.rawValue] = values.count..<(values.count + text.count)
                        values.append(contentsOf: text)
                    case .null: ranges[column.rawValue] = nil
                    case .nested: wrongType = wrongType ?? "'\(column.name)' must be a string or a number"
                    }
                }
            } catch {
                try skip(path: displayPath, line: line, error.message)
                continue
            }
            if let wrongType {
                try skip(path: displayPath, line: line, wrongType)
                continue
            }
            let outcome = values.withUnsafeBytes { base in
                func field(_ column: CanonicalColumn) -> UnsafeRawBufferPointer? {
                    ranges[column.rawValue].map { UnsafeRawBufferPointer(rebasing: base[$0]) }
                }
                let record = CanonicalRecord(
                    timestamp: field(.timestamp), campaign: field(.campaign), variant: field(.variant),
                    recipient: field(.recipient), event: field(.event), kind: nil, eventID: field(.eventID))
                return Result { () throws(LogError) in try accept(record, line: line, path: displayPath, into: &sink) }
            }
            _ = try outcome.get()
        }
    }

    /// Why the last line of a log that grew while it was read is not counted.
    static let incompleteLine = "the file grew while it was read and its last line has no line end yet; not counted"

    // MARK: - Private

    /// Maps the header row to columns; a missing required column or a repeated one is fatal.
    private static func headerColumns(_ splitter: CSVFieldSplitter, line: Int, path: String) throws(LogError) -> [Int?]
    {
        var map = [Int?](repeating: nil, count: CanonicalColumn.allCases.count)
        var normalizer = FieldNormalizer()
        for index in splitter.fields.indices {
            let column = splitter.withField(index) { raw in
                normalizer.normalize(raw, foldCase: true) { CanonicalColumn.named($0) }
            }
            guard let column else { continue }  // unknown columns are ignored
            if map[column.rawValue] != nil {
                throw LogError(path: path, line: line, message: "column '\(column.name)' appears twice in the header")
            }
            map[column.rawValue] = index
        }
        let missing = CanonicalColumn.allCases.filter { $0.isRequired && map[$0.rawValue] == nil }.map(\.name)
        if !missing.isEmpty {
            throw LogError(
                path: path, line: line,
                message: "the header lacks the column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))",
            )
        }
        return map
    }
}
