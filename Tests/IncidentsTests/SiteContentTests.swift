import Foundation
import Testing

@testable import Incidents

struct SiteContentTests {
    static func note(_ title: String, _ extra: String = "") -> String {
        "---\ntitle: \(title)\n\(extra)---\nNotes about \(title).\n"
    }

    @Test func bundleAndOneFileIncidents() throws {
        let site = TempSite()
        site.write("content/incidents/alpha/index.md", Self.note("Alpha", "date: 2026-09-10\n"))
        site.write(
            "content/incidents/alpha/apology.md", "---\nsubject: Sorry\nsent_at: 2026-09-12\n---\nDear reader,\n")
        site.write("content/incidents/alpha/logs/b.csv", "x")
        site.write("content/incidents/alpha/logs/a.jsonl", "x")
        site.write("content/incidents/alpha/logs/.gitkeep", "")
        site.mkdir("content/incidents/alpha/logs/sub")
        site.write("content/incidents/alpha/plan.csv", "recipient,variant\n")
        site.write("content/incidents/beta.md", Self.note("Beta", "date: 2026-08-01\n"))
        let content = try site.load().get()
        #expect(content.incidents.map(\.slug) == ["alpha", "beta"])
        let alpha = content.incidents[0]
        #expect(alpha.isBundle && alpha.sourcePath == "content/incidents/alpha/index.md")
        #expect(alpha.body == "Notes about Alpha.\n" && alpha.bodyLine == 5, "\(alpha.body) @ \(alpha.bodyLine)")
        #expect(alpha.logFiles.map(\.lastPathComponent) == ["a.jsonl", "b.csv"], "default logs/*: \(alpha.logFiles)")
        #expect(alpha.planFile?.lastPathComponent == "plan.csv")
        #expect(
            alpha.apology
                == Apology(
                    sourcePath: "content/incidents/alpha/apology.md", subject: "Sorry", sentAt: "2026-09-12",
                    body: "Dear reader,\n", bodyLine: 5))
        let beta = content.incidents[1]
        #expect(!beta.isBundle && beta.sourcePath == "content/incidents/beta.md")
        #expect(beta.logFiles.isEmpty && beta.apology == nil && beta.planFile == nil)
    }

    @Test func draftsAreSkippedUnlessAskedFor() {
        let site = TempSite()
        site.write("content/incidents/done.md", Self.note("Done"))
        site.write("content/incidents/wip.md", Self.note("WIP", "status: draft\n"))
        #expect(site.incidents().map(\.slug) == ["done"], "\(site.loadErrors())")
        #expect(site.incidents(drafts: true).map(\.slug) == ["done", "wip"], "\(site.loadErrors(drafts: true))")
    }

    @Test func newestFirstThenSlugThenUndated() {
        let site = TempSite()
        site.write("content/incidents/old.md", Self.note("Old", "date: 2025-01-01\n"))
        site.write("content/incidents/noon.md", Self.note("Noon", "date: 2026-09-10T12:00:00Z\n"))
        site.write("content/incidents/b-day.md", Self.note("B", "date: 2026-09-10\n"))
        site.write("content/incidents/a-day.md", Self.note("A", "date: 2026-09-10\n"))
        site.write("content/incidents/undated.md", Self.note("Undated"))
        site.write("content/incidents/evening.md", Self.note("Evening", "date: 2026-09-10T20:00:00+02:00\n"))
        #expect(
            site.incidents().map(\.slug) == ["evening", "noon", "a-day", "b-day", "old", "undated"],
            "\(site.incidents().map(\.slug)) \(site.loadErrors())")
    }

    @Test func missingIncidentsFolderMeansNoIncidents() throws {
        let site = TempSite()
        #expect(try site.load().get().incidents.isEmpty)
        site.mkdir("content")
        #expect(try site.load().get().incidents.isEmpty)
    }

    @Test func missingSiteFolderIsAnError() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-missing-\(UUID())")
        do {
            _ = try SiteContent.load(siteRoot: missing, includeDrafts: false)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(missing.path): error: site folder does not exist", "\(error)")
        }
    }

    @Test(arguments: ["Upper", "dot.ted", "-lead", "under_score", String(repeating: "a", count: 101)])
    func invalidSlugIsAnErrorNamingThePath(slug: String) {
        let site = TempSite()
        site.write("content/incidents/\(slug).md", Self.note("X"))
        let got = site.loadErrors()
        #expect(
            got.hasPrefix("content/incidents/\(slug).md: error: invalid incident slug '\(slug)'"), "got: \(got)")
    }

    @Test func slugWrittenBothWaysIsAnError() {
        let site = TempSite()
        site.write("content/incidents/x.md", Self.note("X"))
        site.write("content/incidents/x/index.md", Self.note("X"))
        #expect(
            site.loadErrors().hasPrefix(
                "content/incidents/x.md: error: incident 'x' is written both as content/incidents/x.md "
                    + "and as content/incidents/x/"), "\(site.loadErrors())")
    }

    @Test func strayFilesAndEmptyBundlesAreErrors() {
        let site = TempSite()
        site.write("content/incidents/notes.txt", "x")
        site.write("content/incidents/.DS_Store", "x")
        site.mkdir("content/incidents/empty")
        let got = site.loadErrors()
        #expect(
            got == "content/incidents/empty: error: incident bundle has no index.md\n"
                + "content/incidents/notes.txt: error: is not an incident\n"
                + "  hint: incidents are content/incidents/<slug>.md or content/incidents/<slug>/index.md",
            "got:\n\(got)")
    }

    @Test(arguments: [
        ("content/incidents/x.md", "/etc/passwd"),
        ("content/incidents/x/index.md", "../../../outside.md"),
        ("content/incidents/x/logs/a.csv", "/etc/passwd"),
        ("content/incidents/x/logs", "/etc"),
        ("content/incidents/x/apology.md", "index.md"),
    ])
    func symlinksAreRefusedNeverFollowed(link: String, destination: String) {
        let site = TempSite()
        site.write("outside.md", Self.note("Outside"))
        if !link.hasSuffix("x/index.md") { site.write("content/incidents/x/index.md", Self.note("X")) }
        if link == "content/incidents/x.md" { try? FileManager.default.removeItem(at: site.url("content/incidents/x")) }
        site.symlink(link, to: destination)
        let got = site.loadErrors()
        #expect(got.contains("\(link): error: is a symbolic link; links are never followed"), "got: \(got)")
    }

    @Test func symlinkedIncidentsFolderIsRefused() {
        let site = TempSite()
        site.write("elsewhere/x.md", Self.note("X"))
        site.symlink("content/incidents", to: site.url("elsewhere").path)
        #expect(site.loadErrors() == "content/incidents: error: is a symbolic link; links are never followed")
    }

    @Test func explicitLogsGlobs() throws {
        let site = TempSite()
        site.write(
            "content/incidents/x/index.md",
            Self.note("X", "logs:\n  - logs/**/*.csv\n  - extra/*.json\n  - logs/a.csv\n"))
        site.write("content/incidents/x/logs/a.csv", "")
        site.write("content/incidents/x/logs/day2/b.csv", "")
        site.write("content/incidents/x/logs/c.txt", "")
        site.write("content/incidents/x/extra/d.json", "")
        let incident = try #require(site.incidents().first, "\(site.loadErrors())")
        let bundle = site.url("content/incidents/x")
        let expected = ["extra/d.json", "logs/a.csv", "logs/day2/b.csv"].map { bundle.appendingPathComponent($0) }
        #expect(incident.logFiles == expected, "\(incident.logFiles)")
    }

    @Test(arguments: [
        (
            "logs: [\"../../etc/*\"]\n",
            "content/incidents/x/index.md:3: error: logs pattern '../../etc/*' leaves the incident bundle"
        ),
        (
            "logs:\n  - /etc/*\n",
            "content/incidents/x/index.md:4: error: logs pattern '/etc/*' must be a path relative to the incident bundle"
        ),
        (
            "logs:\n  - logs/*.csv\n  - logs/*.json\n",
            "content/incidents/x/index.md:5: error: logs pattern 'logs/*.json' matches no file\n"
                + "  hint: patterns are relative to content/incidents/x/"
        ),
        (
            "logs: logs/*\n",
            "content/incidents/x/index.md:3: error: 'logs' must be a list of text, not text\n"
                + "  hint: write it as [a, b] or as lines starting with '- '"
        ),
    ])
    func badLogsGlobs(frontMatter: String, expected: String) {
        let site = TempSite()
        site.write("content/incidents/x/index.md", Self.note("X", frontMatter))
        site.write("content/incidents/x/logs/a.csv", "")
        #expect(site.loadErrors() == expected, "got:\n\(site.loadErrors())")
    }

    @Test func defaultLogsMayMatchNothing() throws {
        let site = TempSite()
        site.write("content/incidents/x/index.md", Self.note("X"))
        let incident = try #require(site.incidents().first, "\(site.loadErrors())")
        #expect(incident.logFiles.isEmpty && incident.frontMatter.logs == nil)
    }

    @Test func logsInAOneFileIncidentIsAnError() {
        let site = TempSite()
        site.write("content/incidents/x.md", Self.note("X", "logs: [a.csv]\n"))
        #expect(
            site.loadErrors().hasPrefix("content/incidents/x.md:3: error: 'logs' needs an incident bundle"),
            "\(site.loadErrors())")
    }

    @Test func problemsAcrossFilesAreReportedTogether() {
        let site = TempSite()
        site.write("aftermail.yml", "titel: x\n")
        site.write("content/incidents/a.md", "no front matter\n")
        site.write("content/incidents/b/index.md", Self.note("B"))
        site.write("content/incidents/b/apology.md", "---\nsubjet: Sorry\n---\n")
        let places = site.loadErrors().split(separator: "\n").filter { !$0.hasPrefix("  ") }.map {
            String($0.prefix { $0 != " " })
        }
        #expect(
            places == ["aftermail.yml:1:", "content/incidents/a.md:1:", "content/incidents/b/apology.md:2:"],
            "\(places)")
    }
}
