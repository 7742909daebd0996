import Foundation
import Incidents
import Testing

@testable import Rendering

/// Text from input is escaped by Aftermail, byte by byte, whatever follows the character; and a
/// theme that asks for text raw or transformed still gets it as Mustache would give it.
struct TextEscapingTests {
    @Test(arguments: [
        ("", ""),
        ("plain text 123", "plain text 123"),
        ("<b>&\"'</b>", "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;"),
        ("&amp;", "&amp;amp;"),
        ("Ünïcödé — 日本語 🎉 <x>", "Ünïcödé — 日本語 🎉 &lt;x&gt;"),
        ("\"\u{301} onmouseover=x", "&quot;\u{301} onmouseover=x"),
        ("<\u{338}script>", "&lt;\u{338}script&gt;"),
        ("a\r\nb\0c", "a\r\nb\0c"),
    ])
    func escapesTheFiveCharactersByByte(text: String, expected: String) {
        let escaped = HTMLText.escape(text)
        #expect(escaped == expected, "escape(\(text.debugDescription)) = \(escaped.debugDescription)")
    }

    /// swift-mustache escapes by `Character`, so a quote followed by a combining mark slipped
    /// through and ended the attribute it stood in.
    @Test func aQuoteFollowedByACombiningMarkCannotEndAnAttribute() async throws {
        let attack = "x\"\u{301} onmouseover=alert(1) y=\"\u{301}"
        let pages = try await Fixtures.render(
            [IncidentInput(incident: Fixtures.incident(title: attack, summary: attack), metrics: nil)],
            settings: SiteSettings(title: attack))
        let raw = "\"\u{301} onmouseover"
        let escaped = "&quot;\u{301} onmouseover"
        for (path, html) in pages where path.hasSuffix(".html") {
            let lets = html.contains(raw)
            let shows = html.contains(escaped)
            #expect(!lets, "\(path) lets the quote end an attribute")
            #expect(shows, "\(path) should show the quote escaped")
        }
    }

    @Test func builtInThemeHasItsTextEscapedByAftermail() throws {
        #expect(try TemplateSet.builtin().escapesText)
    }

    /// Rendering through Mustache's own escaping (as a theme that needs it gets) and through
    /// Aftermail's gives the same bytes for ordinary text.
    @Test func bothWaysOfEscapingGiveTheSamePages() async throws {
        let hostile = "<script>alert(1)</script>\"'><img src=x>&amp; Ünï 日本"
        let inputs = [
            IncidentInput(
                incident: Fixtures.incident(
                    title: hostile, summary: hostile, severity: hostile, owner: hostile, tags: [hostile, "ok"],
                    apology: Fixtures.apology(subject: hostile, sentAt: hostile)),
                metrics: Fixtures.report([Fixtures.campaign(name: hostile, variantNames: [hostile, "B"])])),
            IncidentInput(incident: Fixtures.incident(slug: "quiet", summary: nil, severity: nil), metrics: nil),
        ]
        let settings = SiteSettings(title: hostile, language: "en\"x")
        var builtin = try TemplateSet.builtin()
        let fast = try await SiteRenderer(settings: settings, templates: builtin).render(inputs)
        builtin.escapesText = false
        let plain = try await SiteRenderer(settings: settings, templates: builtin).render(inputs)
        #expect(fast.map(\.path) == plain.map(\.path))
        for (one, other) in zip(fast, plain) {
            #expect(one == other, "\(one.path) differs between the two ways of escaping")
        }
    }

    @Test(arguments: [
        ("{{{title}}} {{& summary}}", "<i>T</i> & S"),
        ("{{uppercased(title)}}", "&lt;I&gt;T&lt;/I&gt;"),
        ("{{#title}}[{{{.}}}]{{/title}}", "[<i>T</i>]"),
        ("{{=<% %>=}}<%&title%>", "<i>T</i>"),
        ("{{#campaigns}}[{{totals.name}}|{{headline.sends}}]{{/campaigns}}", "[All variants|3,000]"),
        ("{{%CONTENT_TYPE:TEXT}}{{title}}", "<i>T</i>"),
        ("{{title}} {{#summary}}{{.}}{{/summary}}{{^owner}}none{{/owner}}", "&lt;i&gt;T&lt;/i&gt; &amp; Snone"),
    ])
    func aThemeThatAsksForRawOrTransformedTextGetsIt(template: String, expected: String) async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-raw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("<article>\(template)</article>\n".utf8).write(to: url.appendingPathComponent("incident.mustache"))
        let input = IncidentInput(
            incident: Fixtures.incident(title: "<i>T</i>", summary: "& S", owner: nil),
            metrics: Fixtures.report([Fixtures.campaign()]))
        let pages = try await SiteRenderer(settings: SiteSettings(), templates: TemplateSet.load(overridesIn: url))
            .render([input])
        let page = String(
            decoding: try #require(pages.first { $0.path == "incidents/seven-copies/index.html" }).bytes, as: UTF8.self)
        #expect(page.contains("<article>\(expected)</article>"), "got \(page)")
    }
}
