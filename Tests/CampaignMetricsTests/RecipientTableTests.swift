import Testing

@testable import CampaignMetrics

/// The per-recipient table of a campaign, also once its slots are mapped as 2 MB pages.
struct RecipientTableTests {
    @Test func growsPastMappedSlotsAndKeepsEveryRecipient() {
        // 200,000 recipients need 2¹⁹ slots: past the size whose slots are mapped (SlotArray).
        var table = RecipientTable()
        let recipients = (0..<200_000).map { Int32(($0 * 7919) % 200_000) }
        for recipient in recipients { table.update(recipient) { $0.sends = recipient } }
        table.update(0) { $0.sends += 1 }
        #expect(table.count == 200_000)
        #expect(table[0]?.sends == 1 && table[199_999]?.sends == 199_999 && table[123_456]?.sends == 123_456)
        #expect(table[200_000] == nil && table[Int32.max] == nil, "absent recipients have no state")
        #expect(table.prefix(3).map(\.key) == Array(recipients.prefix(3)), "iterates in insertion order")
        var copy = table
        copy.update(200_000) { $0.sends = 5 }
        #expect(table[200_000] == nil && copy[200_000]?.sends == 5, "the copy changed alone")
        for recipient: Int32 in [123_456, 200_000, Int32.max] {
            table.warmSlot(recipient)
            table.warm(recipient)
            copy.warm(recipient)
        }
        #expect(table[123_456]?.sends == 123_456 && copy[200_000]?.sends == 5, "warming changes nothing")
        #expect(table[200_000] == nil && table.count == 200_000)
    }

    @Test func statesKeepTheirPlaceAcrossPagesAndCopiesChangeAlone() {
        // More recipients than one page of states holds (8,192), each with marks that moved to
        // the heap and marks that stayed inline.
        var table = RecipientTable()
        for recipient in Int32(0)..<20_000 {
            let marks = recipient % 3 == 0 ? RecipientState.inlineCapacity + 4 : 3
            for mark in 0..<marks { table.update(recipient) { $0.record(Int64(mark)) } }
            table.update(recipient) { $0.sends = recipient }
        }
        #expect(table.values.map(\.sends) == Array(0..<20_000), "insertion order across pages")
        #expect(table[9_999]?.marks == (0..<(RecipientState.inlineCapacity + 4)).map { Int64($0) })
        #expect(table[10_000]?.marks == [0, 1, 2])
        var copy = table
        copy.update(9_999) { $0.record(500) }
        copy.update(10_000) { $0.sends = -1 }
        #expect(table[9_999]?.marks.last == Int64(RecipientState.inlineCapacity + 3), "the original's marks")
        #expect(copy[9_999]?.marks.last == 500)
        #expect(table[10_000]?.sends == 10_000 && copy[10_000]?.sends == -1)
    }
}
