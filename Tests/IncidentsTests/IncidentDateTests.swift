import Testing

@testable import Incidents

struct IncidentDateTests {
    @Test(
        arguments: [
            ("2026-09-10", 1_789_000_000 - 1_789_000_000 % 86_400, "2026-09-10"),
            ("1970-01-01", 0, "1970-01-01"),
            ("2024-02-29", 1_709_164_800, "2024-02-29"),
            ("2026-09-10T14:03:10Z", 1_789_048_990, "2026-09-10"),
            ("2026-09-10t14:03:10z", 1_789_048_990, "2026-09-10"),
            ("2026-09-10 14:03:10Z", 1_789_048_990, "2026-09-10"),
            ("2026-09-10T14:03:10.999Z", 1_789_048_990, "2026-09-10"),
            ("2026-09-10T16:03:10+02:00", 1_789_048_990, "2026-09-10"),
            ("2026-09-09T23:03:10-15:00", 1_789_048_990, "2026-09-09"),
            ("  2026-09-10  ", 1_789_000_000 - 1_789_000_000 % 86_400, "2026-09-10"),
        ] as [(String, Int64, String)])
    func parses(text: String, epoch: Int64, day: String) throws {
        let date = try #require(IncidentDate(text), "\(text) must parse")
        #expect(date.epochSeconds == epoch, "\(text): \(date.epochSeconds) != \(epoch)")
        #expect(date.isoDay == day && date.text == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: [
        "", "2026-9-10", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-09-10T14:03:10",
        "2026-09-10T24:00:00Z", "2026-09-10T14:60:00Z", "2026-09-10T14:03:10+0200", "2026-09-10T14:03:10.Z",
        "2026-09-10Z", "10/09/2026", "2026-09-10T14:03Z", "２０２６-09-10",
    ])
    func refuses(text: String) {
        #expect(IncidentDate(text) == nil, "\(text.debugDescription) must be refused")
    }

    @Test func ordersByInstantThenText() throws {
        let a = try #require(IncidentDate("2026-09-10"))
        let b = try #require(IncidentDate("2026-09-10T00:00:00Z"))
        let c = try #require(IncidentDate("2026-09-10T00:00:01Z"))
        #expect(a.epochSeconds == b.epochSeconds && a < b && b < c, "\(a) \(b) \(c)")
    }
}
