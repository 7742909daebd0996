/// Lists the member names of the first JSON object in the first bytes of a file (the object
/// itself, or the first element of a top-level array), for format detection. Tolerates a head
/// cut short: it reports the names seen before the cut.
enum JSONKeySniffer {
    /// The top-level member names of the first object, in order (escapes left as written).
    static func firstObjectKeys(_ head: ArraySlice<UInt8>) -> [String] {
        var index = head.startIndex
        func skipSpace() {
            while index < head.endIndex, FieldNormalizer.isASCIISpace(head[index]) { index += 1 }
        }
        skipSpace()
        while index < head.endIndex, head[index] == UInt8(ascii: "[") {
            index += 1
            skipSpace()
        }
        guard index < head.endIndex, head[index] == UInt8(ascii: "{") else { return [] }
        index += 1
        var keys: [String] = []
        var depth = 1
        var lastString: Range<Int>? = nil  // a string just closed at depth 1, maybe a member name
        while index < head.endIndex {
            let byte = head[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index + 1
                index += 1
                while index < head.endIndex, head[index] != UInt8(ascii: "\"") {
                    index += head[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < head.endIndex else { return keys }
                lastString = depth == 1 ? start..<index : nil
                index += 1
                continue
            case UInt8(ascii: ":"):
                if let name = lastString { keys.append(String(decoding: head[name], as: UTF8.self)) }
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return keys }
            default:
                if !FieldNormalizer.isASCIISpace(byte) { lastString = nil }
                index += 1
                continue
            }
            lastString = nil
            index += 1
        }
        return keys
    }
}
