import CampaignLog
import Testing

struct CanonicalCSVTests {
    let folder = TempFolder()

    @Test func readsColumnsInAnyOrderIgnoringUnknownOnes() throws {
        let path = folder.file(
            "a.csv",
            """
            event,recipient,extra,timestamp,variant,campaign
            send,a@example.com,x,2026-09-10T14:00:00Z,A,c1
            delivered,a@example.com,y,2026-09-10T14:00:05Z,A,c1

            """)
        let (events, report) = try readAll([path])
        #expect(
            events == [
                "2026-09-10T14:00:00Z c1 A a@example.com send",
                "2026-09-10T14:00:05Z c1 A a@example.com delivered",
            ])
        #expect(report.eventsRead == 2 && report.recordsSkipped == 0)
    }

    @Test func unquotesFieldsWithCommasQuotesAndNewlines() throws {
        let path = folder.file(
            "q.csv",
            "timestamp,campaign,variant,recipient,event,detail\n"
                + "2026-09-10T14:00:00Z,\"c,1\",\"say \"\"A\"\"\",a@example.com,bounce,\"550 line one\nline two\"\n"
                + "2026-09-10T14:00:01Z,c1,A,b@example.com,nope,\n")
        let (events, report) = try readAll([path])
        #expect(events == ["2026-09-10T14:00:00Z c,1 say \"A\" a@example.com bounce"])
        // The quoted newline makes the second record start on line 4.
        #expect(report.skipped.map(\.description) == ["q.csv:4: error: unknown event 'nope'"])
    }

    @Test func acceptsCRLFAndABOM() throws {
        let text = "timestamp,campaign,variant,recipient,event\r\n2026-09-10T14:00:00Z,c1,A,a@example.com,send\r\n"
        let path = folder.file("bom.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let (events, report) = try readAll([path])
        #expect(events == ["2026-09-10T14:00:00Z c1 A a@example.com send"])
        #expect(report.recordsSkipped == 0)
    }

    @Test func reportsBadRecordsWithTheirLines() throws {
        let path = folder.file(
            "bad.csv",
            """
            timestamp,campaign,variant,recipient,event,event_id
            2026-09-10T14:00:00Z,c1,A,a@example.com,send,e1
            2026-09-10T14:00:00,c1,A,a@example.com,send,e2
            2026-09-10T14:00:00Z,c1,A,   ,send,e3
            2026-09-10T14:00:00Z,c1,A,a@example.com,spam,e4
            2026-09-10T14:00:00Z,c1,A,a@example.com
            ,c1,A,a@example.com,send,e6
            2026-09-10T14:00:00Z,c1,A,a@example.com,send,e7,extra
            """)
        let (events, report) = try readAll([path])
        #expect(events.count == 1)
        #expect(
            report.skipped.map(\.description) == [
                "bad.csv:3: error: invalid timestamp '2026-09-10T14:00:00' (RFC 3339 with an offset, or Unix seconds)",
                "bad.csv:4: error: missing recipient",
                "bad.csv:5: error: unknown event 'spam'",
                "bad.csv:6: error: expected 6 fields, found 4",
                "bad.csv:7: error: missing timestamp",
                "bad.csv:8: error: expected 6 fields, found 7",
            ])
        #expect(report.recordsSkipped == 6 && report.eventsRead == 1)
        #expect(
            report.skippedSummary.first
                == "bad.csv:3: warning: skipped: invalid timestamp '2026-09-10T14:00:00' (RFC 3339 with an offset, or Unix seconds)"
        )
    }

    @Test func strictStopsAtTheFirstBadRecord() {
        let path = folder.file(
            "strict.csv",
            "timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,c,A,a@x.org,send\n2026-09-10T14:00:00Z,c,A,a@x.org,oops\n"
        )
        #expect(throws: LogError(path: "strict.csv", line: 3, message: "unknown event 'oops'")) {
            try readAll([path], options: LogReadOptions(strict: true))
        }
    }

    @Test func headerErrorsAreFatal() {
        let missing = folder.file("m.csv", "timestamp,recipient,event\n")
        #expect(throws: LogError(path: "m.csv", line: 1, message: "the header lacks the columns campaign, variant")) {
            try readAll([missing])
        }
        let twice = folder.file("t.csv", "timestamp,campaign,variant,recipient,event,Event\n")
        #expect(throws: LogError(path: "t.csv", line: 1, message: "column 'event' appears twice in the header")) {
            try readAll([twice])
        }
    }

    @Test func emptyAndUnknownFilesAreErrors() {
        let empty = folder.file("empty.csv", "")
        #expect(throws: LogError.self) { try readAll([empty]) }
        let blank = folder.file("blank.csv", "\n\n  \n")
        #expect(throws: LogError.self) { try readAll([blank]) }
        let other = folder.file("other.txt", "hello,world\n1,2\n")
        #expect((try? readAll([other])) == nil)
        #expect(throws: LogError(path: "missing.csv", line: nil, message: "cannot open: No such file or directory")) {
            let reader = CampaignLogReader()
            var sink = Collector()
            try reader.read(path: folder.url.path + "/missing.csv", displayPath: "missing.csv", into: &sink)
        }
    }

    @Test func anUnclosedQuoteAtTheEndIsABadRecord() throws {
        let path = folder.file(
            "open.csv",
            "timestamp,campaign,variant,recipient,event,detail\n2026-09-10T14:00:00Z,c,A,a@x.org,send,\"never closed\n")
        let (events, report) = try readAll([path])
        #expect(events.isEmpty)
        #expect(report.skipped.map(\.description) == ["open.csv:2: error: a quoted field is never closed"])
    }

    @Test func invalidUTF8IsReplacedAndTheRecordKept() throws {
        var bytes = Array("timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,c,V".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(",a@x.org,send\n".utf8)
        let (events, report) = try readAll([folder.file("utf8.csv", bytes)])
        #expect(events == ["2026-09-10T14:00:00Z c V\u{FFFD}\u{FFFD} a@x.org send"])
        #expect(report.recordsSkipped == 0)
    }

    @Test func readsRecordsAcrossBufferBoundariesAndLongLines() throws {
        // 60,000 records (about 5 MB) cross the 4 MiB buffer; one 6 MB detail field needs a bigger one.
        var text = "timestamp,campaign,variant,recipient,event,detail\n"
        for index in 0..<60_000 {
            text += "2026-09-10T14:00:00Z,c,A,user\(index)@example.com,send,\"x\"\n"
        }
        text +=
            "2026-09-10T14:00:00Z,c,B,long@example.com,bounce,\"" + String(repeating: "y", count: 6_000_000) + "\"\n"
        text += "2026-09-10T14:00:00Z,c,B,last@example.com,send,\n"
        let (events, report) = try readAll([folder.file("big.csv", text)])
        #expect(events.count == 60_002, "got \(events.count)")
        #expect(report.recordsSkipped == 0)
        #expect(events.last == "2026-09-10T14:00:00Z c B last@example.com send")
    }

    @Test func skipsARecordLongerThanTheLimitAndCarriesOn() throws {
        let text =
            "timestamp,campaign,variant,recipient,event,detail\n"
            + "2026-09-10T14:00:00Z,c,A,a@x.org,send,\"" + String(repeating: "z", count: 5000) + "\nmore\"\n"
            + "2026-09-10T14:00:00Z,c,A,b@x.org,send,ok\n"
        let (events, report) = try readAll(
            [folder.file("long.csv", text)], options: LogReadOptions(maxRecordBytes: 1024))
        #expect(events == ["2026-09-10T14:00:00Z c A b@x.org send"])
        #expect(report.skipped.map(\.description) == ["long.csv:2: error: record longer than 1024 bytes"])
    }
}
