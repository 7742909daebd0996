import CampaignLog
import CampaignMetrics
import Foundation
import Testing

/// Figures on small logs counted by hand.
struct FiguresTests {
    /// Writes `text` to a temporary file and computes its figures.
    func figures(_ text: String, file: String = "log.csv") throws -> MetricsReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-fig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(file).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try MetricsReport.compute(files: [(path, file)]).0
    }

    /// Three recipients, two variants; ann gets both, bob only A, cy only B and bounces.
    static let handCounted = """
        timestamp,campaign,variant,recipient,event,event_id,detail
        2026-09-10T14:00:00Z,upsell,A,ann@example.com,send,1,
        2026-09-10T14:00:01Z,upsell,A,bob@example.com,send,2,
        2026-09-10T14:00:02Z,upsell,A,ann@example.com,delivered,3,
        2026-09-10T14:00:03Z,upsell,A,bob@example.com,delivered,4,
        2026-09-10T14:20:00Z,upsell,B,ANN@example.com,send,5,
        2026-09-10T14:20:01Z,upsell,B,cy@example.com,send,6,
        2026-09-10T14:20:02Z,upsell,B,ann@example.com,delivered,7,
        2026-09-10T14:20:03Z,upsell,B,cy@example.com,bounce,8,550 mailbox unavailable
        2026-09-10T14:25:00Z,upsell,B,ann@example.com,complaint,9,abuse
        2026-09-10T14:25:00Z,upsell,B,ann@example.com,complaint,9,abuse
        2026-09-10T14:26:00Z,upsell,A,bob@example.com,unsubscribe,10,
        2026-09-10T14:27:00Z,upsell,A,bob@example.com,open,11,
        2026-09-10T14:27:30Z,upsell,A,bob@example.com,click,12,
        2026-09-10T14:30:00Z,other,,dee@example.com,send,13,
        2026-09-10T14:30:00Z,other,,dee@example.com,deferred,14,
        2026-09-10T14:31:00Z,other,,dee@example.com,dropped,15,
        not-a-time,upsell,A,bob@example.com,send,16,

        """

    @Test func countsByHand() throws {
        let report = try figures(Self.handCounted)
        #expect(report.campaigns.map(\.campaign) == ["other", "upsell"], "campaigns sorted by id")
        let upsell = report.campaigns[1]
        #expect(upsell.recipients == 3)
        #expect(upsell.recipientsWithMultipleVariants == 1, "only ann got A and B")
        #expect(upsell.firstSend?.rfc3339 == "2026-09-10T14:00:00Z")
        #expect(upsell.lastSend?.rfc3339 == "2026-09-10T14:20:01Z")
        #expect(upsell.firstComplaint?.rfc3339 == "2026-09-10T14:25:00Z")
        let a = upsell.variants[0], b = upsell.variants[1]
        #expect(
            [a.sends, a.delivered, a.unsubscribes, a.opens, a.clicks, a.recipients] == [2, 2, 1, 1, 1, 2] as [Int])
        #expect([b.sends, b.delivered, b.bounces, b.complaints, b.recipients] == [2, 1, 1, 1, 2] as [Int])
        #expect(b.complaintRate == 1.0, "1 complaint / 1 delivered")
        #expect(b.bounceRate == 0.5, "1 bounce / 2 sends")
        #expect(a.unsubscribeRate == 0.5)
        #expect(upsell.totals.sends == 4 && upsell.totals.recipients == 3)
        let other = report.campaigns[0]
        #expect(other.variants.map(\.variant) == ["unassigned"])
        #expect(other.recipientsWithMultipleVariants == 0)
        #expect(other.totals.complaintRate == 0, "no deliveries: complaints / sends")
        #expect([report.eventsRead, report.duplicatesDropped, report.recordsSkipped] == [16, 1, 1] as [Int])
    }

    @Test func unassignedSendsDoNotMakeARecipientMultiple() throws {
        let report = try figures(
            """
            timestamp,campaign,variant,recipient,event
            2026-09-10T14:00:00Z,c,A,a@x.org,send
            2026-09-10T14:00:00Z,c,,a@x.org,send
            2026-09-10T14:00:00Z,c,A,b@x.org,send
            2026-09-10T14:00:00Z,c,B,b@x.org,send
            """)
        #expect(report.campaigns[0].recipientsWithMultipleVariants == 1)
        #expect(report.campaigns[0].recipients == 2)
    }

    @Test func ratesWithoutDenominatorsAreNull() throws {
        let report = try figures(
            "timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,c,A,a@x.org,complaint\n")
        let totals = report.campaigns[0].totals
        #expect(totals.complaintRate == nil && totals.unsubscribeRate == nil && totals.bounceRate == nil)
        #expect(report.json.contains("\"complaint_rate\": null"))
        #expect(report.json.contains("\"first_send\": null"))
    }

    @Test func countsMoreThanSixtyFourVariants() throws {
        var text = "timestamp,campaign,variant,recipient,event\n"
        for variant in 0..<70 { text += "2026-09-10T14:00:00Z,c,v\(variant),a@x.org,send\n" }
        text += "2026-09-10T14:00:00Z,c,v69,b@x.org,send\n"
        let campaign = try figures(text).campaigns[0]
        #expect(campaign.variants.count == 70)
        #expect(campaign.recipientsWithMultipleVariants == 1)
        #expect(campaign.variants.first { $0.variant == "v69" }?.recipients == 2)
        #expect(campaign.variants.allSatisfy { $0.recipients >= 1 })
    }

    @Test(arguments: [
        (0.000455_27, "0.000455"), (0.0116, "0.0116"), (1.0, "1"), (0.0, "0"), (0.0000004, "0"),
        (0.0000005, "0.000001"), (2.5, "2.5"), (0.123456789, "0.123457"),
    ])
    func roundsRatesToSixPlaces(value: Double, text: String) {
        #expect(JSONText.decimal(value) == text, "\(value) → \(JSONText.decimal(value))")
    }

    @Test func escapesJSONStrings() {
        #expect(JSONText.quoted("a\"b\\c\n\u{1}é") == "\"a\\\"b\\\\c\\n\\u0001é\"")
    }
}
