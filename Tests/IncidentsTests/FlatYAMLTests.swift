import TestSupport
import Testing

@testable import Incidents

/// `FlatYAML` must compose exactly what Yams composes, or decline.
struct FlatYAMLTests {
    /// Texts the fast path takes.
    static let flat: [String] = [
        "title: Hello\n",
        "title: Hello",
        "title: \"The weekly digest email went out twice\"\ndate: 2018-01-01\n"
            + "summary: \"On 1 January 2018 the digest went out twice; 107,895 readers were affected.\"\n",
        "title: 'it''s fine'\n",
        "title: ''''\n",
        "title: ''\n",
        "title: \"\"\n",
        "title: \"a \\\"quoted\\\" word, a \\\\ and a \\/ slash\"\n",
        "title: \"tab\\tnew\\nline \\x41\\xe9\\u00e9\\U0001F600 \\N\\_\\L\\P \\a\\b\\v\\f\\e\\r\\ end\"\n",
        "title: \"\\x0d\\x7f\\u0085\\uFEFF\\uffff\"\n",
        "title: \"  padded  \"\n",
        "title: '  padded  '\n",
        "title: 'back\\slash \"double\" in single'\n",
        "title: Plain with trailing spaces   \n",
        "title:    many spaces before\n",
        "title: C# and F# # a comment\n",
        "title: Issue #42\n",
        "title: \"quoted\"   # a comment\n",
        "title: 'single'  # comment # more\n",
        "title: http://example.com/a:b?c=d#frag\n",
        "title: ratio 3:2 and 10:30\n",
        "title: a - b ? c , [d] {e} & *f ! |g >h 'i' \"j\" %k @l `m\n",
        "title: a -- b\n",
        "title: x\"y'z\n",
        "title: '#not a comment'\n",
        "title: \"# not a comment\"\n",
        "title: a#b\n",
        "title: x:\\y\n",
        "title: trailing colon:x\n",
        "date: 2026-09-10\n",
        "date: 2026-09-10T14:00:00Z\n",
        "date: 2026-09-10T16:03:10.5+02:00\n",
        "date: '2026-09-10'\n",
        "status: draft\nowner: null\n",
        "owner: ~\n",
        "owner: \"~\"\n",
        "owner: 'null'\n",
        "flag: yes\ncount: 42\nratio: 1.5e3\nnothing: NULL\noctal: 0o17\nhex: 0x1F\ninf: .inf\n",
        "# leading comment\n\ntitle: x\n   \n# another\nsummary: y\n",
        "\n\ntitle: after blank lines\n",
        "#comment\ntitle: x\n#trailing comment",
        "title: Ünïcödé — “quotes” 日本語 😀\n",
        "title: \"Ünïcödé — \\u201cq\\u201d\"\n",
        "title: \u{A0}nbsp\u{A0}\n",
        "sent_at: 2026-09-12\nsubject: Sorry\naudience: complainants\n",
        "a_b-c: 1\nZ9: 2\n_x: 3\nyes: 4\nnull: 5\ntrue: 6\nTrue: 7\n",
        "title: x\nTitle: y\n",
        "title: x\n\n\n",
    ]

