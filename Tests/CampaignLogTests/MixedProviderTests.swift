import CampaignLog
import Foundation
import Testing

/// One small campaign (three recipients, two variants; cy received both) written as canonical CSV
/// and as each provider's payloads must give the same events.
struct MixedProviderTests {
    /// The campaign as canonical CSV, sorted.
    func canonical(without kinds: Set<String> = []) throws -> [String] {
        try readFixtures("mixed/campaign.csv").events.filter { !kinds.contains(String($0.split(separator: " ").last!)) }
            .sorted()
    }

    @Test func sendGridGivesTheSameEvents() throws {
        let run = try readFixtures("mixed/sendgrid.json", "mixed/sendgrid-complaint.json")
        #expect(run.events.sorted() == (try canonical()), "\(run.events.sorted())")
        #expect(run.report.recordsSkipped == 0)
    }

    @Test func aSendGridExportAndAnARFReportGiveTheSameEvents() throws {
        // The complaint comes from the mailbox provider's report, before or after the export.
        for order in [
            ["mixed/sendgrid.json", "arf/complaint-bob.eml"], ["arf/complaint-bob.eml", "mixed/sendgrid.json"],
        ] {
            let run = try readRun(order.map(fixture))
            #expect(run.events.sorted() == (try canonical()), "\(order): \(run.events.sorted())")
            #expect(run.report.unmatchedComplaints == 0)
        }
    }

    @Test func canonicalCSVAndAnARFReportMatchByRecipient() throws {
        let folder = TempFolder()
        let csv = try String(contentsOfFile: fixture("mixed/campaign.csv"), encoding: .utf8)
        let withoutComplaint = folder.file(
            "sends.csv", csv.split(separator: "\r\n").filter { !$0.hasSuffix(",complaint") }.joined(separator: "\n"))
        let run = try readRun([fixture("arf/complaint-bob.eml"), withoutComplaint])
        #expect(run.events.sorted() == (try canonical()), "\(run.events.sorted())")
    }

    @Test func mailgunGivesTheSameEvents() throws {
        let run = try readFixtures("mixed/mailgun-page.json", "mixed/mailgun-webhooks.jsonl")
        #expect(run.events.sorted() == (try canonical()), "\(run.events.sorted())")
        #expect(run.report.recordsSkipped == 0)
    }

    @Test func sesGivesTheSameEvents() throws {
        let run = try readFixtures("mixed/ses.json")
        #expect(run.events.sorted() == (try canonical()), "\(run.events.sorted())")
        #expect(run.report.recordsSkipped == 0)
    }

    @Test func postmarkGivesTheSameEventsExceptSendsWhichItDoesNotReport() throws {
        let run = try readFixtures("mixed/postmark.jsonl")
        #expect(run.events.sorted() == (try canonical(without: ["send"])), "\(run.events.sorted())")
        #expect(run.report.recordsSkipped == 0)
    }

    @Test func everyProviderTogetherDeduplicatesNothingAcrossProviders() throws {
        let run = try readFixtures(
            "mixed/sendgrid.json", "mixed/sendgrid-complaint.json", "mixed/mailgun-page.json",
            "mixed/mailgun-webhooks.jsonl",
            "mixed/ses.json")
        #expect(run.events.count == 30, "three providers, ten events each: \(run.events.count)")
        #expect(run.report.duplicatesDropped == 0)
    }
}
