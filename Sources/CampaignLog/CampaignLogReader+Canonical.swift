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

    /// Reads canonical CSV or JSON Lines as ``readCanonicalCSV(path:displayPath:into:)`` and
    /// ``readCanonicalJSONLines(path:displayPath:into:)`` do, on both cores: a child task parses
    /// and normalizes (``ParseStage``), another de-duplicates (an ``EventPipeline``), and this task
    /// feeds the sink, in file order. The events, ids and counts are those of one thread.
    /// `fileSize` (0 when unknown) sizes the id set (``EventPipeline/init(state:fileSize:)``).
    func readCanonicalConcurrently<Sink: EventSink>(
        path: String, displayPath: String, layout: CanonicalLayout, fileSize: Int, into sink: inout Sink
    ) async throws(LogError) {
        let pipe = EventPipeline(state: statePointer, fileSize: fileSize)
        let parse = ParseStage(reader: self, pipe: pipe, layout: layout, path: path, displayPath: displayPath)
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

    /// Reads canonical JSON Lines on this thread: one object per line with the canonical keys;
    /// blank lines are skipped.
    func readCanonicalJSONLines<Sink: EventSink>(path: String, displayPath: String, into sink: inout Sink)
        throws(LogError)
    {
        var scan = try CanonicalJSONLinesScan(path: path, displayPath: displayPath, options: options)
        while let (record, line, _) = try scan.next(run: statePointer) {
            try accept(record, line: line, path: displayPath, into: &sink)
        }
    }

    /// Why the last line of a log that grew while it was read is not counted.
    static let incompleteLine = "the file grew while it was read and its last line has no line end yet; not counted"
}
