import CampaignLog
import CampaignMetrics
import Testing

/// A log exported more than once without event ids counts every copy (SPEC §2), and the
/// per-recipient figures stay exact however often an event repeats and in whatever order.
struct RepeatedEventsTests {
    /// The story's records (header dropped) repeated `times` times, file after file.
    static func storyRepeated(_ times: Int) -> String {
        let body = DiagnosisTests.storyLog.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        return header + String(repeating: body, count: times)
    }

    @Test(arguments: [2, 10])
    func everyCopyCountsAndNothingIsTruncated(times: Int) throws {
        let once = try campaign(DiagnosisTests.storyLog)
        // Ten copies give each recipient 140+ events: more than the 64 distinct marks kept.
        let many = try campaign(Self.storyRepeated(times))
        #expect(many.afterOptOut.truncatedRecipients == 0)
        #expect(many.afterOptOut.sends == once.afterOptOut.sends * times)
        #expect(many.afterOptOut.recipients == once.afterOptOut.recipients)
        #expect(many.afterOptOut.delay == once.afterOptOut.delay)
        #expect(many.copyNumbers.map(\.sends) == once.copyNumbers.map { $0.sends * times })
        #expect(many.copyNumbers.map(\.complaints) == once.copyNumbers.map { $0.complaints * times })
        #expect(many.copyNumbers.map(\.complainants) == once.copyNumbers.map(\.complainants))
        #expect(many.copyNumbers.map(\.recipients) == once.copyNumbers.map(\.recipients))
        #expect(many.timeline.sendsAfterFirstComplaint == once.timeline.sendsAfterFirstComplaint * times)
        #expect(many.timeline.complaintsAfterLastSend == once.timeline.complaintsAfterLastSend * times)
        #expect(many.duplicateSends.recipients == 3)
        #expect(
            many.duplicateSends.variants.map(\.recipients) == Array(repeating: 3, count: 7),
            "every recipient got each variant \(times) times")
        #expect(many.duplicateSends.extraSends == 21 * (times - 1))
    }

    @Test func theOrderOfTheLogDoesNotMatter() throws {
        let lines = Self.storyRepeated(3).split(separator: "\n").dropFirst().map(String.init)
        let shuffled = header + Self.scrambled(lines).joined(separator: "\n") + "\n"
        #expect(try report(shuffled).json == report(Self.storyRepeated(3)).json)
    }

    @Test func aTimelineOfManyCellsInAnyOrderIsTheSame() throws {
        // 400 minutes × 7 variants: far more cells than the table's cache of recent ones.
        var lines: [String] = []
        for minute in 0..<400 {
            for variant in ["A", "B", "C", "D", "E", "F", "G"] {
                lines.append("\(at(minute)),c,\(variant),r\(minute % 13)@x.org,send")
                if minute % 5 == 0 { lines.append("\(at(minute, 30)),c,\(variant),r\(minute % 13)@x.org,delivered") }
            }
        }
        let sorted = try campaign(header + lines.joined(separator: "\n") + "\n").timeline
        let shuffled = try campaign(header + Self.scrambled(lines).joined(separator: "\n") + "\n").timeline
        #expect(sorted == shuffled)
        #expect(sorted.variants.map { $0.sends.reduce(0, +) } == Array(repeating: 400, count: 7))
    }

    /// `lines` in a fixed scrambled order: position i takes line (i × 7919) mod n, a permutation
    /// whenever n is not a multiple of the prime 7919.
    static func scrambled(_ lines: [String]) -> [String] {
        precondition(lines.count % 7919 != 0)
        return lines.indices.map { lines[$0 * 7919 % lines.count] }
    }
}
