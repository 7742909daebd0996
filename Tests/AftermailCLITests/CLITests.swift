import AftermailCLI
import Foundation
import Testing

struct CLITests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func file(_ name: String, _ text: String) -> String {
        let url = folder.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func metricsPrintsJSONAndListsSkippedRecords() async {
        let log = file(
            "a.csv",
            "timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,c,A,a@x.org,send\nbad,c,A,a@x.org,send\n")
        let result = await Aftermail.runCapturingOutput(["metrics", "--format", "json", log])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("{\n  \"campaigns\": [\n    {\n      \"campaign\": \"c\","))
        #expect(
            result.out.hasSuffix("\"events_read\": 1,\n  \"duplicates_dropped\": 0,\n  \"records_skipped\": 1\n}\n"))
        #expect(
            result.err
                == "\(log):3: warning: skipped: invalid timestamp 'bad' (RFC 3339 with an offset, or Unix seconds)\n")
        #expect(!result.out.contains("a@x.org"))
    }

    @Test func metricsPrintsATableByDefault() async {
        let log = file("t.csv", "timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,c,A,a@x.org,send\n")
        let result = await Aftermail.runCapturingOutput(["metrics", log])
        #expect(result.status == 0)
        #expect(result.out.contains("Campaign c\n"))
        #expect(result.out.contains("1 events read, 0 duplicates dropped, 0 bad records skipped"))
    }

    @Test func badInputAndUsageExitWithTwo() async {
        let strict = file("s.csv", "timestamp,campaign,variant,recipient,event\nbad,c,A,a@x.org,send\n")
        let strictRun = await Aftermail.runCapturingOutput(["metrics", "--strict", strict])
        #expect(strictRun.status == 2)
        #expect(
            strictRun.err == "\(strict):2: error: invalid timestamp 'bad' (RFC 3339 with an offset, or Unix seconds)\n")
        #expect(await Aftermail.runCapturingOutput(["metrics"]).status == 2)
        #expect(await Aftermail.runCapturingOutput(["metrics", "--format", "xml", strict]).status == 2)
        #expect(
            await Aftermail.runCapturingOutput(["metrics", folder.appendingPathComponent("none.csv").path]).status == 2)
        #expect(await Aftermail.runCapturingOutput(["frobnicate"]).status == 2)
        let help = await Aftermail.runCapturingOutput(["--help"])
        #expect(help.status == 0 && help.out.contains("SUBCOMMANDS"))
    }

    @Test func newScaffoldsABundleThenBuildShowsItAsADraft() async throws {
        let site = folder.appendingPathComponent("site").path
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        let created = await Aftermail.runCapturingOutput(["new", "--site", site, "list-mixup"])
        #expect(created.status == 0, "\(created.err)")
        #expect(created.out.contains("content/incidents/list-mixup/index.md"))
        #expect(
            await Aftermail.runCapturingOutput(["new", "--site", site, "list-mixup"]).status == 2,
            "an existing bundle is not overwritten")
        #expect(await Aftermail.runCapturingOutput(["new", "--site", site, "../escape"]).status == 2)
        let built = await Aftermail.runCapturingOutput(["build", "--site", site, "--drafts"])
        #expect(built.status == 0, "\(built.err)")
        #expect(built.out.contains("[6/6] Write the site"))
        #expect(FileManager.default.fileExists(atPath: site + "/output/incidents/list-mixup/index.html"))
    }

    @Test func buildReportsContentErrorsWithPlacesAndExitsTwo() async {
        let site = folder.appendingPathComponent("bad").path
        _ = file("bad/content/incidents/x.md", "---\ntitle: X\ndate: 2026-02-30\n---\nBody\n")
        let result = await Aftermail.runCapturingOutput(["build", "--site", site])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("content/incidents/x.md:3: error: "), "\(result.err)")
    }
}

struct TemplatesCommandTests {
    @Test func exportWritesTheThemeWhichThenBuildsTheSameSite() async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-tpl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let note = site.appendingPathComponent("content/incidents/x.md")
        try FileManager.default.createDirectory(at: note.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("---\ntitle: X\ndate: 2026-01-02\n---\nBody\n".utf8).write(to: note)
        #expect(await Aftermail.runCapturingOutput(["build", "--site", site.path]).status == 0)
        let before = try Data(contentsOf: site.appendingPathComponent("output/incidents/x/index.html"))
        let export = await Aftermail.runCapturingOutput(["templates", "export", "--site", site.path])
        #expect(export.status == 0)
        #expect(export.out.contains("wrote templates/layout.mustache\n"))
        let again = await Aftermail.runCapturingOutput(["templates", "export", "--site", site.path])
        #expect(again.status == 2 && again.err.contains("exists already (use --force to replace it)"))
        #expect(
            await Aftermail.runCapturingOutput(["templates", "export", "--site", site.path, "--force"]).status == 0)
        #expect(await Aftermail.runCapturingOutput(["build", "--site", site.path]).status == 0)
        let after = try Data(contentsOf: site.appendingPathComponent("output/incidents/x/index.html"))
        #expect(before == after, "the exported theme renders exactly like the built-in one")
    }
}
