/// The canonical JSON Lines loop: one object per line with the canonical keys (blank lines
/// skipped), returned as records with their line and the file offset after them; bad lines are
/// reported through the run (or thrown under `--strict`).
struct CanonicalJSONLinesScan: CanonicalScan {
    private let records: CanonicalRecords
    private var scanner = JSONObjectScanner()
    private var fields = Fields()

    init(path: String, displayPath: String, options: LogReadOptions) throws(LogError) {
        records = try CanonicalRecords(path: path, displayPath: displayPath, options: options, csv: false)
    }

    /// The next valid record (its fields valid until the next call), its line and the offset
    /// after it; nil at the end of the file.
    mutating func next(run: UnsafeMutablePointer<RunState>) throws(LogError) -> (CanonicalRecord, Int, Int64)? {
        while let (bytes, line) = try records.next(run: run) {
            if let problem = Self.read(bytes, &scanner, into: &fields) {
                try records.skip(line, problem, run: run)
                continue
            }
            return (fields.record, line, records.offset)
        }
        return nil
    }

    // MARK: - Private

    /// Reads the members of one line into `fields`; what is wrong with the line, if anything.
    /// Static, with the scanner and the fields as separate arguments, so that the members'
    /// closure writes to the fields while the scanner runs without a dynamic exclusivity check.
    private static func read(
        _ bytes: UnsafeRawBufferPointer, _ scanner: inout JSONObjectScanner, into fields: inout Fields
    ) -> String? {
        fields.reset()
        do {
            try scanner.scan(bytes) { key, value in fields.take(key, value) }
        } catch {
            return error.message
        }
        return fields.wrongType
    }

    /// The canonical members of one line: their values' bytes, one after the other.
    private struct Fields {
        private var values: [UInt8] = []
        private var ranges = [Range<Int>?](repeating: nil, count: CanonicalColumn.allCases.count)
        /// Why the line cannot be counted: a canonical member holds an object or an array.
        private(set) var wrongType: String?

        mutating func reset() {
            values.removeAll(keepingCapacity: true)
            for index in ranges.indices { ranges[index] = nil }
            wrongType = nil
        }

        /// Keeps the value of a canonical member (a later member of the same name replaces it).
        mutating func take(_ key: UnsafeRawBufferPointer, _ value: JSONObjectScanner.Value) {
            guard let column = CanonicalColumn.named(key) else { return }
            switch value {
            case .text(let text):
                ranges[column.rawValue] = values.count..<(values.count + text.count)
                values.append(contentsOf: text)
            case .null: ranges[column.rawValue] = nil
            case .nested: wrongType = wrongType ?? "'\(column.name)' must be a string or a number"
            }
        }

        /// The record, pointing into ``values`` (valid until the next ``reset()``).
        var record: CanonicalRecord {
            values.withUnsafeBytes { base in
                func field(_ column: CanonicalColumn) -> UnsafeRawBufferPointer? {
                    ranges[column.rawValue].map { UnsafeRawBufferPointer(rebasing: base[$0]) }
                }
                return CanonicalRecord(
                    timestamp: field(.timestamp), campaign: field(.campaign), variant: field(.variant),
                    recipient: field(.recipient), event: field(.event), kind: nil, eventID: field(.eventID))
            }
        }
    }
}
