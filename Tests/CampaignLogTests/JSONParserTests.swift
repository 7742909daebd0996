import Testing

@testable import CampaignLog

struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.Failure) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    func failure(_ text: String) -> JSONParser.Failure? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEveryKindOfValueKeepingNumbersAsWritten() throws {
        let value = try parse(
            #" {"s":"a\"b\\c\u00e9\ud83d\ude00\n","n":-12.5e+3,"big":4323372036854775807,"t":true,"f":false,"z":null,"a":[1,{}],"o":{"k":[]}} "#
        )
        #expect(value["s"]?.string == "a\"b\\cé😀\n")
        #expect(value["n"]?.text == "-12.5e+3")
        #expect(value["big"]?.text == "4323372036854775807", "too big for a Double, kept as text")
        #expect(value["t"]?.bool == true && value["f"]?.bool == false)
        #expect(value["z"]?.isNull == true)
        #expect(value["a"]?.array?.count == 2)
        #expect(value["o", "k"]?.array?.isEmpty == true)
        #expect(
            value.object?.members.map(\.key) == ["s", "n", "big", "t", "f", "z", "a", "o"], "members keep their order")
    }

    @Test func aRepeatedMemberNameTakesTheLastValue() throws {
        #expect(try parse(#"{"a":1,"a":2}"#)["a"]?.text == "2")
    }

    @Test(arguments: [
        (#"{"a":1,}"#, 7, "expected a member name"),
        (#"[1,2,]"#, 5, "unexpected character ']', expected a value"),
        (#"{"a":01}"#, 6, "invalid number"),
        (#"{"a":1.}"#, 7, "invalid number: digits expected after '.'"),
        (#"{'a':1}"#, 1, "expected a member name"),
        (#"{"a":nul}"#, 5, "invalid literal, expected 'null'"),
        (#"{"a":"x"#, 7, "unterminated string"),
        ("{\"a\":\"x\ny\"}", 7, "control character in a string (a string never spans lines)"),
        (#"{"a":"\q"}"#, 6, #"invalid escape '\q'"#),
        (#"{"a":1} x"#, 8, "unexpected text after the value"),
        (#"{"a":1"#, 6, "unexpected end of input inside an object"),
        (#"// comment"#, 0, "unexpected character '/', expected a value"),
    ])
    func rejectsWhatIsNotStrictJSON(text: String, offset: Int, message: String) {
        #expect(failure(text) == JSONParser.Failure(message: message, offset: offset), "\(text)")
    }

    @Test func nestingIsLimited() throws {
        let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect(throws: Never.self) { try parse(ok) }
        let deep = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
        #expect(failure(deep)?.message == "nested more than 128 deep")
    }

    @Test func invalidUTF8AndLoneSurrogatesBecomeReplacementCharacters() throws {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xFF] + Array(#"\ud800x"}"#.utf8)
        #expect(try JSONParser.parse(bytes)["a"]?.string == "\u{FFFD}\u{FFFD}x")
    }
}
