/// Rates as people read them, the same on pages, in `check` and anywhere else.
public enum Percent {
    /// A rate as a percentage with up to three decimals: `0.000455` → `0.046%`, `0.01` → `1%`;
    /// nil (or not finite) → `–`.
    public static func text(_ rate: Double?) -> String {
        guard let rate, rate.isFinite else { return "–" }
        let thousandths = Int((rate * 100_000).rounded())
        var fraction = String(thousandths % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return String(thousandths / 1000) + (fraction.isEmpty ? "" : "." + fraction) + "%"
    }
}
