/// A 95% Wilson score interval for a proportion `count / trials` (Wilson 1927): unlike the
/// textbook p ± z·√(p(1−p)/n) it stays inside [0, 1] and is honest for the tiny counts of
/// complaints, where most rates in a post-mortem live.
public struct RateInterval: Sendable, Equatable {
    /// The lower bound.
    public var low: Double
    /// The upper bound.
    public var high: Double

    /// Makes an interval from its bounds.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The Wilson interval at `z` (default 95%) for `count` successes in `trials`; nil when
    /// `trials` is 0 or `count` is outside 0…trials (the rate is then no proportion).
    ///
    /// With p̂ = count/trials and n = trials: centre (p̂ + z²/2n) / (1 + z²/n), half-width
    /// z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
    public static func wilson(_ count: Int, _ trials: Int, z: Double = Statistics.z95) -> RateInterval? {
        guard trials > 0, count >= 0, count <= trials else { return nil }
        let n = Double(trials)
        let p = Double(count) / n
        let z2 = z * z
        let scale = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / scale
        let half = z / scale * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At the edges the bounds are exactly 0 and 1; keep them so rather than ±1 ulp.
        return RateInterval(
            low: count == 0 ? 0 : max(0, centre - half), high: count == trials ? 1 : min(1, centre + half))
    }

    /// Writes `{"low": …, "high": …}` under `key`, or null.
    static func write(_ interval: RateInterval?, key: String, to out: inout JSONText) {
        guard let interval else { return out.member(key, nil as String?) }
        out.openObject(key)
        out.member("low", rate: interval.low)
        out.member("high", rate: interval.high)
        out.closeObject()
    }
}

extension VariantFigures {
    /// The denominator of the complaint and unsubscribe rates: delivered, or sends when nothing
    /// was delivered (SPEC §2).
    public var engagementBase: Int { delivered > 0 ? delivered : sends }

    /// The Wilson interval of ``complaintRate``.
    public var complaintRateInterval: RateInterval? { RateInterval.wilson(complaints, engagementBase) }
    /// The Wilson interval of ``unsubscribeRate``.
    public var unsubscribeRateInterval: RateInterval? { RateInterval.wilson(unsubscribes, engagementBase) }
    /// The Wilson interval of ``bounceRate``.
    public var bounceRateInterval: RateInterval? { RateInterval.wilson(bounces, sends) }
}
