import CampaignLog

/// What `aftermail verify-plan` found in an intended assignment (see ``PlanVerifier``).
///
/// Rows are named by line only: the report may end up in a CI log, and the line is enough to
/// find the address in the plan.
public struct PlanVerification: Sendable, Equatable {
    /// A row assigning a recipient who was assigned on an earlier row.
    public typealias Repeat = PlanScan.Repeat

    /// A row assigning a suppressed address.
    public typealias Suppressed = PlanScan.Suppressed

    /// One variant's share of the plan's rows.
    public struct Share: Sendable, Equatable {
        /// The variant's name.
        public var variant: String
        /// Its rows.
        public var rows: Int
        /// rows / all rows.
        public var share: Double
        /// The declared share, or 1/N for equal shares.
        public var expected: Double
        /// Whether |share − expected| ≤ tolerance.
        public var withinTolerance: Bool
    }

    /// The plan as named.
    public var plan: String
    /// Valid assignment rows.
    public var rows = 0
    /// Distinct recipients.
    public var recipients = 0
    /// Malformed rows.
    public var malformedRows = 0
    /// The first malformed rows, with their place.
    public var malformed: [LogError] = []
    /// Recipients assigned on more than one row.
    public var repeatedRecipients = 0
    /// Rows beyond each recipient's first.
    public var repeatedRows = 0
    /// The first such rows.
    public var repeats: [Repeat] = []
    /// Distinct suppressed addresses known.
    public var suppressionAddresses = 0
    /// Where they came from.
    public var suppressionSources: [String] = []
    /// Rows assigning a suppressed address.
    public var suppressedRows = 0
    /// Distinct suppressed recipients in the plan.
    public var suppressedRecipients = 0
    /// The first rows assigning a suppressed address.
    public var suppressed: [Suppressed] = []
    /// The number of variants expected (`--expect-variants`), if given.
    public var expectedVariants: Int?
    /// The number of variants in the plan.
    public var variantCount = 0
    /// Whether the shares were declared in the plan (else equal shares are expected).
    public var sharesDeclared = false
    /// The largest allowed |share − expected|.
    public var tolerance = 0.05
    /// Every variant planned or declared, sorted by name.
    public var shares: [Share] = []

    /// Makes an empty verification of `plan`.
    public init(plan: String) { self.plan = plan }

    /// The problems found, as codes: `malformed_rows`, `no_assignments`,
    /// `assigned_more_than_once`, `suppressed`, `variant_count`, `shares`.
    public var problems: [String] {
        var codes: [String] = []
        if malformedRows > 0 { codes.append("malformed_rows") }
        if rows == 0 { codes.append("no_assignments") }
        if repeatedRows > 0 { codes.append("assigned_more_than_once") }
        if suppressedRows > 0 { codes.append("suppressed") }
        if let expectedVariants, expectedVariants != variantCount { codes.append("variant_count") }
        if shares.contains(where: { !$0.withinTolerance }) { codes.append("shares") }
        return codes
    }

    /// Whether the plan is safe to send: no problem found.
    public var isSafe: Bool { problems.isEmpty }
}
