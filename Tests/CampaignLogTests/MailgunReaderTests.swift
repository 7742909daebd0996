import CampaignLog
import Testing

struct MailgunReaderTests {
    @Test func mapsEveryEventTypeFromBareEvents() throws {
        let (events, report) = try readFixtures("mailgun/events.jsonl")
        #expect(
            events == [
                "2026-03-02T09:00:00.25Z spring-sale A ann@example.com send",
                "2026-03-02T09:00:10.5Z spring-sale A ann@example.com delivered",
                "2026-03-02T09:00:11Z spring-sale A ann@example.com deferred",
                "2026-03-02T09:00:12Z spring-sale A ann@example.com bounce",
                "2026-03-02T09:00:13Z spring-sale A ann@example.com dropped",
                "2026-03-02T09:00:14Z spring-sale A ann@example.com dropped",
                "2026-03-02T09:00:15Z spring-sale 7 ann@example.com open",
                "2026-03-02T09:00:16Z spring-sale A ann@example.com click",
                "2026-03-02T09:00:17Z  unassigned ann@example.com unsubscribe",
                "2026-03-02T09:00:18Z spring-sale A ann@example.com complaint",
            ], "\(events)")
        #expect(report.ignoredEvents == 1, "stored")
        #expect(report.duplicatesDropped == 1, "the repeated delivered id")
        #expect(
            report.skipped.map(\.description) == [
                "mailgun/events.jsonl:12: error: unknown Mailgun event 'bounced-by-magic'"
            ])
    }

    @Test func readsWebhookEnvelopes() throws {
        let (events, report) = try readFixtures("mailgun/webhook.json")
        #expect(events == ["2026-03-02T09:00:30.000001Z spring-sale B bob@example.org complaint"], "\(events)")
        #expect(report.recordsSkipped == 0)
    }

    @Test func readsEventsAPIPagesReportingBadItemsOnTheirOwnLine() throws {
        let (events, report) = try readFixtures("mailgun/events-page.json")
        #expect(
            events == [
                "2026-03-02T09:00:01Z spring-sale B bob@example.org send",
                "2026-03-02T09:00:40Z spring-sale B bob@example.org open",
            ], "\(events)")
        #expect(report.skipped.map(\.description) == ["mailgun/events-page.json:10: error: missing timestamp"])
    }

    @Test func userVariableKeysAndTagPrefixesAreConfigurable() throws {
        let folder = TempFolder()
        let path = folder.file(
            "mg.jsonl",
            """
            {"event":"accepted","id":"1","timestamp":1772442000,"recipient":"a@example.com","user-variables":{"arm":"blue","wave":"w1"}}
            {"event":"accepted","id":"2","timestamp":1772442000,"recipient":"b@example.com","tags":["arm-green"],"campaigns":[{"id":"c9","name":"Nine"}]}
            """)
        var fields = ProviderFieldMap()
        fields.mailgun = .init(
            variantKeys: ["arm"], campaignKeys: ["wave"], variantTagPrefix: "arm-", useCampaigns: false)
        let (events, _) = try readRun([path], options: LogReadOptions(fields: fields))
        #expect(
            events == [
                "2026-03-02T09:00:00Z w1 blue a@example.com send",
                "2026-03-02T09:00:00Z  green b@example.com send",
            ], "\(events)")
    }
}
