// MARK: - Internal

/// Structural limits checked on YAML text *before* Yams composes it (SPEC §5: "aliases bounded").
///
/// A light lexical pass over the bytes: it refuses texts over `maxBytes`, any anchor (`&a`) or
/// alias (`*a`) where a YAML node can start, and nesting that looks deeper than `maxDepth`
/// (flow brackets plus block indicators and indentation). It skips quoted scalars, block scalars
/// and comments. `YAMLNode.compose` checks the composed tree again, exactly.
enum YAMLGuard {
    /// Largest YAML text accepted, in bytes.
    static let maxBytes = 64 * 1024
    /// Deepest nesting of mappings and sequences accepted.
    static let maxDepth = 32

    /// Returns the first violation in `text`, or nil. `what` names the text in messages.
    static func check(_ text: String, what: String) -> YAMLProblem? {
        let bytes = Array(text.utf8)
        if bytes.count > maxBytes {
            return YAMLProblem(line: 1, message: "\(what) is larger than 64 KiB (\(bytes.count) bytes)")
        }
        var scanner = Scanner(what: what)
        var start = 0
        var lineNumber = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != Byte.newline { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == Byte.carriageReturn { end -= 1 }
            lineNumber += 1
            if let problem = scanner.scan(bytes[start..<end], line: lineNumber) { return problem }
            start = next
        }
        return nil
    }

    static func aliasProblem(line: Int, what: String) -> YAMLProblem {
        YAMLProblem(
            line: line, message: "YAML aliases are not allowed in \(what)",
            hint: "write the value out instead of using '&anchor' and '*alias'")
    }

    static func depthProblem(line: Int) -> YAMLProblem {
        YAMLProblem(line: line, message: "YAML nesting deeper than \(maxDepth) levels is not allowed")
    }

    // MARK: - Private

    /// State carried from line to line.
    private struct Scanner {
        let what: String
        var flowDepth = 0
        var quote: UInt8?
        var blockScalarParentIndent: Int?
        /// Indentation of the enclosing block lines, with the nesting estimated at the end of each.
        var indents: [(indent: Int, depth: Int)] = []

        mutating func scan(_ line: ArraySlice<UInt8>, line number: Int) -> YAMLProblem? {
            var i = line.startIndex
            while i < line.endIndex, line[i] == Byte.space { i += 1 }
            let indent = i - line.startIndex
            let blank = i == line.endIndex
            if let parent = blockScalarParentIndent {
                if blank || indent > parent { return nil }
                blockScalarParentIndent = nil
            }
            var atTokenStart = true
            var opensBlockLine = false
            if quote != nil {
                i = line.startIndex
                atTokenStart = false
            } else {
                if blank || line[i] == Byte.hash { return nil }
                if flowDepth == 0 {
                    while let top = indents.last, top.indent >= indent { indents.removeLast() }
                    opensBlockLine = true
                }
            }
            let base = indents.last?.depth ?? 0
            var indicators = 0
            defer { if opensBlockLine { indents.append((indent, base + indicators)) } }
            var afterBlank = true
            while i < line.endIndex {
                let c = line[i]
                let next: UInt8? = i + 1 < line.endIndex ? line[i + 1] : nil
                let nextIsBlank = next == nil || next == Byte.space || next == Byte.tab
                defer { i += 1 }
                if let open = quote {
                    if open == Byte.apostrophe, c == Byte.apostrophe {
                        if next == Byte.apostrophe { i += 1 } else { quote = nil }
                    } else if open == Byte.doubleQuote, c == Byte.backslash {
                        i += 1
                    } else if open == Byte.doubleQuote, c == Byte.doubleQuote {
                        quote = nil
                    }
                    afterBlank = false
                    continue
                }
                if c == Byte.space || c == Byte.tab {
                    afterBlank = true
                    continue
                }
                if c == Byte.hash, afterBlank { break }
                afterBlank = false
                if atTokenStart {
                    switch c {
                    case Byte.ampersand, Byte.asterisk:
                        return YAMLGuard.aliasProblem(line: number, what: what)
                    case Byte.exclamation:
                        while i + 1 < line.endIndex, line[i + 1] != Byte.space, line[i + 1] != Byte.tab { i += 1 }
                    case Byte.apostrophe, Byte.doubleQuote:
                        quote = c
                        atTokenStart = false
                    case Byte.dash where nextIsBlank, Byte.question where nextIsBlank, Byte.colon where nextIsBlank:
                        if flowDepth == 0 { indicators += 1 }
                    case Byte.openBracket, Byte.openBrace:
                        flowDepth += 1
                    case Byte.closeBracket, Byte.closeBrace:
                        flowDepth = max(0, flowDepth - 1)
                        atTokenStart = false
                    case Byte.comma where flowDepth > 0:
                        break
                    case Byte.pipe where flowDepth == 0, Byte.greater where flowDepth == 0:
                        blockScalarParentIndent = indent
                        return nil
                    default:
                        atTokenStart = false
                    }
                } else if c == Byte.colon,
                    nextIsBlank || (flowDepth > 0 && next.map(Byte.flowIndicators.contains) == true)
                {
                    if flowDepth == 0 { indicators += 1 }
                    atTokenStart = true
                } else if flowDepth > 0, c == Byte.comma {
                    atTokenStart = true
                } else if flowDepth > 0, c == Byte.closeBracket || c == Byte.closeBrace {
                    flowDepth -= 1
                }
                if base + indicators + flowDepth > YAMLGuard.maxDepth {
                    return YAMLGuard.depthProblem(line: number)
                }
            }
            return nil
        }
    }
}

/// A YAML problem at a 1-based line of the YAML text (callers shift it to a line of the file).
struct YAMLProblem: Error, Sendable {
    var line: Int
    var message: String
    var hint: String?
}

/// The bytes `YAMLGuard` looks at.
private enum Byte {
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
}
