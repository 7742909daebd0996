#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The byte work both record readers (``RecordReader``, ``RecordRangeReader``) do on their buffer.
enum RecordBytes {
    /// The number of `"` in `buffer[from..<to]`.
    static func countQuotes(_ buffer: UnsafeMutableRawPointer, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var position = from
        let base = buffer.assumingMemoryBound(to: UInt8.self)
        while position < to, let quote = memchr(base + position, 0x22, to - position) {
            count += 1
            position = (UnsafeRawPointer(quote) - UnsafeRawPointer(base)) + 1
        }
        return count
    }

    /// `buffer[from..<to]` without a final carriage return.
    @inline(__always)
    static func trimmed(_ buffer: UnsafeMutableRawPointer, _ from: Int, _ to: Int) -> UnsafeRawBufferPointer {
        var stop = to
        if stop > from, buffer.load(fromByteOffset: stop - 1, as: UInt8.self) == 0x0D { stop -= 1 }
        return UnsafeRawBufferPointer(start: buffer + from, count: stop - from)
    }
}
