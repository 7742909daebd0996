import Testing

@testable import CampaignLog

struct RFC5322DateTests {
    @Test(arguments: [
        ("Thu, 8 Mar 2005 14:00:00 EDT", "2005-03-08T18:00:00Z"),
        ("Thu, 08 Mar 2005 14:00:00 -0400", "2005-03-08T18:00:00Z"),
        ("Mon, 29 Apr 2013 23:45:50 PST", "2013-04-30T07:45:50Z"),  // the weekday is wrong: not checked
        ("29 Apr 2013 04:00:00 -0000", "2013-04-29T04:00:00Z"),
        ("Wed, 14 Apr 2010 12:17:45 -0700 (PDT)", "2010-04-14T19:17:45Z"),
        ("Thu, 29 Apr 2013 23:45:46 +0900 (JST)", "2013-04-29T14:45:46Z"),
        ("Sat, 31 Oct 2020 18:32:53 GMT", "2020-10-31T18:32:53Z"),
        ("Sat, 31 Oct 20 18:32 UT", "2020-10-31T18:32:00Z"),
        ("1 Jan 99 00:00:00 Z", "1999-01-01T00:00:00Z"),
        ("Mon, 2 Mar 2026 09:00:00 JST", "2026-03-02T00:00:00Z"),
        ("Mon, 2 Mar 2026 09:00:00 XYZT", "2026-03-02T09:00:00Z"),  // unknown zone: UTC, per the RFC
        ("Thu,29 Feb 2024 10:00:00 +0100", "2024-02-29T09:00:00Z"),
    ])
    func parses(text: String, expected: String) {
        #expect(Timestamp.parseRFC5322(text)?.rfc3339 == expected, "\(text)")
    }

    @Test(arguments: [
        "", "yesterday", "Thu, 30 Feb 2005 14:00:00 +0000", "Thu, 8 Mar 2005 25:00:00 +0000",
        "Thu, 8 Mar 2005 14:00:00", "Thu, 8 Foo 2005 14:00:00 +0000", "Thu, 8 Mar 2005 14:00:00 +2500",
        "2026-03-02T09:00:00Z",
    ])
    func rejects(text: String) {
        #expect(Timestamp.parseRFC5322(text) == nil, "\(text)")
    }
}
