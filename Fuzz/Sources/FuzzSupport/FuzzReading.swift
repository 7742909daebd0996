import CampaignLog

/// The common frame of the log readers' targets: a reader with a small record limit (so that the
/// fuzzer reaches the "too long" paths), the target's read of the input file, the end of the run,
/// and the counting check of ``EventCounter``.
public enum FuzzReading {
    // MARK: - Public API

    /// Reads the file at `path` with `read` (given the reader, the path and the sink), ends the
    /// run and checks the counts; returns the events and the reader for further checks.
    @discardableResult
    public static func check(
        path: String, options: LogReadOptions = LogReadOptions(maxRecordBytes: 4096),
        _ read: (CampaignLogReader, String, inout EventCounter) throws -> Void
    ) -> (EventCounter, CampaignLogReader) {
        let reader = CampaignLogReader(options: options)
        var counter = EventCounter()
        try? read(reader, path, &counter)
        try? reader.finish(into: &counter)
        counter.check(reader.report)
        return (counter, reader)
    }
}
