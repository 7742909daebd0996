import AftermailCLI
import Foundation
import SiteBuilder
import Testing

/// SPEC §5: a path in front matter or a slug never reads or writes outside the site folder, and a
/// symbolic link is never followed. Each site lives in a folder beside a "secret" file and a
/// folder that must stay untouched.
struct HostilePathTests {
    /// A site inside `<temp>/site/`, with `<temp>/secret.csv` (a log outside the site) and
    /// `<temp>/elsewhere/` beside it.
    final class Sandbox {
        let folder = TempFolder("sandbox")
        let site = HostileSite()
        var outsideLog: String { folder.url.appendingPathComponent("secret.csv").path }
        var elsewhere: URL { folder.url.appendingPathComponent("elsewhere") }

        init() {
            folder.write(
                "secret.csv",
                "timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,c,A,secret@example.com,send\n")
            folder.write("elsewhere/keep.txt", "keep")
        }

        /// Nothing outside the site changed.
        func outsideIsUntouched() -> Bool {
            folder.files() == ["elsewhere/keep.txt", "secret.csv"]
        }
    }

    /// Expected: each pattern is refused at its line in front matter with the reason, and the build
    /// fails before anything is read.
    @Test(arguments: [
        ("../../../secret.csv", "leaves the incident bundle"),
        ("logs/../../x/../../../secret.csv", "leaves the incident bundle"),
        ("/etc/passwd", "must be a path relative to the incident bundle"),
        ("~/secret.csv", "must be a path relative to the incident bundle"),
        ("..\\\\..\\\\secret.csv", "must be a path relative to the incident bundle"),
        ("**/../../secret.csv", "leaves the incident bundle"),
        ("", "items of 'logs' must be non-empty text"),
    ])
    func logGlobsThatLeaveTheBundleAreRefused(pattern: String, reason: String) async {
        let box = Sandbox()
        box.site.write(
            "content/incidents/x/index.md", "---\ntitle: X\nlogs:\n  - \"logs/*\"\n  - \"\(pattern)\"\n---\n\nText.\n")
        box.site.write("content/incidents/x/logs/a.csv", "timestamp,campaign,variant,recipient,event\n")
        guard case .failure(let error) = await box.site.build() else {
            Issue.record("built with logs pattern \(pattern)")
            return
        }
        #expect(
            "\(error)".contains("content/incidents/x/index.md:5: error:") && "\(error)".contains(reason), "\(error)")
        #expect(box.outsideIsUntouched())
    }

    /// Expected: `**` and `*` match only the bundle's own regular files (never a link, never a
    /// hidden file, never anything outside): the build reads logs/a.csv only.
    @Test func broadGlobsMatchOnlyTheBundlesOwnFiles() async throws {
        let box = Sandbox()
        box.site.write(
            "content/incidents/x/index.md", "---\ntitle: X\nlogs: [\"**\", \"*\", \"**/*.csv\"]\n---\n\nText.\n")
        box.site.write(
            "content/incidents/x/logs/a.csv",
            "timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,c,A,ann@example.com,send\n")
        // index.md matches "*" too and is not a log; keep the glob to the logs folder for a clean build.
        box.site.write(
            "content/incidents/x/index.md",
            "---\ntitle: X\nlogs: [\"logs/**\", \"logs/*\", \"**/*.csv\"]\n---\n\nText.\n")
        box.site.write("content/incidents/x/logs/.hidden.csv", "not,a,log\n")
        guard case .success(let summary) = await box.site.build() else {
            Issue.record("the build failed: \(await box.site.build())")
            return
        }
        #expect(summary.incidentLines == ["x: X — 1 sends to 1 recipients, 0 got more than one variant"], "\(summary)")
        #expect(box.outsideIsUntouched())
    }

    /// Expected: a file or folder name that is no valid slug is refused (with the rule as a hint),
    /// and so is a slug that `aftermail new` is asked to create; nothing is written outside.
    @Test(arguments: [
        "Bad Slug.md", "UPPER.md", "-dash.md", "a.b.md", "x%2F..%2F.md", "ünïcode.md",
        String(repeating: "a", count: 101) + ".md",
    ])
    func invalidSlugsAreRefused(name: String) async {
        let box = Sandbox()
        box.site.write("content/incidents/\(name)", "---\ntitle: X\n---\n\nText.\n")
        guard case .failure(let error) = await box.site.build() else {
            Issue.record("built an incident named \(name)")
            return
        }
        #expect("\(error)".contains("invalid incident slug"), "\(error)")
        #expect(box.outsideIsUntouched())
    }

    /// Expected: hidden names (`.x.md`, `..md`, `.git/`) are not incidents and are skipped.
    @Test func hiddenFilesAreNotIncidents() async {
        let box = Sandbox()
        box.site.write("content/incidents/..md", "---\ntitle: Hidden\n---\n")
        box.site.write("content/incidents/.git/index.md", "---\ntitle: Hidden\n---\n")
        guard case .success(let summary) = await box.site.build() else {
            Issue.record("the build failed: \(await box.site.build())")
            return
        }
        #expect(summary.incidentLines.isEmpty, "\(summary)")
    }

    @Test(arguments: ["../escape", "/tmp/escape", "a/../../b", "..", "UPPER", "x\u{0000}y"])
    func newRefusesSlugsThatLeaveTheSite(slug: String) async {
        let box = Sandbox()
        let result = await Aftermail.runCapturingOutput(["new", "--site", box.site.root.path, slug])
        #expect(result.status == 2, "exit \(result.status): \(result.err)")
        #expect(box.outsideIsUntouched())
        #expect(
            !FileManager.default.fileExists(atPath: box.site.root.appendingPathComponent("content/incidents").path)
                || (try? FileManager.default.contentsOfDirectory(
                    atPath: box.site.root.appendingPathComponent("content/incidents").path))?.isEmpty == true
        )
    }

    /// Expected: a tag that looks like a path becomes a plain slug; every page lands inside output/.
    @Test func tagsThatLookLikePathsStayInsideTheOutput() async throws {
        let box = Sandbox()
        box.site.write(
            "content/incidents/x.md",
            "---\ntitle: X\ntags: [\"../../../elsewhere\", \"/etc/passwd\", \"..\", \"%2e%2e\"]\n---\n\nText.\n")
        guard case .success = await box.site.build() else {
            Issue.record("the build failed: \(await box.site.build())")
            return
        }
        #expect(box.site.outputFiles.allSatisfy { !$0.contains("..") }, "\(box.site.outputFiles)")
        #expect(box.site.outputFiles.contains("tags/elsewhere/index.html"), "\(box.site.outputFiles)")
        #expect(box.outsideIsUntouched())
        let siteFiles = box.site.folder.files().filter { !$0.hasPrefix("output/") && !$0.hasPrefix("content/") }
        #expect(siteFiles.isEmpty, "files written beside output/: \(siteFiles)")
    }

    /// Expected: `private_dir` that leaves the site or lies in output/ is refused.
    @Test(arguments: ["../private", "/tmp/private", "output/private", "./output", ".", "a/../../b"])
    func privateFoldersOutsideTheSiteOrInsideOutputAreRefused(dir: String) async {
        let box = Sandbox()
        box.site.write("aftermail.yml", "private_dir: \"\(dir)\"\n")
        guard case .failure(let error) = await box.site.build() else {
            Issue.record("built with private_dir \(dir)")
            return
        }
        #expect("\(error)".contains("'private_dir' must be a relative folder inside the site"), "\(error)")
    }

    /// Expected: every kind of symbolic link in the site is refused by name, and the file behind it
    /// is never read (its address would otherwise be in the figures).
    @Test(arguments: [
        ("content/incidents/x/logs/link.csv", "secret.csv"),
        ("content/incidents/link.md", "secret.csv"),
        ("content/incidents/linked", "elsewhere"),
        ("content/incidents/x/apology.md", "secret.csv"),
        ("content/incidents/x/plan.csv", "secret.csv"),
        ("templates/layout.mustache", "secret.csv"),
        ("aftermail.yml", "secret.csv"),
    ])
    func symbolicLinksAreRefused(link: String, target: String) async throws {
        let box = Sandbox()
        box.site.write("content/incidents/x/index.md", "---\ntitle: X\n---\n\nText.\n")
        box.site.write(
            "content/incidents/x/logs/a.csv",
            "timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,c,A,ann@example.com,send\n")
        let linkURL = box.site.root.appendingPathComponent(link)
        try FileManager.default.createDirectory(
            at: linkURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: linkURL.path, withDestinationPath: box.folder.url.appendingPathComponent(target).path)
        let result = await box.site.build()
        guard case .failure(let error) = result else {
            Issue.record("built with a symbolic link at \(link): \(result)")
            return
        }
        #expect("\(error)".lowercased().contains("symbolic link"), "\(error)")
        #expect(!"\(error)".contains("secret@example.com"))
        #expect(box.outsideIsUntouched())
    }

    /// Expected: an output folder that is a symbolic link is refused, and the folder it points
    /// to keeps its files.
    @Test func anOutputFolderThatIsALinkIsRefused() async throws {
        let box = Sandbox()
        box.site.write("content/incidents/x.md", "---\ntitle: X\n---\n\nText.\n")
        try FileManager.default.createSymbolicLink(
            atPath: box.site.output.path, withDestinationPath: box.elsewhere.path)
        guard case .failure(let error) = await box.site.build() else {
            Issue.record("replaced a linked output folder")
            return
        }
        #expect("\(error)".contains("is a symbolic link; refusing to replace it"), "\(error)")
        #expect(box.outsideIsUntouched())
    }
}
