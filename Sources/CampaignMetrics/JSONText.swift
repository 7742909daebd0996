/// Builds JSON text with keys in the order written, as SPEC §3 fixes them (an encoder would sort
/// or shuffle them). Two-space indentation, one member a line, deterministic to the byte.
public struct JSONText: Sendable {
    /// The text so far.
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]

    /// An empty document.
    public init() {}

    /// Opens an object: as a member when `key` is given, else as a value.
    public mutating func openObject(_ key: String? = nil) { open(key, "{") }
    /// Closes the innermost object.
    public mutating func closeObject() { close("}") }
    /// Opens an array: as a member when `key` is given, else as a value.
    public mutating func openArray(_ key: String? = nil) { open(key, "[") }
    /// Closes the innermost array.
    public mutating func closeArray() { close("]") }

    /// A string member (null when nil).
    public mutating func member(_ key: String, _ value: String?) {
        item(key, value.map(Self.quoted) ?? "null")
    }

    /// An integer member.
    public mutating func member(_ key: String, _ value: Int) { item(key, String(value)) }

    /// A rate member: rounded to six decimal places, written without an exponent (null when nil).
    public mutating func member(_ key: String, rate value: Double?) {
        item(key, value.map(Self.decimal) ?? "null")
    }

    /// A JSON string literal of `value`, escaped per RFC 8259.
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `value` rounded to six decimal places, trailing zeros trimmed: 0.000455, 0.0116, 1, 0.
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let micros = Int64((abs(value) * 1_000_000).rounded())
        let sign = value < 0 && micros != 0 ? "-" : ""
        let whole = micros / 1_000_000
        var fraction = String(micros % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    // MARK: - Internal

    /// A member (or, without a key, an element) whose value is already JSON text.
    mutating func literal(_ key: String?, _ json: String) { item(key, json) }

    // MARK: - Private

    private var indent: String { String(repeating: "  ", count: needsComma.count - 1) }

    private mutating func prefix(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        if !text.isEmpty { text += "\n" }
        text += indent
        if let key { text += Self.quoted(key) + ": " }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func item(_ key: String?, _ literal: String) {
        prefix(key)
        text += literal
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        prefix(key)
        text += bracket
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadMembers = needsComma.removeLast()
        if hadMembers { text += "\n" + indent }
        text += bracket
    }
}
