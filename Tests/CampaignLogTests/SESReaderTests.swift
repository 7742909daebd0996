import CampaignLog
import Testing

struct SESReaderTests {
    @Test func mapsEveryEventPublishingTypeOneEventPerRecipient() throws {
        let (events, report) = try readFixtures("ses/event-publishing.jsonl")
        #expect(
            events == [
                "2026-03-02T09:00:00Z spring-sale A ann@example.com send",
                "2026-03-02T09:00:00Z spring-sale A cy@example.com send",
                "2026-03-02T09:00:10Z spring-sale A ann@example.com delivered",
                "2026-03-02T09:00:10Z spring-sale A cy@example.com delivered",
                "2026-03-02T09:00:12.5Z spring-sale A cy@example.com bounce",
                "2026-03-02T09:00:13Z spring-sale A ann@example.com bounce",
                "2026-03-02T09:00:14Z spring-sale A ann@example.com complaint",
                "2026-03-02T09:00:15Z spring-sale A ann@example.com dropped",
                "2026-03-02T09:00:16Z spring-sale A ann@example.com open",
                "2026-03-02T09:00:17Z spring-sale A ann@example.com click",
                "2026-03-02T09:00:18Z spring-sale A ann@example.com deferred",
                "2026-03-02T09:00:19Z spring-sale A ann@example.com unsubscribe",
            ], "\(events)")
        #expect(report.ignoredEvents == 3, "a not-spam complaint, an opt-in, a rendering failure")
        #expect(
            report.skipped.map(\.description) == [
                "ses/event-publishing.jsonl:14: error: unknown Amazon SES event type 'Teleport'"
            ])
    }

    @Test func readsNotificationsInSNSEnvelopesDedupingOnTheSNSMessageId() throws {
        let (events, report) = try readFixtures("ses/sns-notifications.jsonl")
        #expect(
            events == [
                "2026-03-02T09:00:21Z spring-sale B bob@example.org bounce",
                "2026-03-02T09:00:21Z spring-sale B dee@example.org bounce",
                "2026-03-02T09:00:22Z spring-sale B bob@example.org complaint",
                "2026-03-02T09:00:11Z spring-sale B bob@example.org delivered",
            ], "\(events)")
        #expect(report.duplicatesDropped == 1, "SNS delivered the complaint twice")
        #expect(report.ignoredEvents == 1, "the subscription confirmation")
        #expect(
            report.skipped.map(\.description) == [
                "ses/sns-notifications.jsonl:5: error: the SNS 'Message' is not an SES event in JSON "
                    + "(unexpected character 'H', expected a value at character 1)",
                "ses/sns-notifications.jsonl:6: error: the SNS 'Message' is not an SES event in JSON "
                    + "(unexpected end of input inside an object at character 40)",
            ])
    }

    @Test func tagAndHeaderNamesAreConfigurable() throws {
        let folder = TempFolder()
        let path = folder.file(
            "ses.jsonl",
            """
            {"eventType":"Send","mail":{"timestamp":"2026-03-02T09:00:00Z","messageId":"m1","destination":["a@example.com"],"tags":{"arm":["blue","red"],"wave":["w1"]}}}
            {"eventType":"Send","mail":{"timestamp":"2026-03-02T09:00:00Z","messageId":"m2","destination":["b@example.com"],"headers":[{"name":"X-ARM","value":" green "}]}}
            """)
        var fields = ProviderFieldMap()
        fields.ses = .init(variantTags: ["arm"], campaignTags: ["wave"], variantHeaders: ["x-arm"], campaignHeaders: [])
        let (events, _) = try readRun([path], options: LogReadOptions(fields: fields))
        #expect(
            events == [
                "2026-03-02T09:00:00Z w1 blue a@example.com send",
                "2026-03-02T09:00:00Z  green b@example.com send",
            ], "\(events)")
    }
}
