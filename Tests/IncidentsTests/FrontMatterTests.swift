import Foundation
import Testing

@testable import Incidents

struct FrontMatterTests {
    static let path = "content/incidents/x.md"

    /// The error text of loading `text` as the one-file incident `x`.
    func errors(_ text: String) -> String {
        let site = TempSite()
        site.write(Self.path, text)
        return site.loadErrors(drafts: true)
    }

    static let cases: [(text: String, expected: String)] = [
        (
            "# Hello\n",
            "1: error: missing front matter (title is required)\n"
                + "  hint: start the file with a line `---`, then `title: …`, then a line `---`"
        ),
        (
            "---\ntitle: x\n\nBody\n",
            "1: error: front matter has no closing line\n  hint: did you forget the closing `---`?"
        ),
        ("---\nowner: me\n---\n", "1: error: missing 'title' in front matter (title is required)"),
        ("---\n---\nBody\n", "1: error: missing 'title' in front matter (title is required)"),
        ("---\ntitle: \"  \"\n---\n", "2: error: 'title' must not be empty"),
        ("---\ntitle:\n---\n", "2: error: 'title' must not be empty"),
        ("---\ntitle: [a]\n---\n", "2: error: 'title' must be text, not a list"),
        ("---\n- title\n---\n", "2: error: front matter must be a mapping of keys, not a list"),
        (
            "---\ntitle: x\nsevirity: high\n---\n",
            "3: error: unknown key 'sevirity' in front matter\n  hint: did you mean 'severity'?"
        ),
        (
            "---\ntitle: x\ncolour: red\n---\n",
            "3: error: unknown key 'colour' in front matter\n"
                + "  hint: known keys: title, date, campaign, severity, status, owner, tags, logs, summary"
        ),
        (
            "---\ntitle: x\ntags: a, b\n---\n",
            "3: error: 'tags' must be a list of text, not text\n  hint: write it as [a, b] or as lines starting with '- '"
        ),
        (
            "---\ntitle: x\ntags:\n  - ok\n  - [nested]\n---\n",
            "5: error: items of 'tags' must be non-empty text, not a list"
        ),
        (
            "---\ntitle: x\ndate: 2026-02-30\n---\n",
            "3: error: 'date' is not a valid date: '2026-02-30'\n"
                + "  hint: write YYYY-MM-DD or RFC 3339 with an offset, e.g. 2026-09-10T14:00:00Z"
        ),
        (
            "---\ntitle: x\n\ndate: 2026-09-10T14:00:00\n---\n",
            "4: error: 'date' is not a valid date: '2026-09-10T14:00:00'\n"
                + "  hint: write YYYY-MM-DD or RFC 3339 with an offset, e.g. 2026-09-10T14:00:00Z"
        ),
        ("---\ntitle: x\nstatus: Draft\n---\n", "3: error: 'status' must be draft or published, not 'Draft'"),
        ("---\ntitle: x\nowner: {name: me}\n---\n", "3: error: 'owner' must be text, not a mapping"),
        ("---\ntitle: a\ntitle: b\n---\n", "2: error: duplicate key 'title'"),
        (
            "---\ntitle: &t x\nsummary: *t\n---\n",
            "2: error: YAML aliases are not allowed in front matter\n"
                + "  hint: write the value out instead of using '&anchor' and '*alias'"
        ),
        (
            "---\ntitle: x\nsummary: \(String(repeating: "[", count: 40))\(String(repeating: "]", count: 40))\n---\n",
            "3: error: YAML nesting deeper than 32 levels is not allowed"
        ),
    ]

    @Test(arguments: cases)
    func problem(text: String, expected: String) {
        let got = errors(text)
        #expect(got == "\(Self.path):\(expected)", "got:\n\(got)\nwant:\n\(Self.path):\(expected)")
    }

    @Test func invalidYAMLNamesTheLine() {
        let got = errors("---\ntitle: x\nowner: [a\n---\n")
        #expect(got.hasPrefix("\(Self.path):4: error: invalid YAML: "), "got: \(got)")
    }

    @Test func everyProblemOfAFileIsReported() {
        let got = errors("---\ntitel: x\ndate: soon\nstatus: done\n---\n")
        let lines = got.split(separator: "\n").filter { !$0.hasPrefix("  hint") }.map(String.init)
        #expect(
            lines == [
                "\(Self.path):1: error: missing 'title' in front matter (title is required)",
                "\(Self.path):2: error: unknown key 'titel' in front matter",
                "\(Self.path):3: error: 'date' is not a valid date: 'soon'",
                "\(Self.path):4: error: 'status' must be draft or published, not 'done'",
            ], "got:\n\(got)")
    }

    @Test func frontMatterOver64KiBIsRefused() {
        let filler = String(repeating: "# \(String(repeating: "x", count: 97))\n", count: 1024)  // 100 KiB
        let got = errors("---\ntitle: big\n\(filler)---\nBody\n")
        #expect(got == "\(Self.path):1: error: front matter is larger than 64 KiB", "got: \(got)")
    }

    @Test func billionLaughsIsRefusedBeforeComposing() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let got = errors("---\ntitle: x\n\(yaml)---\n")
        #expect(got.hasPrefix("\(Self.path):3: error: YAML aliases are not allowed in front matter"), "got: \(got)")
    }

    @Test func crlfAndByteOrderMarkAreAccepted() throws {
        let site = TempSite()
        site.write(Self.path, "\u{FEFF}---\r\ntitle: Windows\r\ntags:\r\n  - a\r\n...\r\nLine one\r\nLine two\r\n")
        let incident = try #require(site.incidents().first, "\(site.loadErrors())")
        #expect(incident.frontMatter.title == "Windows" && incident.frontMatter.tags == ["a"])
        #expect(incident.body == "Line one\nLine two\n", "got \(incident.body.debugDescription)")
        #expect(incident.bodyLine == 6)
    }

    @Test func bodyAndBodyLine() throws {
        let parts = try FrontMatter.split("---\ntitle: x\nowner: y\n---\n\n# Notes\n")
        #expect(parts.yaml == "title: x\nowner: y\n" && parts.body == "\n# Notes\n" && parts.bodyLine == 5, "\(parts)")
        let bare = try FrontMatter.split("# Notes\n")
        #expect(bare.yaml == nil && bare.body == "# Notes\n" && bare.bodyLine == 1)
        let end = try FrontMatter.split("---\ntitle: x\n---")
        #expect(end.body == "" && end.bodyLine == 4)
    }

    @Test func everyFieldIsRead() throws {
        let site = TempSite()
        site.write(
            Self.path,
            """
            ---
            title: "Premium upsell: every variant to everyone"
            date: 2026-09-10T16:03:10+02:00
            campaign: premium-upsell-test
            severity: major
            status: published
            owner: Growth
            tags: [ab-test, "segmentation"]
            summary: >
              One line.
            ---
            Body
            """)
        let fm = try #require(site.incidents().first?.frontMatter, "\(site.loadErrors())")
        #expect(fm.title == "Premium upsell: every variant to everyone")
        #expect(
            fm.date?.epochSeconds == 1_789_048_990 && fm.date?.isoDay == "2026-09-10", "\(String(describing: fm.date))")
        #expect(fm.campaign == "premium-upsell-test" && fm.severity == "major" && fm.status == .published)
        #expect(fm.owner == "Growth" && fm.tags == ["ab-test", "segmentation"] && fm.summary == "One line.")
        #expect(fm.logs == nil)
    }
}
