/// The YAML front matter of an incident's `index.md` (or `<slug>.md`), as typed values.
///
/// ```yaml
/// ---
/// title: Premium upsell test sent every variant to everyone   # required, non-empty
/// date: 2026-09-10              # YYYY-MM-DD or RFC 3339 with an offset
/// campaign: premium-upsell-test # campaign id in the logs; default: every campaign in them
/// severity: major
/// status: published             # draft | published (default)
/// owner: Growth team
/// tags: [ab-test, segmentation]
/// logs: ["logs/*.csv"]          # globs relative to the bundle; default logs/*
/// summary: One line for the index and the feed.
/// ---
/// ```
/// Unknown keys are errors. Empty optional values (`owner:`) read as absent.
public struct IncidentFrontMatter: Sendable, Equatable {
    /// The post-mortem's title (required, non-empty).
    public var title: String
    /// When it happened, if given.
    public var date: IncidentDate?
    /// The campaign id in the logs this incident is about; nil means every campaign in its logs.
    public var campaign: String?
    /// Free-form severity label ("minor", "major", ...).
    public var severity: String?
    /// Draft or published (default published).
    public var status: IncidentStatus
    /// Who owns the post-mortem.
    public var owner: String?
    /// Tags, in the order written.
    public var tags: [String]
    /// Log globs relative to the bundle as written; nil means the default `logs/*`.
    public var logs: [String]?
    /// One line for the index and the feed.
    public var summary: String?

    /// Creates front matter; every field but `title` has its default.
    public init(
        title: String, date: IncidentDate? = nil, campaign: String? = nil, severity: String? = nil,
        status: IncidentStatus = .published, owner: String? = nil, tags: [String] = [],
        logs: [String]? = nil, summary: String? = nil
    ) {
        self.title = title
        self.date = date
        self.campaign = campaign
        self.severity = severity
        self.status = status
        self.owner = owner
        self.tags = tags
        self.logs = logs
        self.summary = summary
    }

    /// The keys allowed in incident front matter, in documentation order.
    public static let keys = ["title", "date", "campaign", "severity", "status", "owner", "tags", "logs", "summary"]
}
