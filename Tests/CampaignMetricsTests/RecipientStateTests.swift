import Testing

@testable import CampaignMetrics

/// The per-recipient marks: sorted, distinct, weighted, capped.
struct RecipientStateTests {
    func marks(_ state: RecipientState) -> [(Int64, Int)] {
        var all: [(Int64, Int)] = []
        state.forEachMark { all.append(($0, $1)) }
        return all
    }

    @Test func marksStaySortedAndRepeatsOnlyAddWeight() {
        var state = RecipientState()
        for mark: Int64 in [50, 10, 30, 10, 50, 50, 20] { state.record(mark) }
        #expect(marks(state).map(\.0) == [10, 20, 30, 50])
        #expect(marks(state).map(\.1) == [2, 1, 1, 3])
        #expect(!state.truncated)
    }

    @Test func aWeightThatWouldOverflowStartsASecondMark() {
        var state = RecipientState()
        state.record(5)
        for _ in 0..<70_000 { state.record(7) }
        state.record(9)
        #expect(marks(state).map(\.0) == [5, 7, 7, 9])
        #expect(marks(state).map(\.1).reduce(0, +) == 70_002)
        #expect(!state.truncated)
    }

    @Test func beyondTheCapTheLatestDistinctMarksAreKept() {
        var state = RecipientState()
        for mark in (0..<100).reversed() { state.record(Int64(mark) * 10) }
        state.record(5)  // earlier than every mark kept: dropped
        state.record(990)  // a repeat of a kept mark: weight, no eviction
        #expect(state.truncated)
        #expect(marks(state).map(\.0) == (36..<100).map { Int64($0) * 10 })
        #expect(marks(state).last?.1 == 2)
    }
}
