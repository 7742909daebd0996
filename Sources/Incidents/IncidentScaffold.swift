import Foundation

/// `aftermail new SLUG`: a new incident bundle with every section of a post-mortem to fill in.
public enum IncidentScaffold {
    /// Creates `content/incidents/<slug>/` with `index.md` (a draft dated `day`, with front matter
    /// and one heading per post-mortem section, each with a one-line prompt), `apology.md`
    /// (front matter `subject` and `sent_at`, and a short skeleton) and an empty `logs/`.
    ///
    /// Throws if the slug is invalid, `day` is not `YYYY-MM-DD`, the site folder is missing, or the
    /// bundle (or `<slug>.md`) already exists. Never writes through a symbolic link; on failure nothing
    /// it created is left behind. Returns the created paths, site-relative, folders ending in `/`.
    public static func create(slug: String, siteRoot: URL, day: String) throws(ContentErrors) -> [String] {
        let folder = IncidentSource.folder
        guard isValidSlug(slug) else {
            throw ContentErrors(
                ContentError(
                    path: "\(folder)/\(slug)", message: "invalid incident slug '\(slug)'",
                    hint: "use lowercase letters, digits and '-', starting with a letter or digit (at most 100)"))
        }
        guard day.utf8.count == 10, let date = IncidentDate(day) else {
            throw ContentErrors(
                ContentError(path: "\(folder)/\(slug)", message: "invalid day '\(day)': expected YYYY-MM-DD"))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: siteRoot.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ContentErrors(ContentError(path: siteRoot.path, message: "site folder does not exist"))
        }
        let base = try incidentsFolder(siteRoot)
        for existing in ["\(slug).md", slug] where FileKind.of(base.appendingPathComponent(existing)) != .missing {
            throw ContentErrors(ContentError(path: "\(folder)/\(existing)", message: "already exists"))
        }
        let bundle = base.appendingPathComponent(slug)
        let path = "\(folder)/\(slug)"
        do {
            try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: false)
        } catch {
            throw ContentErrors(ContentError(path: path, message: "cannot create: \(error.localizedDescription)"))
        }
        do {
            try Data(ScaffoldTemplate.index(day: date.isoDay).utf8)
                .write(to: bundle.appendingPathComponent("index.md"), options: .withoutOverwriting)
            try Data(ScaffoldTemplate.apology.utf8)
                .write(to: bundle.appendingPathComponent("apology.md"), options: .withoutOverwriting)
            try FileManager.default.createDirectory(
                at: bundle.appendingPathComponent("logs"), withIntermediateDirectories: false)
        } catch {
            try? FileManager.default.removeItem(at: bundle)
            throw ContentErrors(ContentError(path: path, message: "cannot write: \(error.localizedDescription)"))
        }
        return ["\(path)/index.md", "\(path)/apology.md", "\(path)/logs/"]
    }

    /// True for `^[a-z0-9][a-z0-9-]{0,99}$`: ASCII lowercase letters, digits and `-`, at most 100
    /// characters, not starting with `-`; no dots, slashes or uppercase.
    public static func isValidSlug(_ slug: String) -> Bool {
        let bytes = Array(slug.utf8)
        guard let first = bytes.first, bytes.count <= 100, first != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    // MARK: - Private

    /// `<root>/content/incidents`, created if missing; refuses a symbolic link on the way.
    private static func incidentsFolder(_ root: URL) throws(ContentErrors) -> URL {
        var url = root
        var path = ""
        for part in ["content", "incidents"] {
            url.appendPathComponent(part)
            path = path.isEmpty ? part : path + "/" + part
            switch FileKind.of(url) {
            case .directory:
                continue
            case .missing:
                do {
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
                } catch {
                    throw ContentErrors(
                        ContentError(path: path, message: "cannot create: \(error.localizedDescription)"))
                }
            case .symlink:
                throw ContentErrors(ContentError(path: path, message: "is a symbolic link; links are never followed"))
            case .regularFile, .other, .unreadable:
                throw ContentErrors(ContentError(path: path, message: "is not a folder"))
            }
        }
        return url
    }
}
