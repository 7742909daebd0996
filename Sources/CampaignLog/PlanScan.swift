/// What one read of an intended assignment found (see ``PlanScanner``): its rows per variant,
/// its recipients, the rows that repeat a recipient or assign a suppressed address, and its
/// malformed rows, each problem listed with its line up to a limit and counted beyond it.
public struct PlanScan: Sendable, Equatable {
    /// A row assigning a recipient who was assigned on an earlier row.
    public struct Repeat: Sendable, Equatable {
        /// The repeating row.
        public var line: Int
        /// The row that assigned the recipient first.
        public var firstLine: Int
        /// The variant of the repeating row.
        public var variant: String
        /// The variant of the first row.
        public var firstVariant: String
    }

    /// A row assigning a suppressed address.
    public struct Suppressed: Sendable, Equatable {
        /// The row.
        public var line: Int
        /// Its variant.
        public var variant: String
    }

    /// The plan as named in messages.
    public var displayPath: String
    /// The shares declared before the header, when there was a `# shares:` comment.
    public var declaredShares: [PlanReader.DeclaredShare]?
    /// Valid assignment rows.
    public var rows = 0
    /// Distinct recipients of valid rows.
    public var recipients = 0
    /// Valid rows per variant name. Every variant named on a row with the right number of fields
    /// is here, with 0 when none of its rows was valid (as ``PlanReader/variants`` has it).
    public var rowsPerVariant: [String: Int] = [:]
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
    /// Rows assigning a suppressed address.
    public var suppressedRows = 0
    /// Distinct suppressed recipients.
    public var suppressedRecipients = 0
    /// The first rows assigning a suppressed address.
    public var suppressed: [Suppressed] = []

    /// An empty scan of `displayPath`.
    public init(displayPath: String) { self.displayPath = displayPath }
}
