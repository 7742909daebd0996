/// The canonical CSV loop: records split into fields and returned with their line and the file
/// offset after them; bad records reported through the run (or thrown under `--strict`).
struct CanonicalCSVScan: CanonicalScan {
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
        while let (bytes, line) = try reader.nextCanonical(
            unit: "record", displayPath: displayPath, run: run, options: options)
        {
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
