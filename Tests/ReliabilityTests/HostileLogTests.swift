import AftermailCLI
import CampaignLog
import CampaignMetrics
import Foundation
import TestSupport
import Testing

/// SPEC §2 and §5 on logs from strangers: invalid UTF-8 is replaced and the record kept; empty and
/// truncated files are reported, never half-counted; an enormous line is skipped with its place
/// in bounded memory; every bad record is counted and named.
struct HostileLogTests {
    static let header = "timestamp,campaign,variant,recipient,event,event_id\n"

    static func read(_ files: [(String, [UInt8])]) throws -> MetricsRun {
        let folder = TempFolder("log")
        let paths = files.map { folder.write($0.0, $0.1) }
        return try MetricsRun.read(files: zip(paths, files).map { ($0, $1.0) })
    }

    static func read(_ name: String, _ text: String) throws -> MetricsRun { try read([(name, Array(text.utf8))]) }

    /// Expected: each invalid byte sequence becomes U+FFFD and the record is kept; two addresses
    /// that differ only in their invalid bytes are then one recipient.
    @Test func invalidUTF8InAFieldIsReplacedAndTheRecordKept() throws {
        var bytes = Array(Self.header.utf8)
        bytes +=
            Array("2026-09-10T14:00:00Z,c\u{0}".utf8) + [0xFF] + Array(",A,ann".utf8) + [0xC0]
            + Array("@example.com,send,1\n".utf8)
        bytes +=
            Array("2026-09-10T14:00:01Z,c\u{0}".utf8) + [0xFE] + Array(",A,ANN".utf8) + [0xFF]
            + Array("@example.com,send,2\n".utf8)
        bytes +=
            Array("2026-09-10T14:00:02Z,c,".utf8) + [0xF4, 0x90, 0x80, 0x80]
            + Array(",bob@example.com,delivered,3\n".utf8)
        let run = try Self.read([("bad-utf8.csv", bytes)])
        #expect(run.reading.eventsRead == 3 && run.reading.recordsSkipped == 0, "\(run.reading)")
        let campaigns = run.report.campaigns.map(\.campaign)
        #expect(campaigns.contains("c\u{0}\u{FFFD}"), "\(campaigns.map(\.debugDescription))")
        let recipients = (0..<run.symbols.recipients.count).map { run.symbols.recipients.name(Int32($0)) }
        #expect(recipients.filter { $0.hasPrefix("ann") }.count == 1, "\(recipients)")
        #expect(recipients.allSatisfy { $0.unicodeScalars.allSatisfy { $0 != "\u{FFFF}" } })
    }

