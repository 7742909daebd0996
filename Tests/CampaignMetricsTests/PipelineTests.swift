import CampaignLog
import CampaignMetrics
import Foundation
import Testing

/// Reading on two threads (parse | de-duplicate and count) gives exactly what one thread gives.
struct PipelineTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ files: [String], pipelined: Bool, strict: Bool = false) throws(LogError) -> MetricsRun {
        var options = LogReadOptions(strict: strict)
        options.pipelineMinimumBytes = pipelined ? 0 : Int.max
        return try MetricsRun.read(
            files: files.map { ($0, ($0 as NSString).lastPathComponent) }, options: options, withRecipientLists: true)
    }

    @Test func theExampleLogGivesTheSameFiguresOnOneOrTwoThreads() throws {
        let log = Self.repository.appendingPathComponent(
            "content/incidents/premium-upsell-seven-copies/logs/events.csv"
        ).path
        let one = try run([log], pipelined: false)
        let two = try run([log], pipelined: true)
        #expect(one.report.json == two.report.json)
        #expect(one.reading == two.reading)
        #expect(one.recipientLists == two.recipientLists)
        #expect(two.report.duplicatesDropped == 6)
    }

    @Test func duplicatesAcrossFilesBadRecordsAndStrictModeBehaveTheSame() throws {
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
        let one = try run([a, b], pipelined: false)
        let two = try run([a, b], pipelined: true)
        #expect(one.report.json == two.report.json)
        #expect(one.reading == two.reading)
        #expect(two.report.duplicatesDropped == 15_000)
        #expect(two.report.recordsSkipped == 30)
        var strictError: LogError?
        do { _ = try run([a, b], pipelined: true, strict: true) } catch { strictError = error }
        #expect(
            strictError?.description
                == "a.csv:3: error: invalid timestamp 'nonsense' (RFC 3339 with an offset, or Unix seconds)")
    }
}
