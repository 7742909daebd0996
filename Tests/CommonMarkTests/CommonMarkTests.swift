import TestSupport
import Testing

@testable import CommonMark

/// Literal-in, literal-out checks of the CommonMark module.
struct CommonMarkTests {
    // MARK: - Rendering

    @Test func paragraphsAndEmphasis() {
        let html = CommonMark.html(from: "Hello *world*.\n\nSecond **paragraph** with `code`.\n")
        let expected =
            "<p>Hello <em>world</em>.</p>\n<p>Second <strong>paragraph</strong> with <code>code</code>.</p>\n"
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    @Test func coreDocument() {
        let markdown = """
            > Quoted
            > text.

            - one
            - two

            1. first

            ```swift
            let x = 1 < 2
            ```

            ---
            A | B
            """
        let expected = """
            <blockquote>
            <p>Quoted
            text.</p>
            </blockquote>
            <ul>
            <li>one</li>
            <li>two</li>
            </ul>
            <ol>
            <li>first</li>
            </ol>
            <pre><code class="language-swift">let x = 1 &lt; 2
            </code></pre>
            <hr />
            <p>A | B</p>

            """
        let html = CommonMark.html(from: markdown)
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    @Test func smartPunctuationIsOff() {
        let html = CommonMark.html(from: "\"quoted\" -- it's\n")
        let expected = "<p>&quot;quoted&quot; -- it's</p>\n"
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    @Test func emptyDocument() {
        let html = CommonMark.html(from: "")
        #expect(html == "", "got \(html.debugDescription), want \"\"")
    }

    // MARK: - Safe mode

    @Test(arguments: [
        ("<script>alert(1)</script>\n", "<!-- raw HTML omitted -->\n"),
        ("a <b>bold</b>\n", "<p>a <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n"),
        ("[x](javascript:alert(1))\n", "<p><a href=\"\">x</a></p>\n"),
        ("[x](VBScript:msgbox)\n", "<p><a href=\"\">x</a></p>\n"),
        ("[x](file:///etc/passwd)\n", "<p><a href=\"\">x</a></p>\n"),
        ("[x](data:text/html;base64,PHA+)\n", "<p><a href=\"\">x</a></p>\n"),
        ("![x](javascript:alert(1))\n", "<p><img src=\"\" alt=\"x\" /></p>\n"),
        (
            "![x](data:image/png;base64,iVBO)\n",
            "<p><img src=\"data:image/png;base64,iVBO\" alt=\"x\" /></p>\n"
        ),
        (
            "[x](https://example.com/?a=1&b=2)\n",
            "<p><a href=\"https://example.com/?a=1&amp;b=2\">x</a></p>\n"
        ),
    ])
    func safeModeDropsRawHTMLAndDangerousLinks(markdown: String, expected: String) {
        let html = CommonMark.html(from: markdown)
        #expect(
            html == expected,
            "\(markdown.debugDescription): got \(html.debugDescription), want \(expected.debugDescription)"
        )
    }

    @Test(arguments: [
        ("<script>alert(1)</script>\n", "<script>alert(1)</script>\n"),
        ("a <b>bold</b>\n", "<p>a <b>bold</b></p>\n"),
        ("[x](javascript:alert(1))\n", "<p><a href=\"javascript:alert(1)\">x</a></p>\n"),
    ])
    func unsafeModeKeepsThem(markdown: String, expected: String) {
        let html = CommonMark.html(from: markdown, options: MarkdownOptions(unsafe: true))
        #expect(
            html == expected,
            "\(markdown.debugDescription): got \(html.debugDescription), want \(expected.debugDescription)"
        )
    }

    @Test func optionsDefaultToSafe() {
        #expect(
            MarkdownOptions() == MarkdownOptions(unsafe: false), "MarkdownOptions() must be safe")
        #expect(MarkdownOptions().unsafe == false, "unsafe must default to false")
    }

    // MARK: - UTF-8

    @Test func invalidUTF8BecomesReplacementCharacter() {
        let markdown = String(decoding: [0x61, 0xFF, 0x62, 0xC3, 0x0A], as: UTF8.self)
        #expect(
            markdown == "a\u{FFFD}b\u{FFFD}\n",
            "Swift repairs the bytes: \(markdown.debugDescription)")
        let html = CommonMark.html(from: markdown)
        let expected = "<p>a\u{FFFD}b\u{FFFD}</p>\n"
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    @Test func nulBecomesReplacementCharacterAndDoesNotTruncate() {
        let html = CommonMark.html(from: "a\u{0}b *c*\n")
        let expected = "<p>a\u{FFFD}b <em>c</em></p>\n"
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    @Test func nonASCIITextSurvives() {
        let html = CommonMark.html(from: "Ünïcödé — 日本語 🎉\n")
        let expected = "<p>Ünïcödé — 日本語 🎉</p>\n"
        #expect(html == expected, "got \(html.debugDescription), want \(expected.debugDescription)")
    }

    /// cmark renders without its own UTF-8 check, as a Swift `String` is valid UTF-8: every kind of
    /// scalar (1 to 4 bytes, at the edges of each length and around the surrogates), NUL and a
    /// literal U+FFFD must come out as with the check, in text, code, links and headings.
    @Test func renderingWithoutCmarkUTF8CheckIsTheSame() {
        let scalars: [Unicode.Scalar] = [
            "\u{0}", "\u{1}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}", "\u{FFFD}",
            "\u{FFFE}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}", "é", "—", "日", "🎉",
        ]
        var generator = SplitMix64(seed: 9)
        var documents = scalars.map { "# \($0)\n\ntext \($0) `\($0)` [\($0)](/\($0))\n" }
        for _ in 0..<200 {
            let text = String(
                String.UnicodeScalarView((0..<40).map { _ in generator.pick(scalars + ["*", " ", "\n"]) }))
            documents.append(text)
        }
        for document in documents {
            let options = MarkdownOptions()
            let unchecked = Self.html(document, flags: CmarkDocument.cmarkOptions(options))
            let checked = Self.html(document, flags: CmarkDocument.validatingOptions(options))
            #expect(
                unchecked == checked,
                "\(document.debugDescription): got \(unchecked.debugDescription), want \(checked.debugDescription)")
        }
    }

    /// cmark's HTML of `markdown` with `flags`, without heading ids.
    static func html(_ markdown: String, flags: Int32) -> String {
        let html = CmarkDocument.withParsed(markdown, options: flags) { tree in
            CmarkDocument.withRenderedHTML(tree, options: flags) { String(decoding: $0, as: UTF8.self) }
        }
        return html ?? ""
    }

    // MARK: - Memory

    /// Exercises the parse / render / free path; a leak or double free shows up under
    /// sanitizers or as a crash, not as a timing assertion.
    @Test func renderingManyTimesIsStable() {
        let section =
            "## Section\n\nSome *text* with a [link](https://example.com) and `code`.\n\n- item\n- item\n\n"
        let markdown = String(repeating: section, count: 5_000 / section.utf8.count + 1)
        let first = CommonMark.html(from: markdown)
        var mismatches = 0
        for _ in 0..<2_000 where CommonMark.html(from: markdown) != first {
            mismatches += 1
        }
        #expect(
            markdown.utf8.count >= 5_000,
            "document is \(markdown.utf8.count) bytes, want at least 5000")
        #expect(mismatches == 0, "\(mismatches) of 2000 renderings differed from the first")
    }
}
