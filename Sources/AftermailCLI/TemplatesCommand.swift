import ArgumentParser
import Foundation
import SiteBuilder

/// `aftermail templates`: the built-in theme.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the built-in templates.",
        subcommands: [Export.self]
    )

    /// `aftermail templates export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in templates into templates/ for editing.",
            discussion: "A file in templates/ replaces the built-in template of the same name at the next build."
        )

        @Option(help: "The site folder.")
        var site: String = "."

        @Flag(help: "Replace template files that exist already.")
        var force = false

        func run() throws {
            let root = URL(
                fileURLWithPath: site, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            do {
                for path in try TemplateExport.write(siteRoot: root, force: force) {
                    Terminal.current.write("wrote \(path)\n")
                }
            } catch {
                throw CommandFailure.badInput(error.problems.joined(separator: "\n"))
            }
        }
    }
}
