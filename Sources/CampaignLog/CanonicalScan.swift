/// Where a concurrent read's records come from: canonical CSV or canonical JSON Lines, read one
/// record at a time (its fields valid until the next call), with its line and the file offset
/// after it; bad records are reported through the run (or thrown under `--strict`).
protocol CanonicalScan {
    mutating func next(run: UnsafeMutablePointer<RunState>) throws(LogError) -> (CanonicalRecord, Int, Int64)?
}

/// The canonical formats a concurrent read can parse.
enum CanonicalLayout: Sendable {
    case csv, jsonLines
}

/// The records of a canonical log file as the scans need them: blank ones passed over, one too
/// long and a last line still being written reported through the run (thrown under `--strict`).
struct CanonicalRecords {
    /// How the file is named in messages.
    let displayPath: String
    let options: LogReadOptions
    private let reader: RecordReader
    /// What a record is called in the "too long" message: a CSV record or a line.
    private let unit: String

    /// The records of the file at `path`; CSV records may span lines inside quotes.
    init(path: String, displayPath: String, options: LogReadOptions, csv: Bool) throws(LogError) {
        reader = try RecordReader(
            path: path, displayPath: displayPath, quoteAware: csv, maxRecordBytes: options.maxRecordBytes)
        self.displayPath = displayPath
        self.options = options
        unit = csv ? "record" : "line"
    }

    /// Where the last record returned ends in the file.
    var offset: Int64 { reader.offset }

    /// The next record that is not blank, with its line; nil at the end.
    func next(run: UnsafeMutablePointer<RunState>) throws(LogError) -> (bytes: UnsafeRawBufferPointer, line: Int)? {
        while let next = try reader.next(displayPath: displayPath) {
            switch next {
            case .record(let bytes, let line):
                if bytes.allSatisfy(FieldNormalizer.isASCIISpace) { continue }
                return (bytes, line)
            case .tooLong(let line):
                try skip(line, "\(unit) longer than \(options.maxRecordBytes) bytes", run: run)
            case .incomplete(let line): try skip(line, CampaignLogReader.incompleteLine, run: run)
            }
        }
        return nil
    }

    /// Counts and lists a bad record of this file, or throws it under `--strict`.
    func skip(_ line: Int, _ message: String, run: UnsafeMutablePointer<RunState>) throws(LogError) {
        try run.pointee.skip(path: displayPath, line: line, message, options: options)
    }
}
