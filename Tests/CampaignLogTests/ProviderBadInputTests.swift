import CampaignLog
import Testing

/// Damaged provider files: each case is handled on purpose, reported with its line, and the rest
/// of the file is still read where its layout allows.
struct ProviderBadInputTests {
    let folder = TempFolder()

    static func event(_ email: String, _ id: String, _ extra: String = "") -> String {
        #"{"email":"\#(email)","timestamp":1772442000,"event":"processed","sg_event_id":"\#(id)","variant":"A","campaign":"c"\#(extra)}"#
    }

    @Test func aTruncatedArrayKeepsTheEventsBeforeTheCut() throws {
        let text =
            "[\n" + Self.event("a@example.com", "1") + ",\n" + Self.event("b@example.com", "2") + ",\n"
            + #"{"email":"c@example.com","timestamp":177244"#
        let (events, report) = try readRun([folder.file("cut.json", text)])
        #expect(events.count == 2)
        #expect(
            report.skipped.map(\.description) == [
                "cut.json:4: error: unexpected end of file: this record is never closed"
            ])
    }

    @Test func aTruncatedLineOfJSONLinesDoesNotSwallowTheNext() throws {
        let text =
            Self.event("a@example.com", "1") + "\n" + #"{"email":"b@example.com","timestamp":1772442000,"event":"pro"#
            + "\n" + Self.event("c@example.com", "3") + "\n"
        let (events, report) = try readRun([folder.file("lines.json", text)])
        #expect(
            events == ["2026-03-02T09:00:00Z c A a@example.com send", "2026-03-02T09:00:00Z c A c@example.com send"])
        #expect(
            report.skipped.map(\.description) == [
                "lines.json:2: error: a string is not closed before the end of its line"
            ])
        let unbalanced =
            Self.event("a@example.com", "1") + "\n" + #"{"email":"b@example.com","nested":{"x":1}"#
            + "\n" + Self.event("c@example.com", "3") + "\n"
        let second = try readRun([folder.file("unbalanced.json", unbalanced)])
        #expect(second.events.count == 2)
        #expect(
            second.report.skipped.map(\.description) == [
                "unbalanced.json:2: error: truncated: this record is not closed before line 3 starts a new one"
            ])
    }

    @Test func oneBadElementAmongGoodOnesIsSkippedWithItsColumn() throws {
        let text =
            "[" + Self.event("a@example.com", "1") + #",{"email":"b@example.com","timestamp":tru},"#
            + Self.event("c@example.com", "3") + "]"
        let (events, report) = try readRun([folder.file("bad.json", text)])
        #expect(events.count == 2)
        #expect(
            report.skipped.map(\.description) == [
                "bad.json:1: error: invalid JSON at column 155: invalid literal, expected 'true'"
            ], "\(report.skipped)")
    }

    @Test func invalidUTF8InAFieldIsReplacedAndTheEventKept() throws {
        var bytes = Array(#"[{"email":"a@example.com","timestamp":1772442000,"event":"processed","variant":"V"#.utf8)
        bytes += [0xFF, 0xC3]
        bytes += Array(#"","campaign":"c"}]"#.utf8)
        let (events, report) = try readRun([folder.file("utf8.json", bytes)])
        #expect(events == ["2026-03-02T09:00:00Z c V\u{FFFD}\u{FFFD} a@example.com send"], "\(events)")
        #expect(report.recordsSkipped == 0)
    }

    @Test func aTenMegabyteLineIsReadOrSkippedByTheLimitAndTheNextLineStillRead() throws {
        let long = Self.event("a@example.com", "1", #","reason":""# + String(repeating: "x", count: 10_000_000) + "\"")
        let text = long + "\n" + Self.event("b@example.com", "2") + "\n"
        let path = folder.file("long.json", text)
        let (events, report) = try readRun([path])
        #expect(events.count == 2)
        #expect(report.recordsSkipped == 0)
        let limited = try readRun([path], options: LogReadOptions(maxRecordBytes: 1 << 20))
        #expect(limited.events == ["2026-03-02T09:00:00Z c A b@example.com send"])
        #expect(limited.report.skipped.map(\.description) == ["long.json:1: error: record longer than 1048576 bytes"])
    }

    @Test func aHugeArrayOnOneLineIsReadOneElementAtATime() throws {
        // 100,000 events (about 11 MB, more than a read buffer) on one line, read with payloads limited to 1 KiB.
        let text = "[" + (0..<100_000).map { Self.event("u\($0)@example.com", "\($0)") }.joined(separator: ",") + "]"
        let (events, report) = try readRun(
            [folder.file("one-line.json", text)], options: LogReadOptions(maxRecordBytes: 1024))
        #expect(events.count == 100_000)
        #expect(report.recordsSkipped == 0)
    }

    @Test func aLongPayloadSpanningLinesIsSkippedByTheLimit() throws {
        let text =
            "[\n{\"email\": \"a@example.com\",\n\"reason\": \"" + String(repeating: "y", count: 3000) + "\",\n"
            + "\"timestamp\": 1772442000, \"event\": \"processed\"},\n" + Self.event("b@example.com", "2") + "\n]\n"
        let (events, report) = try readRun(
            [folder.file("span.json", text)], options: LogReadOptions(maxRecordBytes: 1024))
        #expect(events == ["2026-03-02T09:00:00Z c A b@example.com send"])
        #expect(
            report.skipped.map(\.description) == ["span.json:2: error: record longer than 1024 bytes"],
            "\(report.skipped)")
    }

    @Test func aBOMAndCRLFLineEndingsAreRead() throws {
        let text =
            "\u{FEFF}[\r\n" + Self.event("a@example.com", "1") + ",\r\n" + Self.event("b@example.com", "2")
            + "\r\n]\r\n"
        let (events, report) = try readRun([folder.file("bom.json", text)])
        #expect(events.count == 2)
        #expect(report.recordsSkipped == 0)
    }

    @Test func emptyAndUnrecognisedFilesAreErrorsNamingTheFile() {
        for (name, text) in [
            ("empty.json", ""), ("blank.json", " \n\r\n"), ("other.json", #"{"hello":"world"}"#),
            ("array.json", "[1,2,3]"),
        ] {
            #expect(throws: LogError.self, "\(name)") { try readRun([folder.file(name, text)]) }
            do {
                _ = try readRun([folder.file(name, text)])
            } catch {
                #expect(error.path == name)
            }
        }
        #expect(throws: LogError.self) { try readRun([folder.file("binary.bin", [0x00, 0xFF, 0x13, 0x37, 0x0A])]) }
    }

    @Test func nestingDeeperThanTheLimitIsABadRecordNotACrash() throws {
        let deep =
            #"{"email":"a@example.com","timestamp":1772442000,"event":"processed","x":"#
            + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}"
        let text = deep + "\n" + Self.event("b@example.com", "2") + "\n"
        let (events, report) = try readRun([folder.file("deep.json", text)])
        #expect(events.count == 1)
        #expect(report.skipped.first?.message.hasSuffix("nested more than 128 deep") == true, "\(report.skipped)")
    }

    @Test func strictStopsAtTheFirstBadPayload() {
        let text =
            Self.event("a@example.com", "1") + "\n" + #"{"email":"b@example.com","event":"teleported","timestamp":1}"#
            + "\n"
        #expect(throws: LogError(path: "strict.json", line: 2, message: "unknown SendGrid event 'teleported'")) {
            try readRun([folder.file("strict.json", text)], options: LogReadOptions(strict: true))
        }
    }
}
