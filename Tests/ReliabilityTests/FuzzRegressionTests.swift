import CampaignMetrics
import CommonMark
import Foundation
import Rendering
import Testing

@testable import CampaignLog
@testable import Incidents

/// Replays every input of the fuzzers' seed corpora (`Fuzz/Corpus/<target>/`) and every finding
/// left in `Fuzz/Crashes/<target>/` through the same calls and checks as the fuzz targets
/// (`Fuzz/Sources/<target>/`), without libFuzzer: a crash the fuzzers find fails `swift test`
/// until it is fixed, and the seeds keep working. RELIABILITY.md lists what the fuzzers found.
struct FuzzRegressionTests {
    static let targets = [
        "csv", "jsonl", "sendgrid", "mailgun", "ses", "postmark", "arf", "logs", "frontmatter", "prose", "markdown",
        "plan",
    ]

    /// The repository's `Fuzz/` folder.
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// The seeds and findings of `target`.
    static func inputs(_ target: String) -> [URL] {
        ["Corpus", "Crashes"].flatMap { kind -> [URL] in
            let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
        }
    }

    @Test func everyTargetHasSeeds() {
        for target in Self.targets {
            #expect(Self.inputs(target).count >= 2, "Fuzz/Corpus/\(target) holds too few seeds")
        }
    }

    /// Expected: every input runs without a crash, and the reading report agrees with the events
    /// sent (`events_read - duplicates_dropped` of them); safe-mode HTML holds nothing smuggled.
    @Test(arguments: targets)
    func everySeedAndFindingRunsCleanly(target: String) async throws {
        for input in Self.inputs(target) {
            let bytes = Array(try Data(contentsOf: input))
            if let problem = await Self.replay(target, bytes, path: input.path) {
                Issue.record("\(target)/\(input.lastPathComponent): \(problem)")
            }
        }
    }

    // MARK: - The targets' calls

    struct Counter: EventSink {
        var count = 0
        mutating func consume(_ event: Event) { count += 1 }
    }

    /// Runs one input as the fuzz target `target` does; a problem, or nil.
    static func replay(_ target: String, _ bytes: [UInt8], path: String) async -> String? {
        let options = LogReadOptions(maxRecordBytes: 4096)
        let reader = CampaignLogReader(options: options)
        var counter = Counter()
        let name = "fuzz"
        switch target {
        case "csv":
            if let problem = await replayPipelined(path, .csv) { return problem }
            try? reader.readCanonicalCSV(path: path, displayPath: name, into: &counter)
        case "jsonl":
            if let problem = await replayPipelined(path, .jsonLines) { return problem }
            try? reader.readCanonicalJSONLines(path: path, displayPath: name, into: &counter)
        case "sendgrid":
            try? reader.readPayloads(
                path: path, displayPath: name, SendGridReader(fields: options.fields.sendGrid), into: &counter)
        case "mailgun":
            try? reader.readPayloads(
                path: path, displayPath: name, MailgunReader(fields: options.fields.mailgun), into: &counter)
        case "ses":
            try? reader.readPayloads(
                path: path, displayPath: name, SESReader(fields: options.fields.ses), into: &counter)
        case "postmark":
            try? reader.readPayloads(
                path: path, displayPath: name, PostmarkReader(fields: options.fields.postmark), into: &counter)
        case "arf": try? reader.readARF(path: path, displayPath: name)
        case "logs":
            guard let run = try? await MetricsRun.read(files: [(path, name)], options: options) else { return nil }
            return run.report.json.hasPrefix("{") ? nil : "metrics JSON is not an object"
        case "frontmatter": return replayFrontMatter(String(decoding: bytes, as: UTF8.self))
        case "prose": return replayProse(String(decoding: bytes, as: UTF8.self))
        case "plan": return replayPlan(path)
        default: return replayMarkdown(bytes)
        }
        try? reader.finish(into: &counter)
        let report = reader.report
        guard report.eventsRead - report.duplicatesDropped == counter.count else {
            return "events sent \(counter.count) != read \(report.eventsRead) - duplicates \(report.duplicatesDropped)"
        }
        return report.recordsSkipped >= report.skipped.count ? nil : "more problems listed than counted"
    }

    /// Collects the events a reader sends, in order.
    struct Collector: EventSink {
        var events: [Event] = []
        mutating func consume(_ event: Event) { events.append(event) }
    }

