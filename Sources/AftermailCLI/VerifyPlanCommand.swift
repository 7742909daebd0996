import ArgumentParser
import CampaignLog
import CampaignMetrics

/// `aftermail verify-plan`: the pre-send guard on an intended assignment.
struct VerifyPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-plan",
        abstract: "Check an intended assignment (recipient,variant) before sending it.",
        discussion: """
            Streams PLAN (CSV with a header naming recipient and variant; '# shares: A=0.5,B=0.5' \
            before the header declares intended shares) and checks that every recipient is assigned \
            exactly once (addresses compared trimmed, lower-cased and NFC, as in logs), that no \
            suppressed address is included, that the plan has the expected number of variants, and \
            that each variant's share of the rows is within the tolerance (absolute) of its declared \
            share, or of an equal share. Offending rows are named by line (no addresses are printed). \
            Exit status: 0 safe, 1 problems found, 2 unreadable input or bad usage.
            """
    )

    /// The output format.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The plan: CSV with recipient and variant columns.")
    var plan: String

    @Option(help: "A suppression list: one address a line, or CSV with a recipient or email column (repeatable).")
    var suppressions: [String] = []

    @Option(
        parsing: .upToNextOption,
        help: "Event logs whose complaints and unsubscribes count as suppressed addresses.")
    var history: [String] = []

    @Option(help: "The number of variants the plan must have.")
    var expectVariants: Int?

    @Option(
        help: "The largest allowed difference between a variant's share and its expected share (0.05: five points).")
    var tolerance: Double = 0.05

    @Option(help: "How many offending rows of each kind to list.")
    var maxListed: Int = 20

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        if let expectVariants, expectVariants < 1 { throw ValidationError("--expect-variants must be at least 1.") }
        if !(0...1).contains(tolerance) { throw ValidationError("--tolerance must be between 0 and 1.") }
        if maxListed < 0 { throw ValidationError("--max-listed must not be negative.") }
    }

    func run() async throws {
        let terminal = Terminal.current
        var list = SuppressionList()
        let verification: PlanVerification
        do {
            for path in suppressions { try list.addList(path: path) }
            if !history.isEmpty {
                let reading = try await list.addHistory(files: history.map { ($0, $0) })
                for line in reading.skippedSummary { terminal.error(line) }
            }
            verification = try PlanVerifier.verify(
                path: plan, suppressions: list,
                options: PlanVerifier.Options(
                    expectVariants: expectVariants, tolerance: tolerance, maxListed: maxListed))
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        terminal.write(format == .json ? verification.json : verification.text)
        if !verification.isSafe { throw ExitCode(1) }
    }
}
