#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams a file in large buffers as they come, without looking for line ends (a JSON file may be
/// one line of gigabytes). A UTF-8 BOM at the start is dropped. Memory: one buffer.
final class ChunkReader {
    static let bufferSize = 4 << 20

    /// Opens `path` for reading; throws a ``LogError`` naming it when that fails.
    init(path: String, displayPath: String, bufferSize: Int = ChunkReader.bufferSize) throws(LogError) {
        let fd = try LogFileDescriptor.open(path: path, displayPath: displayPath)
        self.fd = fd
        self.capacity = bufferSize
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// The next bytes of the file (valid until the next call), or nil at its end.
    func next(displayPath: String) throws(LogError) -> UnsafeRawBufferPointer? {
        var count = 0
        // Fill the buffer as far as the first read goes, so that a BOM split across reads is seen.
        repeat {
            let got = read(fd, buffer + count, capacity - count)
            guard got >= 0 else {
                if errno == EINTR { continue }
                throw LogError(
                    path: displayPath, line: nil, message: "read failed: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            count += got
        } while first && count < 3
        guard count > 0 else { return nil }
        var start = 0
        if first {
            first = false
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        }
        return UnsafeRawBufferPointer(start: buffer + start, count: count - start)
    }

    // MARK: - Private

    private let fd: Int32
    private let capacity: Int
    private let buffer: UnsafeMutableRawPointer
    private var first = true
}
