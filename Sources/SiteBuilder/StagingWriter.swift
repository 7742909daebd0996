import Foundation
import Incidents
import Rendering

// MARK: - Internal

/// Writes pages into a staging folder that this build has just made (so nothing in it is a link).
///
/// Every page path is checked as text first (relative, no empty, `.` or `..` part, no NUL), so no
/// page can leave the folder; then each folder is made once (`mkdirat` relative to the open staging
/// folder, parents first) and the files are written on all cores with plain system calls, without
/// a `URL` or a `stat` per page. Pages whose paths collide (the same path twice, or a file where
/// another page needs a folder) are written one after the other, as a single core would.
/// A path that could leave is refused after the pages before it are written, as before; of files
/// that cannot be written, the first in page order is reported.
struct StagingWriter {
    /// The staging folder (it exists and is empty).
    let folder: URL

    /// Writes every page under `folder`.
    func write(_ pages: [RenderedPage]) throws(OutputError) {
        let root = folder.path
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(message: "cannot write \(root): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let invalid = pages.firstIndex { !Self.isSafe($0.path) }
        let valid = pages[..<(invalid ?? pages.count)]
        let folders = Self.folders(of: valid.map(\.path))
        if Set(valid.map(\.path)).count < valid.count || valid.contains(where: { folders.contains($0.path) }) {
            try writeOneByOne(pages, in: descriptor)
            return
        }
        try Self.makeFolders(folders, in: descriptor, root: root)
        let failures = ConcurrentChunks.map(count: valid.count) { range -> OutputError? in
            for index in range {
                do throws(OutputError) {
                    try Self.writeFile(valid[index], in: descriptor, root: root)
                } catch {
                    return error
                }
            }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        if let invalid { throw Self.leaving(pages[invalid].path) }
    }

    /// True when `path` stays inside the folder it is written to: relative, every part non-empty and
    /// neither `.` nor `..`, no NUL.
    static func isSafe(_ path: String) -> Bool {
        // One pass over the bytes, counting each part's length and its dots.
        var length = 0
        var dots = 0
        func isBadPart() -> Bool { length == 0 || (dots == length && length <= 2) }
        for byte in path.utf8 {
            switch byte {
            case 0: return false
            case UInt8(ascii: "/"):
                if isBadPart() { return false }
                (length, dots) = (0, 0)
            case UInt8(ascii: "."): (length, dots) = (length + 1, dots + 1)
            default: length += 1
            }
        }
        return !isBadPart()
    }

    // MARK: - Private

    /// Every folder the files at `paths` need, parents before children.
    private static func folders(of paths: [String]) -> Set<String> {
        var folders = Set<String>()
        for path in paths {
            var parent = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            while let slash = parent {
                let folder = String(path[..<slash])
                guard folders.insert(folder).inserted else { break }
                parent = folder.utf8.lastIndex(of: UInt8(ascii: "/"))
            }
        }
        return folders
    }

    /// Makes `folders` (relative to the open folder `descriptor`), one `mkdirat` each, parents
    /// first, on one thread: making folders in one parent takes the parent's lock in the kernel, so
    /// a second thread only spun on it (`rwsem_spin_on_owner`, 0.8% of a build) and gained no time.
    private static func makeFolders(_ folders: Set<String>, in descriptor: Int32, root: String) throws(OutputError) {
        var levels: [[String]] = []
        for folder in folders {
            let depth = folder.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            while levels.count <= depth { levels.append([]) }
            levels[depth].append(folder)
        }
        for folder in levels.flatMap({ $0.sorted() }) where mkdirat(descriptor, folder, 0o777) != 0 {
            // Let Foundation name the problem as the one-by-one writer would have.
            let path = root + "/" + folder
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw OutputError(message: "cannot write \(root): \(error.localizedDescription)")
            }
        }
    }

    /// Creates the file of `page` relative to the open folder `descriptor` (whose path is `root`)
    /// and writes its bytes.
    private static func writeFile(_ page: RenderedPage, in descriptor: Int32, root: String) throws(OutputError) {
        let fd = openat(descriptor, page.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw OutputError(message: "cannot create \(root)/\(page.path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let failure: Int32? = page.bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return errno }
                written += count
            }
            return nil
        }
        if let failure {
            throw OutputError(message: "cannot write \(root)/\(page.path): \(String(cString: strerror(failure)))")
        }
    }

    /// The pages in order, one at a time, each folder made with Foundation when first needed:
    /// for colliding paths, where the order decides what is written and what fails.
    private func writeOneByOne(_ pages: [RenderedPage], in descriptor: Int32) throws(OutputError) {
        var folders: Set<String> = [folder.path]
        for page in pages {
            guard Self.isSafe(page.path) else { throw Self.leaving(page.path) }
            let target = folder.path + "/" + page.path
            let parent = String(target[..<target.utf8.lastIndex(of: UInt8(ascii: "/"))!])
            if folders.insert(parent).inserted {
                do {
                    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                } catch {
                    throw OutputError(message: "cannot write \(folder.path): \(error.localizedDescription)")
                }
            }
            try Self.writeFile(page, in: descriptor, root: folder.path)
        }
    }

    private static func leaving(_ path: String) -> OutputError {
        OutputError(message: "refusing to write '\(path)': it would leave the output folder")
    }
}
