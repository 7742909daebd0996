/// A note that breaks one of the ``MarkdownLimits``, with the line to look at.
public struct MarkdownLimitViolation: Sendable, Equatable, CustomStringConvertible {
    // MARK: - Public API

    /// The 1-based line of the worst offence (1 for the size limit).
    public var line: Int
    /// What is wrong, e.g. `block nesting 5000 exceeds the limit of 64`.
    public var message: String

    /// A violation at `line` described by `message`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 12: block nesting 5000 exceeds the limit of 64`; callers that know the file
    /// combine ``line`` and ``message`` into `path:12: error: …` themselves.
    public var description: String { "line \(line): \(message)" }
}
