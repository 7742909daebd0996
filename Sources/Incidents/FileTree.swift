import Foundation

// MARK: - Internal

/// Every entry under a folder, found with `lstat` and never through a symbolic link.
struct FileTree: Sendable {
    /// Paths of regular files, relative to the folder, sorted.
    var files: [String] = []
    /// Paths of folders, relative to the folder, sorted.
    var directories: [String] = []
    /// Paths of symbolic links (to files or folders), relative to the folder, sorted; not entered.
    var symlinks: [String] = []
    /// Paths of anything else (sockets, devices, fifos), relative to the folder, sorted.
    var others: [String] = []

    /// Walks `url`, whose own path for error messages is `path` (site-relative).
    /// Fails at once on an I/O error (house rule 4).
    static func walk(_ url: URL, path: String) throws(ContentErrors) -> FileTree {
        var tree = FileTree()
        try tree.visit(url, relative: "", path: path)
        tree.files.sort()
        tree.directories.sort()
        tree.symlinks.sort()
        tree.others.sort()
        return tree
    }

    // MARK: - Private

    private mutating func visit(_ url: URL, relative: String, path: String) throws(ContentErrors) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            let place = relative.isEmpty ? path : path + "/" + relative
            throw ContentErrors(ContentError(path: place, message: "cannot list folder: \(error.localizedDescription)"))
        }
        for name in names {
            let child = relative.isEmpty ? name : relative + "/" + name
            let childURL = url.appendingPathComponent(name)
            switch FileKind.of(childURL) {
            case .regularFile: files.append(child)
            case .directory:
                directories.append(child)
                try visit(childURL, relative: child, path: path)
            case .symlink: symlinks.append(child)
            case .missing: continue
            case .other: others.append(child)
            case .unreadable(let reason):
                throw ContentErrors(ContentError(path: path + "/" + child, message: "cannot be read: \(reason)"))
            }
        }
    }
}
