import CampaignLog
import Testing

struct CountingRuleTests {
    let folder = TempFolder()

    @Test func recipientsAreTrimmedAndCaseFoldedUnicodeAware() throws {
        let path = folder.file(
            "r.csv",
            """
            timestamp,campaign,variant,recipient,event
            2026-09-10T14:00:00Z,c,A,  Bob@Example.COM\t,send
            2026-09-10T14:00:00Z,c,A,bob@example.com,send
            2026-09-10T14:00:00Z,c,A,JOSÉ@exemple.fr,send
            2026-09-10T14:00:00Z,c,A,jose\u{301}@exemple.fr,send
            2026-09-10T14:00:00Z,c,A,\u{00A0}josé@exemple.fr\u{2003},send
            """)
        let reader = CampaignLogReader()
        var sink = Collector()
        try reader.read(path: path, into: &sink)
        #expect(reader.symbols.recipients.names == ["bob@example.com", "josé@exemple.fr"])
        #expect(Set(sink.events.map(\.recipient)).count == 2)
    }

    @Test func eventIDsAreDeduplicatedAcrossFilesAndOnlyAmongValidRecords() throws {
        let header = "timestamp,campaign,variant,recipient,event,event_id\n"
        let first = folder.file(
            "1.csv",
            header + "2026-09-10T14:00:00Z,c,A,a@x.org,send,e1\n"
                + "2026-09-10T14:00:00Z,c,A,a@x.org,bogus,e2\n"  // invalid: e2 is not taken
                + "2026-09-10T14:00:00Z,c,A,a@x.org,send,\n"  // no id: never merged
                + "2026-09-10T14:00:00Z,c,A,a@x.org,send,\n")
        let second = folder.file(
            "2.jsonl",
            """
            {"timestamp":"2026-09-10T14:00:00Z","campaign":"c","variant":"A","recipient":"a@x.org","event":"send","event_id":"e1"}
            {"timestamp":"2026-09-10T14:00:09Z","campaign":"c","variant":"A","recipient":"a@x.org","event":"delivered","event_id":"e2"}
            {"timestamp":"2026-09-10T14:00:09Z","campaign":"c","variant":"A","recipient":"a@x.org","event":"delivered","event_id":" e2 "}
            """)
        let (events, report) = try readAll([first, second])
        #expect(events.count == 4, "\(events)")
        #expect(report.eventsRead == 6)
        #expect(report.duplicatesDropped == 2)
        #expect(report.recordsSkipped == 1)
    }

    @Test func anEmptyVariantIsUnassigned() throws {
        let path = folder.file(
            "u.csv", "timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,,,a@x.org,send\n")
        let (events, _) = try readAll([path])
        #expect(events == ["2026-09-10T14:00:00Z  unassigned a@x.org send"])
    }

    @Test func listsAtMostTheConfiguredNumberOfProblems() throws {
        var text = "timestamp,campaign,variant,recipient,event\n"
        for _ in 0..<30 { text += "bad,c,A,a@x.org,send\n" }
        let (_, report) = try readAll([folder.file("many.csv", text)])
        #expect(report.recordsSkipped == 30)
        #expect(report.skipped.count == 20)
        #expect(report.skippedSummary.last == "… and 10 more bad records skipped")
    }
}

struct ProgressTests {
    @Test func theReaderReportsProgressEvery65536Events() throws {
        let folder = TempFolder()
        var text = "timestamp,campaign,variant,recipient,event\n"
        for index in 0..<140_000 { text += "2026-09-10T14:00:00Z,c,A,r\(index % 100)@x.org,send\n" }
        let path = folder.file("big.csv", text)
        let reader = CampaignLogReader()
        nonisolated(unsafe) var calls: [Int] = []
        reader.progress = { _, events in calls.append(events) }
        var sink = Collector()
        try reader.read(path: path, into: &sink)
        #expect(calls == [65_536, 131_072])
    }
}
