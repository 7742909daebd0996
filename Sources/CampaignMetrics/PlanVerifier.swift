import CampaignLog

/// The pre-send guard: streams an intended assignment and checks that every recipient is
/// assigned exactly once (addresses compared as the counting rules say), that no suppressed
/// address is included, that the number of variants is as expected, and that each variant's
/// share of the rows is within an absolute tolerance of its declared share (a `# shares:`
/// comment, see ``PlanReader``) or of an equal share (1/N, N the expected number of variants
/// when given, else the number found).
///
/// Memory: the reader's table of distinct addresses plus eight bytes a recipient; rows only
/// pass through.
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
        let reader = try PlanReader(path: path, displayPath: displayPath, matching: suppressions.addresses)
        var result = PlanVerification(plan: reader.displayPath)
        result.suppressionAddresses = suppressions.addresses.count
        result.suppressionSources = suppressions.sources
        result.expectedVariants = options.expectVariants
        result.tolerance = options.tolerance
        var first: [(line: Int32, variant: Int32)] = []
        var repeated = Set<Int32>()
        var suppressed = Set<Int32>()
        var rowsPerVariant: [Int] = []
        while let row = try reader.next() {
            guard case .assignment(let row) = row else {
                if case .bad(let problem) = row {
                    result.malformedRows += 1
                    if result.malformed.count < options.maxListed { result.malformed.append(problem) }
                }
                continue
            }
            result.rows += 1
            let variant = Int(row.variant)
            if variant >= rowsPerVariant.count {
                rowsPerVariant.append(contentsOf: repeatElement(0, count: variant - rowsPerVariant.count + 1))
            }
            rowsPerVariant[variant] += 1
            if row.isRepeat {
                result.repeatedRows += 1
                repeated.insert(row.recipient)
                if result.repeats.count < options.maxListed {
                    let original = first[Int(row.recipient)]
                    result.repeats.append(
                        .init(
                            line: row.line, firstLine: Int(original.line), variant: reader.variants.name(row.variant),
                            firstVariant: reader.variants.name(original.variant)))
                }
            } else {
                first.append((Int32(clamping: row.line), row.variant))
            }
            if row.matched != nil {
                result.suppressedRows += 1
                suppressed.insert(row.recipient)
                if result.suppressed.count < options.maxListed {
                    result.suppressed.append(.init(line: row.line, variant: reader.variants.name(row.variant)))
                }
            }
        }
        result.recipients = first.count
        result.repeatedRecipients = repeated.count
        result.suppressedRecipients = suppressed.count
        result.variantCount = reader.variants.count
        result.sharesDeclared = reader.declaredShares != nil
        result.shares = shares(
            rows: Dictionary(uniqueKeysWithValues: reader.variants.names.enumerated().map { ($1, rowsPerVariant[$0]) }),
            total: result.rows, declared: reader.declaredShares, options: options)
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
