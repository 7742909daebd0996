import ArgumentParser
import CampaignLog
import CampaignMetrics

/// `aftermail metrics`: per-campaign, per-variant figures of the given logs.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Per-campaign, per-variant figures of the given event logs.",
        discussion: """
            Reads canonical CSV or JSON Lines, SendGrid, Mailgun, Amazon SES (bare or in SNS), \
            Postmark and ARF abuse reports (format detected from content) as one run, applies the \
            counting rules (event-id de-duplication, case-insensitive recipients) and prints sends, \
            deliveries, bounces, complaints, unsubscribes, distinct recipients and rates per variant, \
            then the diagnosis: overlap between variants, copies per recipient, sends after opt-out, \
            timeline, intervals and tests. Bad records are skipped and listed on standard error \
            (exit 0); --strict stops at the first (exit 2).
            """
    )

    /// The output format.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(help: "Output format: table or json (the JSON of SPEC §3).")
    var format: Format = .table

    @Flag(help: "Stop at the first bad record instead of skipping it.")
    var strict = false

    @Option(help: "An intended assignment (CSV: recipient,variant) to compare each campaign's sends with.")
    var plan: String?

    @Flag(help: "No progress display, even on a terminal.")
    var quiet = false

    @Argument(help: "Log files to read as one run.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one log file.") }
    }

    func run() async throws {
        let terminal = Terminal.current
        let report: MetricsReport
        let reading: LogReadReport
        do {
            let progress = ProgressLine(quiet: quiet)
            defer { progress.finish() }
            let run = try await MetricsRun.read(
                files: files.map { ($0, $0) }, options: LogReadOptions(strict: strict), plan: plan.map { ($0, $0) },
                progress: { progress.update(file: $0, events: $1) })
            (report, reading) = (run.report, run.reading)
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        for line in reading.skippedSummary { terminal.error(line) }
        if reading.ignoredEvents > 0 {
            terminal.error(
                "note: \(reading.ignoredEvents) events of types that are not counted (resubscribes, rendering failures…) were ignored"
            )
        }
        if reading.unmatchedComplaints > 0 {
            terminal.error(
                "note: \(reading.unmatchedComplaints) abuse-report complaints matched no send of the run and count under 'unassigned'"
            )
        }
        terminal.write(format == .json ? report.json : report.table)
    }
}
