#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the quote-aware CSV records of one byte range of a file, cut exactly as ``RecordReader``
/// cuts them, so that several threads can each read a part of one file.
///
/// A record ends at a line feed outside double quotes; a trailing CR is removed. A record of
/// ``limit`` bytes or more (``RecordReader``'s buffer size for the same `maxRecordBytes`, which
/// is where it starts skipping) is handed out as ``Record/tooLong(line:)``. Lines are counted
/// from `firstLine`, which may be a placeholder to be corrected later.
///
/// The range is read with `pread`, so the file must be a regular file that does not change while
/// it is read (``PlanScanner`` checks its size afterwards). A range that does not end at the end of
/// the file must end at a record boundary: when its last bytes are not a whole record (the line
/// feed before its end was inside quotes), ``endedInsideRecord`` is set.
struct RecordRangeReader: ~Copyable {
    /// What the reader hands out.
    enum Record {
        /// A complete record (without its line ending), the line it starts on, and whether it
        /// holds a double quote (when not, it can be split at its commas).
        case record(UnsafeRawBufferPointer, line: Int, quoted: Bool)
        /// A record of ``RecordRangeReader/limit`` bytes or more, skipped; the line it started on.
        case tooLong(line: Int)
    }

    // MARK: - Internal

    /// Records of this many bytes or more are skipped.
    let limit: Int
    /// The line the next record starts on.
    private(set) var line: Int
    /// Whether the range ended inside a record (see the type's documentation).
    private(set) var endedInsideRecord = false

    /// ``RecordReader``'s buffer size once it holds `maxRecordBytes`: its records of that many
    /// bytes or more (counting a CR before the line feed) are the ones it skips as too long.
    static func limit(maxRecordBytes: Int) -> Int {
        var capacity = min(RecordReader.bufferSize, max(maxRecordBytes, 64))
        while capacity < maxRecordBytes { capacity *= 2 }
        return capacity
    }

    /// A reader of `range` of the open file `fd` (which the caller keeps open and closes).
    init(fd: Int32, range: Range<Int>, firstLine: Int, maxRecordBytes: Int, endsAtFileEnd: Bool) {
        self.fd = fd
        self.offset = range.lowerBound
        self.rangeEnd = range.upperBound
        self.line = firstLine
        self.endsAtFileEnd = endsAtFileEnd
        self.limit = Self.limit(maxRecordBytes: maxRecordBytes)
        self.capacity = max(Self.bufferSize, limit)
        self.buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The file offset just past the last record handed out.
    var recordsEnd: Int { offset - (end - start) }

    /// The next record, or nil at the end of the range. Throws only on a read error.
    @inline(__always)
    mutating func next(displayPath: String) throws(LogError) -> Record? {
        while true {
            if let record = scanRecord() { return record }
            if offset >= rangeEnd || exhausted { return finalRecord() }
            try fill(displayPath: displayPath)
        }
    }

    // MARK: - Private

    private static let bufferSize = 4 << 20
    private let fd: Int32
    private let rangeEnd: Int
    private let endsAtFileEnd: Bool
    private let capacity: Int
    private let buffer: UnsafeMutableRawPointer
    /// The file offset of the next byte to read into the buffer.
    private var offset: Int
    private var start = 0
    private var end = 0
    private var exhausted = false
    /// The next double quote at or after `start` (`end` when none), or -1 when not known.
    private var nextQuote = -1
    /// Set while skipping a record longer than the buffer: where it started, quotes seen.
    private var skipping: (line: Int, quotes: Int)?

    /// Finds one complete record in the buffer, or nil when more bytes are needed.
    @inline(__always)
    private mutating func scanRecord() -> Record? {
        let base = buffer.assumingMemoryBound(to: UInt8.self)
        guard start < end, let newline = memchr(base + start, 0x0A, end - start) else { return nil }
        var lineEnd = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
        var linesInRecord = 1
        if nextQuote < start {
            nextQuote =
                memchr(base + start, 0x22, end - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                ?? end
        }
        let quoted = nextQuote < lineEnd
        if quoted || skipping != nil {
            // An odd number of quotes before the newline means the newline is inside a field.
            var quotes = (skipping?.quotes ?? 0) + RecordBytes.countQuotes(buffer, start, lineEnd)
            while quotes % 2 == 1 {
                guard let more = memchr(base + lineEnd + 1, 0x0A, end - lineEnd - 1) else { return nil }
                let nextEnd = UnsafeRawPointer(more) - UnsafeRawPointer(base)
                quotes += RecordBytes.countQuotes(buffer, lineEnd + 1, nextEnd)
                lineEnd = nextEnd
                linesInRecord += 1
            }
            nextQuote = -1
        }
        let recordLine = line
        line += linesInRecord
        let recordStart = start
        start = lineEnd + 1
        if let skipped = skipping {
            skipping = nil
            return .tooLong(line: skipped.line)
        }
        if lineEnd - recordStart >= limit { return .tooLong(line: recordLine) }
        return .record(RecordBytes.trimmed(buffer, recordStart, lineEnd), line: recordLine, quoted: quoted)
    }

    /// What is left when the range is read: the file's last line if it has no line feed, or
    /// nothing (marking ``endedInsideRecord`` when the range should have ended at a record's end).
    private mutating func finalRecord() -> Record? {
        guard start < end || skipping != nil else { return nil }
        let recordStart = start
        start = end
        nextQuote = -1
        guard endsAtFileEnd else {
            endedInsideRecord = true
            return nil
        }
        if let skipped = skipping {
            skipping = nil
            return .tooLong(line: skipped.line)
        }
        if end - recordStart >= limit { return .tooLong(line: line) }
        return .record(RecordBytes.trimmed(buffer, recordStart, end), line: line, quoted: true)
    }

    /// Moves the unread bytes to the front, drops them when one record fills the buffer (keeping
    /// count of its lines and quotes), and reads more of the range.
    private mutating func fill(displayPath: String) throws(LogError) {
        if start > 0 {
            if end > start { memmove(buffer, buffer + start, end - start) }
            end -= start
            start = 0
        }
        nextQuote = -1
        if end == capacity {
            let base = buffer.assumingMemoryBound(to: UInt8.self)
            var newlines = 0
            var position = 0
            while position < end, let found = memchr(base + position, 0x0A, end - position) {
                newlines += 1
                position = (UnsafeRawPointer(found) - UnsafeRawPointer(base)) + 1
            }
            skipping = (
                line: skipping?.line ?? line, quotes: (skipping?.quotes ?? 0) + RecordBytes.countQuotes(buffer, 0, end)
            )
            line += newlines
            end = 0
        }
        let wanted = min(capacity - end, rangeEnd - offset)
        var count: Int
        repeat {
            count = pread(fd, buffer + end, wanted, off_t(offset))
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            throw LogError(path: displayPath, line: nil, message: "read failed: \(String(cString: strerror(errno)))")
        }
        if count == 0 { exhausted = true }
        offset += count
        end += count
    }
}
