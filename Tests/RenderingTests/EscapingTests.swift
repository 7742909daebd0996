import CampaignMetrics
import Foundation
import Incidents
import Rendering
import Testing

/// Text from logs, notes and front matter never reaches a page unescaped (SPEC §5).
struct EscapingTests {
    static let hostile = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;"

    /// Every slot a template fills from input, filled with hostile text.
    static func pages() async -> [String: String] {
        let incident = Fixtures.incident(
            title: hostile, summary: hostile, severity: hostile, owner: hostile, tags: [hostile, "ok"],
            body: "Notes <script>alert(3)</script>\n\n<div onclick=\"x()\">raw block</div>\n\n"
                + "[click](javascript:alert(4)) and [data](data:text/html;base64,PHNjcmlwdD4=)\n",
            apology: Fixtures.apology(subject: hostile, sentAt: hostile))
        let campaign = Fixtures.campaign(name: hostile, variantNames: [hostile, "B\"><svg onload=alert(5)>"])
        let input = IncidentInput(incident: incident, metrics: Fixtures.report([campaign]))
        return try! await Fixtures.render([input], settings: SiteSettings(title: hostile, language: "en\" onload=\"x"))
    }

    @Test(arguments: ["index.html", "incidents/seven-copies/index.html", "incidents/seven-copies/apology/index.html"])
    func noHostileMarkupSurvives(page: String) async throws {
        let html = try #require(await Self.pages()[page])
        for needle in [
            "<script", "<img", "<svg", "\" onload=", "javascript:", "data:text/html", "<div onclick", "onclick=\"",
        ] {
            #expect(!html.contains(needle), "\(page) contains \(needle)")
        }
        #expect(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;"),
            "\(page) should show the text escaped")
        #expect(html.contains("&amp;amp;"), "an entity in input is shown, not interpreted")
    }

    @Test func metricsJSONEscapesIdsAsJSON() async throws {
        let json = try #require(await Self.pages()["incidents/seven-copies/metrics.json"])
        #expect(json.contains(#""campaign": "<script>alert(1)</script>\"'><img"#))
    }

    @Test func rawHTMLIsKeptOnlyWhenUnsafeIsChosen() async throws {
        let incident = Fixtures.incident(body: "<div class=\"x\">kept</div>\n")
        let safe = try await Fixtures.render([IncidentInput(incident: incident, metrics: nil)])
        #expect(!safe["incidents/seven-copies/index.html"]!.contains("<div class=\"x\">"))
        let unsafe = try await Fixtures.render(
            [IncidentInput(incident: incident, metrics: nil)], settings: SiteSettings(markdownUnsafe: true))
        #expect(unsafe["incidents/seven-copies/index.html"]!.contains("<div class=\"x\">kept</div>"))
    }

    @Test func notesBeyondTheStructuralLimitsAreRefusedWithTheirLine() async {
        let deep = String(repeating: ">", count: 200) + " deep\n"
        let incident = Fixtures.incident(body: "fine\n\n" + deep)
        await #expect {
            try await Fixtures.render([IncidentInput(incident: incident, metrics: nil)])
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("content/incidents/seven-copies/index.md:12: error: ") && text.contains("nesting")
        }
    }
}

/// Charts and findings are built from log text too: hostile variant names stay text there.
struct ChartEscapingTests {
    @Test func hostileVariantNamesInChartsAndTablesAreEscaped() async throws {
        let hostile = "\"<svg onload=alert(1)>"
        var log = "timestamp,campaign,variant,recipient,event\n"
        for index in 0..<20 {
            log +=
                "2026-09-10T14:0\(index % 10):00Z,c,\"\(hostile.replacingOccurrences(of: "\"", with: "\"\""))\",r\(index)@x.org,send\n"
            log += "2026-09-10T14:0\(index % 10):30Z,c,B</title><script>x()</script>,r\(index)@x.org,send\n"
            log += "2026-09-10T14:0\(index % 10):40Z,c,B</title><script>x()</script>,r\(index)@x.org,complaint\n"
        }
        let report = try Fixtures.report(fromLog: log)
        #expect(report.campaigns.first?.isDiagnosed == true)
        let pages = try await Fixtures.render([IncidentInput(incident: Fixtures.incident(), metrics: report)])
        let html = try #require(pages["incidents/seven-copies/index.html"])
        #expect(html.contains("<svg class=\"chart\""), "the diagnosed campaign has charts")
        #expect(!html.contains("<svg onload"), "no SVG element from input")
        #expect(!html.contains("<script>"), "no script element from input")
        #expect(!html.contains("</title><script"), "titles cannot be closed from input")
        #expect(html.contains("&lt;svg onload=alert(1)&gt;"))
    }
}