    /// The CSV and JSON Lines targets' second check: one thread and the concurrent pipeline send
    /// the same events and ids.
    static func replayPipelined(_ path: String, _ layout: CanonicalLayout) async -> String? {
        func read(pipelined: Bool) async -> (events: [Event], report: LogReadReport, recipients: [String]) {
            let reader = CampaignLogReader(options: LogReadOptions(maxRecordBytes: 4096))
            var collector = Collector()
            switch (pipelined, layout) {
            case (true, _):
                try? await reader.readCanonicalConcurrently(
                    path: path, displayPath: "fuzz", layout: layout, fileSize: 0, into: &collector)
            case (false, .csv): try? reader.readCanonicalCSV(path: path, displayPath: "fuzz", into: &collector)
            case (false, .jsonLines):
                try? reader.readCanonicalJSONLines(path: path, displayPath: "fuzz", into: &collector)
            }
            try? reader.finish(into: &collector)
            return (collector.events, reader.report, reader.symbols.recipients.names)
        }
        let one = await read(pipelined: false)
        let three = await read(pipelined: true)
        if one.events != three.events { return "the pipeline sent other events" }
        if one.report != three.report { return "the pipeline reported other counts" }
        return one.recipients == three.recipients ? nil : "the pipeline gave other recipient ids"
    }

    /// The plan target: one thread, and four with three-bit fingerprints, read the plan alike.
    static func replayPlan(_ path: String) -> String? {
        var suppressions = SymbolTable()
        _ = suppressions.intern("a@x.org")
        func read(threads: Int, mask: UInt64) -> Result<PlanScan, LogError> {
            var options = PlanScanner.Options(maxListed: 5, maxRecordBytes: 4096, threads: threads)
            options.fingerprintMask = mask
            return Result { () throws(LogError) in
                try PlanScanner.scan(
                    path: path, displayPath: "plan.csv", matching: suppressions, options: options, bytesPerThread: 1)
            }
        }
        switch (read(threads: 1, mask: ~0), read(threads: 4, mask: 7)) {
        case (.success(let a), .success(let b)): return a == b ? nil : "one thread and four read the plan differently"
        case (.failure(let a), .failure(let b)): return a.message == b.message ? nil : "different errors"
        default: return "one way read the plan, the other failed"
        }
    }

    static func replayFrontMatter(_ text: String) -> String? {
        if let parsed = try? FrontMatter.parse(text, path: "fuzz.md") {
            var diagnostics = Diagnostics(path: "fuzz.md", lineOffset: FrontMatter.yamlLineOffset)
            var logLines: [Int] = []
            if let front = IncidentFrontMatter.read(parsed.root, into: &diagnostics, logLines: &logLines) {
                for pattern in front.logs ?? [] where LogGlob.problem(with: pattern) == nil {
                    let matched = LogGlob.matches(
                        pattern, in: ["logs/a.csv", "logs/.hidden", "x/y/z.json", "index.md"])
                    if matched.contains(where: { $0.contains("..") }) { return "a glob matched outside the bundle" }
                }
            }
        }
        _ = try? SiteSettings.parse(text)
        return nil
    }

    static let figures: ProseFigures = {
        let folder = TempFolder("prose")
        let path = folder.write(
            "figures.csv",
            """
            timestamp,campaign,variant,recipient,event,event_id
            2026-09-10T14:00:00Z,spring,A,ann@example.com,send,1
            2026-09-10T14:00:01Z,spring,B,ann@example.com,send,2
            2026-09-10T14:00:02Z,spring,B,bob@example.com,delivered,3
            2026-09-10T14:03:00Z,spring,B,ann@example.com,complaint,4

            """)
        let run = try! MetricsRun.read(files: [(path, "figures.csv")])
        return ProseFigures(campaign: run.report.campaigns.first)
    }()

    static func replayProse(_ text: String) -> String? {
        guard let filled = try? figures.fill(text, path: "fuzz.md", firstLine: 1) else { return nil }
        return text.contains("{{") || filled == text ? nil : "text without '{{' was changed"
    }

    static func replayMarkdown(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard CommonMark.limitViolations(in: text).isEmpty else { return nil }
        let unsafe = bytes.first.map { $0 & 1 == 1 } ?? false
        let html = CommonMark.html(from: text, options: MarkdownOptions(unsafe: unsafe))
        _ = CommonMark.headings(in: text)
        guard !unsafe else { return nil }
        let problems = PublishedSiteScan.problems(in: Data(("<div>" + html + "</div>").utf8), name: "note.html")
        return problems.isEmpty ? nil : "safe-mode HTML: \(problems)"
    }
}
