/// Structural limits a note must meet before cmark sees it (SPEC.md §5).
///
/// Debian's libcmark 0.30.2 spends time quadratic in the nesting depth of block containers (every
/// line, blank ones included, walks the open containers; CVE-2023-24824 pairs deep block quotes
/// with emphasis) and in link openers: each link it closes walks every `[` and `![` still open
/// before it (CVE-2023-22486). The defaults keep every note within about a second of cmark time
/// (RELIABILITY.md has the measurements): a 1 MiB note 32 levels deep, or with 1,000 open
/// openers followed by links, renders in well under a second.
public struct MarkdownLimits: Sendable, Equatable {
    // MARK: - Public API

    /// The largest note, in UTF-8 bytes (default 1 MiB: cmark's time is linear in the size, but
    /// some linear inputs cost a microsecond a byte).
    public var maxBytes: Int
    /// The deepest nesting of block quotes and list items (default 32), as estimated by
    /// ``CommonMark/limitViolations(in:limits:)``.
    public var maxNesting: Int
    /// The most `[` / `![` link openers left unclosed within one paragraph (default 1,000).
    public var maxUnclosedBrackets: Int
    /// The most bracket work in a note (default 20,000,000): the sum, over every `]` that closes
    /// an opener, of the openers still unclosed before it, which bounds the openers cmark walks
    /// for the links it closes. `![` × 1,000 followed by `[]()` × 250,000 is 250 million steps
    /// (over 3 s); ordinary notes need a few thousand.
    public var maxBracketWork: Int

    /// The limits every note is checked against unless the caller says otherwise.
    public static let `default` = MarkdownLimits()

    /// Limits with the given values; each defaults to the value in ``default``.
    public init(
        maxBytes: Int = 1 << 20, maxNesting: Int = 32, maxUnclosedBrackets: Int = 1_000,
        maxBracketWork: Int = 20_000_000
    ) {
        self.maxBytes = maxBytes
        self.maxNesting = maxNesting
        self.maxUnclosedBrackets = maxUnclosedBrackets
        self.maxBracketWork = maxBracketWork
    }
}
