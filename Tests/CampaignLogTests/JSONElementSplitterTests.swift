@testable import CampaignLog
import Testing

struct JSONElementSplitterTests {
    /// Splits `text` line by line; pieces as "line:column:text" or "line!message".
    func split(_ text: String, maxBytes: Int = 1 << 20) -> [String] {
        var splitter = JSONElementSplitter(maxBytes: maxBytes)
        var pieces: [String] = []
        func take(_ piece: JSONElementSplitter.Piece) {
            switch piece {
            case .element(let bytes, let line, let column): pieces.append("\(line):\(column):" + String(decoding: bytes, as: UTF8.self))
            case .broken(let line, let message): pieces.append("\(line)!\(message)")
            }
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var copy = String(line)
            copy.withUTF8 { splitter.feed(UnsafeRawBufferPointer($0), number: index + 1, take) }
        }
        splitter.finish(take)
        return pieces
    }

    @Test func handsOutTheElementsOfArraysOneByOne() {
        #expect(split(#"[{"a":[1,"]"]}, {"b":"}"} ,3]"#) == [#"1:2:{"a":[1,"]"]}"#, #"1:17:{"b":"}"}"#, "1:28:3"])
    }

    @Test func readsArraysBackToBackAndValuesOnePerLine() {
        #expect(split("[{\"a\":1}][{\"b\":2}]\n{\"c\":3}\n\n  {\"d\":\n4}") == [
            #"1:2:{"a":1}"#, #"1:11:{"b":2}"#, #"2:1:{"c":3}"#, "4:3:{\"d\":\n4}",
        ])
    }

    @Test func anElementSpanningLinesKeepsItsFirstLine() {
        #expect(split("[\n  {\n    \"a\": 1\n  },\n  {\"b\": 2}\n]") == ["2:3:{\n    \"a\": 1\n  }", #"5:3:{"b": 2}"#])
    }

    @Test func textThatIsNoJSONIsOnePiecePerLine() {
        #expect(split("hello world\n{\"a\":1}") == ["1:1:hello world", #"2:1:{"a":1}"#])
    }

    @Test func truncationIsReportedWhereTheRecordStarts() {
        #expect(split("{\"a\":\"x\n{\"b\":1}") == ["1!a string is not closed before the end of its line", #"2:1:{"b":1}"#])
        #expect(split("{\"a\":{\n{\"b\":1}") == ["1!truncated: this record is not closed before line 2 starts a new one", #"2:1:{"b":1}"#])
        #expect(split("[{\"a\":1},{\"a\":\n[{\"b\":1}]") == [
            #"1:2:{"a":1}"#, "1!truncated: this record is not closed before line 2 starts a new one", #"2:2:{"b":1}"#,
        ])
        #expect(split("[{\"a\":1},\n{\"b\":") == [#"1:2:{"a":1}"#, "2!unexpected end of file: this record is never closed"])
    }

    @Test func aPayloadLongerThanTheLimitIsBroken() {
        #expect(split("[{\"a\":\n\"0123456789\"},{\"b\":1}]", maxBytes: 8) == ["1!record longer than 8 bytes", #"2:15:{"b":1}"#])
    }
}
