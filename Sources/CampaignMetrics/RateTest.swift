/// Whether a rate (complaints or unsubscribes per delivered message) differs across the variants
/// of a campaign, and which variants are credibly worse than the best one.
///
/// - Homogeneity: Pearson's chi-square test on the k × 2 table (events, base − events) of the
///   variants, k − 1 degrees of freedom, without continuity correction; its p-value is
///   Q((k − 1)/2, χ²/2). The approximation wants expected counts of about 5 or more in every
///   cell; ``minExpected`` tells how far the data are from that.
/// - Against the best: the best variant is the one with the lowest rate (ties: the first by
///   name). Each other variant gets a one-sided two-proportion z-test (pooled variance) of
///   "its rate is above the best's", and the k − 1 p-values are adjusted with Holm's step-down
///   method; a variant is *credibly above the best* when its adjusted p-value is at most
///   ``alpha`` (0.05). The best variant is chosen from the same data, so read this as a screen
///   for the variants to look at, not as a confirmatory test.
///
/// Arms are the named variants whose base (delivered, or sends when nothing was delivered) is
/// above 0; `unassigned` is no arm. With fewer than two arms, no events or no non-events at all,
/// or an arm with more events than its base, the statistic and p-value are nil.
public struct RateTest: Sendable, Equatable {
    /// One variant compared with the best one.
    public struct Comparison: Sendable, Equatable {
        /// The variant's name.
        public var variant: String
        /// The z statistic (nil when the pooled rate is 0 or 1: no difference to test).
        public var z: Double?
        /// The one-sided p-value (1 when ``z`` is nil).
        public var pValue: Double
        /// The p-value after Holm's adjustment.
        public var adjustedPValue: Double
        /// Whether the variant's rate is credibly above the best variant's.
        public var crediblyAboveBest: Bool
    }

    /// One arm of the test: a variant, its events and its base.
    public struct Arm: Sendable, Equatable {
        /// The variant's name.
        public var variant: String
        /// Complaints (or unsubscribes).
        public var events: Int
        /// Delivered, or sends when nothing was delivered.
        public var base: Int

        /// Makes an arm.
        public init(variant: String, events: Int, base: Int) {
            self.variant = variant
            self.events = events
            self.base = base
        }

        var rate: Double { Double(events) / Double(base) }
    }

    /// The variants tested, sorted by name.
    public var variants: [String]
    /// k − 1.
    public var degreesOfFreedom: Int
    /// Pearson's χ².
    public var statistic: Double?
    /// P(χ²ₖ₋₁ ≥ statistic).
    public var pValue: Double?
    /// The smallest expected cell count.
    public var minExpected: Double?
    /// The variant with the lowest rate.
    public var best: String?
    /// Every other variant against the best, sorted by name.
    public var comparisons: [Comparison]
    /// The level of the comparisons with the best.
    public var alpha: Double

    /// The variants credibly above the best one, sorted by name.
    public var crediblyAboveBest: [String] { comparisons.filter(\.crediblyAboveBest).map(\.variant) }

    /// Tests `arms` (arms with a base of 0 are left out).
    public init(arms: [Arm], alpha: Double = 0.05) {
        let arms = arms.filter { $0.base > 0 }.sorted { $0.variant < $1.variant }
        self.variants = arms.map(\.variant)
        self.degreesOfFreedom = max(0, arms.count - 1)
        self.alpha = alpha
        let events = arms.reduce(0) { $0 + $1.events }
        let base = arms.reduce(0) { $0 + $1.base }
        guard arms.count >= 2, arms.allSatisfy({ $0.events >= 0 && $0.events <= $0.base }) else {
            (statistic, pValue, minExpected, best, comparisons) = (nil, nil, nil, nil, [])
            return
        }
        let bestArm = arms.min { $0.rate < $1.rate || ($0.rate == $1.rate && $0.variant < $1.variant) }!
        best = bestArm.variant
        comparisons = Self.compare(arms.filter { $0.variant != bestArm.variant }, with: bestArm, alpha: alpha)
        guard events > 0, events < base else {
            (statistic, pValue, minExpected) = (nil, nil, nil)
            return
        }
        let share = Double(events) / Double(base)
        var chi2 = 0.0
        var smallest = Double.infinity
        for arm in arms {
            let expectedEvents = Double(arm.base) * share
            let expectedOthers = Double(arm.base) - expectedEvents
            chi2 += (Double(arm.events) - expectedEvents) * (Double(arm.events) - expectedEvents) / expectedEvents
            let others = Double(arm.base - arm.events)
            chi2 += (others - expectedOthers) * (others - expectedOthers) / expectedOthers
            smallest = min(smallest, expectedEvents, expectedOthers)
        }
        statistic = chi2
        pValue = Statistics.chiSquareSurvival(chi2, degreesOfFreedom: arms.count - 1)
        minExpected = smallest
    }

    /// One-sided pooled two-proportion z-tests against `best`, Holm-adjusted.
    static func compare(_ others: [Arm], with best: Arm, alpha: Double) -> [Comparison] {
        var results = others.map { arm -> Comparison in
            let pooled = Double(arm.events + best.events) / Double(arm.base + best.base)
            let variance = pooled * (1 - pooled) * (1 / Double(arm.base) + 1 / Double(best.base))
            guard variance > 0 else {
                return Comparison(variant: arm.variant, z: nil, pValue: 1, adjustedPValue: 1, crediblyAboveBest: false)
            }
            let z = (arm.rate - best.rate) / variance.squareRoot()
            let p = Statistics.normalSurvival(z)
            return Comparison(variant: arm.variant, z: z, pValue: p, adjustedPValue: p, crediblyAboveBest: false)
        }
        // Holm: the i-th smallest of m p-values is multiplied by m − i + 1, then made monotone.
        let order = results.indices.sorted {
            (results[$0].pValue, results[$0].variant) < (results[$1].pValue, results[$1].variant)
        }
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(order.count - rank) * results[index].pValue))
            results[index].adjustedPValue = running
            results[index].crediblyAboveBest = running <= alpha && (results[index].z ?? 0) > 0
        }
        return results
    }

    /// Writes the test under `key`.
    func write(to out: inout JSONText, key: String) {
        out.openObject(key)
        out.member("test", "pearson_chi_square")
        out.inline("variants", strings: variants)
        out.member("degrees_of_freedom", degreesOfFreedom)
        out.member("statistic", statistic: statistic)
        out.member("p_value", statistic: pValue)
        out.member("min_expected", statistic: minExpected)
        out.member("best", best)
        out.member("comparison", "one_sided_two_proportion_z_holm")
        out.member("alpha", statistic: alpha)
        out.openArray("comparisons")
        for comparison in comparisons {
            out.openObject()
            out.member("variant", comparison.variant)
            out.member("z", statistic: comparison.z)
            out.member("p_value", statistic: comparison.pValue)
            out.member("adjusted_p_value", statistic: comparison.adjustedPValue)
            out.member("credibly_above_best", comparison.crediblyAboveBest)
            out.closeObject()
        }
        out.closeArray()
        out.inline("credibly_above_best", strings: crediblyAboveBest)
        out.closeObject()
    }
}
