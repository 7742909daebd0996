import Foundation
import Rendering
import Testing

/// Golden files: every page kind, byte for byte. Re-record with `RECORD_SNAPSHOTS=1 swift test`
/// (which fails the run, so a recording is never mistaken for a pass).
struct SnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static func site() async -> [String: String] {
        let story = IncidentInput(
            incident: Fixtures.incident(apology: Fixtures.apology()), metrics: Fixtures.report([Fixtures.campaign()]))
        let quiet = IncidentInput(
            incident: Fixtures.incident(
                slug: "newsletter-twice", title: "Newsletter sent twice", summary: nil, severity: nil, owner: nil,
                tags: [], body: "Short note.\n", status: .draft),
            metrics: nil)
        return try! await Fixtures.render([story, quiet])
    }

    @Test(arguments: [
        ("index.html", "index.html"),
        ("incidents/seven-copies/index.html", "incident.html"),
        ("incidents/seven-copies/apology/index.html", "apology.html"),
        ("incidents/newsletter-twice/index.html", "incident-without-logs.html"),
        ("incidents/seven-copies/metrics.json", "metrics.json"),
        ("tags/segmentation/index.html", "tag.html"),
    ])
    func matchesGolden(page: String, golden: String) async throws {
        let actual = try #require(await Self.site()[page], "page \(page) was not rendered")
        let file = Self.snapshots.appendingPathComponent(golden)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try Data(actual.utf8).write(to: file)
            Issue.record("recorded \(golden); run again without RECORD_SNAPSHOTS")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(page) differs from Snapshots/\(golden); if the change is meant, re-record")
    }

    @Test func rendersExactlyTheExpectedFiles() async {
        #expect(
            await Self.site().keys.sorted() == [
                "incidents/newsletter-twice/index.html", "incidents/seven-copies/apology/index.html",
                "incidents/seven-copies/index.html", "incidents/seven-copies/metrics.json", "index.html", "style.css",
                "tags/segmentation/index.html",
            ])
    }

    @Test func linksBetweenPagesAreRelative() async {
        for (path, text) in await Self.site() where path.hasSuffix(".html") {
            #expect(!text.contains("href=\"/"), "\(path) has a root-relative link")
            #expect(!text.contains("http://") && !text.contains("https://"), "\(path) links outside the site")
        }
    }
}
