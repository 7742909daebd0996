import CampaignLog

/// The addresses a plan must not include, normalized as the logs' recipients are: suppression
/// lists (one address a line, or CSV with a `recipient` or `email` column) and everyone with a
/// complaint or unsubscribe in earlier campaigns' logs.
public struct SuppressionList: Sendable {
    // MARK: - Public API

    /// The suppressed addresses.
    public private(set) var addresses = SymbolTable()
    /// What was read, as named: `list.txt`, `history: a.csv`.
    public private(set) var sources: [String] = []

    /// An empty list.
    public init() {}

    /// Adds every address of a suppression list (see ``PlanReader/readAddresses(path:displayPath:into:maxRecordBytes:)``).
    ///
    /// - Throws: ``LogError`` when the file cannot be read whole.
    public mutating func addList(path: String, displayPath: String? = nil) throws(LogError) {
        _ = try PlanReader.readAddresses(path: path, displayPath: displayPath, into: &addresses)
        sources.append(displayPath ?? path)
    }

    /// Adds every recipient with a complaint or unsubscribe event in `files`, read as one run
    /// (large canonical CSV logs on both cores, as `metrics` reads them).
    ///
    /// - Returns: the reading report (bad records skipped are listed there).
    /// - Throws: ``LogError`` when a log cannot be read (or, when `options.strict`, at a bad record).
    public mutating func addHistory(
        files: [(path: String, displayPath: String)], options: LogReadOptions = LogReadOptions()
    ) async throws(LogError) -> LogReadReport {
        let reader = CampaignLogReader(options: options)
        var collector = OptOutCollector()
        for file in files {
            try await reader.read(path: file.path, displayPath: file.displayPath, into: &collector)
            sources.append("history: \(file.displayPath)")
        }
        for id in collector.optedOut.sorted() { _ = addresses.intern(reader.symbols.recipients.name(id)) }
        return reader.report
    }
}

/// Collects the recipients with a complaint or unsubscribe.
private struct OptOutCollector: EventSink {
    var optedOut = Set<Int32>()

    mutating func consume(_ event: Event) {
        if event.kind == .complaint || event.kind == .unsubscribe { optedOut.insert(event.recipient) }
    }
}
