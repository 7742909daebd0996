import Foundation
import TestSupport
import Testing

@testable import CampaignLog

struct PlanScannerTests {
    let folder = TempFolder()

    /// Every way of reading `text`: streaming, on 1, 2 and 4 threads (cut however small the
    /// file), on 4 with repeats confirmed on 4, and on 2 threads with fingerprints cut to 3 bits
    /// (nearly every row shares one), repeats confirmed on 2.
    func scans(_ text: String, matching: [String] = [], maxListed: Int = 20, maxRecordBytes: Int = 1 << 20)
        throws(LogError) -> [(way: String, scan: PlanScan)]
    {
        let path = folder.file("plan.csv", text)
        var table = SymbolTable()
        for address in matching { _ = table.intern(address) }
        var options = PlanScanner.Options(maxListed: maxListed, maxRecordBytes: maxRecordBytes)
        var scans = [
            (
                "streaming",
                try PlanScanner.streaming(path: path, displayPath: "plan.csv", matching: table, options: options)
            )
        ]
        for threads in [1, 2, 4] {
            options.threads = threads
            scans.append(
                (
                    "\(threads) threads",
                    try PlanScanner.scan(
                        path: path, displayPath: "plan.csv", matching: table, options: options, bytesPerThread: 1)
                ))
        }
        options.candidatesPerThread = 1
        scans.append(
            (
                "4 threads confirming repeats on 4",
                try PlanScanner.scan(
                    path: path, displayPath: "plan.csv", matching: table, options: options, bytesPerThread: 1)
            ))
        options.threads = 2
        options.fingerprintMask = 0b111
        scans.append(
            (
                "3-bit fingerprints",
                try PlanScanner.scan(
                    path: path, displayPath: "plan.csv", matching: table, options: options, bytesPerThread: 1)
            ))
        return scans
    }

    /// The one result every way of reading `text` agrees on.
    func scan(_ text: String, matching: [String] = [], maxListed: Int = 20, maxRecordBytes: Int = 1 << 20)
        throws(LogError) -> PlanScan
    {
        let all = try scans(text, matching: matching, maxListed: maxListed, maxRecordBytes: maxRecordBytes)
        for (way, scan) in all.dropFirst() {
            #expect(scan == all[0].scan, "\(way) read \(scan), streaming read \(all[0].scan)")
        }
        return all[0].scan
    }

    /// `count` rows `r<i>@x.org,<variant>`, variants A…D in turn.
    func rows(_ count: Int, from first: Int = 0) -> String {
        (first..<(first + count)).map { "r\($0)@x.org,\(["A", "B", "C", "D"][$0 % 4])\n" }.joined()
    }

    @Test func aCleanPlanCountsRowsRecipientsAndVariants() throws {
        let scan = try scan("recipient,variant\n" + rows(40))
        #expect(scan.rows == 40)
        #expect(scan.recipients == 40)
        #expect(scan.rowsPerVariant == ["A": 10, "B": 10, "C": 10, "D": 10])
        #expect(scan.repeatedRows == 0 && scan.malformedRows == 0 && scan.suppressedRows == 0)
    }

