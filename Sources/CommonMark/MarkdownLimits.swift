/// Structural limits a note must meet before cmark sees it (SPEC.md §5).
///
/// Debian's libcmark 0.30.2 spends time quadratic in the nesting depth of block containers and
/// in the number of unclosed link openers (CVE-2023-22486); these limits keep both small.
public struct MarkdownLimits: Sendable, Equatable {
    // MARK: - Public API

    /// The largest note, in UTF-8 bytes (default 4 MiB).
    public var maxBytes: Int
    /// The deepest nesting of block quotes and list items (default 64), as estimated by
    /// ``CommonMark/limitViolations(in:limits:)``.
    public var maxNesting: Int
    /// The most `[` / `![` link openers left unclosed within one paragraph (default 10,000).
    public var maxUnclosedBrackets: Int

    /// The limits every note is checked against unless the caller says otherwise.
    public static let `default` = MarkdownLimits()

    /// Limits with the given values; each defaults to the value in ``default``.
    public init(maxBytes: Int = 4 << 20, maxNesting: Int = 64, maxUnclosedBrackets: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxNesting = maxNesting
        self.maxUnclosedBrackets = maxUnclosedBrackets
    }
}
