#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension CampaignLogReader {
    // MARK: - Internal

    /// Reads canonical CSV on this thread: a header naming the columns in any order, then one
    /// event per record.
    func readCanonicalCSV<Sink: EventSink>(path: String, displayPath: String, into sink: inout Sink) throws(LogError) {
        var scan = try CanonicalCSVScan(path: path, displayPath: displayPath, options: options)
        while let (record, line, _) = try scan.next(run: statePointer) {
            try accept(record, line: line, path: displayPath, into: &sink)
        }
    }

    /// Reads canonical CSV as ``readCanonicalCSV(path:displayPath:into:)`` does, on both cores: a
    /// child task parses and normalizes, another de-duplicates (an ``EventPipeline``), and this
    /// task feeds the sink, in file order. The events, ids and counts are those of one thread.
    func readCanonicalCSVConcurrently<Sink: EventSink>(path: String, displayPath: String, into sink: inout Sink)
        async
        throws(LogError)
    {
        let pipe = EventPipeline(state: statePointer, fileSize: Self.fileSize(path))
        let parse = ParseStage(reader: self, pipe: pipe, path: path, displayPath: displayPath)
        let outcome = await withTaskGroup(of: Result<Void, LogError>.self) { group in
            group.addTask { await parse.run() }
            group.addTask {
                await pipe.deduplicate()
                return .success(())
            }
            while let events = await pipe.takeNew() {
                events.withUnsafeBufferPointer { sink.consume(batch: $0) }
            }
            var outcome = Result<Void, LogError>.success(())
            for await stage in group { if case .failure = stage { outcome = stage } }
            return outcome
        }
        pipe.finish()
        try outcome.get()
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
}

/// Stage 1 of a concurrent read: the reader's loop over the records, handing prepared events to
/// the pipeline a batch at a time. Sendable because the reader's run state is only touched here
/// until the task group ends (the other stages work on what the pipeline borrowed).
private struct ParseStage: @unchecked Sendable {
    let reader: CampaignLogReader
    let pipe: EventPipeline
    let path: String
    let displayPath: String

    func run() async -> Result<Void, LogError> {
        var outcome = Result<Void, LogError>.success(())
        do throws(LogError) {
            var scan = try CanonicalCSVScan(path: path, displayPath: displayPath, options: reader.options)
            while try fill(&scan) { await pipe.flush() }
        } catch {
            outcome = .failure(error)
        }
        await pipe.endInput()
        return outcome
    }

    /// Prepares records into the pipeline's batch until it is full (true) or the file ends
    /// (false). Synchronous and never inlined, so that the per-record work runs as in a plain
    /// loop: inlined into `run()`, its locals lived in the task's frame and each record was
    /// copied there and back (memcpy was 3% of a run).
    @inline(never)
    private func fill(_ scan: inout CanonicalCSVScan) throws(LogError) -> Bool {
        let run = reader.statePointer
        let options = reader.options
        while let (record, line, offset) = try scan.next(run: run) {
            var full = false
            if let (event, fingerprint) = try run.pointee.prepare(
                record, line: line, path: displayPath, options: options)
            {
                full = pipe.push(event, fingerprint, offset: offset)
            }
            if run.pointee.report.eventsRead & 0xFFFF == 0, let progress = reader.progress {
                progress(displayPath, run.pointee.report.eventsRead)
            }
            if full { return true }
        }
        return false
    }
}

/// The canonical CSV loop: records split into fields and returned with their line and the file
/// offset after them; bad records reported through the run (or thrown under `--strict`).
struct CanonicalCSVScan {
    private let reader: RecordReader
    private let displayPath: String
    private let options: LogReadOptions
    private var splitter = CSVFieldSplitter()
    private var columns: [Int?]? = nil  // field index of each CanonicalColumn
    private var width = 0

    init(path: String, displayPath: String, options: LogReadOptions) throws(LogError) {
        reader = try RecordReader(
            path: path, displayPath: displayPath, quoteAware: true, maxRecordBytes: options.maxRecordBytes)
        self.displayPath = displayPath
        self.options = options
    }

    /// The next valid record (its fields valid until the next call), its line and the offset
    /// after it; nil at the end of the file.
    mutating func next(run: UnsafeMutablePointer<RunState>) throws(LogError) -> (CanonicalRecord, Int, Int64)? {
        while let next = try reader.next(displayPath: displayPath) {
            guard case .record(let bytes, let line) = next else {
                if case .tooLong(let line) = next {
                    try run.pointee.skip(
                        path: displayPath, line: line, "record longer than \(options.maxRecordBytes) bytes",
                        options: options)
                }
                if case .incomplete(let line) = next {
                    try run.pointee.skip(
                        path: displayPath, line: line, CampaignLogReader.incompleteLine, options: options)
                }
                continue
            }
            if bytes.allSatisfy(FieldNormalizer.isASCIISpace) { continue }
            guard splitter.split(bytes) else {
                try run.pointee.skip(path: displayPath, line: line, "a quoted field is never closed", options: options)
                continue
            }
            guard let map = columns else {
                columns = try Self.headerColumns(splitter, line: line, path: displayPath)
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
            return (record, line, reader.offset)
        }
        if columns == nil {
            throw LogError(path: displayPath, line: nil, message: "empty log: no header row")
        }
        return nil
    }

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
