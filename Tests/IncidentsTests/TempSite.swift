import Foundation
import Incidents

/// A site folder in a unique temporary directory, removed when the value goes away.
final class TempSite {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftermail-incidents-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Writes `text` to the site-relative `path`, creating folders on the way.
    func write(_ path: String, _ text: String) {
        let url = url(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    /// Creates the site-relative folder `path`.
    func mkdir(_ path: String) {
        try! FileManager.default.createDirectory(at: url(path), withIntermediateDirectories: true)
    }

    /// Makes the site-relative `path` a symbolic link to `destination`.
    func symlink(_ path: String, to destination: String) {
        try! FileManager.default.createDirectory(
            at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(atPath: url(path).path, withDestinationPath: destination)
    }

    /// The content, or the error descriptions when loading fails.
    func load(drafts: Bool = false) -> Result<SiteContent, ContentErrors> {
        do {
            return .success(try SiteContent.load(siteRoot: root, includeDrafts: drafts))
        } catch {
            return .failure(error)
        }
    }

    /// The error text of a load that must fail ("" when it succeeded).
    func loadErrors(drafts: Bool = false) -> String {
        if case .failure(let errors) = load(drafts: drafts) { return errors.description }
        return ""
    }

    /// The incidents of a load that must succeed (empty when it failed).
    func incidents(drafts: Bool = false) -> [Incident] {
        (try? load(drafts: drafts).get())?.incidents ?? []
    }
}
