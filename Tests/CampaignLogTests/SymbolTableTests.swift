import Foundation
import Testing

@testable import CampaignLog

struct SymbolTableTests {
    @Test func internsLooksUpAndNamesManyValues() {
        var table = SymbolTable()
        #expect(table.intern("") == 0)
        for index in 0..<5000 { #expect(table.intern("value-\(index)") == Int32(index + 1)) }
        #expect(table.intern("") == 0)
        #expect(table.intern("value-4999") == 5000)
        #expect(table.name(0) == "" && table.name(77) == "value-76")
        #expect(table.count == 5001)
        var key = "value-10"
        #expect(key.withUTF8 { table.lookup(UnsafeRawBufferPointer($0)) } == 11)
        key = "absent"
        #expect(key.withUTF8 { table.lookup(UnsafeRawBufferPointer($0)) } == nil)
    }

    @Test func theLastValueMemoGivesTheTablesIDs() {
        var direct = SymbolTable()
        var memoized = SymbolTable()
        var last = LastSymbol()
        let values = ["a", "a", "", "b", "a", "", "", "longer-value-of-many-bytes", "b", "b", "a"]
        for value in values {
            var bytes = value
            let expected = direct.intern(value)
            let got = bytes.withUTF8 { last.intern(UnsafeRawBufferPointer($0), in: &memoized) }
            #expect(got == expected, "\(value.debugDescription): \(got) != \(expected)")
        }
        #expect(memoized.names == direct.names)
    }

    @Test func warmingDoesNotChangeTheTables() {
        var table = SymbolTable()
        var ids = EventIDSet()
        for index in 0..<3000 {
            var value = "r\(index)@x.org"
            value.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                table.warm(SymbolTable.hash(raw))
                ids.warm(EventIDSet.fingerprint(raw))
                let id = table.intern(raw, hash: SymbolTable.hash(raw))
                let first = ids.insert(EventIDSet.fingerprint(raw))
                let second = ids.insert(EventIDSet.fingerprint(raw))
                #expect(id == Int32(index) && first && !second)
            }
        }
        #expect(table.count == 3000 && ids.count == 3000)
    }

    @Test func theEventIDSetGrowsAndStaysAValue() {
        var ids = EventIDSet()
        for index in 0..<20_000 {
            var id = "evt-\(index)"
            #expect(id.withUTF8 { ids.insert(UnsafeRawBufferPointer($0)) })
        }
        var copy = ids
        var extra = "evt-extra"
        #expect(extra.withUTF8 { copy.insert(UnsafeRawBufferPointer($0)) })
        #expect(ids.count == 20_000 && copy.count == 20_001, "the copy changed alone")
        var again = "evt-19999"
        #expect(!again.withUTF8 { ids.insert(UnsafeRawBufferPointer($0)) })
        #expect(extra.withUTF8 { ids.insert(UnsafeRawBufferPointer($0)) }, "the original never saw the copy's id")
    }

    @Test func reservingRoomKeepsTheMembersAndTheEstimateStaysShort() {
        var ids = EventIDSet()
        var first = "evt-1"
        #expect(first.withUTF8 { ids.insert(UnsafeRawBufferPointer($0)) })
        ids.reserve(1_000_000)
        #expect(ids.count == 1)
        #expect(!first.withUTF8 { ids.insert(UnsafeRawBufferPointer($0)) }, "the member survived the resize")
        #expect(EventPipeline.expectedIDs(8192, in: 800_000, of: 80_000_000) == 737_280)
        #expect(EventPipeline.expectedIDs(0, in: 800_000, of: 80_000_000) == nil, "no ids, no estimate")
    }

