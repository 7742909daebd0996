import Foundation

extension JSONText {
    /// A boolean member.
    public mutating func member(_ key: String, _ value: Bool) { literal(key, value ? "true" : "false") }

    /// An integer member that may be absent (null).
    public mutating func member(_ key: String, count value: Int?) { literal(key, value.map(String.init) ?? "null") }

    /// A statistic (a test statistic, a p-value): six significant digits, with an exponent when
    /// that is shorter (`2.5e-12`), null when nil or not finite.
    public mutating func member(_ key: String, statistic value: Double?) {
        literal(key, value.map(Self.significant) ?? "null")
    }

    /// A JSON array of integers on one line, `[1, 2, 3]`: as a member when `key` is given, else as
    /// an element of the enclosing array.
    public mutating func inline(_ key: String?, _ values: [Int]) {
        literal(key, "[" + values.map(String.init).joined(separator: ", ") + "]")
    }

    /// A JSON array of strings on one line, `["A", "B"]`.
    public mutating func inline(_ key: String?, strings values: [String]) {
        literal(key, "[" + values.map(Self.quoted).joined(separator: ", ") + "]")
    }

    /// `value` with six significant digits (C's `%.6g`): 0.0023, 20.5123, 3.1e-08; "null" when
    /// not finite.
    public static func significant(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return "0" }
        return String(format: "%.6g", value)
    }
}
