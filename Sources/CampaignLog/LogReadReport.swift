/// What reading a run's logs came to, beside the events themselves.
public struct LogReadReport: Sendable, Equatable {
    /// Valid records read, duplicates included.
    public var eventsRead = 0
    /// Valid records dropped because their event id had been seen already in this run.
    public var duplicatesDropped = 0
    /// Bad records skipped (see ``skipped``).
    public var recordsSkipped = 0
    /// Events of a known type that Aftermail does not count (SendGrid `group_resubscribe`, SES
    /// `Rendering Failure`, ARF `not-spam`...): read, neither counted nor reported as bad.
    public var ignoredEvents = 0
    /// ARF complaints whose variant could be found neither in the report nor by matching the
    /// original Message-ID or recipient to a send of the run; they count under `unassigned`.
    public var unmatchedComplaints = 0
    /// The first skipped records, with their place (at most ``LogReadOptions/maxListedProblems``).
    public var skipped: [LogError] = []
    /// The files read, as named, in order.
    public var files: [String] = []

    /// An empty report.
    public init() {}

    /// Lines for a person: the listed problems, then how many more there were.
    public var skippedSummary: [String] {
        var lines = skipped.map(\.warningDescription)
        if recordsSkipped > skipped.count {
            lines.append("… and \(recordsSkipped - skipped.count) more bad records skipped")
        }
        return lines
    }
}

/// How a run reads its logs.
public struct LogReadOptions: Sendable, Equatable {
    /// Stop at the first bad record instead of skipping it.
    public var strict: Bool
    /// How many skipped records are listed with their place (the rest are counted).
    public var maxListedProblems: Int

    /// The longest record (line, or CSV record) read; a longer one is skipped and reported.
    public var maxRecordBytes: Int
    /// Canonical CSV and JSON Lines files at least this big are read, by the asynchronous
    /// ``CampaignLogReader/read(path:displayPath:into:)-async``, as three concurrent tasks
    /// (parsing, de-duplicating, counting), with the same result as on one thread. `Int.max`:
    /// never.
    public var pipelineMinimumBytes = 4 << 20
    /// Where each provider's payloads carry the variant and the campaign.
    public var fields: ProviderFieldMap

    /// Options with the defaults: lenient, twenty problems listed, records up to 64 MiB, the
    /// documented provider fields.
    public init(
        strict: Bool = false, maxListedProblems: Int = 20, maxRecordBytes: Int = 64 << 20,
        fields: ProviderFieldMap = ProviderFieldMap()
    ) {
        self.strict = strict
        self.maxListedProblems = maxListedProblems
        self.maxRecordBytes = maxRecordBytes
        self.fields = fields
    }
}
