import Foundation
import Rendering

/// `aftermail templates export`: writes the built-in theme into the site's `templates/` folder,
/// where each file then overrides the built-in one of the same name.
public enum TemplateExport {
    /// Writes every built-in template file; returns the site-relative paths written.
    ///
    /// - Parameter force: replace files that exist already (otherwise they are an error, and
    ///   nothing is written).
    public static func write(siteRoot: URL, force: Bool) throws(BuildError) -> [String] {
        let step = "Export templates"
        let folder = siteRoot.appendingPathComponent("templates")
        let files = FileManager.default
        if (try? files.destinationOfSymbolicLink(atPath: folder.path)) != nil {
            throw BuildError(step: step, problems: ["templates: error: is a symbolic link (not followed)"])
        }
        let names = TemplateSet.builtinNames
        let existing = names.filter { files.fileExists(atPath: folder.appendingPathComponent($0).path) }
        if !force && !existing.isEmpty {
            throw BuildError(
                step: step,
                problems: existing.map { "templates/\($0): error: exists already (use --force to replace it)" })
        }
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in names {
                try Data((TemplateSet.builtin(name) ?? "").utf8).write(
                    to: folder.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            throw BuildError(step: step, problems: ["templates: error: \(error.localizedDescription)"])
        }
        return names.map { "templates/" + $0 }
    }
}
