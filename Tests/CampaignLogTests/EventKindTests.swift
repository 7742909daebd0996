import CampaignLog
import Testing

struct EventKindTests {
    @Test(arguments: [
        ("send", EventKind.send), ("PROCESSED", .send), ("Accepted", .send),
        ("delivered", .delivered), ("Delivery", .delivered),
        ("bounce", .bounce), ("failed", .bounce), ("bounced", .bounce),
        ("deferred", .deferred), ("dropped", .dropped),
        ("open", .open), ("opened", .open), ("click", .click), ("clicked", .click),
        ("complaint", .complaint), ("spamreport", .complaint), ("complained", .complaint),
        ("unsubscribe", .unsubscribe), ("unsubscribed", .unsubscribe),
    ])
    func mapsSynonyms(name: String, kind: EventKind) {
        #expect(EventKind(name: name) == kind, "\(name) should be \(kind.name)")
    }

    @Test(arguments: ["spam", "", "sendx", "opens", "a-very-long-unknown-event-name"])
    func rejectsUnknown(name: String) {
        #expect(EventKind(name: name) == nil, "\(name) should be unknown")
    }
}