    /// Texts outside the flat form: the fast path declines and Yams decides.
    static let other: [String] = [
        "", "\n", "# only a comment\n", "   \n",
        "title:\n", "title: \n", "title:   # comment\n", "title:", "title:x\n",
        "tags: [a, b]\n", "tags:\n  - a\n  - b\n", "tags:\n- a\n", "title: [a]\n", "owner: {name: me}\n",
        "summary: >\n  folded\n", "summary: |\n  literal\n", "summary: >-\n  x\n",
        "title: two\n  lines\n", "title: two\n\n  lines\n", "title: \"multi\n  line\"\n", "title: 'multi\n  line'\n",
        "title: a: b\n", "title: a:\n", "title: a:  \n", "title: a: # c\n",
        "title: &a x\n", "title: *a\n", "title: !!str x\n", "title: !tag x\n",
        "title: @x\n", "title: `x\n", "title: %x\n", "title: -x\n", "title: - x\n", "title: ?x\n", "title: :x\n",
        "title: ,x\n", "title: |x\n", "title: >x\n", "title: #x\n", "title: [x\n", "title: }x\n",
        "title:\tx\n", "title: x\ty\n", "title: \"x\ty\"\n",
        "title: \"a\\\n  b\"\n", "title: \"a\\0b\"\n", "title: \"\\x00\"\n", "title: \"\\u0000\"\n",
        "title: \"\\ud800\"\n", "title: \"\\U00110000\"\n", "title: \"\\q\"\n",
        "title: \"\\x4\"\n", "title: \"\\xZZ\"\n",
        "title: \"unterminated\n", "title: 'unterminated\n", "title: \"end\\\"\n",
        "title: \"x\"y\n", "title: \"x\"#c\n", "title: 'x'y\n", "title: 'x'#c\n", "title: \"x\" \"y\"\n",
        "title: a\ntitle: b\n",
        "title : x\n", "\"title\": x\n", "'title': x\n", "? title\n: x\n", "title x\n", "-title: x\n", "1: x\n",
        "title: x\r\n", "title: x\ry\n", "title: x\u{85}y\n", "title: x\u{2028}y\n", "title: x\u{2029}y\n",
        "title: \u{FEFF}x\n", "\u{FEFF}title: x\n", "title: x\u{7F}\n", "title: x\u{1}\n", "title: x\u{9F}\n",
        "title: x\u{FFFE}\n", "title: x\u{FFFF}\n",
        "---\ntitle: x\n", "%YAML 1.1\n---\ntitle: x\n", "title: x\n...\n", "title: x\n---\n",
        " title: x\n", "title: x\n- y\n", "plain text\n", "title: x\n  summary: y\n",
        String(repeating: "k", count: 200) + ": x\n",
    ]

    @Test(arguments: flat)
    func flatFormsComposeAsYamsDoes(text: String) throws {
        let fast = try #require(FlatYAML.compose(text), "the fast path must take \(text.debugDescription)")
        let yams = try YAMLNode.composeWithYams(text, what: "front matter")
        #expect(fast == yams, "\(text.debugDescription):\nfast: \(fast)\nyams: \(String(describing: yams))")
    }

    @Test(arguments: other)
    func otherFormsAreLeftToYams(text: String) {
        let fast = FlatYAML.compose(text)
        #expect(fast == nil, "\(text.debugDescription) must go to Yams, got \(String(describing: fast))")
    }

    /// Thousands of generated texts mixing keys, values, comments and blank lines: wherever the fast
    /// path answers, Yams composes the same tree.
    @Test func generatedTextsComposeAsYamsDoes() throws {
        var random = SplitMix64(seed: 0x5EED)
        func pick(_ pieces: [String]) -> String { pieces[random.next(below: pieces.count)] }
        var taken = 0
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<random.next(below: 6) + 1 {
                text += random.next(below: 4) == 0 ? pick(Self.linePieces) : ""
                let value = random.next(below: 5) == 0 ? pick(Self.oddValues) : pick(Self.values)
                let separator = random.next(below: 10) == 0 ? pick([":", ":  ", ": ", " : "]) : ": "
                let end = random.next(below: 4) == 0 ? pick(Self.oddEnds) : "\n"
                text += pick(Self.keys) + separator + value + end
            }
            guard let fast = FlatYAML.compose(text) else { continue }
            taken += 1
            let yams = try YAMLNode.composeWithYams(text, what: "front matter")
            #expect(fast == yams, "\(text.debugDescription):\nfast: \(fast)\nyams: \(String(describing: yams))")
        }
        #expect(taken > 1000, "only \(taken) generated texts took the fast path")
    }

    // MARK: - Private

    private static let keys = [
        "title", "date", "summary", "campaign", "severity", "status", "owner", "a", "x-y", "_k", "sent_at", "Title",
    ]
    private static let values = [
        "plain", "two words", "\"dq\"", "'sq'", "'it''s'", "\"e\\\"s\\\\c\\n\\u00e9\"", "2026-09-10",
        "2026-09-10T14:00:00+02:00", "a:b", "a #c", "a#b", "~", "null", "x  ", "é😀", "\"\\x41\\t\"",
        "\"x\" # c", "http://a/b#c", "'a # b'", "\"a: b\"", "yes", "12", "a - b", "x, y",
    ]
    private static let oddValues = [
        "a: b", " ", "", "[a]", "- x", "&a x", "\"open", "'open", "\"x\"y", "@", "`", ": x", "|", ">", "!x",
        "\"\\0\"", "'x'#c", "a:",
    ]
    private static let oddEnds = ["  \n", " # comment\n", "\n\n", "\n  more\n", "\n# c\n", "", "\n   \n"]
    private static let linePieces = ["\n", "# comment\n", "   \n", " ", "#\n"]
}
