import Foundation
import Testing

@testable import Incidents

/// Incidents load on all cores; what comes back must be what loading them one after the other gives.
struct ParallelLoadTests {
    /// A site with enough incidents to load on several threads; with `problems`, every tenth kind
    /// of incident has something wrong with it.
    static func site(count: Int, problems: Bool) -> TempSite {
        let site = TempSite()
        for n in 0..<count {
            let slug = "incident-\(1000 + n)"
            let day = 1 + n % 28
            let note = "---\ntitle: Incident \(n)\ndate: 2026-02-\(day < 10 ? "0" : "")\(day)\n---\nBody \(n).\n"
            switch (n % 10, problems) {
            case (0, true): site.write("content/incidents/\(slug).md", "no front matter\n")
            case (1, true): site.write("content/incidents/\(slug).md", "---\ntitel: x\ndate: soon\nstatus: done\n---\n")
            case (2, true):
                site.write("content/incidents/\(slug)/index.md", note)
                site.write("content/incidents/\(slug)/apology.md", "---\nsubjet: Sorry\n---\nDear reader,\n")
            case (3, true):
                try! Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]).write(to: site.url("content/incidents/\(slug).md"))
            case (4, _):
                site.write("content/incidents/\(slug)/index.md", note)
                site.write("content/incidents/\(slug)/logs/a.csv", "")
                site.write("content/incidents/\(slug)/apology.md", "---\nsubject: Sorry\n---\nDear reader,\n")
            case (5, _):
                site.write(
                    "content/incidents/\(slug).md",
                    "---\ntitle: \"Quoted \\\"\(n)\\\"\"\ntags: [a, b]\nstatus: draft\nsummary: >\n  Folded.\n---\nBody\n"
                )
            case (6, _):
                site.write("content/incidents/\(slug).md", "\u{FEFF}---\r\ntitle: CRLF \(n)\r\n---\r\nBody\r\n")
            default: site.write("content/incidents/\(slug).md", note)
            }
        }
        return site
    }

    /// Loads `site` one incident after the other, as the load did before it used threads.
    static func loadOneByOne(_ site: TempSite, drafts: Bool) throws -> Result<[Incident], ContentErrors> {
        var errors: [ContentError] = []
        do {
            _ = try SiteSettings.load(siteRoot: site.root)
        } catch {
            errors += error.errors
        }
        var incidents: [Incident] = []
        for source in try IncidentSource.discover(root: site.root, errors: &errors) {
            if let incident = Incident.load(source, includeDrafts: drafts, errors: &errors) {
                incidents.append(incident)
            }
        }
        return errors.isEmpty ? .success(incidents) : .failure(ContentErrors(errors))
    }

    @Test(arguments: [false, true])
    func sameIncidentsAsOneByOne(drafts: Bool) throws {
        let site = Self.site(count: 300, problems: false)
        let expected = try Self.loadOneByOne(site, drafts: drafts).get()
        let got = try site.load(drafts: drafts).get().incidents
        #expect(expected.count == (drafts ? 300 : 270))
        #expect(got.sorted { $0.slug < $1.slug } == expected.sorted { $0.slug < $1.slug })
    }

    @Test(arguments: [false, true])
    func sameErrorsInTheSameOrderAsOneByOne(drafts: Bool) throws {
        let site = Self.site(count: 300, problems: true)
        guard case .failure(let expected) = try Self.loadOneByOne(site, drafts: drafts) else {
            Issue.record("the one-by-one load must fail")
            return
        }
        guard case .failure(let got) = site.load(drafts: drafts) else {
            Issue.record("the load must fail")
            return
        }
        #expect(expected.errors.count == 30 * 7)
        #expect(got.errors == expected.errors, "got:\n\(got)\nwant:\n\(expected)")
    }
}
