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
        let flags = CmarkDocument.cmarkOptions(options)
        let rendered = CmarkDocument.withParsed(markdown, options: flags) { root in
            (
                html: CmarkDocument.renderHTML(root, options: flags),
                headings: HeadingIDs.headings(from: CmarkDocument.headingOutline(root))
            )
        }
        guard let rendered else { return "" }
        return addingHeadingIDs(rendered.headings, to: rendered.html) ?? rendered.html
    }

    // MARK: - Private

    /// `html` with ` id="…"` added to its bare `<hN>` open tags, the n-th tag getting the n-th
    /// heading's id; `nil` when the tags and headings disagree in number or level (raw HTML
    /// headings kept in unsafe mode can cause that), so the caller falls back to no ids.
    private static func addingHeadingIDs(_ headings: [Heading], to html: String) -> String? {
        guard !headings.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + headings.count * 16)
        var next = 0
        var index = 0
        while index < bytes.count {
            if let level = headingLevel(openingAt: index, in: bytes) {
                guard next < headings.count, headings[next].level == level else { return nil }
                output.append(contentsOf: "<h\(level) id=\"\(headings[next].id)\">".utf8)
                next += 1
                index += 4
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        guard next == headings.count else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    /// The level of a bare `<hN>` tag (N in 1…6) starting at `index`, else `nil`.
    private static func headingLevel(openingAt index: Int, in bytes: [UInt8]) -> Int? {
        guard index + 3 < bytes.count, bytes[index] == UInt8(ascii: "<"),
            bytes[index + 1] == UInt8(ascii: "h"), bytes[index + 3] == UInt8(ascii: ">"),
            (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2])
        else { return nil }
        return Int(bytes[index + 2] - UInt8(ascii: "0"))
    }
}
