extension CommonMark {
    // MARK: - Public API

    /// The headings of a document in order, with the same ids ``html(from:options:)`` gives
    /// them (parsed in safe mode; raw HTML headings are not Markdown headings and never count).
    ///
    /// Check ``limitViolations(in:limits:)`` first: cmark 0.30.2 is quadratic on some inputs.
    public static func headings(in markdown: String) -> [Heading] {
        let flags = CmarkDocument.cmarkOptions(MarkdownOptions())
        let outline = CmarkDocument.withParsed(markdown, options: flags) { tree in
            CmarkDocument.headingOutline(tree)
        }
        return HeadingIDs.headings(from: outline ?? [])
    }
}
