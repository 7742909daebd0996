import AftermailCLI
import Foundation
import Testing

/// `aftermail check` on the example story and on clean sites.
struct CheckCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A site with one incident whose log is written from `rows` (after the header).
    func site(_ rows: [String], settings: String? = nil) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-check-\(UUID().uuidString)")
        let bundle = root.appendingPathComponent("content/incidents/clean")
        try FileManager.default.createDirectory(
            at: bundle.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try Data("---\ntitle: Clean send\ndate: 2026-10-01\n---\nAll fine.\n".utf8).write(
            to: bundle.appendingPathComponent("index.md"))
        let log = (["timestamp,campaign,variant,recipient,event"] + rows).joined(separator: "\n") + "\n"
        try Data(log.utf8).write(to: bundle.appendingPathComponent("logs/events.csv"))
        if let settings { try Data(settings.utf8).write(to: root.appendingPathComponent("aftermail.yml")) }
        return root
    }

    /// 2,000 recipients, each sent one of two variants once and delivered.
    static let cleanRows: [String] = (0..<2000).flatMap { index in
        let variant = index % 2 == 0 ? "A" : "B"
        return [
            "2026-10-01T10:00:00Z,newsletter,\(variant),reader\(index)@example.org,send",
            "2026-10-01T10:00:05Z,newsletter,\(variant),reader\(index)@example.org,delivered",
        ]
    }

    @Test func theStoryFailsNamingOverlapOptOutSendsAndComplaints() async {
        let result = await Aftermail.runCapturingOutput(["check", "--site", Self.repository.path])
        #expect(result.status == 1)
        #expect(
            result.out.contains(
                "FAIL premium-upsell-seven-copies [premium-upsell-test]: complaint rate 0.383% is above the fail level 0.3%"
            ))
        #expect(
            result.out.contains(
                "FAIL premium-upsell-seven-copies [premium-upsell-test]: 2000 recipients received more than one variant (at most 0 allowed)"
            ))
        #expect(
            result.out.contains(
                "FAIL premium-upsell-seven-copies [premium-upsell-test]: 145 sends went to 61 recipients after their own complaint or unsubscribe"
            ))
        #expect(result.out.hasSuffix("3 failed, 1 warned, 1 passed — check failed\n"))
    }

    @Test func aCleanSendPasses() async throws {
        let root = try site(Self.cleanRows + ["2026-10-01T11:00:00Z,newsletter,A,reader0@example.org,complaint"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = await Aftermail.runCapturingOutput(["check", "--site", root.path])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out == "0 failed, 0 warned, 5 passed — check passed\n")
    }

    @Test func thresholdsComeFromTheSettings() async throws {
        let root = try site(
            Self.cleanRows + ["2026-10-01T11:00:00Z,newsletter,A,reader0@example.org,complaint"],
            settings: "thresholds:\n  complaint_rate: { warn: 0.0001, fail: \"0.04%\" }\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = await Aftermail.runCapturingOutput(["check", "--site", root.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(
            result.out.contains(
                "\"check\": \"complaint_rate\",\n      \"value\": 0.0005,\n      \"warn\": 0.0001,\n      \"fail\": 0.0004,\n      \"status\": \"fail\""
            ))
        #expect(result.out.hasPrefix("{\n  \"status\": \"fail\","))
    }

    @Test func githubFormatAnnotatesTheIncidentFile() async throws {
        let root = try site(Self.cleanRows + ["2026-10-01T10:30:00Z,newsletter,B,reader0@example.org,send"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = await Aftermail.runCapturingOutput(["check", "--site", root.path, "--format", "github"])
        #expect(result.status == 1)
        #expect(
            result.out.hasPrefix(
                "::error file=content/incidents/clean/index.md,title=recipients_with_multiple_variants (newsletter)::"
                    + "1 recipients received more than one variant (at most 0 allowed)\n"))
        #expect(!result.out.contains("reader0@"), "no address in annotations")
    }

    @Test func unreadableSitesExitWithTwo() async throws {
        let root = try site(["not,a,valid,row,here"])
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("---\ntitle: [broken\n---\n".utf8).write(to: root.appendingPathComponent("content/incidents/x.md"))
        #expect(await Aftermail.runCapturingOutput(["check", "--site", root.path]).status == 2)
    }
}
