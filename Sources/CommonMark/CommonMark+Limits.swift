extension CommonMark {
    // MARK: - Public API

    /// The ways `markdown` breaks `limits`, at most one per limit; empty means cmark may render
    /// it. Linear in the input and allocation-free, so it is safe on hostile notes.
    ///
    /// - Size: more than `maxBytes` UTF-8 bytes is reported at line 1, and nothing else is
    ///   checked.
    /// - Nesting, an upper bound on cmark's container depth for each line: the block-quote and
    ///   list-item markers (`>`, `-`, `*`, `+`, `1.`, `1)`) at the start of the line, plus half
    ///   the whitespace columns among them (a continued list item needs at least two), that half
    ///   capped by the deepest bound of any earlier line (a line can only continue containers
    ///   that earlier lines opened, so deep indentation in code blocks is not counted).
    ///   Thematic breaks like `* * *` count as markers; code is not excluded.
    /// - Brackets: the running count of `[` (so also `![`) minus the `]` that close them, reset
    ///   by blank lines (cmark keeps one bracket stack per paragraph); `\[` and `\]` are skipped,
    ///   code spans are not.
    /// - Bracket work: the sum, over every `]` that closes an opener, of the openers unclosed
    ///   before it; reported at the line where it first goes over the limit.
    ///
    /// A violation points at the first line where the worst value occurs.
    public static func limitViolations(
        in markdown: String,
        limits: MarkdownLimits = .default
    ) -> [MarkdownLimitViolation] {
        let size = markdown.utf8.count
        guard size <= limits.maxBytes else {
            let message = "size \(size) bytes exceeds the limit of \(limits.maxBytes) bytes"
            return [MarkdownLimitViolation(line: 1, message: message)]
        }
        var source = markdown
        let scan = source.withUTF8 { StructureScan($0, bracketWorkLimit: limits.maxBracketWork) }
        var violations: [MarkdownLimitViolation] = []
        if scan.deepestNesting > limits.maxNesting {
            let message =
                "block nesting \(scan.deepestNesting) exceeds the limit of \(limits.maxNesting)"
            violations.append(
                MarkdownLimitViolation(line: scan.deepestNestingLine, message: message))
        }
        if scan.mostUnclosedBrackets > limits.maxUnclosedBrackets {
            let message =
                "\(scan.mostUnclosedBrackets) unclosed link brackets exceed the limit of "
                + "\(limits.maxUnclosedBrackets)"
            violations.append(
                MarkdownLimitViolation(line: scan.mostUnclosedBracketsLine, message: message))
        }
        if scan.bracketWork > limits.maxBracketWork {
            let message =
                "too many links after unclosed '[' or '![': \(scan.bracketWork) bracket steps exceed the limit of "
                + "\(limits.maxBracketWork)"
            violations.append(MarkdownLimitViolation(line: scan.bracketWorkLine, message: message))
        }
        return violations
    }
}
