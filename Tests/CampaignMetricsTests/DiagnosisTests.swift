import CampaignLog
import CampaignMetrics
import Testing

struct DiagnosisTests {
    /// The story in small: seven variants seventeen minutes apart, each to all three recipients.
    /// a complains about copy 2 (B) at 14:20 and still gets C…G; b unsubscribes from C at 14:40
    /// and still gets D…G; c complains about G at 16:00, after the last send. The lines are
    /// written newest first, so that the figures cannot rely on the order of the file.
    static var storyLog: String {
        var lines: [String] = []
        for (index, variant) in ["A", "B", "C", "D", "E", "F", "G"].enumerated() {
            for person in ["a", "b", "c"] {
                lines.append("\(at(17 * index)),c,\(variant),\(person)@x.org,send")
                lines.append("\(at(17 * index, 5)),c,\(variant),\(person)@x.org,delivered")
            }
        }
        lines.append("\(at(20)),c,B,A@X.org,complaint")
        lines.append("\(at(40)),c,C,b@x.org,unsubscribe")
        lines.append("\(at(120)),c,G,c@x.org,complaint")
        return header + lines.reversed().joined(separator: "\n") + "\n"
    }

    @Test func theStoryEveryoneGotEverything() throws {
        let story = try campaign(Self.storyLog)
        let all7 = Array(repeating: 3, count: 7)
        #expect(story.overlap.variants == ["A", "B", "C", "D", "E", "F", "G"])
        #expect(story.overlap.matrix == Array(repeating: all7, count: 7))
        #expect(story.recipientsWithMultipleVariants == 3)
        #expect(
            story.copies.map { [$0.copies, $0.recipients] } == [
                [1, 0], [2, 0], [3, 0], [4, 0], [5, 0], [6, 0], [7, 3],
            ])
        let seven = try #require(story.copies.last)
        #expect(
            [seven.sends, seven.delivered, seven.complaints, seven.unsubscribes, seven.complainants] == [
                21, 21, 2, 1, 2,
            ])
        #expect(
            story.copyNumbers.map(\.complaints) == [0, 1, 0, 0, 0, 0, 1],
            "a's complaint is about copy 2, c's about copy 7")
        #expect(story.copyNumbers.map(\.unsubscribes) == [0, 0, 1, 0, 0, 0, 0])
        #expect(story.copyNumbers.map(\.recipients) == all7)
    }

    @Test func theStorySendsAfterOptOut() throws {
        let after = try campaign(Self.storyLog).afterOptOut
        #expect(after.optedOut == 3)
        #expect(after.recipients == 2, "c complained after the last send")
        #expect(after.sends == 9, "a: C…G, b: D…G")
        #expect(after.delay == DelaySummary(min: 660, median: 750, max: 840), "b 14:40 → D 14:51; a 14:20 → C 14:34")
        #expect(after.variants.map(\.variant) == ["A", "B", "C", "D", "E", "F", "G"])
        #expect(after.variants.map(\.sends) == [0, 0, 1, 2, 2, 2, 2])
        #expect(after.variants.map(\.recipients) == [0, 0, 1, 2, 2, 2, 2])
        #expect(
            after.variants[3].delay == DelaySummary(min: 660, median: 1260, max: 1860), "D: b after 11 min, a after 31")
        #expect(after.truncatedRecipients == 0)
    }

    @Test func theStoryTimeline() throws {
        let timeline = try campaign(Self.storyLog).timeline
        #expect(timeline.bucketSeconds == 60, "14:00 → 16:00 is within three hours")
        #expect(timeline.firstEvent?.rfc3339 == "2026-09-10T14:00:00Z")
        #expect(timeline.lastEvent?.rfc3339 == "2026-09-10T16:00:00Z")
        #expect(timeline.firstSendToFirstComplaint == 1200)
        #expect(timeline.firstComplaintToLastSend == 4920, "14:20 → 15:42")
        #expect(timeline.sendsAfterFirstComplaint == 15, "C…G to three recipients")
        #expect(timeline.complaintsAfterLastSend == 1)
        #expect(timeline.unsubscribesAfterLastSend == 0)
        #expect(
            timeline.buckets.map(\.rfc3339) == [
                "2026-09-10T14:00:00Z", "2026-09-10T14:17:00Z", "2026-09-10T14:20:00Z", "2026-09-10T14:34:00Z",
                "2026-09-10T14:40:00Z", "2026-09-10T14:51:00Z", "2026-09-10T15:08:00Z", "2026-09-10T15:25:00Z",
                "2026-09-10T15:42:00Z", "2026-09-10T16:00:00Z",
            ])
        let b = try #require(timeline.variants.first { $0.variant == "B" })
        #expect(b.sends == [0, 3, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(b.delivered == [0, 3, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(b.complaints == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        let g = try #require(timeline.variants.last)
        #expect(g.variant == "G" && g.complaints == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    }

    @Test func theStoryTestsNameTheWorstVariants() throws {
        let story = try campaign(Self.storyLog)
        #expect(story.complaintTest.variants.count == 7)
        #expect(story.complaintTest.best == "A")
        #expect(story.complaintTest.crediblyAboveBest.isEmpty, "two complaints prove nothing")
    }

    @Test func aCleanSendHasNothingToReport() throws {
        let log =
            header + """
                \(at(0)),c,A,a@x.org,send
                \(at(0)),c,A,b@x.org,send
                \(at(1)),c,B,c@x.org,send
                \(at(1)),c,B,d@x.org,send
                \(at(0, 5)),c,A,a@x.org,delivered
                \(at(30)),c,A,a@x.org,complaint
                """
        let clean = try campaign(log)
        #expect(clean.overlap.matrix == [[2, 0], [0, 2]])
        #expect(clean.recipientsWithMultipleVariants == 0)
        #expect(clean.copies.map { [$0.copies, $0.recipients] } == [[1, 4], [2, 0]])
        #expect(clean.afterOptOut.optedOut == 1)
        #expect(clean.afterOptOut.recipients == 0 && clean.afterOptOut.sends == 0 && clean.afterOptOut.delay == nil)
        #expect(clean.duplicateSends.recipients == 0 && clean.duplicateSends.extraSends == 0)
        #expect(clean.timeline.sendsAfterFirstComplaint == 0)
        #expect(clean.timeline.firstComplaintToLastSend == 0, "sending had stopped before the complaint")
        #expect(clean.timeline.complaintsAfterLastSend == 1)
    }

    @Test func duplicateAndUnassignedSends() throws {
        let log =
            header + """
                \(at(0)),c,A,a@x.org,send
                \(at(5)),c,A, A@x.org ,send
                \(at(9)),c,A,a@x.org,send
                \(at(1)),c,,a@x.org,send
                \(at(2)),c,,b@x.org,send
                \(at(3)),c,,b@x.org,send
                \(at(4)),c,B,c@x.org,send
                """
        let figures = try campaign(log)
        #expect(figures.duplicateSends.recipients == 2)
        #expect(figures.duplicateSends.extraSends == 3)
        #expect(figures.duplicateSends.variants.map { [$0.recipients, $0.extraSends] } == [[1, 2], [0, 0], [1, 1]])
        #expect(figures.duplicateSends.variants.map(\.variant) == ["A", "B", "unassigned"])
        #expect(figures.overlap.variants == ["A", "B"], "unassigned is no variant of the test")
        #expect(
            figures.copies.map { [$0.copies, $0.recipients] } == [[0, 1], [1, 2], [2, 0]], "b got only unassigned sends"
        )
        #expect(figures.copyNumbers.map(\.sends) == [4], "a's three sends of A and c's B are all first copies")
    }

    @Test func optOutsInAnotherCampaignDoNotCount() throws {
        let log =
            header + """
                \(at(0)),news,N,a@x.org,unsubscribe
                \(at(5)),c,A,a@x.org,send
                \(at(5)),c,A,b@x.org,send
                \(at(5)),c,A,b@x.org,unsubscribe
                """
        let figures = try campaign(log)
        #expect(figures.afterOptOut.optedOut == 1)
        #expect(
            figures.afterOptOut.sends == 0, "a opted out of another campaign; b's send is not later than b's opt-out")
    }
}
