import CampaignLog
import Testing

struct TimestampTests {
    @Test(arguments: [
        ("2026-09-10T14:00:00Z", "2026-09-10T14:00:00Z"),
        ("2026-09-10t14:00:00z", "2026-09-10T14:00:00Z"),
        ("2026-09-10 14:00:00Z", "2026-09-10T14:00:00Z"),
        ("2026-09-10T16:30:00+02:30", "2026-09-10T14:00:00Z"),
        ("2026-09-10T09:00:00-05:00", "2026-09-10T14:00:00Z"),
        ("2026-09-10T14:00:00.25Z", "2026-09-10T14:00:00.25Z"),
        ("2026-09-10T14:00:00.123456789Z", "2026-09-10T14:00:00.123456Z"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
        ("2000-02-29T23:59:59Z", "2000-02-29T23:59:59Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ("1789048800", "2026-09-10T14:00:00Z"),
        ("1789048800.5", "2026-09-10T14:00:00.5Z"),
        ("0", "1970-01-01T00:00:00Z"),
    ])
    func parsesAndFormats(input: String, expected: String) {
        let parsed = Timestamp(parsing: input)
        #expect(parsed?.rfc3339 == expected, "\(input) → \(parsed?.rfc3339 ?? "nil"), expected \(expected)")
    }

    @Test(arguments: [
        "2026-09-10T14:00:00",  // no offset
        "2026-02-30T14:00:00Z",  // no 30 February
        "2025-02-29T14:00:00Z",  // not a leap year
        "1900-02-29T00:00:00Z",  // century, not a leap year
        "2026-09-10T25:00:00Z",  // no hour 25
        "2026-09-10T14:60:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-09-10T14:00:00+2:00",
        "2026-09-10T14:00:00.Z",
        "2026-09-10",
        "yesterday",
        "",
        "12.",
        "1e9",
        "9999999999999999",
        "1789048800 ",
    ])
    func rejects(input: String) {
        #expect(Timestamp(parsing: input) == nil, "\(input) should not parse")
    }

    @Test func ordersByInstant() {
        let a = Timestamp(parsing: "2026-09-10T16:00:00+02:00")!
        let b = Timestamp(parsing: "2026-09-10T14:00:00.000001Z")!
        #expect(a < b)
    }
}
