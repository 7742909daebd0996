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
        let reader = CampaignLogReader(options: options)
        var accumulator = MetricsAccumulator()
        for file in files {
            try reader.read(path: file.path, displayPath: file.displayPath, into: &accumulator)
        }
        return (accumulator.report(symbols: reader.symbols, reading: reader.report), reader.report)
    }
}