    @Test func repeatsAcrossTheCutAreFoundWithTheirFirstLine() throws {
        // r0 (line 2) again near the end, r39 (line 41) again on the last line, r5 twice more.
        let text =
            "recipient,variant\n" + rows(40) + " R0@X.org ,B\nr5@x.org,B\nr39@x.org,D\nr5@x.org,B\n"
        let scan = try scan(text)
        #expect(scan.rows == 44)
        #expect(scan.recipients == 40)
        #expect(scan.repeatedRecipients == 3)
        #expect(scan.repeatedRows == 4)
        #expect(
            scan.repeats == [
                .init(line: 42, firstLine: 2, variant: "B", firstVariant: "A"),
                .init(line: 43, firstLine: 7, variant: "B", firstVariant: "B"),
                .init(line: 44, firstLine: 41, variant: "D", firstVariant: "D"),
                .init(line: 45, firstLine: 7, variant: "B", firstVariant: "B"),
            ])
    }

    @Test func addressesAreComparedNormalized() throws {
        // Precomposed and decomposed é, upper case, spaces and tabs, a CRLF file with a BOM.
        let text =
            "\u{FEFF}recipient,variant\r\n" + rows(30).replacingOccurrences(of: "\n", with: "\r\n")
            + "JOSÉ@exemple.fr,A\r\n\tjose\u{301}@exemple.fr ,B\r\nÅsa@x.org,A\r\n"
        let scan = try scan(text)
        #expect(scan.recipients == 32)
        #expect(scan.repeats == [.init(line: 33, firstLine: 32, variant: "B", firstVariant: "A")])
    }

    @Test func suppressedAddressesAreListedInFileOrder() throws {
        let text = "recipient,variant\n" + rows(40) + "r3@x.org,A\n"
        let scan = try scan(text, matching: ["r3@x.org", "r30@x.org", "nobody@x.org"])
        #expect(scan.suppressedRows == 3)
        #expect(scan.suppressedRecipients == 2)
        #expect(
            scan.suppressed == [
                .init(line: 5, variant: "D"), .init(line: 32, variant: "C"), .init(line: 42, variant: "A"),
            ])
    }

    @Test func badRowsCarryTheirLineOnEitherSideOfTheCut() throws {
        let text =
            "recipient,variant\n" + rows(20) + ",B\nb@x.org,\nc@x.org,A,extra\n\n  \n" + rows(20, from: 20)
            + "\"d@x.org,A\n"
        let scan = try scan(text)
        #expect(
            scan.malformed.map(\.description) == [
                "plan.csv:22: error: missing recipient",
                "plan.csv:23: error: missing variant",
                "plan.csv:24: error: expected 2 fields, found 3",
                "plan.csv:47: error: a quoted field is never closed",
            ])
        #expect(scan.rows == 40)
    }

    @Test func quotedFieldsAndLineFeedsInsideThemAreRead() throws {
        // A quoted field holding 60 line feeds sits where the file is cut for two threads.
        let text =
            "variant,recipient,note\n" + (0..<20).map { "\"A\",\"q\($0)@x.org\",\"a \"\"b\"\", c\"\n" }.joined()
            + "B,mid@x.org,\"" + String(repeating: "line\n", count: 60) + "\"\n"
            + (0..<20).map { "B,\"q\($0)@X.org\",x\n" }.joined()
        let scan = try scan(text)
        #expect(scan.rows == 41)
        #expect(scan.recipients == 21)
        #expect(scan.repeats.first == .init(line: 83, firstLine: 2, variant: "B", firstVariant: "A"))
    }

    @Test func longRowsAreMalformedWhereTheStreamingReaderSkipsThem() throws {
        let long = "l@x.org," + String(repeating: "v", count: 200)
        let text = "recipient,variant\n" + rows(10) + long + "\n" + rows(10, from: 10) + long + "\r\n" + long
        let scan = try scan(text, maxRecordBytes: 100)
        #expect(scan.malformed.map(\.line) == [12, 23, 24])
        #expect(scan.malformed.first?.message == "row longer than 100 bytes")
    }

    @Test func anEmptyPlanHasNoRows() throws {
        #expect(try scan("# shares: A=1\nrecipient,variant\n").rows == 0)
        #expect(try scan("recipient,variant").rows == 0)
        #expect(try scan("recipient,variant\n\n\n").declaredShares == nil)
    }

    @Test func aVariantNamedOnlyOnABadRowIsAVariantWithNoRows() throws {
        // Once a crash: the variant's row count was looked up past the end of the counts.
        let scan = try scan("recipient,variant\na@x.org,A\n,Z\n")
        #expect(scan.rowsPerVariant == ["A": 1, "Z": 0])
    }

    @Test func aRowWithoutVariantAssignsNoOne() throws {
        // Once reported a@x.org's only assignment as a repeat of c@x.org's row.
        let scan = try scan("recipient,variant\nb@x.org,A\na@x.org,\nc@x.org,B\na@x.org,A\n")
        #expect(scan.repeatedRows == 0)
        #expect(scan.recipients == 3)
    }

    @Test func listsAreCappedInFileOrder() throws {
        let text = "recipient,variant\n" + rows(30) + rows(30)
        let scan = try scan(text, maxListed: 3)
        #expect(scan.repeatedRows == 30)
        #expect(scan.repeats.map(\.line) == [32, 33, 34])
    }

    @Test func aPipeIsReadOnce() throws {
        // Once the header was read from the pipe before the ranged reader saw it was no file.
        let path = folder.url.appendingPathComponent("plan.fifo").path
        #expect(mkfifo(path, 0o600) == 0)
        let text = "recipient,variant\na@x.org,A\nb@x.org,B\nA@X.org,B\n"
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)
            handle?.write(Data(text.utf8))
            try? handle?.close()
        }
        writer.start()
        let scan = try PlanScanner.scan(path: path, displayPath: "plan.csv")
        #expect(scan.rows == 3)
        #expect(scan.repeats == [.init(line: 4, firstLine: 2, variant: "B", firstVariant: "A")])
    }

    @Test(arguments: 0..<12)
    func randomPlansReadAlikeEveryWay(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let spellings = ["a@x.org", "A@X.ORG", " a@x.org\t", "é@x.org", "e\u{301}@x.org", "\"b,c\"@x.org"]
        var text = seed % 3 == 0 ? "\u{FEFF}" : ""
        text += seed % 2 == 0 ? "# shares: A=0.5,B=0.5\nrecipient,variant\n" : "variant,email\n"
        for _ in 0..<(200 + Int(random.next() % 400)) {
            let pick = Int(random.next() % 100)
            let address =
                pick < 6 ? spellings[pick] : "u\(random.next() % 300)@Domain\(random.next() % 3).org"
            let variant = ["A", "B", " B ", "C\u{301}"][Int(random.next() % 4)]
            let quoted = address.contains(",") || random.next() % 10 == 0 ? "\"\(address)\"" : address
            var row = seed % 2 == 0 ? "\(quoted),\(variant)" : "\(variant),\(quoted)"
            switch random.next() % 40 {
            case 0: row = ""
            case 1: row += ",extra"
            case 2: row = seed % 2 == 0 ? ",A" : "A,"
            case 3: row = "\"open,A"
            case 4: row = seed % 2 == 0 ? "\"multi\nline@x.org\",B" : "B,\"multi\nline@x.org\""
            default: break
            }
            text += row + (random.next() % 5 == 0 ? "\r\n" : "\n")
        }
        _ = try scan(text, matching: ["u1@domain1.org", "é@x.org"], maxListed: 5)
    }
}
