import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Internal

/// Every entry under a folder, never through a symbolic link.
///
/// The walk reads each folder once with `readdir` and takes an entry's kind from its `d_type`
/// (an `lstat` only where the file system does not say), opening subfolders relative to their
/// parent: no path lookup and no `stat` per file. On anything unusual — a name that is not UTF-8,
/// a failing call — it walks again the checked way (`FileManager` listing, `lstat` per entry), which
/// names the problem exactly as before.
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
        let fast = url.withUnsafeFileSystemRepresentation { folder in
            folder.map { tree.visitQuickly(open($0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC), relative: "") }
                ?? false
        }
        if !fast {
            tree = FileTree()
            try tree.visit(url, relative: "", path: path)
        }
        tree.files.sort()
        tree.directories.sort()
        tree.symlinks.sort()
        tree.others.sort()
        return tree
    }

    // MARK: - Private

    /// Adds the entries under the open folder `folder` (closed here); false on anything unusual.
    private mutating func visitQuickly(_ folder: Int32, relative: String) -> Bool {
        guard folder >= 0 else { return false }
        guard let stream = fdopendir(folder) else {
            close(folder)
            return false
        }
        defer { closedir(stream) }
        let descriptor = dirfd(stream)
        while true {
            errno = 0
            guard let entry = readdir(stream) else { return errno == 0 }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(validatingCString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard let name else { return false }
            if name == "." || name == ".." { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = Int(entry.pointee.d_type)
            if type == DT_UNKNOWN {
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
                type = Self.direntType(mode: info.st_mode)
            }
            switch type {
            case DT_REG: files.append(child)
            case DT_DIR:
                directories.append(child)
                let sub = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard visitQuickly(sub, relative: child) else { return false }
            case DT_LNK: symlinks.append(child)
            default: others.append(child)
            }
        }
    }

    /// The `d_type` an `lstat` mode stands for.
    private static func direntType(mode: mode_t) -> Int {
        switch mode & S_IFMT {
        case S_IFREG: DT_REG
        case S_IFDIR: DT_DIR
        case S_IFLNK: DT_LNK
        default: DT_UNKNOWN
        }
    }

    /// The checked walk: a listing and an `lstat` per entry, each failure named.
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
