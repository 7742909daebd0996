import CampaignLog
import Testing

struct PlanReaderTests {
    let folder = TempFolder()

    /// Reads every row of a plan as text: `line recipient variant [repeat] [matched id]` or the error.
    func rows(_ text: String, matching: SymbolTable? = nil) throws(LogError) -> (rows: [String], reader: PlanReader) {
        let reader = try PlanReader(path: folder.file("plan.csv", text), displayPath: "plan.csv", matching: matching)
        var rows: [String] = []
        while let row = try reader.next() {
            switch row {
            case .assignment(let a):
                var shown = "\(a.line) \(reader.recipients.name(a.recipient)) \(reader.variants.name(a.variant))"
                if a.isRepeat { shown += " repeat" }
                if let matched = a.matched { shown += " matched \(matched)" }
                rows.append(shown)
            case .bad(let problem): rows.append(problem.description)
            }
        }
        return (rows, reader)
    }

    @Test func readsAssignmentsNormalizedAsTheLogsAre() throws {
        let (rows, reader) = try rows(
            "\u{FEFF}Variant,Recipient,segment\r\nA,  Bob@Example.COM ,x\r\nB,JOSÉ@exemple.fr,y\r\n\r\n"
                + "A,jose\u{301}@exemple.fr,z\r\n\" B \",\"bob@example.com\",\"q,r\"\r\n")
        #expect(
            rows == [
                "2 bob@example.com A", "3 josé@exemple.fr B", "5 josé@exemple.fr A repeat",
                "6 bob@example.com B repeat",
            ])
        #expect(reader.recipients.count == 2)
        #expect(reader.variants.names == ["A", "B"])
        #expect(reader.declaredShares == nil)
    }

    @Test func badRowsCarryTheirLine() throws {
        let (rows, _) = try rows("recipient,variant\na@x.org,A\n,B\nb@x.org,\nc@x.org,A,extra\n\"d@x.org,A\n")
        #expect(
            rows == [
                "2 a@x.org A",
                "plan.csv:3: error: missing recipient",
                "plan.csv:4: error: missing variant",
                "plan.csv:5: error: expected 2 fields, found 3",
                "plan.csv:6: error: a quoted field is never closed",
            ])
    }

    @Test func aRowWithoutAVariantLeavesItsRecipientUnassigned() throws {
        // a@x.org once took an id on line 3, so line 5 was called a repeat (and of the wrong row).
        let (rows, reader) = try rows("recipient,variant\nb@x.org,A\na@x.org,\nc@x.org,B\na@x.org,A\n")
        #expect(rows == ["2 b@x.org A", "plan.csv:3: error: missing variant", "4 c@x.org B", "5 a@x.org A"])
        #expect(reader.recipients.count == 3)
    }

    @Test func matchesRecipientsAgainstATable() throws {
        var table = SymbolTable()
        _ = table.intern("zed@x.org")
        _ = table.intern("b@x.org")
        let (rows, _) = try rows("recipient,variant\na@x.org,A\nB@X.org,A\nb@x.org,B\n", matching: table)
        #expect(rows == ["2 a@x.org A", "3 b@x.org A matched 1", "4 b@x.org B repeat matched 1"])
    }

    @Test func sharesComeFromAHeaderComment() throws {
        let (_, reader) = try rows("# intended split\n#  Shares: B=25%, A = 0.5 ,C=0.25\nrecipient,variant\n")
        #expect(reader.declaredShares?.map(\.variant) == ["A", "B", "C"])
        #expect(reader.declaredShares?.map(\.share) == [0.5, 0.25, 0.25])
    }

    @Test(arguments: [
        (
            "# shares: A=0.5,B=0.4\nrecipient,variant\n",
            "plan.csv:1: error: the shares add up to 0.9, not 1 (expected '# shares: A=0.5, B=0.5')"
        ),
        (
            "# shares: A=half\nrecipient,variant\n",
            "plan.csv:1: error: share of 'A' is not a number between 0 and 1 (expected '# shares: A=0.5, B=0.5')"
        ),
        (
            "# shares: A=0.5,A=0.5\nrecipient,variant\n",
            "plan.csv:1: error: 'A' has two shares (expected '# shares: A=0.5, B=0.5')"
        ),
        (
            "email,group\n",
            "plan.csv:1: error: the plan's header must name the columns recipient and variant (as in 'recipient,variant')"
        ),
        ("recipient,variant,email\n", "plan.csv:1: error: column 'recipient' appears twice in the header"),
        ("# nothing\n\n", "plan.csv: error: empty plan: no header row (expected 'recipient,variant')"),
    ])
    func unusableHeadersThrow(text: String, message: String) {
        #expect(throws: LogError.self) { try rows(text) }
        do {
            _ = try rows(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func readsPlainAndCSVAddressLists() throws {
        var table = SymbolTable()
        let plain = try PlanReader.readAddresses(
            path: folder.file("s.txt", "# suppressed\n A@x.org\n\nb@X.org\r\n\"odd\"@x.org\n"), into: &table)
        let csv = try PlanReader.readAddresses(
            path: folder.file("s.csv", "added,Email\n2026-01-01,c@x.org\n2026-01-02,\"A@X.ORG\"\n"), into: &table)
        #expect(plain == 3 && csv == 2)
        #expect(table.names == ["a@x.org", "b@x.org", "\"odd\"@x.org", "c@x.org"])
    }

    @Test(arguments: [
        (
            "a@x.org\nb@x.org,2026\n",
            "s.txt:2: error: expected one address a line (or a CSV header naming a recipient or email column)"
        ),
        ("email,note\n,x\n", "s.txt:2: error: missing address"),
        (
            "timestamp,campaign,variant,recipient,event\n",
            "s.txt:1: error: this is an event log, not a list of addresses; pass logs with --history to treat their complaints and unsubscribes as suppressed"
        ),
    ])
    func addressListsAreReadWholeOrNotAtAll(text: String, message: String) {
        var table = SymbolTable()
        do {
            _ = try PlanReader.readAddresses(path: folder.file("s.txt", text), displayPath: "s.txt", into: &table)
            Issue.record("expected \(message)")
        } catch {
            #expect(error.description == message)
        }
    }
}
