import Foundation
import SiteBuilder
import Testing

/// What a build must never do: leave half a site, replace a folder it did not make, leak an address.
struct BuildSafetyTests {
    func build(_ site: TestSite, drafts: Bool = false) throws(BuildError) -> BuildSummary {
        try SiteBuild(options: BuildOptions(siteRoot: site.root, includeDrafts: drafts)).run()
    }

    @Test func aFailedBuildKeepsThePreviousSite() throws {
        let site = TestSite()
        site.addIncident()
        _ = try build(site)
        let output = site.root.appendingPathComponent("output")
        let before = site.files(under: output)
        let page = try Data(contentsOf: output.appendingPathComponent("incidents/twice/index.html"))
        site.write("content/incidents/broken.md", "---\ntitle: Broken\nsevirity: high\n---\nText\n")
        #expect {
            try build(site)
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

    @Test func aRebuildReplacesTheSiteWhole() throws {
        let site = TestSite()
        site.addIncident(slug: "first")
        _ = try build(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/incidents/first"))
        site.addIncident(slug: "second")
        _ = try build(site)
        let files = site.files(under: site.root.appendingPathComponent("output"))
        #expect(files.contains("incidents/second/index.html"))
        #expect(!files.contains("incidents/first/index.html"), "pages of removed incidents do not linger")
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let site = TestSite()
        site.addIncident()
        site.write("output/precious.txt", "keep me")
        #expect(throws: BuildError.self) { try build(site) }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("output/precious.txt").path))
    }

    @Test func anAddressInACampaignOrVariantIdStopsTheBuild() throws {
        let site = TestSite()
        site.addIncident(variant: "ANN@example.com")
        #expect {
            try build(site)
        } throws: { error in
            "\(error)".contains("output/incidents/twice/index.html: error: holds a recipient address")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("output").path))
    }

    @Test func aCampaignMissingFromTheLogsIsAnError() throws {
        let site = TestSite()
        site.addIncident(campaign: "no-such-campaign")
        #expect {
            try build(site)
        } throws: { error in
            "\(error)".contains(
                "content/incidents/twice/index.md: error: campaign 'no-such-campaign' does not occur in the incident's logs (they hold 'c1')"
            )
        }
    }

    @Test func draftsAreBuiltOnlyWhenAskedFor() throws {
        let site = TestSite()
        site.addIncident(status: "draft")
        _ = try build(site)
        let output = site.root.appendingPathComponent("output")
        #expect(!site.files(under: output).contains("incidents/twice/index.html"))
        _ = try build(site, drafts: true)
        #expect(site.files(under: output).contains("incidents/twice/index.html"))
    }

    @Test func skippedLogRecordsAreWarningsUnlessStrict() throws {
        let site = TestSite()
        site.addIncident()
        site.write(
            "content/incidents/twice/logs/more.csv",
            "timestamp,campaign,variant,recipient,event\nsoon,c1,A,cy@example.com,send\n")
        let summary = try build(site)
        #expect(
            summary.warnings == [
                "content/incidents/twice/logs/more.csv:2: warning: skipped: invalid timestamp 'soon' (RFC 3339 with an offset, or Unix seconds)"
            ])
        #expect(throws: BuildError.self) {
            try SiteBuild(options: BuildOptions(siteRoot: site.root, strict: true)).run()
        }
    }
}

/// The same input gives the same bytes (DESIGN.md rule 3).
struct ReproducibilityTests {
    @Test func twoBuildsOfTheExampleSiteAreByteForByteEqual() throws {
        let scratch = TestSite()
        var trees: [[String: Data]] = []
        for name in ["one", "two"] {
            let output = scratch.root.appendingPathComponent(name)
            _ = try SiteBuild(
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
