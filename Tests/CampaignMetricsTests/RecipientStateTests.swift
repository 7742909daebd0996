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

    // MARK: - Inline marks and their move to the heap

    @Test func marksPastTheInlineOnesMoveToTheHeapInOrder() {
        var state = RecipientState()
        let inline = RecipientState.inlineCapacity
        for mark in 0..<inline { state.record(Int64(mark) * 10) }
        #expect(state.marks == (0..<inline).map { Int64($0) * 10 }, "all inline")
        state.record(Int64(inline) * 10)  // the first that does not fit
        state.record(5)  // an insertion among the moved ones
        #expect(state.marks == [0, 5] + (1...inline).map { Int64($0) * 10 })
        #expect(!state.truncated)
    }

    @Test func weightsSurviveTheMoveToTheHeap() {
        var state = RecipientState()
        let inline = RecipientState.inlineCapacity
        for mark in 0..<inline { state.record(Int64(mark) * 10) }
        state.record(30)
        state.record(30)
        state.record(15)  // an insertion while the marks are inline: shifts the weights too
        state.record(Int64(inline) * 10)  // the move
        state.record(30)
        let weights = marks(state).filter { $0.0 == 30 || $0.0 == 15 }.map(\.1)
        #expect(weights == [1, 4], "15 once, 30 four times: \(weights)")
        #expect(marks(state).count == inline + 2)
        #expect(marks(state).map(\.1).reduce(0, +) == inline + 5)
    }

    @Test(arguments: [1, 2, 3])
    func anyOrderGivesTheSortedDistinctMarksWithTheirCounts(seed: UInt64) {
        // Fewer than `markCap` distinct values, so nothing is dropped: the state must equal a
        // plain count of every value, whether its marks stayed inline or moved.
        var random = seed &* 0x9E37_79B9_7F4A_7C15
        var state = RecipientState()
        var counts: [Int64: Int] = [:]
        for _ in 0..<500 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Int64(random >> 58)  // 0 to 63; 60 of them kept, below the cap of 64
            guard value < 60 else { continue }
            let mark = value * 7
            state.record(mark)
            counts[mark, default: 0] += 1
        }
        let expected = counts.sorted { $0.key < $1.key }
        #expect(marks(state).map(\.0) == expected.map(\.key))
        #expect(marks(state).map(\.1) == expected.map(\.value))
        #expect(!state.truncated)
    }

    @Test func copiesAreIndependentInlineAndOnTheHeap() {
        var inline = RecipientState()
        inline.record(1)
        var copy = inline
        copy.record(2)
        copy.record(1)
        #expect(marks(inline).map(\.0) == [1] && marks(inline).map(\.1) == [1])
        #expect(marks(copy).map(\.0) == [1, 2] && marks(copy).map(\.1) == [2, 1])

        var spilled = RecipientState()
        for mark in 0...RecipientState.inlineCapacity { spilled.record(Int64(mark)) }
        var second = spilled
        second.record(100)
        second.record(0)
        #expect(spilled.marks == (0...RecipientState.inlineCapacity).map { Int64($0) })
        #expect(marks(spilled).allSatisfy { $0.1 == 1 })
        #expect(second.marks == (0...RecipientState.inlineCapacity).map { Int64($0) } + [100])
        #expect(marks(second).first?.1 == 2)
    }
}
