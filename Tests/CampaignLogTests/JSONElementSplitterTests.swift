import Testing

@testable import CampaignLog

struct JSONElementSplitterTests {
    /// Splits `text` fed in chunks of `chunk` bytes; pieces as "line:column:text" or "line!message".
    func split(_ text: String, maxBytes: Int = 1 << 20, chunk: Int = Int.max) -> [String] {
        var splitter = JSONElementSplitter(maxBytes: maxBytes)
        var pieces: [String] = []
        func take(_ piece: JSONElementSplitter.Piece) {
            switch piece {
            case .element(let bytes, let line, let column):
                pieces.append("\(line):\(column):" + String(decoding: bytes, as: UTF8.self))
            case .broken(let line, let message): pieces.append("\(line)!\(message)")
            }
        }
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + min(chunk, bytes.count))
            bytes[start..<end].withUnsafeBytes { splitter.feed($0, take) }
            start = end
        }
        splitter.finish(take)
        return pieces
    }

    /// The same pieces whatever the chunks the bytes arrive in.
    func splitEveryWay(_ text: String, maxBytes: Int = 1 << 20) -> [String] {
        let whole = split(text, maxBytes: maxBytes)
        for size in 1...7 {
            let pieces = split(text, maxBytes: maxBytes, chunk: size)
            #expect(pieces == whole, "in chunks of \(size) bytes")
        }
        return whole
    }

    @Test func handsOutTheElementsOfArraysOneByOne() {
        #expect(
            splitEveryWay(#"[{"a":[1,"]"]}, {"b":"}"} ,3]"#) == [#"1:2:{"a":[1,"]"]}"#, #"1:17:{"b":"}"}"#, "1:28:3"])
    }

    @Test func readsArraysBackToBackAndValuesOnePerLine() {
        #expect(
            splitEveryWay("[{\"a\":1}][{\"b\":2}]\n{\"c\":3}\n\n  {\"d\":\n4}") == [
                #"1:2:{"a":1}"#, #"1:11:{"b":2}"#, #"2:1:{"c":3}"#, "4:3:{\"d\":\n4}",
            ])
    }

    @Test func anElementSpanningLinesKeepsItsFirstLine() {
        #expect(
            splitEveryWay("[\n  {\n    \"a\": 1\n  },\n  {\"b\": 2}\n]") == [
                "2:3:{\n    \"a\": 1\n  }", #"5:3:{"b": 2}"#,
            ])
    }

    @Test func textThatIsNoJSONIsOnePiecePerLine() {
        #expect(splitEveryWay("hello world\n{\"a\":1}") == ["1:1:hello world", #"2:1:{"a":1}"#])
    }

    @Test func truncationIsReportedWhereTheRecordStarts() {
        #expect(
            splitEveryWay("{\"a\":\"x\n{\"b\":1}") == [
                "1!a string is not closed before the end of its line", #"2:1:{"b":1}"#,
            ])
        #expect(
            splitEveryWay("{\"a\":{\n{\"b\":1}") == [
                "1!truncated: this record is not closed before line 2 starts a new one", #"2:1:{"b":1}"#,
            ])
        #expect(
            splitEveryWay("[{\"a\":1},{\"a\":\n[{\"b\":1}]") == [
                #"1:2:{"a":1}"#, "1!truncated: this record is not closed before line 2 starts a new one",
                #"2:2:{"b":1}"#,
            ])
        #expect(
            splitEveryWay("[{\"a\":1},\n{\"b\":") == [
                #"1:2:{"a":1}"#, "2!unexpected end of file: this record is never closed",
            ])
    }

    @Test func oneLineOfManyElementsNeedsNoMoreThanOneElementOfMemory() {
        let text = "[" + (0..<1000).map { #"{"n":\#($0)}"# }.joined(separator: ",") + "]"
        let pieces = split(text, maxBytes: 16, chunk: 64)
        #expect(pieces.count == 1000)
        #expect(pieces.last == #"1:9882:{"n":999}"#, "\(pieces.last ?? "")")
    }

    @Test func junkOnTheLastLineWithoutALineEndIsOnePiece() {
        #expect(splitEveryWay("{\"a\":1}\nnot json") == [#"1:1:{"a":1}"#, "2:1:not json"])
    }

    @Test func aPayloadLongerThanTheLimitIsBroken() {
        #expect(
            splitEveryWay("[{\"a\":\n\"0123456789\"},{\"b\":1}]", maxBytes: 8) == [
                "1!record longer than 8 bytes", #"2:15:{"b":1}"#,
            ])
    }
}
