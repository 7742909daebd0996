import CampaignLog

/// The pre-send guard: streams an intended assignment and checks that every recipient is
/// assigned exactly once (addresses compared as the counting rules say), that no suppressed
/// address is included, that the number of variants is as expected, and that each variant's
/// share of the rows is within an absolute tolerance of its declared share (a `# shares:`
/// comment, see ``PlanReader``) or of an equal share (1/N, N the expected number of variants
/// when given, else the number found).
///
/// The plan is read by ``PlanScanner`` (on every core; memory: about eight bytes a distinct
/// recipient); rows only pass through.
public enum PlanVerifier {
    /// How strict the check is.
    public struct Options: Sendable, Equatable {
        /// The number of variants the plan must have, if known.
        public var expectVariants: Int?
        /// The largest allowed |share − expected share| (absolute: 0.05 is five percentage points).
        public var tolerance: Double
        /// How many offending rows of each kind are listed (the rest are counted).
        public var maxListed: Int

        /// Options with the defaults: any number of variants, tolerance 0.05, twenty rows listed.
        public init(expectVariants: Int? = nil, tolerance: Double = 0.05, maxListed: Int = 20) {
            self.expectVariants = expectVariants
            self.tolerance = tolerance
            self.maxListed = maxListed
        }
    }

    /// Verifies the plan at `path` against `suppressions`.
    ///
    /// - Throws: ``LogError`` when the plan cannot be read or has no usable header (exit 2).
    public static func verify(
        path: String, displayPath: String? = nil, suppressions: SuppressionList = SuppressionList(),
        options: Options = Options()
    ) throws(LogError) -> PlanVerification {
        let scan = try PlanScanner.scan(
            path: path, displayPath: displayPath, matching: suppressions.addresses,
            options: PlanScanner.Options(maxListed: options.maxListed))
        var result = PlanVerification(plan: scan.displayPath)
        result.suppressionAddresses = suppressions.addresses.count
        result.suppressionSources = suppressions.sources
        result.expectedVariants = options.expectVariants
        result.tolerance = options.tolerance
        result.rows = scan.rows
        result.recipients = scan.recipients
        result.malformedRows = scan.malformedRows
        result.malformed = scan.malformed
        result.repeatedRecipients = scan.repeatedRecipients
        result.repeatedRows = scan.repeatedRows
        result.repeats = scan.repeats
        result.suppressedRows = scan.suppressedRows
        result.suppressedRecipients = scan.suppressedRecipients
        result.suppressed = scan.suppressed
        result.variantCount = scan.rowsPerVariant.count
        result.sharesDeclared = scan.declaredShares != nil
        result.shares = shares(
            rows: scan.rowsPerVariant, total: result.rows, declared: scan.declaredShares, options: options)
        return result
    }

    // MARK: - Private

    private static func shares(
        rows: [String: Int], total: Int, declared: [PlanReader.DeclaredShare]?, options: Options
    ) -> [PlanVerification.Share] {
        let declaredShare = Dictionary(uniqueKeysWithValues: (declared ?? []).map { ($0.variant, $0.share) })
        let equal = 1 / Double(max(1, options.expectVariants ?? rows.count))
        let names = Set(rows.keys).union(declaredShare.keys).sorted()
        return names.map { name in
            let count = rows[name] ?? 0
            let share = total == 0 ? 0 : Double(count) / Double(total)
            let expected = declared == nil ? equal : declaredShare[name] ?? 0
            return PlanVerification.Share(
                variant: name, rows: count, share: share, expected: expected,
                withinTolerance: abs(share - expected) <= options.tolerance + 1e-12)
        }
    }
}
