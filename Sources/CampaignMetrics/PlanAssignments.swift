import CampaignLog

/// An intended assignment (`plan.csv`, see ``PlanReader``) read against the recipients of a run,
/// ready to be compared with each campaign's sends (``PlanComparison``).
///
/// Memory: two 32-bit ids per distinct planned recipient (and a short list for the few assigned
/// more than one variant), besides the reader's table of addresses while it reads.
public struct PlanAssignments: Sendable {
    // MARK: - Public API

    /// The plan as named in messages.
    public var displayPath: String
    /// Valid assignment rows.
    public var rows = 0
    /// Rows skipped as malformed (see ``skipped``).
    public var rowsSkipped = 0
    /// The first malformed rows, with their place.
    public var skipped: [LogError] = []
    /// Distinct planned recipients.
    public var recipients: Int { firstVariant.count }
    /// Distinct recipients assigned on more than one row.
    public var recipientsAssignedMoreThanOnce: Int { repeated.count }
    /// The plan's variant names, by plan variant id.
    public var variantNames: [String] = []

    /// Reads the plan at `path` and matches its recipients with `symbols.recipients`.
    ///
    /// - Throws: ``LogError`` when the plan cannot be read or has no usable header, and, with
    ///   ``LogReadOptions/strict``, at its first malformed row.
    public static func read(
        path: String, displayPath: String? = nil, symbols: LogSymbols, options: LogReadOptions = LogReadOptions()
    ) throws(LogError) -> PlanAssignments {
        let reader = try PlanReader(
            path: path, displayPath: displayPath, matching: symbols.recipients, maxRecordBytes: options.maxRecordBytes)
        var plan = PlanAssignments(displayPath: reader.displayPath)
        while let row = try reader.next() {
            switch row {
            case .bad(let problem):
                if options.strict { throw problem }
                plan.rowsSkipped += 1
                if plan.skipped.count < options.maxListedProblems { plan.skipped.append(problem) }
            case .assignment(let assignment):
                plan.add(assignment)
            }
        }
        plan.variantNames = reader.variants.names
        return plan
    }

    // MARK: - Internal

    /// The run's recipient id of each planned recipient (-1: never in the logs).
    var logRecipient: [Int32] = []
    /// The first variant assigned to each planned recipient.
    var firstVariant: [Int32] = []
    /// Further distinct variants of recipients assigned more than one.
    var extraVariants: [Int32: [Int32]] = [:]
    /// Recipients assigned on more than one row.
    var repeated = Set<Int32>()

    /// The plan variant ids assigned to planned recipient `id`.
    func variants(of id: Int) -> [Int32] {
        [firstVariant[id]] + (extraVariants[Int32(id)] ?? [])
    }

    // MARK: - Private

    private init(displayPath: String) { self.displayPath = displayPath }

    private mutating func add(_ assignment: PlanReader.Assignment) {
        rows += 1
        let id = Int(assignment.recipient)
        guard assignment.isRepeat else {
            logRecipient.append(assignment.matched ?? -1)
            firstVariant.append(assignment.variant)
            return
        }
        repeated.insert(assignment.recipient)
        if firstVariant[id] != assignment.variant,
            !(extraVariants[assignment.recipient]?.contains(assignment.variant) ?? false)
        {
            extraVariants[assignment.recipient, default: []].append(assignment.variant)
        }
    }
}
