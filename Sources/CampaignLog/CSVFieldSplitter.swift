#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits one CSV record (RFC 4180) into fields, reusing its storage from record to record.
///
/// A record without quotes is split in place; one with quotes is unescaped into a scratch buffer.
/// Quote handling is lenient where RFC 4180 is silent: a quote inside an unquoted field is kept as
/// text, and text after a closing quote is appended. A quote left open at the end is an error.
struct CSVFieldSplitter {
    /// The fields of the last record, as byte ranges of ``base``.
    private(set) var fields: [Range<Int>] = []
    private var scratch = [UInt8](repeating: 0, count: 4096)
    private var record = UnsafeRawBufferPointer(start: nil, count: 0)
    private var usesScratch = false

    /// Splits `record`; returns false when a quoted field is never closed.
    mutating func split(_ record: UnsafeRawBufferPointer) -> Bool {
        self.record = record
        fields.removeAll(keepingCapacity: true)
        guard let base = record.baseAddress, record.count > 0 else {
            fields.append(0..<0)
            usesScratch = false
            return true
        }
        if memchr(base, 0x22, record.count) == nil {
            usesScratch = false
            var fieldStart = 0
            var position = 0
            while position < record.count, let comma = memchr(base + position, 0x2C, record.count - position) {
                let index = UnsafeRawPointer(comma) - base
                fields.append(fieldStart..<index)
                fieldStart = index + 1
                position = index + 1
            }
            fields.append(fieldStart..<record.count)
            return true
        }
        usesScratch = true
        return splitQuoted(record)
    }

    /// Calls `body` with the bytes of field `index`.
    @inline(__always)
    func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let range = fields[index]
        if usesScratch {
            return scratch.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
        }
        return body(UnsafeRawBufferPointer(rebasing: record[range]))
    }

    // MARK: - Private

    private mutating func splitQuoted(_ record: UnsafeRawBufferPointer) -> Bool {
        if scratch.count < record.count { scratch = [UInt8](repeating: 0, count: record.count * 2) }
        var out = 0
        var fieldStart = 0
        var inQuotes = false
        var index = 0
        var atFieldStart = true
        let count = record.count
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        while index < count {
            let byte = record[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < count && record[index + 1] == quote {
                        scratch[out] = quote
                        out += 1
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    scratch[out] = byte
                    out += 1
                }
            } else if byte == comma {
                fields.append(fieldStart..<out)
                fieldStart = out
                atFieldStart = true
                index += 1
                continue
            } else if byte == quote && atFieldStart {
                inQuotes = true
            } else {
                scratch[out] = byte
                out += 1
            }
            atFieldStart = false
            index += 1
        }
        fields.append(fieldStart..<out)
        return !inQuotes
    }
}
