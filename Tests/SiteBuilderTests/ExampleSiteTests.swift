import CampaignLog
import Foundation
import SiteBuilder
import Testing

/// The repository's own example site, built end to end into a temporary folder.
struct ExampleSiteTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func buildsTheExampleSiteWithExactlyTheExpectedFilesAndNoAddress() async throws {
        let scratch = TestSite()
        let output = scratch.root.appendingPathComponent("out")
        var steps: [String] = []
        let summary = try await SiteBuild(
            options: BuildOptions(
                siteRoot: Self.repository, outputDirectory: output,
                privateDirectory: scratch.root.appendingPathComponent("private"))
        )
        .run { steps.append($0) }
        #expect(
            steps == [
                "[1/6] Load settings and incidents", "[2/6] Read logs and compute figures", "[3/6] Render pages",
                "[4/6] Check pages for recipient addresses", "[5/6] Write the private lists", "[6/6] Write the site",
            ])
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        #expect(
            scratch.files(under: output) == [
                ".aftermail-output",
                "incidents/may-newsletter-sent-twice/index.html",
                "incidents/premium-upsell-seven-copies/apology/index.html",
                "incidents/premium-upsell-seven-copies/index.html",
                "incidents/premium-upsell-seven-copies/metrics.json",
                "index.html",
                "style.css",
                "tags/a-b-test/index.html",
                "tags/complaints/index.html",
                "tags/duplicates/index.html",
                "tags/scheduling/index.html",
                "tags/segmentation/index.html",
            ])
        // No address of the log, in any spelling the log has, appears in any file.
        let log = Self.repository.appendingPathComponent(
            "content/incidents/premium-upsell-seven-copies/logs/events.csv")
        let reader = CampaignLogReader()
        var sink = Discard()
        try await reader.read(path: log.path, into: &sink)
        let addresses = Set(reader.symbols.recipients.names)
        #expect(addresses.count == 2000)
        for file in scratch.files(under: output) {
            let text = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8).lowercased()
            let leaked = addresses.first { text.contains($0) }
            #expect(leaked == nil, "\(file) contains a recipient address")
            #expect(!text.contains("@example.com"), "\(file) contains an address of the example domain")
        }
        let page = try String(
            contentsOf: output.appendingPathComponent("incidents/premium-upsell-seven-copies/index.html"),
            encoding: .utf8)
        #expect(page.contains("<dt>Got more than one variant</dt><dd>2,000</dd>"))
        #expect(page.contains("<h2 id=\"root-cause\">Root cause</h2>"))
        // The diagnosis, with its charts, each titled and described.
        #expect(page.contains("<li>145 sends went to 61 of the 107 people who had complained or unsubscribed"))
        #expect(page.contains("<li>Against the plan: 2,000 recipients were sent a variant they were not assigned"))
        #expect(page.components(separatedBy: "<svg class=\"chart\"").count - 1 == 3)
        #expect(page.components(separatedBy: "role=\"img\" aria-labelledby=").count - 1 == 3)
    }
}

/// A sink that drops every event.
struct Discard: EventSink {
    mutating func consume(_ event: Event) {}
}

/// The example's notes take every figure the logs can give from `{{ figures.… }}`.
struct ExampleNotesTests {
    @Test func theStoryNotesWriteLogFiguresThroughPlaceholders() throws {
        let notes = try String(
            contentsOf: ExampleSiteTests.repository.appendingPathComponent(
                "content/incidents/premium-upsell-seven-copies/index.md"),
            encoding: .utf8)
        for literal in ["2,000", "14,000", "seven ", "Seven ", "two thousand", "0.86%", "145", "61 "] {
            #expect(!notes.contains(literal), "the notes write '\(literal)' by hand")
        }
        #expect(notes.components(separatedBy: "{{ figures.").count > 30)
    }
}
