import Foundation
import SiteBuilder
import Testing

/// What a build must never do: leave half a site, replace a folder it did not make, leak an address.
struct BuildSafetyTests {
    func build(_ site: TestSite, drafts: Bool = false) async throws(BuildError) -> BuildSummary {
        try await SiteBuild(options: BuildOptions(siteRoot: site.root, includeDrafts: drafts)).run()
    }

    @Test func aFailedBuildKeepsThePreviousSite() async throws {
        let site = TestSite()
        site.addIncident()
        _ = try await build(site)
        let output = site.root.appendingPathComponent("output")
        let before = site.files(under: output)
        let page = try Data(contentsOf: output.appendingPathComponent("incidents/twice/index.html"))
        site.write("content/incidents/broken.md", "---\ntitle: Broken\nsevirity: high\n---\nText\n")
        await #expect {
            try await build(site)
        } throws: { error in
            let text = "\(error)"
            return text.contains("content/incidents/broken.md:3: error: unknown key 'sevirity'")
                && text.contains("build failed in step 'Load settings and incidents'")
        }
        #expect(site.files(under: output) == before)
        #expect(try Data(contentsOf: output.appendingPathComponent("incidents/twice/index.html")) == page)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.hasPrefix(".output")
        }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func aRebuildReplacesTheSiteWhole() async throws {
        let site = TestSite()
        site.addIncident(slug: "first")
        _ = try await build(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/incidents/first"))
        site.addIncident(slug: "second")
        _ = try await build(site)
        let files = site.files(under: site.root.appendingPathComponent("output"))
        #expect(files.contains("incidents/second/index.html"))
        #expect(!files.contains("incidents/first/index.html"), "pages of removed incidents do not linger")
    }

    @Test func refusesToReplaceAFolderItDidNotMake() async throws {
        let site = TestSite()
        site.addIncident()
        site.write("output/precious.txt", "keep me")
        await #expect(throws: BuildError.self) { try await build(site) }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("output/precious.txt").path))
    }

    @Test func anAddressInACampaignOrVariantIdStopsTheBuild() async throws {
        let site = TestSite()
        site.addIncident(variant: "ANN@example.com")
        await #expect {
            try await build(site)
        } throws: { error in
            "\(error)".contains("output/incidents/twice/index.html: error: holds a recipient address")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("output").path))
    }

    @Test func aCampaignMissingFromTheLogsIsAnError() async throws {
        let site = TestSite()
        site.addIncident(campaign: "no-such-campaign")
        await #expect {
            try await build(site)
        } throws: { error in
            "\(error)".contains(
                "content/incidents/twice/index.md: error: campaign 'no-such-campaign' does not occur in the incident's logs (they hold 'c1')"
            )
        }
    }

    @Test func draftsAreBuiltOnlyWhenAskedFor() async throws {
        let site = TestSite()
        site.addIncident(status: "draft")
        _ = try await build(site)
        let output = site.root.appendingPathComponent("output")
        #expect(!site.files(under: output).contains("incidents/twice/index.html"))
        _ = try await build(site, drafts: true)
        #expect(site.files(under: output).contains("incidents/twice/index.html"))
    }

    @Test func skippedLogRecordsAreWarningsUnlessStrict() async throws {
        let site = TestSite()
        site.addIncident()
        site.write(
            "content/incidents/twice/logs/more.csv",
            "timestamp,campaign,variant,recipient,event\nsoon,c1,A,cy@example.com,send\n")
        let summary = try await build(site)
        #expect(
            summary.warnings == [
                "content/incidents/twice/logs/more.csv:2: warning: skipped: invalid timestamp 'soon' (RFC 3339 with an offset, or Unix seconds)"
            ])
        await #expect(throws: BuildError.self) {
            try await SiteBuild(options: BuildOptions(siteRoot: site.root, strict: true)).run()
        }
    }
}

/// The same input gives the same bytes (DESIGN.md rule 3).
struct ReproducibilityTests {
    @Test func twoBuildsOfTheExampleSiteAreByteForByteEqual() async throws {
        let scratch = TestSite()
        var trees: [[String: Data]] = []
        for name in ["one", "two"] {
            let output = scratch.root.appendingPathComponent(name)
            _ = try await SiteBuild(
                options: BuildOptions(
                    siteRoot: ExampleSiteTests.repository, outputDirectory: output,
                    privateDirectory: scratch.root.appendingPathComponent("private-\(name)"),
                    baseURL: "https://example.org/pm/")
            ).run()
            var tree: [String: Data] = [:]
            for file in scratch.files(under: output) {
                tree[file] = try Data(contentsOf: output.appendingPathComponent(file))
            }
            trees.append(tree)
        }
        #expect(trees[0].keys.sorted() == trees[1].keys.sorted())
        #expect(trees[0] == trees[1])
        #expect(trees[0]["feed.xml"] != nil)
    }
}
