import CampaignLog
import CampaignMetrics
import Testing

struct TimelineTests {
    static let hour: Int64 = 3_600_000_000

    @Test(arguments: [
        (0, 60), (3 * hour, 60), (3 * hour + 1, 300), (12 * hour, 300), (12 * hour + 1, 900),
        (48 * hour, 900), (48 * hour + 1, 3600), (14 * 24 * hour, 3600), (14 * 24 * hour + 1, 86_400),
    ])
    func bucketWidthFollowsTheSpan(span: Int64, seconds: Int) {
        #expect(Timeline.bucketSeconds(forSpanMicroseconds: span) == seconds, "span \(span) µs")
    }

    @Test func minutesAreRebucketedAndEmptyBucketsLeftOut() throws {
        let log =
            header + """
                2026-09-10T14:00:10Z,c,A,a@x.org,send
                2026-09-10T14:04:59.999Z,c,A,b@x.org,send
                2026-09-10T14:05:00Z,c,B,c@x.org,send
                2026-09-10T14:06:00Z,c,B,c@x.org,delivered
                2026-09-10T14:07:00Z,c,A,a@x.org,open
                2026-09-10T20:00:00Z,c,B,c@x.org,complaint
                """
        let timeline = try campaign(log).timeline
        #expect(timeline.bucketSeconds == 300, "a six-hour span")
        #expect(
            timeline.buckets.map(\.rfc3339) == ["2026-09-10T14:00:00Z", "2026-09-10T14:05:00Z", "2026-09-10T20:00:00Z"])
        #expect(timeline.variants.map(\.variant) == ["A", "B"])
        #expect(timeline.variants[0].sends == [2, 0, 0])
        #expect(timeline.variants[1].sends == [0, 1, 0])
        #expect(timeline.variants[1].delivered == [0, 1, 0])
        #expect(timeline.variants[1].complaints == [0, 0, 1])
        #expect(timeline.lastEvent?.rfc3339 == "2026-09-10T20:00:00Z", "opens are not timeline events")
    }

    @Test func dayBucketsAreUTCDays() throws {
        let log =
            header + """
                2026-09-01T23:59:59Z,c,A,a@x.org,send
                2026-09-20T00:00:00+02:00,c,A,a@x.org,complaint
                """
        let timeline = try campaign(log).timeline
        #expect(timeline.bucketSeconds == 86_400)
        #expect(timeline.buckets.map(\.rfc3339) == ["2026-09-01T00:00:00Z", "2026-09-19T00:00:00Z"])
    }
}
