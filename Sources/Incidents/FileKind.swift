import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Internal

/// What is at a path, found with `lstat`, so a symbolic link is seen as a link and never followed.
enum FileKind: Equatable, Sendable {
    case missing
    case regularFile(size: Int64)
    case directory
    case symlink
    case other
    /// `lstat` failed for a reason other than "no such file" (permissions, I/O); carries `strerror`.
    case unreadable(String)

    /// The kind of `url`, without following a final symbolic link.
    static func of(_ url: URL) -> FileKind {
        var info = stat()
        let status = url.withUnsafeFileSystemRepresentation { path -> Int32 in
            guard let path else { return -1 }
            return lstat(path, &info)
        }
        guard status == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .missing }
            return .unreadable(String(cString: strerror(code)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile(size: Int64(info.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// True for a regular file of any size.
    var isRegularFile: Bool {
        if case .regularFile = self { return true }
        return false
    }
}
