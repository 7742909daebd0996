import CampaignLog

/// Everything `aftermail metrics` reports for a run: per campaign figures and what reading cost.
public struct MetricsReport: Sendable, Equatable {
    /// The campaigns, sorted by id.
    public var campaigns: [CampaignFigures]
    /// Valid records read, duplicates included.
    public var eventsRead: Int
    /// Records dropped as repeats of an event id already read.
    public var duplicatesDropped: Int
    /// Bad records skipped.
    public var recordsSkipped: Int

    /// Makes a report.
    public init(campaigns: [CampaignFigures], eventsRead: Int, duplicatesDropped: Int, recordsSkipped: Int) {
        self.campaigns = campaigns
        self.eventsRead = eventsRead
        self.duplicatesDropped = duplicatesDropped
        self.recordsSkipped = recordsSkipped
    }

    /// The report restricted to one campaign id (nil: unchanged).
    public func only(campaign: String?) -> MetricsReport {
        guard let campaign else { return self }
        var copy = self
        copy.campaigns = campaigns.filter { $0.campaign == campaign }
        return copy
    }

    /// Reads `files` as one run and computes their figures.
    ///
    /// - Parameter files: pairs of (path to open, path to show in messages).
    /// - Returns: the figures and the reading report (with the skipped records listed).
    public static func compute(
        files: [(path: String, displayPath: String)], options: LogReadOptions = LogReadOptions()
    ) throws(LogError) -> (MetricsReport, LogReadReport) {
        try compute(files: files, options: options, plan: nil)
    }

    /// Reads `files` as one run and computes their figures; with a `plan`, also compares each
    /// campaign's sends with it (``CampaignFigures/plan``).
    ///
    /// - Parameters:
    ///   - files: pairs of (path to open, path to show in messages).
    ///   - plan: the intended assignment (`plan.csv`) as (path to open, path to show), if any.
    /// - Returns: the figures and the reading report (with the skipped records listed; the plan's
    ///   malformed rows are listed and counted there too, after the logs').
    public static func compute(
        files: [(path: String, displayPath: String)], options: LogReadOptions = LogReadOptions(),
        plan: (path: String, displayPath: String)?
    ) throws(LogError) -> (MetricsReport, LogReadReport) {
        let run = try MetricsRun.read(files: files, options: options, plan: plan)
        return (run.report, run.reading)
    }
}

/// One run of logs read and counted: the figures, what reading found, and the names behind the
/// events' ids (the recipients among them are what the site must never publish).
public struct MetricsRun: Sendable {
    /// The figures.
    public var report: MetricsReport
    /// Counts and listed problems of the logs (and of the plan, after the logs').
    public var reading: LogReadReport
    /// The campaigns, variants and recipients of the run.
    public var symbols: LogSymbols
    /// Per campaign, one row per recipient (only when asked for: they name people).
    public var recipientLists: [RecipientLists] = []

    /// Reads `files` as one run on this thread (held-back ARF complaints resolved at the end),
    /// compares with `plan` when given, and computes the figures (and, when asked, the recipient
    /// lists). `progress` is called about every 65,536 events.
    public static func read(
        files: [(path: String, displayPath: String)], options: LogReadOptions = LogReadOptions(),
        plan: (path: String, displayPath: String)? = nil, withRecipientLists: Bool = false,
        progress: ((_ file: String, _ eventsRead: Int) -> Void)? = nil
    ) throws(LogError) -> MetricsRun {
        let reader = CampaignLogReader(options: options)
        reader.progress = progress
        var accumulator = MetricsAccumulator()
        for file in files {
            try reader.read(path: file.path, displayPath: file.displayPath, into: &accumulator)
        }
        return try finish(reader, &accumulator, plan: plan, withRecipientLists: withRecipientLists)
    }

    /// Reads and computes as the synchronous ``read(files:options:plan:withRecipientLists:progress:)``
    /// does, with the same result, reading large canonical CSV logs on both cores
    /// (``CampaignLogReader/read(path:displayPath:into:)-async``).
    public static func read(
        files: [(path: String, displayPath: String)], options: LogReadOptions = LogReadOptions(),
        plan: (path: String, displayPath: String)? = nil, withRecipientLists: Bool = false,
        progress: ((_ file: String, _ eventsRead: Int) -> Void)? = nil
    ) async throws(LogError) -> MetricsRun {
        let reader = CampaignLogReader(options: options)
        reader.progress = progress
        var accumulator = MetricsAccumulator()
        for file in files {
            try await reader.read(path: file.path, displayPath: file.displayPath, into: &accumulator)
        }
        return try finish(reader, &accumulator, plan: plan, withRecipientLists: withRecipientLists)
    }

    // MARK: - Private

    /// Ends the run of `reader`, reads the plan and computes the figures.
    private static func finish(
        _ reader: CampaignLogReader, _ accumulator: inout MetricsAccumulator,
        plan: (path: String, displayPath: String)?,
        withRecipientLists: Bool
    ) throws(LogError) -> MetricsRun {
        let options = reader.options
        try reader.finish(into: &accumulator)
        var reading = reader.report
        var assignments: PlanAssignments? = nil
        if let plan {
            let read = try PlanAssignments.read(
                path: plan.path, displayPath: plan.displayPath, symbols: reader.symbols, options: options)
            reading.files.append(read.displayPath)
            reading.recordsSkipped += read.rowsSkipped
            reading.skipped += read.skipped.prefix(max(0, options.maxListedProblems - reading.skipped.count))
            assignments = read
        }
        let report = accumulator.report(symbols: reader.symbols, reading: reader.report, plan: assignments)
        let lists = withRecipientLists ? accumulator.recipientLists(symbols: reader.symbols) : []
        return MetricsRun(report: report, reading: reading, symbols: reader.symbols, recipientLists: lists)
    }
}
