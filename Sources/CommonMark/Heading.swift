/// One heading of a Markdown document, as ``CommonMark/headings(in:)`` reports it.
public struct Heading: Sendable, Equatable {
    // MARK: - Public API

    /// The heading level, 1 through 6.
    public var level: Int
    /// The heading's plain text: its text and code-span literals, soft and hard breaks as spaces.
    public var text: String
    /// The `id` attribute ``CommonMark/html(from:options:)`` gives the heading: the slugified
    /// text, de-duplicated within the document with `-2`, `-3`, ….
    public var id: String

    /// A heading with the given level, text and id.
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
