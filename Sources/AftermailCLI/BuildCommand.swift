import ArgumentParser
import Foundation
import SiteBuilder

/// `aftermail build`: the site folder to `output/`.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the post-mortem site from content/ into output/.",
        discussion: """
            Reads aftermail.yml, every incident under content/incidents and its logs, and writes the \
            public site. A failed build leaves the previous output/ untouched (exit 2).
            """
    )

    @Option(help: "The site folder.")
    var site: String = "."

    @Option(help: "Where to write the site (default: <site>/output).")
    var output: String?

    @Option(
        name: .customLong("private"),
        help: "Where to write the lists that name people (default: private_dir, else <site>/private).")
    var privateFolder: String?

    @Option(name: .customLong("base-url"), help: "The public address of the site (overrides base_url).")
    var baseURL: String?

    @Flag(help: "Also build incidents whose status is draft.")
    var drafts = false

    @Flag(help: "Stop at the first bad log record instead of skipping it.")
    var strict = false

    @Flag(help: "No progress display, even on a terminal.")
    var quiet = false

    func run() async throws {
        let terminal = Terminal.current
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let siteURL = URL(fileURLWithPath: site, relativeTo: current)
        let options = BuildOptions(
            siteRoot: siteURL, outputDirectory: output.map { URL(fileURLWithPath: $0, relativeTo: current) },
            privateDirectory: privateFolder.map { URL(fileURLWithPath: $0, relativeTo: current) },
            baseURL: baseURL, includeDrafts: drafts, strict: strict)
        do {
            let progress = ProgressLine(quiet: quiet)
            defer { progress.finish() }
            let summary = try await SiteBuild(options: options).run(
                progress: { terminal.write($0 + "\n") }, logProgress: { progress.update(file: $0, events: $1) })
            for warning in summary.warnings { terminal.error(warning) }
            terminal.write("Wrote \(summary.fileCount) files to \(summary.outputPath)\n")
            if let privatePath = summary.privatePath {
                terminal.write(
                    "Wrote \(summary.privateFileCount) files that name people to \(privatePath) (keep it private)\n")
            }
            for line in summary.incidentLines.prefix(20) { terminal.write("  \(line)\n") }
            if summary.incidentLines.count > 20 {
                terminal.write("  … and \(summary.incidentLines.count - 20) more incidents\n")
            }
        } catch {
            throw CommandFailure.badInput(error.description)
        }
    }
}