    @Test func aTableOnMappedSlotsGrowsKeepsItsIDsAndStaysAValue() {
        // 150,000 values need 2¹⁹ slots: past the size whose slots are mapped as 2 MB pages.
        var table = SymbolTable()
        for index in 0..<150_000 { #expect(table.intern("r\(index)@x.org") == Int32(index)) }
        var copy = table
        #expect(copy.intern("only-in-the-copy") == 150_000)
        #expect(table.intern("r149999@x.org") == 149_999 && table.intern("r0@x.org") == 0)
        #expect(table.count == 150_000 && copy.count == 150_001, "the copy changed alone")
        var absent = "only-in-the-copy"
        #expect(absent.withUTF8 { table.lookup(UnsafeRawBufferPointer($0)) } == nil)
        #expect(table.name(123_456) == "r123456@x.org")
    }

    @Test func slotArraysStartZeroedAndCopyOnWrite() {
        for count in [1024, 1 << 18] {
            var slots = SlotArray(count: count)
            #expect(slots[0] == 0 && slots[count - 1] == 0)
            slots[count - 1] = 7
            var copy = slots
            copy[count - 1] = 8
            copy[0] = 9
            #expect(slots[count - 1] == 7 && slots[0] == 0, "the original changed with its copy (\(count) slots)")
            #expect(copy[count - 1] == 8 && copy[0] == 9)
        }
    }

    /// A table whose pages another thread maps ahead keeps what is written to it meanwhile and
    /// reads zero everywhere else. (8 MB: the hostile suite, running beside, bounds the growth of
    /// the process's peak memory, and a table of the default threshold would add 64 MB to it.)
    @Test func aTableMappedAheadKeepsItsWritesAndZeros() throws {
        let count = (8 << 20) / MemoryLayout<UInt64>.stride
        let slots = ZeroedSlots.allocate(count, mappedAhead: true)
        defer { ZeroedSlots.release(slots, count) }
        let page = 4096 / MemoryLayout<UInt64>.stride
        for index in stride(from: 0, to: count, by: page * 7) { slots[index] = UInt64(index) &+ 1 }
        usleep(200_000)  // let the thread map the rest
        for index in stride(from: 0, to: count, by: page) {
            let expected: UInt64 = index % (page * 7) == 0 ? UInt64(index) &+ 1 : 0
            guard slots[index] == expected else {
                Issue.record("slot \(index) holds \(slots[index]), not \(expected)")
                return
            }
        }
    }

    @Test func bothHalvesOfAFingerprintTellIDsApart() {
        var ids = EventIDSet()
        let first = EventIDSet.Fingerprint(a: 0x1234_5679, b: 1)
        let sameFirstHalf = EventIDSet.Fingerprint(a: 0x1234_5679, b: 2)
        #expect(ids.insert(first) && ids.insert(sameFirstHalf), "fingerprints differing in the second half are two ids")
        #expect(!ids.insert(first) && !ids.insert(sameFirstHalf))
        ids.reserve(100_000)
        #expect(!ids.insert(first) && !ids.insert(sameFirstHalf), "both survived the resize")
        #expect(ids.count == 2)
    }

    @Test func aMappedArenaKeepsEveryNameAndACopyWritesItsOwn() {
        // 120,000 values of 25 to 30 bytes make an arena past 2 MB (mapped, grown by copying);
        // a table sized up front starts with a mapped arena. Both must keep every name.
        var grown = SymbolTable()
        var sized = SymbolTable(expectedCount: 120_000, averageBytes: 30)
        for index in 0..<120_000 {
            let name = "subscriber\(index)@example.com"
            #expect(grown.intern(name) == Int32(index) && sized.intern(name) == Int32(index))
        }
        #expect(grown.intern("") == 120_000, "an empty value after the others")
        for index in stride(from: 0, to: 120_000, by: 997) {
            let name = "subscriber\(index)@example.com"
            #expect(grown.name(Int32(index)) == name && sized.name(Int32(index)) == name)
        }
        let before = grown
        #expect(grown.intern("one more") == 120_001)
        #expect(before.count == 120_001 && grown.count == 120_002)
        #expect(before.name(119_999) == grown.name(119_999))
        var copy = before
        #expect(copy.intern("only in the copy") == 120_001)
        #expect(grown.name(120_001) == "one more" && copy.name(120_001) == "only in the copy")
    }
}
