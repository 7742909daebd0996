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
            while end < bytes.count, bytes[end] != YAMLByte.newline { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == YAMLByte.carriageReturn { end -= 1 }
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
            while i < line.endIndex, line[i] == YAMLByte.space { i += 1 }
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
                if blank || line[i] == YAMLByte.hash { return nil }
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
                let nextIsBlank = next == nil || next == YAMLByte.space || next == YAMLByte.tab
                defer { i += 1 }
                if let open = quote {
                    if open == YAMLByte.apostrophe, c == YAMLByte.apostrophe {
                        if next == YAMLByte.apostrophe { i += 1 } else { quote = nil }
                    } else if open == YAMLByte.doubleQuote, c == YAMLByte.backslash {
                        i += 1
                    } else if open == YAMLByte.doubleQuote, c == YAMLByte.doubleQuote {
                        quote = nil
                    }
                    afterBlank = false
                    continue
                }
                if c == YAMLByte.space || c == YAMLByte.tab {
                    afterBlank = true
                    continue
                }
                if c == YAMLByte.hash, afterBlank { break }
                afterBlank = false
                if atTokenStart {
                    switch c {
                    case YAMLByte.ampersand, YAMLByte.asterisk:
                        return YAMLGuard.aliasProblem(line: number, what: what)
                    case YAMLByte.exclamation:
                        while i + 1 < line.endIndex, line[i + 1] != YAMLByte.space, line[i + 1] != YAMLByte.tab {
                            i += 1
                        }
                    case YAMLByte.apostrophe, YAMLByte.doubleQuote:
                        quote = c
                        atTokenStart = false
                    case YAMLByte.dash where nextIsBlank, YAMLByte.question where nextIsBlank,
                        YAMLByte.colon where nextIsBlank:
                        if flowDepth == 0 { indicators += 1 }
                    case YAMLByte.openBracket, YAMLByte.openBrace:
                        flowDepth += 1
                    case YAMLByte.closeBracket, YAMLByte.closeBrace:
                        flowDepth = max(0, flowDepth - 1)
                        atTokenStart = false
                    case YAMLByte.comma where flowDepth > 0:
                        break
                    case YAMLByte.pipe where flowDepth == 0, YAMLByte.greater where flowDepth == 0:
                        blockScalarParentIndent = indent
                        return nil
                    default:
                        atTokenStart = false
                    }
                } else if c == YAMLByte.colon,
                    nextIsBlank || (flowDepth > 0 && next.map(YAMLByte.flowIndicators.contains) == true)
                {
                    if flowDepth == 0 { indicators += 1 }
                    atTokenStart = true
                } else if flowDepth > 0, c == YAMLByte.comma {
                    atTokenStart = true
                } else if flowDepth > 0, c == YAMLByte.closeBracket || c == YAMLByte.closeBrace {
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
