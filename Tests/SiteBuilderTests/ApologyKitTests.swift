import Foundation
import Testing

@testable import SiteBuilder

/// The private folder: who is owed an apology, whose complaint needs an answer, the email itself.
struct ApologyKitTests {
    func read(_ site: TestSite, _ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func buildWritesTheKitOutsideThePublicSite() async throws {
        let site = TestSite()
        site.addIncident()
        site.write(
            "content/incidents/twice/apology.md", "---\nsubject: Sorry\n---\nWe sent {{ figures.sends }} emails.\n")
        let summary = try await SiteBuild(options: BuildOptions(siteRoot: site.root)).run()
        #expect(summary.privatePath == "private" && summary.privateFileCount == 4)
        #expect(
            try read(site, "private/twice/apology-recipients.csv") == """
                campaign,recipient,variants,copies,complaints,unsubscribes
                c1,ann@example.com,A B,2,0,0

                """)
        #expect(
            try read(site, "private/twice/complaints.csv") == """
                campaign,recipient,first_complaint,complaints,unsubscribed,variants,copies,sends_after_opt_out
                c1,bob@example.com,2026-09-10T14:05:00Z,1,no,B,1,0

                """)
        #expect(try read(site, "private/twice/apology-email.txt") == "Subject: Sorry\n\nWe sent 3 emails.\n")
        let html = try read(site, "private/twice/apology-email.html")
        #expect(html.contains("<title>Sorry</title>") && html.contains("<p>We sent 3 emails.</p>"))
        let published = site.files(under: site.root.appendingPathComponent("output"))
        #expect(!published.contains { $0.contains("csv") || $0.contains("email") })
    }

    @Test(arguments: [
        ("complainants", ["c1,bob@example.com,B,1,1,0"]),
        ("all_recipients", ["c1,ann@example.com,A B,2,0,0", "c1,bob@example.com,B,1,1,0"]),
        ("sent_after_opt_out", [String]()),
    ])
    func theAudienceChoosesWhoIsListed(audience: String, rows: [String]) async throws {
        let site = TestSite()
        site.addIncident()
        site.write("content/incidents/twice/apology.md", "---\naudience: \(audience)\n---\nSorry.\n")
        _ = try await SiteBuild(options: BuildOptions(siteRoot: site.root)).run()
        let lines = try read(site, "private/twice/apology-recipients.csv").split(separator: "\n").dropFirst().map(
            String.init)
        #expect(lines == rows)
    }

    @Test func anUnknownAudienceIsAnErrorWithItsLine() async {
        let site = TestSite()
        site.addIncident()
        site.write("content/incidents/twice/apology.md", "---\nsubject: Sorry\naudience: everyone\n---\nSorry.\n")
        await #expect {
            try await SiteBuild(options: BuildOptions(siteRoot: site.root)).run()
        } throws: { error in
            "\(error)".contains(
                "content/incidents/twice/apology.md:3: error: 'audience' must be one of multiple_variants")
        }
    }

    @Test func spreadsheetFormulasAndQuotesAreNeutralised() {
        #expect(
            PrivateLists.csv(["=HYPERLINK(\"x\")", "a,b", "plain"]) == "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",plain\n")
    }

    @Test func aPrivateFolderInsideTheOutputIsRefused() async {
        let site = TestSite()
        site.addIncident()
        await #expect(throws: BuildError.self) {
            try await SiteBuild(
                options: BuildOptions(
                    siteRoot: site.root, privateDirectory: site.root.appendingPathComponent("output/lists"))
            ).run()
        }
    }
}
