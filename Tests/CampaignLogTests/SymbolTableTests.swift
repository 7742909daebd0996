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
}
