import CampaignLog
import Testing

struct SendGridReaderTests {
    @Test func mapsEveryEventTypeWithVariantsFromCustomArgsCategoriesAndABTests() throws {
        let (events, report) = try readFixtures("sendgrid/all-events.json")
        #expect(
            events == [
                "2026-03-02T09:00:00Z spring-sale A ann@example.com send",
                "2026-03-02T09:00:01Z spring-sale A ann@example.com dropped",
                "2026-03-02T09:00:10Z spring-sale A ann@example.com delivered",
                "2026-03-02T09:00:11Z  A ann@example.com deferred",
                "2026-03-02T09:00:12Z spring-sale A ann@example.com bounce",
                "2026-03-02T09:00:13Z spring-sale A ann@example.com bounce",
                "2026-03-02T09:00:14.123Z spring-sale B ann@example.com open",
                "2026-03-02T09:00:15Z spring-sale A ann@example.com click",
                "2026-03-02T09:00:16Z spring-sale A ann@example.com complaint",
                "2026-03-02T09:00:17Z spring-sale A ann@example.com unsubscribe",
                "2026-03-02T09:00:18Z spring-sale A ann@example.com unsubscribe",
            ], "\(events)")
        #expect(report.ignoredEvents == 1, "group_resubscribe is known but not counted")
        #expect(report.duplicatesDropped == 1, "the repeated sg_event_id")
        #expect(
            report.skipped.map(\.description) == [
                "sendgrid/all-events.json:14: error: unknown SendGrid event 'machine_opened'"
            ])
    }

    @Test func readsArraysBackToBackOnePerLineOrPrettyPrinted() throws {
        let (events, report) = try readFixtures("sendgrid/batches.json")
        #expect(
            events == [
                "2026-03-02T09:00:00Z spring-sale B dee@example.org send",
                "2026-03-02T09:00:05Z spring-sale B dee@example.org delivered",
                "2026-03-02T09:00:00Z spring-sale A eve@example.org send",
            ], "\(events)")
        #expect(report.duplicatesDropped == 1, "the webhook posted one event twice")
        #expect(report.recordsSkipped == 0)
    }

    @Test func categoryPrefixesAndKeysAreConfigurable() throws {
        let folder = TempFolder()
        let path = folder.file(
            "sg.json",
            """
            [{"email":"a@example.com","timestamp":1772442000,"event":"processed","arm":"blue","wave":"w1","variant":"ignored"},
             {"email":"b@example.com","timestamp":1772442000,"event":"processed","category":["x","arm=green","wave=w2"]},
             {"email":"c@example.com","timestamp":1772442000,"event":"processed","marketing_campaign_version":"B","marketing_campaign_name":"mc"}]
            """)
        var fields = ProviderFieldMap()
        fields.sendGrid = .init(
            variantKeys: ["arm"], campaignKeys: ["wave"], variantCategoryPrefix: "arm=",
            campaignCategoryPrefix: "wave=",
            marketingCampaignFields: false)
        let (events, _) = try readRun([path], options: LogReadOptions(fields: fields))
        #expect(
            events == [
                "2026-03-02T09:00:00Z w1 blue a@example.com send",
                "2026-03-02T09:00:00Z w2 green b@example.com send",
                "2026-03-02T09:00:00Z  unassigned c@example.com send",
            ], "\(events)")
    }
}
