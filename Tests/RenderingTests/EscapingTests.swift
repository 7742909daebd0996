import CampaignMetrics
import Incidents
import Rendering
import Testing

/// Text from logs, notes and front matter never reaches a page unescaped (SPEC §5).
struct EscapingTests {
    static let hostile = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;"

    /// Every slot a template fills from input, filled with hostile text.
    static let pages: [String: String] = {
        let incident = Fixtures.incident(
            title: hostile, summary: hostile, severity: hostile, owner: hostile, tags: [hostile, "ok"],
            body: "Notes <script>alert(3)</script>\n\n<div onclick=\"x()\">raw block</div>\n\n"
                + "[click](javascript:alert(4)) and [data](data:text/html;base64,PHNjcmlwdD4=)\n",
            apology: Fixtures.apology(subject: hostile, sentAt: hostile))
        let campaign = Fixtures.campaign(name: hostile, variantNames: [hostile, "B\"><svg onload=alert(5)>"])
        let input = IncidentInput(incident: incident, metrics: Fixtures.report([campaign]))
        return try! Fixtures.render([input], settings: SiteSettings(title: hostile, language: "en\" onload=\"x"))
    }()

    @Test(arguments: ["index.html", "incidents/seven-copies/index.html", "incidents/seven-copies/apology/index.html"])
    func noHostileMarkupSurvives(page: String) throws {
        let html = try #require(Self.pages[page])
        for needle in ["<script", "<img", "<svg", "\" onload=", "javascript:", "data:text/html", "<div onclick", "onclick=\""] {
            #expect(!html.contains(needle), "\(page) contains \(needle)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;"), "\(page) should show the text escaped")
        #expect(html.contains("&amp;amp;"), "an entity in input is shown, not interpreted")
    }

    @Test func metricsJSONEscapesIdsAsJSON() throws {
        let json = try #require(Self.pages["incidents/seven-copies/metrics.json"])
        #expect(json.contains(#""campaign": "<script>alert(1)</script>\"'><img"#))
    }

    @Test func rawHTMLIsKeptOnlyWhenUnsafeIsChosen() throws {
        let incident = Fixtures.incident(body: "<div class=\"x\">kept</div>\n")
        let safe = try Fixtures.render([IncidentInput(incident: incident, metrics: nil)])
        #expect(!safe["incidents/seven-copies/index.html"]!.contains("<div class=\"x\">"))
        let unsafe = try Fixtures.render(
            [IncidentInput(incident: incident, metrics: nil)], settings: SiteSettings(markdownUnsafe: true))
        #expect(unsafe["incidents/seven-copies/index.html"]!.contains("<div class=\"x\">kept</div>"))
    }

    @Test func notesBeyondTheStructuralLimitsAreRefusedWithTheirLine() {
        let deep = String(repeating: ">", count: 200) + " deep\n"
        let incident = Fixtures.incident(body: "fine\n\n" + deep)
        #expect {
            try Fixtures.render([IncidentInput(incident: incident, metrics: nil)])
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("content/incidents/seven-copies/index.md:12: error: ") && text.contains("nesting")
        }
    }
}
