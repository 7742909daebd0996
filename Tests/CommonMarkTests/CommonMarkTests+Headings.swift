import Ccmark
import TestSupport
import Testing

@testable import CommonMark

extension CommonMarkTests {
    // MARK: - Heading ids

    @Test func headingsGetIDsDeduplicatedInOrder() {
        let html = CommonMark.html(from: "# Hello World\n\n## Hello World\n\n### Hello *World*!\n")
        let expected = """
            <h1 id="hello-world">Hello World</h1>
            <h2 id="hello-world-2">Hello World</h2>
            <h3 id="hello-world-3">Hello <em>World</em>!</h3>

            """
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    @Test func deduplicationSkipsIDsAlreadyTaken() {
        let ids = CommonMark.headings(in: "# A\n# A 2\n# A\n# A\n").map(\.id)
        #expect(ids == ["a", "a-2", "a-3", "a-4"], "got \(ids)")
        let clash = CommonMark.headings(in: "# A\n# A\n# A 2\n").map(\.id)
        #expect(clash == ["a", "a-2", "a-2-2"], "got \(clash)")
    }

    @Test(arguments: [
        ("Hello, World!", "hello-world"),
        ("  --Trim me--  ", "trim-me"),
        ("a - b", "a-b"),
        ("Version 2.0 — final", "version-20-final"),
        ("snake_case & more", "snakecase-more"),
        ("Ünïcödé Straße", "ünïcödé-straße"),
        ("日本語 テスト", "日本語-テスト"),
        ("!!!", "section"),
        ("", "section"),
    ])
    func slugs(text: String, expected: String) {
        let slug = HeadingIDs.slug(text)
        #expect(
            slug == expected,
            "slug(\(text.debugDescription)) = \(slug.debugDescription), want \(expected.debugDescription)"
        )
    }

