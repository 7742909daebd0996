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

extension RecordReader {
    /// The next record of a canonical log that is not blank, with its line; nil at the end. A
    /// record too long ("`unit` longer than N bytes") and a last line still being written are
    /// reported through `run` (thrown under `--strict`) and passed over.
    func nextCanonical(
        unit: String, displayPath: String, run: UnsafeMutablePointer<RunState>, options: LogReadOptions
    ) throws(LogError) -> (bytes: UnsafeRawBufferPointer, line: Int)? {
        while let next = try next(displayPath: displayPath) {
            switch next {
            case .record(let bytes, let line):
                if bytes.allSatisfy(FieldNormalizer.isASCIISpace) { continue }
                return (bytes, line)
            case .tooLong(let line):
                try run.pointee.skip(
                    path: displayPath, line: line, "\(unit) longer than \(options.maxRecordBytes) bytes",
                    options: options)
            case .incomplete(let line):
                try run.pointee.skip(path: displayPath, line: line, CampaignLogReader.incompleteLine, options: options)
            }
        }
        return nil
    }
}
