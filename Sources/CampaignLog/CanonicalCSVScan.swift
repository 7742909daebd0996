/// The canonical CSV loop: records split into fields and returned with their line and the file
/// offset after them; bad records reported through the run (or thrown under `--strict`).
struct CanonicalCSVScan: CanonicalScan {
    private let records: CanonicalRecords
    private var splitter = CSVFieldSplitter()
    private var columns: [Int?]? = nil  // field index of each CanonicalColumn
    private var width = 0

    init(path: String, displayPath: String, options: LogReadOptions) throws(LogError) {
        records = try CanonicalRecords(path: path, displayPath: displayPath, options: options, csv: true)
    }

    /// The next valid record (its fields valid until the next call), its line and the offset
    /// after it; nil at the end of the file.
    mutating func next(run: UnsafeMutablePointer<RunState>) throws(LogError) -> (CanonicalRecord, Int, Int64)? {
        while let (bytes, line) = try records.next(run: run) {
            guard splitter.split(bytes) else {
                try records.skip(line, "a quoted field is never closed", run: run)
                continue
            }
            guard let map = columns else {
                columns = try Self.headerColumns(splitter, line: line, path: records.displayPath)
                width = splitter.fields.count
                continue
            }
            guard splitter.fields.count == width else {
                try records.skip(line, "expected \(width) fields, found \(splitter.fields.count)", run: run)
                continue
            }
            func field(_ column: CanonicalColumn) -> UnsafeRawBufferPointer? {
                guard let index = map[column.rawValue] else { return nil }
                return splitter.withField(index) { $0 }
            }
            let record = CanonicalRecord(
                timestamp: field(.timestamp), campaign: field(.campaign), variant: field(.variant),
                recipient: field(.recipient), event: field(.event), kind: nil, eventID: field(.eventID))
            return (record, line, records.offset)
        }
        if columns == nil {
            throw LogError(path: records.displayPath, line: nil, message: "empty log: no header row")
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