    /// Expected: an empty or blank file is an error naming the file (`metrics` exits 2), and so is
    /// a bare empty JSON array (no payload says which provider wrote it); a header-only CSV file
    /// has no events and no error.
    @Test func emptyFilesAreReportedAndHeaderOnlyFilesAreEmpty() async throws {
        for text in ["", "\n\n  \r\n", "\u{FEFF}", "\u{FEFF}\n"] {
            #expect(throws: LogError.self, "\(text.debugDescription)") { try Self.read("empty.csv", text) }
        }
        let folder = TempFolder("log")
        let empty = folder.write("empty.csv", "")
        let result = await Aftermail.runCapturingOutput(["metrics", empty])
        #expect(result.status == 2 && result.err.contains("empty.csv: error: empty log"), "\(result)")
        let headerOnly = try Self.read("h.csv", Self.header)
        #expect(headerOnly.report.campaigns.isEmpty && headerOnly.reading.recordsSkipped == 0)
        #expect {
            try Self.read("a.json", "[]\n")
        } throws: { error in
            "\(error)".contains("a.json:1: error: unrecognised log format")
        }
    }

    /// Expected: a file cut at any byte counts every record that is whole before the cut and notes
    /// the cut one; nothing crashes. JSON never counts a cut payload (it is whole only with its
    /// closing brace); canonical CSV may count a cut last record whose fields still parse (a file
    /// may end without a line end, so a cut inside the last field cannot be told from a short
    /// value), but never more than that one.
    @Test(arguments: ["csv", "jsonl", "sendgrid", "mailgun", "ses-sns"])
    func aFileCutAtEveryByteCountsOnlyWholeRecordsAndNotesTheRest(format: String) throws {
        let (head, records, separator, tail) = Self.sample(format)
        let text = head + records.joined(separator: separator) + tail
        let bytes = Array(text.utf8)
        var spans: [Range<Int>] = []
        var offset = head.utf8.count
        for record in records {
            spans.append(offset..<(offset + record.utf8.count))
            offset += record.utf8.count + separator.utf8.count
        }
        let whole = try Self.read([("whole", bytes)]).reading.eventsRead
        #expect(whole == records.count, "the sample has \(records.count) events, read \(whole)")
        let folder = TempFolder("cut")
        for cut in 1..<bytes.count {
            let path = folder.write("cut-\(cut)", Array(bytes[..<cut]))
            guard let run = try? MetricsRun.read(files: [(path, "cut-\(cut)")]) else {
                #expect(cut <= head.utf8.count + 1 || format != "csv", "cut at \(cut): the file was refused")
                continue
            }
            let complete = spans.filter { $0.upperBound <= cut }.count
            let isCut = spans.contains { $0.lowerBound < cut && cut < $0.upperBound }
            let read = run.reading.eventsRead
            if format == "csv" {
                #expect(
                    read == complete || (isCut && read == complete + 1),
                    "cut at \(cut): read \(read), whole \(complete)")
            } else {
                #expect(read == complete, "cut at \(cut): read \(read), whole records \(complete)")
            }
            if isCut && read == complete {
                #expect(run.reading.recordsSkipped == 1, "cut at \(cut): the cut record is not noted")
            }
        }
    }

    /// Expected: one line of 100 MB is skipped as longer than 64 MiB, reported at its line, the
    /// records around it are counted, and memory stays bounded (the reader never holds the line).
    @Test func aHundredMegabyteLineIsSkippedInBoundedMemory() throws {
        let folder = TempFolder("huge")
        let path = folder.url.appendingPathComponent("huge.csv").path
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data((Self.header + "2026-09-10T14:00:00Z,c,A,ann@example.com,send,1\n").utf8))
        handle.write(Data("2026-09-10T14:00:00Z,c,A,bob@example.com,send,2,".utf8))
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<100 { handle.write(chunk) }
        handle.write(Data("\n2026-09-10T14:00:01Z,c,A,cy@example.com,send,3\n".utf8))
        try handle.close()
        let peak = Measure.peakResidentBytes()
        let (run, elapsed) = try Measure.time { try MetricsRun.read(files: [(path, "huge.csv")]) }
        let grown = (Measure.peakResidentBytes() - peak) >> 20
        #expect(run.reading.eventsRead == 2, "\(run.reading)")
        #expect(run.reading.skipped.map(\.description) == ["huge.csv:3: error: record longer than 67108864 bytes"])
        #expect(grown < 200 || Measure.underAddressSanitizer, "peak memory grew by \(grown) MB")
        #expect(elapsed < .seconds(20 * Measure.timeScale), "took \(elapsed)")
    }

    /// Expected: the same with a lower record limit, and quotes in the long record (whose line
    /// count and quote parity must survive the skipping).
    @Test func anOverlongLineIsSkippedWithItsPlace() throws {
        let long = "2026-09-10T14:00:00Z,c,A,bob@example.com,send," + String(repeating: "\"x", count: 1_500_000) + "\n"
        let text =
            Self.header + "2026-09-10T14:00:00Z,c,A,ann@example.com,send,1\n" + long
            + "2026-09-10T14:00:01Z,c,A,cy@example.com,send,3\n"
        let folder = TempFolder("long")
        let path = folder.write("long.csv", text)
        let run = try MetricsRun.read(files: [(path, "long.csv")], options: LogReadOptions(maxRecordBytes: 1 << 20))
        #expect(run.reading.eventsRead == 2, "\(run.reading)")
        #expect(run.reading.skipped.map(\.description) == ["long.csv:3: error: record longer than 1048576 bytes"])
    }

    /// Expected: a folder, a missing file and a file of binary noise are errors naming the file.
    @Test func foldersMissingFilesAndNoiseAreReported() async throws {
        let folder = TempFolder("noise")
        var rng = SplitMix64(seed: 6)
        let noise = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let noisePath = folder.write("noise.bin", noise)
        let missing = folder.url.appendingPathComponent("missing.csv").path
        for (path, message) in [
            (folder.path, "is a folder"), (missing, "cannot open"), (noisePath, "unrecognised log format"),
        ] {
            let result = await Aftermail.runCapturingOutput(["metrics", path])
            #expect(result.status == 2 && result.err.contains(message), "\(path): \(result)")
        }
    }

    // MARK: - Samples

    /// Four events in `format`: what comes before the records, the records, what separates them
    /// and what ends the file.
    static func sample(_ format: String) -> (head: String, records: [String], separator: String, tail: String) {
        switch format {
        case "csv":
            return (header, (1...4).map { "2026-09-10T14:00:0\($0)Z,c,A,r\($0)@example.com,send,id-\($0)" }, "\n", "\n")
        case "jsonl":
            let records = (1...4).map {
                "{\"timestamp\":\"2026-09-10T14:00:0\($0)Z\",\"campaign\":\"c\",\"recipient\":\"r\($0)@example.com\",\"event\":\"send\",\"event_id\":\"id-\($0)\"}"
            }
            return ("", records, "\n", "\n")
        case "sendgrid":
            let records = (1...4).map {
                "{\"email\":\"r\($0)@example.com\",\"timestamp\":178904880\($0),\"event\":\"processed\",\"sg_event_id\":\"id-\($0)\"}"
            }
            return ("[", records, ",\n ", "]\n")
        case "mailgun":
            let records = (1...4).map {
                "{\"event\":\"accepted\",\"id\":\"id-\($0)\",\"timestamp\":178904880\($0).5,\"recipient\":\"r\($0)@example.com\",\"user-variables\":{\"variant\":\"A\"}}"
            }
            return ("", records, "\n", "\n")
        default:
            let records = (1...4).map { index in
                let inner =
                    "{\"eventType\":\"Send\",\"mail\":{\"timestamp\":\"2026-09-10T14:00:0\(index)Z\",\"messageId\":\"m\(index)\",\"destination\":[\"r\(index)@example.com\"],\"tags\":{\"variant\":[\"A\"]}},\"send\":{}}"
                return "{\"Type\":\"Notification\",\"MessageId\":\"sns-\(index)\",\"Message\":"
                    + JSONText.quoted(inner) + "}"
            }
            return ("", records, "\n", "\n")
        }
    }
}
