import ArgumentParser
import CampaignLog
import Foundation
import Incidents

/// `aftermail new SLUG`: scaffolds an incident bundle.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an incident bundle: index.md with every post-mortem section, apology.md, logs/.",
        discussion: "The incident starts as a draft (status: draft); `aftermail build --drafts` shows it."
    )

    @Option(help: "The site folder.")
    var site: String = "."

    @Argument(help: "The incident's slug: lower-case letters, digits and hyphens (it becomes its URL).")
    var slug: String

    func run() throws {
        let terminal = Terminal.current
        let root = URL(
            fileURLWithPath: site, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let today = String(Timestamp(seconds: Int64(Date().timeIntervalSince1970)).rfc3339.prefix(10))
        do {
            let created = try IncidentScaffold.create(slug: slug, siteRoot: root, day: today)
            for path in created { terminal.write("created \(path)\n") }
        } catch {
            throw CommandFailure.badInput(error.description)
        }
    }
}
