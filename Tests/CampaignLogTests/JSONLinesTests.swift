import CampaignLog
import Testing

struct JSONLinesTests {
    let folder = TempFolder()

    @Test func readsObjectsWithEscapesNumbersAndNestedValues() throws {
        let path = folder.file(
            "a.jsonl",
            """
            {"timestamp": 1789048800, "campaign": "c\\u00e9", "variant": "A", "recipient": "A@X.org", "event": "Processed", "meta": {"k": [1, {"x": "}"}]}}

            {"recipient":"b@x.org","event":"spamreport","timestamp":"2026-09-10T14:00:00.5Z","campaign":"c\\u00e9","variant":"\\ud83d\\ude00","detail":null}
            """)
        let (events, report) = try readAll([path])
        #expect(
            events == [
                "2026-09-10T14:00:00Z cé A a@x.org send",
                "2026-09-10T14:00:00.5Z cé 😀 b@x.org complaint",
            ])
        #expect(report.recordsSkipped == 0)
    }

    @Test func reportsBrokenLinesWithTheirNumbers() throws {
        let path = folder.file(
            "b.jsonl",
            """
            {"timestamp":"2026-09-10T14:00:00Z","campaign":"c","variant":"A","recipient":"a@x.org","event":"send"}
            {"timestamp":"2026-09-10T14:00:00Z","campaign":"c","variant":"A","recipient":"a@x.org","event":"send"
            {"timestamp":"2026-09-10T14:00:00Z","campaign":{"id":1},"variant":"A","recipient":"a@x.org","event":"send"}
            [1,2]
            {"timestamp":"2026-09-10T14:00:00Z","campaign":"c","variant":"A","recipient":"a@x.org","event":"send"} x
            {"timestamp":"2026-09-10T14:00:00Z","campaign":"c","variant":"A","event":"send"}
            """)
        let (events, report) = try readAll([path])
        #expect(events.count == 1)
        #expect(
            report.skipped.map(\.description) == [
                "b.jsonl:2: error: invalid JSON at column 102: expected ',' or '}'",
                "b.jsonl:3: error: 'campaign' must be a string or a number",
                "b.jsonl:4: error: invalid JSON at column 1: expected a JSON object",
                "b.jsonl:5: error: invalid JSON at column 104: unexpected text after the object",
                "b.jsonl:6: error: missing recipient",
            ])
    }

    @Test func csvAndJSONLinesOfTheSameEventsAgree() throws {
        let csv = folder.file(
            "same.csv",
            """
            timestamp,campaign,variant,recipient,event,event_id
            2026-09-10T14:00:00Z,c,A,a@x.org,send,1
            2026-09-10T14:01:00Z,c,B,a@x.org,delivered,2
            2026-09-10T14:02:00+01:00,c,A,b@x.org,unsubscribed,3
            """)
        let jsonl = folder.file(
            "same.jsonl",
            """
            {"timestamp":"2026-09-10T14:00:00Z","campaign":"c","variant":"A","recipient":"a@x.org","event":"send","event_id":"1"}
            {"timestamp":"2026-09-10T14:01:00Z","campaign":"c","variant":"B","recipient":"a@x.org","event":"delivered","event_id":"2"}
            {"timestamp":"2026-09-10T14:02:00+01:00","campaign":"c","variant":"A","recipient":"b@x.org","event":"unsubscribed","event_id":"3"}
            """)
        #expect(try readAll([csv]).events == readAll([jsonl]).events)
    }
}
