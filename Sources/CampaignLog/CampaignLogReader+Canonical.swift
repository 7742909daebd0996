extension CampaignLogReader {
    // MARK: - Internal

    /// Reads canonical CSV: a header naming the columns in any order, then one event per record.
    func readCanonicalCSV<Sink: EventSink>(path: String, displayPath: String, into sink: inout Sink) throws(LogError) {
        let reader = try RecordReader(path: path, displayPath: displayPath, quoteAware: true, maxRecordBytes: options.maxRecordBytes)
        var splitter = CSVFieldSplitter()
        var columns: [Int?]? = nil  // field index of each CanonicalColumn
        var width = 0
        while let next = try reader.next(displayPath: displayPath) {
            guard case .record(let bytes, let line) = next else {
                if case .tooLong(let line) = next {
                    try skip(path: displayPath, line: line, "record longer than \(options.maxRecordBytes) bytes")
                }
                if case .incomplete(let line) = next { try skip(path: displayPath, line: line, Self.incompleteLine) }
                continue
            }
            if bytes.allSatisfy(FieldNormalizer.isASCIISpace) { continue }
            guard splitter.split(bytes) else {
                try skip(path: displayPath, line: line, "a quoted field is never closed")
                continue
            }
            guard let map = columns else {
                columns = try headerColumns(splitter, line: line, path: displayPath)
                width = splitter.fields.count
                continue
            }
            guard splitter.fields.count == width else {
                try skip(path: displayPath, line: line, "expected \(width) fields, found \(splitter.fields.count)")
                continue
            }
            try withFields(splitter, map) { (record: CanonicalRecord) throws(LogError) in
                try accept(record, line: line, path: displayPath, into: &sink)
            }
        }
        if columns == nil {
            throw LogError(path: displayPath, line: nil, message: "empty log: no header row")
        }
    }

    /// Reads canonical JSON Lines: one object per line with the canonical keys; blank lines are skipped.
    func readCanonicalJSONLines<Sink: EventSink>(path: String, displayPath: String, into sink: inout Sink) throws(LogError) {
        let reader = try RecordReader(path: path, displayPath: displayPath, quoteAware: false, maxRecordBytes: options.maxRecordBytes)
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
            try outcome.get()
        }
    }

    /// Why the last line of a log that grew while it was read is not counted.
    static let incompleteLine = "the file grew while it was read and its last line has no line end yet; not counted"

    // MARK: - Private

    /// Maps the header row to columns; a missing required column or a repeated one is fatal.
    private func headerColumns(_ splitter: CSVFieldSplitter, line: Int, path: String) throws(LogError) -> [Int?] {
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

    /// Calls `body` with the record's fields borrowed from the splitter.
    private func withFields(
        _ splitter: CSVFieldSplitter, _ map: [Int?], _ body: (CanonicalRecord) throws(LogError) -> Void
    ) throws(LogError) {
        func field(_ column: CanonicalColumn) -> UnsafeRawBufferPointer? {
            guard let index = map[column.rawValue] else { return nil }
            return splitter.withField(index) { $0 }
        }
        let record = CanonicalRecord(
            timestamp: field(.timestamp), campaign: field(.campaign), variant: field(.variant),
            recipient: field(.recipient), event: field(.event), kind: nil, eventID: field(.eventID))
        try body(record)
    }
}
