import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The bytes libFuzzer hands a target, as the file the readers want: one file per process in
/// `/dev/shm` (memory, not disk), rewritten for every input.
public enum FuzzInput {
    // MARK: - Public API

    /// Writes `size` bytes at `data` to this process's input file and returns its path.
    public static func file(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        let path = self.path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot open \(path)")
        var written = 0
        while written < size {
            let count = write(fd, data + written, size - written)
            precondition(count > 0, "cannot write \(path)")
            written += count
        }
        close(fd)
        return path
    }

    /// The bytes as text (invalid UTF-8 becomes U+FFFD, as when a note is decoded).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// A private folder in `/dev/shm` (else the temporary folder) for this process, removed when
    /// the process exits normally (libFuzzer's time limit ends with `exit`); `scripts/fuzz` removes
    /// what a crashed target left.
    public static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = "\(base)/aftermail-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FuzzInput.folder) }
        return folder
    }()

    // MARK: - Private

    private static let path = folder + "/input"
}
