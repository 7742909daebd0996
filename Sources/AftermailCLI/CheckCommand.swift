import ArgumentParser
import Foundation
import SiteBuilder

/// `aftermail check`: every incident against the thresholds, for people, scripts or CI.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate every incident's campaigns against the thresholds of aftermail.yml.",
        discussion: """
            Checks complaint, unsubscribe and bounce rates (warn and fail levels), recipients who \
            received more than one variant, and sends after a recipient's own complaint or unsubscribe. \
            Exit status: 0 all pass (warnings allowed), 1 a threshold is breached, 2 bad input.
            """
    )

    /// The output format.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @Option(help: "The site folder.")
    var site: String = "."

    @Option(help: "Output format: text, json, or github (workflow-command annotations).")
    var format: Format = .text

    @Flag(help: "Also check incidents whose status is draft.")
    var drafts = false

    func run() async throws {
        let root = URL(
            fileURLWithPath: site, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let report: CheckReport
        do {
            report = try await SiteCheck(options: BuildOptions(siteRoot: root, includeDrafts: drafts)).run()
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        switch format {
        case .text: Terminal.current.write(report.text)
        case .json: Terminal.current.write(report.json)
        case .github: Terminal.current.write(report.github)
        }
        if report.status == .fail { throw ExitCode(1) }
    }
}
