import AftermailCLI
import Foundation
import Testing

/// Captures what a command writes.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    var output: String { lock.withLock { out } }
    var errors: String { lock.withLock { err } }

    var terminal: Terminal {
        Terminal(
            write: { text in self.lock.withLock { self.out += text } },
            error: { text in self.lock.withLock { self.err += text + "\n" } })
    }
}

/// Runs `aftermail` with `arguments`; returns the exit status and what it wrote.
func run(_ arguments: [String]) async -> (status: Int32, output: String, errors: String) {
    let captured = Captured()
    let status = await Terminal.$current.withValue(captured.terminal) { await Aftermail.run(arguments) }
    return (status, captured.output, captured.errors)
}

struct VerifyPlanCommandTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func file(_ name: String, _ text: String) -> String {
        let path = folder.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// A plan with planted mistakes: b twice (line 3 and, spelt otherwise, line 6), c twice with
    /// the same variant, d on the suppression list, e unsubscribed in an earlier campaign's log,
    /// and three quarters of the rows in A.
    var plantedMistakes: (plan: String, suppressions: String, history: String) {
        let plan = file(
            "plan.csv",
            """
            recipient,variant
            a@x.org,A
            b@x.org,A
            c@x.org,A
            d@x.org,A
            B@X.ORG ,B
            c@x.org,A
            e@x.org,A
            f@x.org,B
            """)
        let suppressions = file("suppressed.txt", "# do not mail\nD@x.org\n")
        let history = file(
            "earlier.csv",
            "timestamp,campaign,variant,recipient,event\n2026-08-01T10:00:00Z,old,A,e@x.org,send\n"
                + "2026-08-01T10:05:00Z,old,A,e@x.org,unsubscribe\n2026-08-01T10:00:00Z,old,A,a@x.org,send\n")
        return (plan, suppressions, history)
    }

    @Test func plantedMistakesAreEachReportedWithTheirLine() async {
        let (plan, suppressions, history) = plantedMistakes
        let result = await run([
            "verify-plan", plan, "--suppressions", suppressions, "--history", history, "--expect-variants", "3",
        ])
        #expect(result.status == 1)
        #expect(result.errors == "")
        #expect(
            result.output == """
                \(plan): 8 assignment rows, 6 recipients, 2 variants
                  variant  rows  share  expected (equal)
                  A           6  75.0%             33.3%  ← outside ±5.0%
                  B           2  25.0%             33.3%  ← outside ±5.0%
                suppressed addresses: 2 (\(suppressions), history: \(history))

                error: 2 recipients assigned more than once (2 extra rows)
                \(plan):6: error: recipient assigned again (B), first at line 3 (A)
                \(plan):7: error: recipient assigned again (A), first at line 4 (A)
                error: 2 rows assign 2 suppressed addresses
                \(plan):5: error: suppressed address assigned (A)
                \(plan):8: error: suppressed address assigned (A)
                error: the plan has 2 variants, expected 3
                error: variant A has 75.0% of the rows, expected 33.3% ± 5.0%
                error: variant B has 25.0% of the rows, expected 33.3% ± 5.0%
                UNSAFE: assigned_more_than_once, suppressed, variant_count, shares; do not send this plan

                """)
    }

    @Test func listsAreCappedAndTheRestCounted() async {
        let plan = file("dup.csv", "recipient,variant\n" + String(repeating: "a@x.org,A\n", count: 5))
        let result = await run(["verify-plan", plan, "--max-listed", "2"])
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                """
                error: 1 recipient assigned more than once (4 extra rows)
                \(plan):3: error: recipient assigned again (A), first at line 2 (A)
                \(plan):4: error: recipient assigned again (A), first at line 2 (A)
                … and 2 more
                """), "\(result.output)")
    }

    @Test func aCleanPlanIsSafe() async {
        let plan = file(
            "clean.csv",
            "# shares: A=0.6, B=40%\nrecipient,variant\na@x.org,A\nb@x.org,A\nc@x.org,A\nd@x.org,B\ne@x.org,B\n")
        let suppressions = file("s.csv", "email,reason\nz@x.org,bounce\n")
        let result = await run([
            "verify-plan", plan, "--suppressions", suppressions, "--expect-variants", "2", "--tolerance", "0",
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(
            result.output == """
                \(plan): 5 assignment rows, 5 recipients, 2 variants
                  variant  rows  share  expected (declared)
                  A           3  60.0%                60.0%
                  B           2  40.0%                40.0%
                suppressed addresses: 1 (\(suppressions))

                SAFE: every recipient assigned once, no suppressed address, shares within ±0.0%

                """)
    }

    @Test func declaredSharesAreHeldToTheTolerance() async throws {
        let plan = file(
            "skew.csv", "# shares: A=0.5,B=0.3,C=0.2\nrecipient,variant\na@x.org,A\nb@x.org,B\nc@x.org,B\nd@x.org,B\n")
        let result = await run(["verify-plan", plan, "--format", "json", "--tolerance", "0.1"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["safe"] as? Bool == false)
        #expect(json["problems"] as? [String] == ["shares"])
        let shares = try #require((json["shares"] as? [String: Any])?["variants"] as? [[String: Any]])
        #expect(shares.map { $0["variant"] as? String } == ["A", "B", "C"])
        #expect(shares.map { $0["share"] as? Double } == [0.25, 0.75, 0])
        #expect(shares.map { $0["within_tolerance"] as? Bool } == [false, false, false])
    }

    @Test func unreadableInputExitsTwo() async {
        let missing = await run(["verify-plan", folder.appendingPathComponent("none.csv").path])
        #expect(missing.status == 2)
        #expect(
            missing.errors.hasSuffix("none.csv: error: cannot open: No such file or directory\n"), "\(missing.errors)")
        let headerless = await run(["verify-plan", file("h.csv", "a@x.org,A\n")])
        #expect(headerless.status == 2)
        #expect(
            headerless.errors.contains("h.csv:1: error: the plan's header must name the columns recipient and variant"))
        let badList = await run([
            "verify-plan", file("ok.csv", "recipient,variant\na@x.org,A\n"), "--suppressions",
            file("l.txt", "a@x.org,1\n"),
        ])
        #expect(badList.status == 2)
        #expect(badList.errors.contains("l.txt:1: error: expected one address a line"))
    }

    @Test func badUsageExitsTwo() async {
        let plan = file("u.csv", "recipient,variant\na@x.org,A\n")
        #expect(await run(["verify-plan", plan, "--tolerance", "2"]).status == 2)
        #expect(await run(["verify-plan", plan, "--expect-variants", "0"]).status == 2)
        #expect(await run(["verify-plan"]).status == 2)
    }
}
