import Foundation

// MARK: - Internal

/// Where one incident lives, as found in `content/incidents` before anything is parsed.
struct IncidentSource: Sendable {
    /// The incident's slug.
    var slug: String
    /// Site-relative path of its notes (`…/<slug>.md` or `…/<slug>/index.md`).
    var path: String
    /// The notes file's file-system path (the site folder's path, then `path`).
    var file: String
    /// For a bundle: its folder and its regular files (bundle-relative, sorted); nil for one file.
    var bundle: (url: URL, path: String, files: [String])?

    /// Site-relative path of the incidents folder.
    static let folder = "content/incidents"

    /// Finds every incident under `<root>/content/incidents`, sorted by slug. Refuses symbolic links
    /// anywhere in the folder, bad slugs, stray files and a slug written both ways, adding those
    /// problems to `errors`; an I/O failure is thrown at once.
    ///
    /// One-file incidents get no `URL` (building one per file costs a `stat`): only a path string.
    static func discover(root: URL, errors: inout [ContentError]) throws(ContentErrors) -> [IncidentSource] {
        for (path, url) in [
            ("content", root.appendingPathComponent("content")),
            (folder, root.appendingPathComponent(folder)),
        ] {
            switch FileKind.of(url) {
            case .missing: return []
            case .directory: continue
            case .symlink:
                errors.append(ContentError(path: path, message: symlinkMessage))
                return []
            case .unreadable(let reason):
                throw ContentErrors(ContentError(path: path, message: "cannot be read: \(reason)"))
            case .regularFile, .other:
                errors.append(ContentError(path: path, message: "is not a folder"))
                return []
            }
        }
        let base = root.appendingPathComponent(folder)
        let basePath = base.withUnsafeFileSystemRepresentation { $0.map { String(cString: $0) } } ?? base.path
        let tree = try FileTree.walk(base, path: folder)
        for link in tree.symlinks {
            errors.append(ContentError(path: folder + "/" + link, message: symlinkMessage))
        }
        for other in tree.others {
            errors.append(ContentError(path: folder + "/" + other, message: "is not a regular file or folder"))
        }
        let files = Set(tree.files)
        let directories = Set(tree.directories)
        var sources: [IncidentSource] = []
        for name in tree.files where !isNested(name) && !name.hasPrefix(".") {
            let path = folder + "/" + name
            guard name.hasSuffix(".md") else {
                errors.append(
                    ContentError(
                        path: path, message: "is not an incident",
                        hint: "incidents are content/incidents/<slug>.md or content/incidents/<slug>/index.md"))
                continue
            }
            let slug = String(name.dropLast(3))
            guard check(slug: slug, path: path, errors: &errors) else { continue }
            if directories.contains(slug) {
                errors.append(
                    ContentError(
                        path: path, message: "incident '\(slug)' is written both as \(path) and as \(folder)/\(slug)/",
                        hint: "keep one: move the notes into \(folder)/\(slug)/index.md"))
                continue
            }
            sources.append(IncidentSource(slug: slug, path: path, file: basePath + "/" + name))
        }
        let bundleFiles = filesByFolder(tree.files)
        for slug in tree.directories where !isNested(slug) && !slug.hasPrefix(".") {
            let path = folder + "/" + slug
            guard check(slug: slug, path: path, errors: &errors), !files.contains(slug + ".md") else { continue }
            guard files.contains(slug + "/index.md") else {
                if tree.symlinks.contains(slug + "/index.md") { continue }  // already reported as a link
                errors.append(ContentError(path: path, message: "incident bundle has no index.md"))
                continue
            }
            let bundleURL = base.appendingPathComponent(slug)
            sources.append(
                IncidentSource(
                    slug: slug, path: path + "/index.md", file: basePath + "/" + slug + "/index.md",
                    bundle: (bundleURL, path, bundleFiles[slug] ?? [])))
        }
        return sources.sorted { $0.slug < $1.slug }
    }

    // MARK: - Private

    private static let symlinkMessage = "is a symbolic link; links are never followed"

    /// `path.contains("/")`; for an ASCII path (where every `/` is a character of its own) with a
    /// byte search, as Foundation's string search cost more than the rest of the discovery.
    private static func isNested(_ path: String) -> Bool {
        isASCII(path) ? path.utf8.contains(UInt8(ascii: "/")) : path.contains("/")
    }

    /// `path.firstIndex(of: "/")`; for an ASCII path with a byte search.
    private static func firstSlash(in path: String) -> String.Index? {
        isASCII(path) ? path.utf8.firstIndex(of: UInt8(ascii: "/")) : path.firstIndex(of: "/")
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The files under each top-level folder, relative to it, in the order of `files`
    /// (one pass, where filtering the whole list per bundle would grow with bundles × files).
    private static func filesByFolder(_ files: [String]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for file in files {
            guard let slash = firstSlash(in: file) else { continue }
            result[String(file[..<slash]), default: []].append(String(file[file.index(after: slash)...]))
        }
        return result
    }

    private static func check(slug: String, path: String, errors: inout [ContentError]) -> Bool {
        if IncidentScaffold.isValidSlug(slug) { return true }
        errors.append(
            ContentError(
                path: path, message: "invalid incident slug '\(slug)'",
                hint: "use lowercase letters, digits and '-', starting with a letter or digit (at most 100)"))
        return false
    }
}
