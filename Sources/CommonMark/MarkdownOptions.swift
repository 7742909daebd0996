/// How ``CommonMark/html(from:options:)`` renders a note.
public struct MarkdownOptions: Sendable, Equatable {
    // MARK: - Public API

    /// Keep raw HTML and dangerous link destinations (`markdown.unsafe: true` in aftermail.yml).
    ///
    /// Off by default: raw HTML becomes `<!-- raw HTML omitted -->` and `javascript:`,
    /// `vbscript:`, `file:` and non-image `data:` destinations become empty.
    public var unsafe: Bool = false

    /// Options for rendering; safe unless `unsafe` is `true`.
    public init(unsafe: Bool = false) {
        self.unsafe = unsafe
    }
}
