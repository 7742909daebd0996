import CampaignMetrics
import Testing

struct JSONShapeTests {
    /// The keys of each campaign object, in order: SPEC §3's, then the diagnosis sections.
    @Test func campaignKeysKeepTheirOrderAndOnlyGrow() throws {
        let json = try report(DiagnosisTests.storyLog, plan: "recipient,variant\na@x.org,A\n").json
        let keys = json.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("      \""), !line.hasPrefix("       ") else { return nil }
            return String(line.dropFirst(7).prefix { $0 != "\"" })
        }
        #expect(
            keys == [
                "campaign", "first_send", "last_send", "first_complaint", "recipients",
                "recipients_with_multiple_variants",
                "variants", "totals", "overlap", "copies_histogram", "rates_by_copies", "rates_by_copy_number",
                "after_opt_out", "duplicate_sends", "plan", "timeline", "intervals", "tests",
            ])
    }

    @Test func figuresMadeByHandHaveNoDiagnosis() {
        let campaign = CampaignFigures(
            campaign: "c", firstSend: nil, lastSend: nil, firstComplaint: nil, recipients: 0,
            recipientsWithMultipleVariants: 0, variants: [], totals: VariantFigures(variant: nil))
        let json = MetricsReport(campaigns: [campaign], eventsRead: 0, duplicatesDropped: 0, recordsSkipped: 0).json
        #expect(!campaign.isDiagnosed)
        #expect(!json.contains("overlap") && !json.contains("timeline"), "\(json)")
    }

    @Test func sectionsAsText() throws {
        let log =
            header + """
                \(at(0)),c,A,a@x.org,send
                \(at(0)),c,B,a@x.org,send
                \(at(1)),c,B,a@x.org,delivered
                \(at(2)),c,B,a@x.org,complaint
                """
        let json = try report(log).json
        #expect(
            json.contains(
                """
                      "overlap": {
                        "variants": ["A", "B"],
                        "matrix": [
                          [1, 1],
                          [1, 1]
                        ]
                      },
                      "copies_histogram": [
                        {
                          "copies": 1,
                          "recipients": 0
                        },
                        {
                          "copies": 2,
                          "recipients": 1
                        }
                      ],
                """), "\(json)")
        #expect(
            json.contains(
                """
                      "timeline": {
                        "bucket_seconds": 60,
                        "first_event": "2026-09-10T14:00:00Z",
                        "last_event": "2026-09-10T14:02:00Z",
                        "first_send_to_first_complaint_seconds": 120,
                        "first_complaint_to_last_send_seconds": 0,
                        "sends_after_first_complaint": 0,
                        "complaints_after_last_send": 1,
                        "unsubscribes_after_last_send": 0,
                        "buckets": ["2026-09-10T14:00:00Z", "2026-09-10T14:01:00Z", "2026-09-10T14:02:00Z"],
                        "variants": [
                          {
                            "variant": "A",
                            "sends": [1, 0, 0],
                            "delivered": [0, 0, 0],
                            "complaints": [0, 0, 0],
                            "unsubscribes": [0, 0, 0]
                          },
                """), "\(json)")
        #expect(
            json.contains(
                """
                        "totals": {
                          "complaint_rate": {
                            "low": 0.206549,
                            "high": 1
                          },
                """), "\(json)")
    }
}