    /// The byte-level slug of ASCII text must agree with the `Character` rules it short-cuts.
    @Test func asciiSlugsAgreeWithTheCharacterRules() {
        var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["A\r\nB", "x\u{0B}y\u{0C}z", "Tab\there", "--a--b--", "_-_", "MiXeD 42 Case!", "a\u{0}b"]
        var generator = SplitMix64(seed: 7)
        let alphabet = Array(" \t\n\r-_.,!?#*`'\"<>&()[]{}/\\:;aZ09mQ")
        for _ in 0..<2_000 {
            texts.append(
                String((0..<generator.next(below: 24)).map { _ in alphabet[generator.next(below: alphabet.count)] }))
        }
        for text in texts {
            let fast = HeadingIDs.slug(text)
            let reference = HeadingIDs.characterSlug(text)
            #expect(
                fast == reference,
                "slug(\(text.debugDescription)) = \(fast.debugDescription), want \(reference.debugDescription)")
        }
    }

    @Test func idsGoIntoEveryHeadingTagWhereverItStands() {
        let markdown = "# Ünï\n***\n# Ünï\n\n```\n<h2>not a tag</h2>\n```\n\n##\n\n######  Last `<h1>`"
        let html = CommonMark.html(from: markdown)
        let expected = """
            <h1 id="ünï">Ünï</h1>
            <hr />
            <h1 id="ünï-2">Ünï</h1>
            <pre><code>&lt;h2&gt;not a tag&lt;/h2&gt;
            </code></pre>
            <h2 id="section"></h2>
            <h6 id="last-h1">Last <code>&lt;h1&gt;</code></h6>

            """
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    @Test func headingTextIsTextAndCodeLiterals() {
        let markdown = """
            Setext *title*
            on two lines
            ============

            ## The `<h1>` [tag](https://example.com) <b>raw</b>

            > ### Quoted

            - #### In a list

            #
            """
        let expected = [
            Heading(level: 1, text: "Setext title on two lines", id: "setext-title-on-two-lines"),
            Heading(level: 2, text: "The <h1> tag raw", id: "the-h1-tag-raw"),
            Heading(level: 3, text: "Quoted", id: "quoted"),
            Heading(level: 4, text: "In a list", id: "in-a-list"),
            Heading(level: 1, text: "", id: "section"),
        ]
        let headings = CommonMark.headings(in: markdown)
        #expect(headings == expected, "got \(headings), want \(expected)")
    }

    @Test func htmlCarriesTheIDsHeadingsReports() {
        let markdown = "# Intro\n\n## The `<h2>` tag\n\n> ## Intro\n\n<h2>raw</h2>\n\n###### Deep\n"
        let html = CommonMark.html(from: markdown)
        let expected = """
            <h1 id="intro">Intro</h1>
            <h2 id="the-h2-tag">The <code>&lt;h2&gt;</code> tag</h2>
            <blockquote>
            <h2 id="intro-2">Intro</h2>
            </blockquote>
            <!-- raw HTML omitted -->
            <h6 id="deep">Deep</h6>

            """
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
        let ids = CommonMark.headings(in: markdown).map(\.id)
        #expect(ids == ["intro", "the-h2-tag", "intro-2", "deep"], "got \(ids)")
    }

    @Test func rawHTMLHeadingsInUnsafeModeFallBackToNoIDs() {
        let markdown = "<h2>raw</h2>\n\n## Real\n"
        let html = CommonMark.html(from: markdown, options: MarkdownOptions(unsafe: true))
        let expected = "<h2>raw</h2>\n<h2>Real</h2>\n"
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    @Test func unsafeModeKeepsIDsWhenRawHTMLHasNoHeadings() {
        let html = CommonMark.html(
            from: "<div>x</div>\n\n## Real\n", options: MarkdownOptions(unsafe: true))
        let expected = "<div>x</div>\n<h2 id=\"real\">Real</h2>\n"
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    /// The outline walks only the blocks that can hold headings; it must find what a walk over
    /// every node finds, wherever headings stand (nested quotes and lists, loose and tight, after
    /// empty items, setext and ATX, with emphasis, links, images, code and breaks).
    @Test func outlineOfBlocksAgreesWithAWalkOfEveryNode() {
        let pieces = [
            "# Top *em* `code`\n", "> ## Quoted [link](/x) ![img *alt*](/i)\n", "> > ### Deeper\n", "- item\n",
            "- ## Item heading\n", "  - #### Nested item\n", "1. > ##### In quote in item\n", "-\n", "\n",
            "Setext\nline two  \n===\n", "para **strong** text\n", "    # indented code\n", "```\n# fenced\n```\n",
            "<h2>raw</h2>\n", "###### six\\\nbreak\n", "> - > - # very nested\n", "***\n",
        ]
        var generator = SplitMix64(seed: 21)
        let flags = CmarkDocument.cmarkOptions(MarkdownOptions())
        for _ in 0..<500 {
            let markdown = (0..<generator.next(below: 30)).map { _ in generator.pick(pieces) }.joined()
            let outline = CmarkDocument.withParsed(markdown, options: flags) { CmarkDocument.headingOutline($0) } ?? []
            let reference =
                CmarkDocument.withParsed(markdown, options: flags) { Self.outlineOfEveryNode($0.root) } ?? []
            #expect(
                outline.map(\.level) == reference.map(\.level) && outline.map(\.text) == reference.map(\.text),
                "\(markdown.debugDescription): got \(outline), want \(reference)")
        }
    }

    /// The outline by cmark's iterator over every node (how it was found before the block walk).
    static func outlineOfEveryNode(_ root: OpaquePointer) -> [(level: Int, text: String)] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var outline: [(level: Int, text: String)] = []
        var text: String?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch (cmark_node_get_type(node), event) {
            case (CMARK_NODE_HEADING, CMARK_EVENT_ENTER):
                text = ""
            case (CMARK_NODE_HEADING, CMARK_EVENT_EXIT):
                outline.append((Int(cmark_node_get_heading_level(node)), text ?? ""))
                text = nil
            case (CMARK_NODE_TEXT, _), (CMARK_NODE_CODE, _):
                if text != nil, let literal = cmark_node_get_literal(node) { text! += String(cString: literal) }
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _):
                if text != nil { text! += " " }
            default:
                break
            }
        }
        return outline
    }
}
