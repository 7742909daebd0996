#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams a file in large buffers and hands out one record at a time as bytes, with the line it
/// starts on. Records end at a line feed; when `quoteAware`, a line feed inside a double-quoted CSV
/// field does not end one. A trailing CR is removed, and so is a UTF-8 BOM at the start of the file.
/// Memory stays at one buffer (grown only to hold a record longer than the buffer, up to
/// ``maxRecordBytes``; a longer record is skipped and reported).
///
/// A file may be appended to while it is read (a log still being written). A last line without a
/// line end is then handed out only if the file did not grow while it was read; if it grew, the
/// reader first reads what arrived, and a line still without its end is ``Record/incomplete(line:)``
/// (a writer may be half-way through it), so a cut line is never taken for a record.
final class RecordReader {
    /// What the reader hands out.
    enum Record {
        /// A complete record (without its line ending) and the line it starts on.
        case record(UnsafeRawBufferPointer, line: Int)
        /// A record longer than ``maxRecordBytes``, skipped; the line it started on.
        case tooLong(line: Int)
        /// The last line, without a line end, of a file that grew while it was read; not handed
        /// out (it may be cut). The line it starts on.
        case incomplete(line: Int)
    }

    static let bufferSize = 4 << 20
    /// The longest record handed out.
    let maxRecordBytes: Int

    private let fd: Int32
    private let quoteAware: Bool
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var line = 1
    /// Set while skipping a record longer than ``maxRecordBytes``: where it started, quotes seen.
    private var skipping: (line: Int, quotes: Int)?
    private var firstRead = true
    /// The file's size when it was opened, and the bytes read from it since.
    private let sizeAtOpen: Int64
    private var consumed: Int64 = 0

    /// How many bytes of the file come before the next record (the records returned so far).
    var offset: Int64 { consumed - Int64(end - start) }
    /// How many more times the end of the file may be looked past (see ``next(displayPath:)``).
    private var rereads = 8

    /// Opens `path` for reading; throws a ``LogError`` naming it when that fails.
    init(path: String, displayPath: String, quoteAware: Bool, maxRecordBytes: Int) throws(LogError) {
        let fd = try LogFileDescriptor.open(path: path, displayPath: displayPath)
        var info = stat()
        let known = fstat(fd, &info) == 0
        self.fd = fd
        self.sizeAtOpen = known ? Int64(info.st_size) : -1
        self.quoteAware = quoteAware
        self.maxRecordBytes = maxRecordBytes
        self.capacity = min(Self.bufferSize, max(maxRecordBytes, 64))
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    /// The next record, or nil at the end of the file. Throws only on a read error.
    func next(displayPath: String) throws(LogError) -> Record? {
        while true {
            if let record = scanRecord() { return record }
            if atEOF {
                if let skipped = skipping {
                    skipping = nil
                    start = end
                    return .tooLong(line: skipped.line)
                }
                guard start < end else { return nil }
                // The last record has no line ending. If bytes arrived after read() saw the end,
                // read on; if the file grew while it was read, a writer may be inside this line.
                let size = currentSize()
                if let size, size > consumed, rereads > 0 {
                    rereads -= 1
                    atEOF = false
                    continue
                }
                let record = RecordBytes.trimmed(buffer, start, end)
                let recordLine = line
                start = end
                if let size, size != sizeAtOpen, !record.allSatisfy(FieldNormalizer.isASCIISpace) {
                    return .incomplete(line: recordLine)
                }
                return .record(record, line: recordLine)
            }
            try fill(displayPath: displayPath)
        }
    }

    // MARK: - Private

    /// Finds one complete record in the buffer, or nil when more bytes are needed.
    private func scanRecord() -> Record? {
        let base = buffer.assumingMemoryBound(to: UInt8.self)
        guard start < end, let newline = memchr(base + start, 0x0A, end - start) else { return nil }
        var lineEnd = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
        var linesInRecord = 1
        if quoteAware {
            // An odd number of quotes before the newline means the newline is inside a field.
            var quotes = (skipping?.quotes ?? 0) + RecordBytes.countQuotes(buffer, start, lineEnd)
            while quotes % 2 == 1 {
                guard let more = memchr(base + lineEnd + 1, 0x0A, end - lineEnd - 1) else { return nil }
                let nextEnd = UnsafeRawPointer(more) - UnsafeRawPointer(base)
                quotes += RecordBytes.countQuotes(buffer, lineEnd + 1, nextEnd)
                lineEnd = nextEnd
                linesInRecord += 1
            }
        }
        let recordLine = line
        line += linesInRecord
        let recordStart = start
        start = lineEnd + 1
        if let skipped = skipping {
            skipping = nil
            return .tooLong(line: skipped.line)
        }
        return .record(RecordBytes.trimmed(buffer, recordStart, lineEnd), line: recordLine)
    }

    /// The file's size now, or nil when it cannot be known (a pipe).
    private func currentSize() -> Int64? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    /// Moves the unread bytes to the front, grows the buffer if one record fills it, and reads more.
    private func fill(displayPath: String) throws(LogError) {
        if start > 0 {
            if end > start { memmove(buffer, buffer + start, end - start) }
            end -= start
            start = 0
        }
        if end == capacity {
            if capacity >= maxRecordBytes {
                // One record longer than the limit: drop what we hold (keeping count of its lines and
                // quotes) and skip to its end.
                let base = buffer.assumingMemoryBound(to: UInt8.self)
                var newlines = 0
                var position = 0
                while position < end, let found = memchr(base + position, 0x0A, end - position) {
                    newlines += 1
                    position = (UnsafeRawPointer(found) - UnsafeRawPointer(base)) + 1
                }
                let quotes = (skipping?.quotes ?? 0) + RecordBytes.countQuotes(buffer, 0, end)
                skipping = (line: skipping?.line ?? line, quotes: quotes)
                line += newlines
                end = 0
            } else {
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: buffer, byteCount: end)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
        }
        let count = read(fd, buffer + end, capacity - end)
        guard count >= 0 else {
            throw LogError(path: displayPath, line: nil, message: "read failed: \(String(cString: strerror(errno)))")
        }
        if count == 0 { atEOF = true }
        consumed += Int64(count)
        if firstRead {
            firstRead = false
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            if count >= 3, bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        }
        end += count
    }
}
