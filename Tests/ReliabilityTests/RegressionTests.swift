import CampaignMetrics
import Foundation
import Testing

@testable import CampaignLog

#if canImport(Glibc)
    import Glibc
#endif

/// Bugs the property tests, the hostile suite and the fuzzers found, each pinned by the smallest
/// input that showed it.
struct RegressionTests {
    /// Found by `PropertyTests.shufflingTheEventsChangesNoFigure` (seed 2944289309): two copies
    /// sent at the same instant were numbered by the order their variants first appeared in the
    /// log, so `rates_by_copy_number` changed when the lines were shuffled. Ties now go by variant name.
    @Test func copiesSentAtTheSameInstantAreNumberedByVariantNameWhateverTheOrderOfTheLog() throws {
        let folder = TempFolder()
        let header = "timestamp,campaign,variant,recipient,event\n"
        let sendA = "2026-09-10T14:00:00Z,c,A,ann@example.com,send\n"
        let sendB = "2026-09-10T14:00:00Z,c,B,ann@example.com,send\n"
        let complaint = "2026-09-10T14:05:00Z,c,B,ann@example.com,complaint\n"
        let aFirst = try Figures.run([("a.csv", header + sendA + sendB + complaint)], in: folder).report
        let bFirst = try Figures.run([("b.csv", header + sendB + sendA + complaint)], in: folder).report
        #expect(aFirst.json == bFirst.json, "\(Figures.firstDifference(aFirst.json, bFirst.json))")
        let numbers = try #require(bFirst.campaigns.first).copyNumbers
        #expect(
            numbers.map(\.complaints) == [0, 1], "copy 1 is A (first by name), so B's complaint is copy 2's: \(numbers)"
        )
    }

    /// Found by `AppendWhileReadingTests` (lines written in two pieces): a read that reached the
    /// end of a log while a writer was half-way through a line counted the cut line as an event
    /// (with a cut address). A last line without a line end is now not handed out when the file
    /// grew while it was read; a file that did not grow keeps its last line.
    @Test func theCutLastLineOfAGrowingFileIsNotARecord() throws {
        let folder = TempFolder()
        let still = folder.write("still.txt", "aaaa\nbbbb")
        let stillReader = try RecordReader(path: still, displayPath: "still.txt", quoteAware: false, maxRecordBytes: 64)
        #expect(Self.texts(stillReader) == ["1:aaaa", "2:bbbb"])

        let growing = folder.write("growing.txt", "aaaa\nbbbb")
        let reader = try RecordReader(path: growing, displayPath: "growing.txt", quoteAware: false, maxRecordBytes: 64)
        var seen: [String] = []
        if case .record(let bytes, let line)? = try reader.next(displayPath: "growing.txt") {
            seen.append("\(line):" + String(decoding: bytes, as: UTF8.self))
        }
        let fd = open(growing, O_WRONLY | O_APPEND)
        _ = "cc\ndd".withCString { write(fd, $0, 5) }
        close(fd)
        seen += Self.texts(reader)
        #expect(seen == ["1:aaaa", "2:bbbbcc", "3:incomplete"], "\(seen)")

        let path = folder.write(
            "live.csv", "timestamp,campaign,variant,event,recipient\n2026-09-10T14:00:00Z,c,A,send,ann@exa")
        let run = try MetricsRun.read(files: [(path, "live.csv")])
        #expect(run.reading.eventsRead == 1, "a file that did not grow while read keeps its last line")
    }

    private static func texts(_ reader: RecordReader) -> [String] {
        var texts: [String] = []
        while let next = try? reader.next(displayPath: "x") {
            switch next {
            case .record(let bytes, let line): texts.append("\(line):" + String(decoding: bytes, as: UTF8.self))
            case .tooLong(let line): texts.append("\(line):too long")
            case .incomplete(let line): texts.append("\(line):incomplete")
            }
        }
        return texts
    }
}
