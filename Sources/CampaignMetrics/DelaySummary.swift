/// The spread of a set of delays, in seconds: smallest, median (the mean of the two middle values
/// when their number is even) and largest.
public struct DelaySummary: Sendable, Equatable {
    /// The shortest delay.
    public var min: Double
    /// The median delay.
    public var median: Double
    /// The longest delay.
    public var max: Double

    /// Makes a summary from its values.
    public init(min: Double, median: Double, max: Double) {
        self.min = min
        self.median = median
        self.max = max
    }

    /// The summary of delays given in microseconds; nil when there are none.
    static func of(microseconds delays: [Int64]) -> DelaySummary? {
        guard !delays.isEmpty else { return nil }
        let sorted = delays.sorted()
        let middle = sorted.count / 2
        let median =
            sorted.count % 2 == 1
            ? Double(sorted[middle]) : (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2
        return DelaySummary(
            min: Double(sorted[0]) / 1e6, median: median / 1e6, max: Double(sorted[sorted.count - 1]) / 1e6)
    }

    /// Writes `{"min": …, "median": …, "max": …}` under `key`, or null.
    static func write(_ summary: DelaySummary?, key: String, to out: inout JSONText) {
        guard let summary else { return out.member(key, nil as String?) }
        out.openObject(key)
        out.member("min", rate: summary.min)
        out.member("median", rate: summary.median)
        out.member("max", rate: summary.max)
        out.closeObject()
    }
}
