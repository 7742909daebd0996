import CampaignLog
import CampaignMetrics
import Foundation
import Testing

/// Reading as three concurrent tasks (parse | de-duplicate | count) gives exactly what one thread
/// gives.
struct PipelineTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ files: [String], pipelined: Bool, strict: Bool = false) async throws(LogError) -> MetricsRun {
        var options = LogReadOptions(strict: strict)
        options.pipelineMinimumBytes = pipelined ? 0 : Int.max
        return try await MetricsRun.read(
            files: files.map { ($0, ($0 as NSString).lastPathComponent) }, options: options, withRecipientLists: true)
    }

    @Test func theExampleLogGivesTheSameFiguresOnOneThreadOrConcurrently() async throws {
        let log = Self.repository.appendingPathComponent(
            "content/incidents/premium-upsell-seven-copies/logs/events.csv"
        ).path
        let one = try await run([log], pipelined: false)
        let two = try await run([log], pipelined: true)
        Self.expectSame(one, two)
        #expect(two.report.duplicatesDropped == 6)
    }

    @Test func duplicatesAcrossFilesBadRecordsAndStrictModeBehaveTheSame() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "aftermail-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var first = "timestamp,campaign,variant,recipient,event,event_id\n"
        var second = first
        for index in 0..<30_000 {
            first +=
                "2026-09-10T14:\(String(format: "%02d", index % 60)):00Z,c,\(["A", "B", "C"][index % 3]),r\(index % 7000)@x.org,send,e\(index)\n"
            if index % 1000 == 0 { first += "nonsense,c,A,r@x.org,send,\n" }
            second +=
                "2026-09-10T15:00:00Z,c,A,r\(index % 5000)@x.org,\(index % 10 == 0 ? "complaint" : "delivered"),e\(index % 2 == 0 ? index : index + 100_000)\n"
        }
        let a = folder.appendingPathComponent("a.csv").path, b = folder.appendingPathComponent("b.csv").path
        try Data(first.utf8).write(to: URL(fileURLWithPath: a))
        try Data(second.utf8).write(to: URL(fileURLWithPath: b))
        let one = try await run([a, b], pipelined: false)
        let two = try await run([a, b], pipelined: true)
        #expect(one.report.json == two.report.json)
        #expect(one.reading == two.reading)
        #expect(two.report.duplicatesDropped == 15_000)
        #expect(two.report.recordsSkipped == 30)
        var strictError: LogError?
        do { _ = try await run([a, b], pipelined: true, strict: true) } catch { strictError = error }
        #expect(
            strictError?.description
                == "a.csv:3: error: invalid timestamp 'nonsense' (RFC 3339 with an offset, or Unix seconds)")
    }

    /// Canonical JSON Lines takes the same concurrent path: a JSON Lines log with bad lines, a
    /// nested value and blank lines gives the same figures on one thread and concurrently, and
    /// `--strict` stops at its first bad line.
    @Test func jsonLinesGiveTheSameFiguresOnOneThreadOrConcurrently() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "aftermail-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [String] = []
        var firstBadLine = 0
        for index in 0..<30_000 {
            let kind = ["send", "delivered", "complaint", "unsubscribe"][index % 7 == 0 ? 2 + index % 2 : index % 2]
            lines.append(
                #"{"timestamp":"2026-09-10T14:\#(String(format: "%02d", index % 60)):00Z","campaign":"c","#
                    + #""variant":"\#(["A", "B", "C"][index % 3])","recipient":"r\#(index % 7000)@x.org","#
                    + #""event":"\#(kind)","event_id":"e\#(index % 25_000)"}"#)
            if index % 1000 == 500 {
                lines.append(#"{"timestamp": nonsense}"#)
                if firstBadLine == 0 { firstBadLine = lines.count }
            }
            if index % 1000 == 900 { lines.append(#"{"event": {"nested": true}, "recipient": "x@y.org"}"#) }
            if index % 1000 == 950 { lines.append("   ") }
        }
        let jsonl = folder.appendingPathComponent("events.jsonl").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: jsonl))
        let one = try await run([jsonl], pipelined: false)
        let two = try await run([jsonl], pipelined: true)
        Self.expectSame(one, two)
        #expect(two.reading.recordsSkipped == 60)
        #expect(two.report.duplicatesDropped == 5_000)
        var strictError: LogError?
        do { _ = try await run([jsonl], pipelined: true, strict: true) } catch { strictError = error }
        #expect(strictError?.description.hasPrefix("events.jsonl:\(firstBadLine): error: ") == true)
    }

    /// The stages suspend instead of blocking a thread: many concurrent reads at once, more than
    /// the cooperative pool has threads, all finish (with blocking hand-overs they wait on each
    /// other's threads for ever) and each gives the figures of one thread.
    @Test(.timeLimit(.minutes(2))) func moreConcurrentReadsThanThreadsAllFinishWithTheSameFigures() async throws {
        let log = Self.repository.appendingPathComponent(
            "content/incidents/premium-upsell-seven-copies/logs/events.csv"
        ).path
        let one = try await run([log], pipelined: false)
        let reads = 4 * ProcessInfo.processInfo.activeProcessorCount + 4
        let results = try await withThrowingTaskGroup(of: MetricsRun.self) { group in
            for _ in 0..<reads { group.addTask { try await run([log], pipelined: true) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == reads)
        for result in results { Self.expectSame(one, result) }
    }

    /// The synchronous reader reads on its own thread whatever the size: it is the reference the
    /// concurrent one is compared with.
    @Test func theSynchronousReaderGivesTheConcurrentFigures() async throws {
        let log = Self.repository.appendingPathComponent(
            "content/incidents/premium-upsell-seven-copies/logs/events.csv"
        ).path
        var options = LogReadOptions()
        options.pipelineMinimumBytes = 0
        let synchronous = try Self.readSynchronously(log, options)
        let concurrent = try await run([log], pipelined: true)
        #expect(synchronous.report.json == concurrent.report.json)
        #expect(synchronous.reading == concurrent.reading)
    }

    /// The same figures, reading report and recipient lists.
    static func expectSame(_ one: MetricsRun, _ two: MetricsRun, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(one.report.json == two.report.json, sourceLocation: sourceLocation)
        #expect(one.reading == two.reading, sourceLocation: sourceLocation)
        #expect(one.recipientLists == two.recipientLists, sourceLocation: sourceLocation)
    }

    static func readSynchronously(_ log: String, _ options: LogReadOptions) throws(LogError) -> MetricsRun {
        try MetricsRun.read(files: [(log, "events.csv")], options: options)
    }
}
