import Foundation
import Testing

@testable import Incidents

struct IncidentScaffoldTests {
    @Test func createsTheBundle() throws {
        let site = TempSite()
        let paths = try IncidentScaffold.create(slug: "double-send", siteRoot: site.root, day: "2026-09-10")
        #expect(
            paths == [
                "content/incidents/double-send/index.md", "content/incidents/double-send/apology.md",
                "content/incidents/double-send/logs/",
            ])
        #expect(FileKind.of(site.url("content/incidents/double-send/logs")) == .directory)
        #expect(FileKind.of(site.url("content/incidents/double-send/apology.md")).isRegularFile)
    }

    @Test func scaffoldLoadsBackAsADraftWithEverySection() throws {
        let site = TempSite()
        _ = try IncidentScaffold.create(slug: "double-send", siteRoot: site.root, day: "2026-09-10")
        #expect(site.incidents().isEmpty, "a new incident is a draft")
        let incident = try #require(site.incidents(drafts: true).first, "\(site.loadErrors(drafts: true))")
        #expect(incident.slug == "double-send" && incident.isBundle && incident.frontMatter.status == .draft)
        #expect(incident.frontMatter.date?.isoDay == "2026-09-10" && !incident.frontMatter.title.isEmpty)
        #expect(incident.frontMatter.owner == nil && incident.frontMatter.campaign == nil && incident.logFiles.isEmpty)
        let headings = incident.body.split(separator: "\n").filter { $0.hasPrefix("## ") }.map {
            String($0.dropFirst(3))
        }
        #expect(
            headings == [
                "Summary", "Impact", "Timeline", "Root cause", "Detection", "Response", "Action items",
                "Lessons learned",
            ], "\(headings)")
        let apology = try #require(incident.apology)
        #expect(apology.subject?.isEmpty == false && apology.sentAt == nil && !apology.body.isEmpty)
    }

    @Test(arguments: ["double-send", "double-send.md"])
    func refusesExisting(existing: String) {
        let site = TempSite()
        if existing.hasSuffix(".md") {
            site.write("content/incidents/\(existing)", "x")
        } else {
            site.mkdir("content/incidents/\(existing)")
        }
        do {
            _ = try IncidentScaffold.create(slug: "double-send", siteRoot: site.root, day: "2026-09-10")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "content/incidents/\(existing): error: already exists", "\(error)")
        }
    }

    @Test(arguments: ["Bad", "a/b", "../x", "x.y", "", "-x", "é"])
    func refusesBadSlug(slug: String) {
        let site = TempSite()
        #expect(throws: ContentErrors.self, "\(slug) must be refused") {
            try IncidentScaffold.create(slug: slug, siteRoot: site.root, day: "2026-09-10")
        }
        #expect(FileKind.of(site.url("content")) == .missing, "nothing is created for \(slug)")
    }

    @Test func refusesBadDayAndSymlinkedFolder() {
        let site = TempSite()
        #expect(throws: ContentErrors.self) {
            try IncidentScaffold.create(slug: "x", siteRoot: site.root, day: "10/09/2026")
        }
        site.mkdir("elsewhere")
        site.symlink("content", to: site.url("elsewhere").path)
        #expect(throws: ContentErrors.self) {
            try IncidentScaffold.create(slug: "x", siteRoot: site.root, day: "2026-09-10")
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: site.url("elsewhere").path)) == [])
    }

    @Test(arguments: [
        ("a", true), ("0", true), ("double-send-2026", true), (String(repeating: "a", count: 100), true),
        (String(repeating: "a", count: 101), false), ("", false), ("-a", false), ("A", false), ("a.b", false),
        ("a/b", false), ("a_b", false), ("a b", false),
    ])
    func slugRule(slug: String, valid: Bool) {
        #expect(IncidentScaffold.isValidSlug(slug) == valid, "\(slug.debugDescription) valid: \(valid)")
    }
}
