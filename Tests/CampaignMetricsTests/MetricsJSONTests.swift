import CampaignMetrics
import Testing

/// The exact JSON of SPEC §3, byte for byte, on a hand-made report.
struct MetricsJSONTests {
    @Test func printsSpecKeysInOrder() {
        var variant = VariantFigures(variant: "A")
        variant.sends = 180_000
        variant.delivered = 177_912
        variant.bounces = 2088
        variant.complaints = 81
        variant.unsubscribes = 270
        variant.recipients = 180_000
        var totals = variant
        totals.variant = nil
        let campaign = CampaignFigures(
            campaign: "premium-upsell-test", firstSend: .init(parsing: "2026-09-10T14:00:00Z"),
            lastSend: .init(parsing: "2026-09-10T15:59:59Z"), firstComplaint: .init(parsing: "2026-09-10T14:03:10Z"),
            recipients: 180_000, recipientsWithMultipleVariants: 180_000, variants: [variant], totals: totals)
        let report = MetricsReport(
            campaigns: [campaign], eventsRead: 2_537_604, duplicatesDropped: 0, recordsSkipped: 0)
        let variantBody = """
                      "sends": 180000,
                      "delivered": 177912,
                      "bounces": 2088,
                      "deferred": 0,
                      "dropped": 0,
                      "opens": 0,
                      "clicks": 0,
                      "complaints": 81,
                      "unsubscribes": 270,
                      "recipients": 180000,
                      "complaint_rate": 0.000455,
                      "unsubscribe_rate": 0.001518,
                      "bounce_rate": 0.0116
            """
        let expected = """
            {
              "campaigns": [
                {
                  "campaign": "premium-upsell-test",
                  "first_send": "2026-09-10T14:00:00Z",
                  "last_send": "2026-09-10T15:59:59Z",
                  "first_complaint": "2026-09-10T14:03:10Z",
                  "recipients": 180000,
                  "recipients_with_multiple_variants": 180000,
                  "variants": [
                    {
                      "variant": "A",
            \(variantBody)
                    }
                  ],
                  "totals": {
            \(variantBody.replacingOccurrences(of: "\n      ", with: "\n    ").replacingOccurrences(of: "          \"sends\"", with: "        \"sends\""))
                  }
                }
              ],
              "events_read": 2537604,
              "duplicates_dropped": 0,
              "records_skipped": 0
            }

            """
        #expect(report.json == expected, "got:\n\(report.json)")
    }
}
