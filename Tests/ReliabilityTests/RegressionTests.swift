import CampaignMetrics
import Foundation
import Testing

/// Bugs the property tests, the hostile suite and the fuzzers found, each pinned by the smallest
/// input that showed it.
struct RegressionTests {
    /// Found by `PropertyTests.shufflingTheEventsChangesNoFigure` (seed 2944289309): two copies
    /// sent at the same instant were numbered by the order their variants first appeared in the
    /// log, so `rates_by_copy_number` changed when the lines were shuffled. Ties now go by variant name.
    @Test func copiesSentAtTheSameInstantAreNumberedByVariantNameWhateverTheOrderOfTheLog() throws {
        let folder = TempFolder()
        let header = "timestamp,campaign,variant,recipient,event\n"
        let sendA = "2026-09-10T14:00:00Z,c,A,ann@example.com,send\n"
        let sendB = "2026-09-10T14:00:00Z,c,B,ann@example.com,send\n"
        let complaint = "2026-09-10T14:05:00Z,c,B,ann@example.com,complaint\n"
        let aFirst = try Figures.run([("a.csv", header + sendA + sendB + complaint)], in: folder).report
        let bFirst = try Figures.run([("b.csv", header + sendB + sendA + complaint)], in: folder).report
        #expect(aFirst.json == bFirst.json, "\(Figures.firstDifference(aFirst.json, bFirst.json))")
        let numbers = try #require(bFirst.campaigns.first).copyNumbers
        #expect(numbers.map(\.complaints) == [0, 1], "copy 1 is A (first by name), so B's complaint is copy 2's: \(numbers)")
    }
}
