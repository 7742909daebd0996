import CampaignLog
import Testing

struct PostmarkReaderTests {
    @Test func mapsEveryRecordTypeAndBounceType() throws {
        let (events, report) = try readFixtures("postmark/webhooks.json")
        #expect(
            events == [
                "2026-03-02T09:00:10Z spring-sale A ann@example.com delivered",
                "2026-03-02T09:00:12.123456Z spring-sale A ann@example.com bounce",
                "2026-03-02T09:00:13Z spring-sale A ann@example.com deferred",
                "2026-03-02T09:00:15Z spring-sale A ann@example.com complaint",
                "2026-03-02T09:00:16.5Z spring-sale A ann@example.com unsubscribe",
                "2026-03-02T09:00:19Z spring-sale A ann@example.com open",
                "2026-03-02T09:00:20Z spring-sale A ann@example.com click",
            ], "\(events)")
        #expect(report.ignoredEvents == 3, "an auto-responder, a suppression for a hard bounce, a reactivation")
        #expect(report.duplicatesDropped == 1, "the click webhook retried")
        #expect(
            report.skipped.map(\.description) == [
                "postmark/webhooks.json:13: error: unknown Postmark RecordType 'Inbound'"
            ])
    }

    @Test func metadataKeysAndTagPrefixesAreConfigurable() throws {
        let folder = TempFolder()
        let path = folder.file(
            "pm.json",
            """
            {"RecordType":"Delivery","MessageID":"m1","Recipient":"a@example.com","DeliveredAt":"2026-03-02T09:00:00Z","Metadata":{"arm":"blue"},"Tag":"welcome"}
            """)
        var fields = ProviderFieldMap()
        fields.postmark = .init(variantKeys: ["arm"], campaignKeys: [], variantTagPrefix: nil, campaignTagPrefix: "")
        let (events, _) = try readRun([path], options: LogReadOptions(fields: fields))
        #expect(events == ["2026-03-02T09:00:00Z welcome blue a@example.com delivered"], "\(events)")
    }
}
