import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Internal

/// Reads the text files of a site: UTF-8, at most `maxBytes`, never through a symbolic link.
enum TextFile {
    /// Largest note or settings file read, in bytes (16 MiB): memory stays bounded whatever the input.
    static let maxBytes: Int64 = 16 * 1024 * 1024

    /// The text of the file at the file-system path `file`, as `read(_:path:)` gives it, with plain
    /// system calls: `open` (refusing a final link), `fstat`, `read` into one buffer. Anything
    /// unusual — a link, a folder, a file over the limit, a failing call, bytes that are not UTF-8 —
    /// goes through `read(_:path:)`, which names the problem.
    static func read(file: String, path: String) throws(ContentErrors) -> String {
        if var bytes = quickRead(file) {
            // Foundation's UTF-8 decoding, which `read(_:path:)` uses, drops one byte order mark.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if let text = String(validating: bytes, as: UTF8.self) { return text }
        }
        return try read(URL(fileURLWithPath: file), path: path)
    }

    /// The text of `url`; problems are reported at `path` (site-relative).
    static func read(_ url: URL, path: String) throws(ContentErrors) -> String {
        switch FileKind.of(url) {
        case .regularFile(let size) where size > maxBytes:
            throw ContentErrors(ContentError(path: path, message: "is larger than 16 MiB (\(size) bytes)"))
        case .regularFile:
            break
        case .symlink:
            throw ContentErrors(ContentError(path: path, message: "is a symbolic link; links are never followed"))
        case .missing:
            throw ContentErrors(ContentError(path: path, message: "does not exist"))
        case .unreadable(let reason):
            throw ContentErrors(ContentError(path: path, message: "cannot be read: \(reason)"))
        case .directory, .other:
            throw ContentErrors(ContentError(path: path, message: "is not a regular file"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ContentErrors(ContentError(path: path, message: "cannot be read: \(error.localizedDescription)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ContentErrors(
                ContentError(path: path, message: "is not valid UTF-8 text", hint: "save the file as UTF-8"))
        }
        return text
    }

    // MARK: - Private

    /// The bytes of `file` when it is a regular file of at most `maxBytes` that opens and reads
    /// without a hitch; nil otherwise.
    private static func quickRead(_ file: String) -> [UInt8]? {
        let descriptor = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int64(info.st_size) <= maxBytes else {
            return nil
        }
        // One byte more than the size, to see the end of a file that grew since `fstat`.
        let capacity = Int(info.st_size) + 1
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while count < capacity {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    failed = got < 0
                    return
                }
                count += got
            }
        }
        return failed || bytes.count == capacity ? nil : bytes
    }
}
