import Ccmark

extension CommonMark {
    // MARK: - Public API

    /// Renders Markdown as an HTML fragment with cmark.
    ///
    /// Safe unless `options.unsafe`: raw HTML blocks and inlines become
    /// `<!-- raw HTML omitted -->`, and `javascript:`, `vbscript:`, `file:` and non-image `data:`
    /// link destinations become empty. Invalid UTF-8 and NUL become U+FFFD; no smart
    /// punctuation. Every `<h1>`…`<h6>` gets the `id` that ``headings(in:)`` reports for it.
    ///
    /// Check ``limitViolations(in:limits:)`` first: cmark 0.30.2 is quadratic on some inputs.
    public static func html(from markdown: String, options: MarkdownOptions = .init()) -> String {
        html(from: markdown, options: options, memory: nil)
    }

    // MARK: - Internal

    /// ``html(from:options:)`` with cmark's memory from `memory` (by default chosen by the size).
    static func html(from markdown: String, options: MarkdownOptions, memory: CmarkMemory?) -> String {
        let flags = CmarkDocument.cmarkOptions(options)
        let html = CmarkDocument.withParsed(markdown, options: flags, memory: memory) { tree in
            let headings = HeadingIDs.headings(from: CmarkDocument.headingOutline(tree))
            return CmarkDocument.withRenderedHTML(tree, options: flags) { bytes in
                HeadingTags.html(bytes, addingIDsOf: headings)
            }
        }
        return html ?? ""
    }
}
