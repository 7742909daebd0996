/// The bytes the YAML readers (`YAMLGuard`, `FlatYAML`) look at.
enum YAMLByte {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#")
    static let ampersand = UInt8(ascii: "&")
    static let asterisk = UInt8(ascii: "*")
    static let exclamation = UInt8(ascii: "!")
    static let apostrophe = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let dash = UInt8(ascii: "-")
    static let question = UInt8(ascii: "?")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let pipe = UInt8(ascii: "|")
    static let greater = UInt8(ascii: ">")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let flowIndicators: Set<UInt8> = [comma, openBracket, closeBracket, openBrace, closeBrace]
    /// Characters that cannot start a plain scalar, or start one only in some positions.
    static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)
    /// Escapes of double-quoted scalars that stand for one character (YAML 1.1 §5.6), but `\0`.
    static let simpleEscapes: [UInt8: String] = [
        UInt8(ascii: "\\"): "\\", UInt8(ascii: "\""): "\"", UInt8(ascii: "/"): "/", UInt8(ascii: " "): " ",
        UInt8(ascii: "n"): "\n", UInt8(ascii: "t"): "\t", UInt8(ascii: "r"): "\r", UInt8(ascii: "a"): "\u{07}",
        UInt8(ascii: "b"): "\u{08}", UInt8(ascii: "v"): "\u{0B}", UInt8(ascii: "f"): "\u{0C}",
        UInt8(ascii: "e"): "\u{1B}", UInt8(ascii: "N"): "\u{85}", UInt8(ascii: "_"): "\u{A0}",
        UInt8(ascii: "L"): "\u{2028}", UInt8(ascii: "P"): "\u{2029}",
    ]
}
