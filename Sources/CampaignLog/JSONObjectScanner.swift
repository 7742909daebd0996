/// Reads the top-level members of one JSON object from bytes, without building a `String` per
/// value: strings are unescaped into reusable buffers, numbers and literals are handed out as their
/// text, nested objects and arrays are validated and skipped. Used by the JSON Lines reader.
struct JSONObjectScanner {
    /// A member value, as the reader needs it.
    enum Value {
        /// A string (unescaped) or a number, true or false (as written).
        case text(UnsafeRawBufferPointer)
        /// `null`.
        case null
        /// An object or an array.
        case nested
    }

    /// Why an object could not be read.
    struct Failure: Error {
        var message: String
    }

    static let maxDepth = 256

    private var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    private var index = 0
    private var buffers: [[UInt8]] = Array(repeating: [UInt8](repeating: 0, count: 256), count: 2)

    /// Walks the members of the object in `record`, calling `member(key, value)` for each; the
    /// bytes passed are valid only during the call.
    mutating func scan(
        _ record: UnsafeRawBufferPointer,
        member: (UnsafeRawBufferPointer, Value) -> Void
    ) throws(Failure) {
        bytes = record
        index = 0
        skipSpace()
        guard peek() == UInt8(ascii: "{") else { throw fail("expected a JSON object") }
        index += 1
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                let keyLength = try readString(into: 0)
                skipSpace()
                guard peek() == UInt8(ascii: ":") else { throw fail("expected ':'") }
                index += 1
                skipSpace()
                let value = try readValue()
                buffers[0].withUnsafeBytes { keyBuffer in
                    let key = UnsafeRawBufferPointer(rebasing: keyBuffer[0..<keyLength])
                    switch value {
                    case .string(let length):
                        buffers[1].withUnsafeBytes {
                            member(key, .text(UnsafeRawBufferPointer(rebasing: $0[0..<length])))
                        }
                    case .literal(let range): member(key, .text(UnsafeRawBufferPointer(rebasing: bytes[range])))
                    case .null: member(key, .null)
                    case .nested: member(key, .nested)
                    }
                }
                skipSpace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek() == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
                index += 1
                break
            }
        }
        skipSpace()
        guard index == bytes.count else { throw fail("unexpected text after the object") }
    }

    // MARK: - Private

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func fail(_ message: String) -> Failure {
        Failure(message: "invalid JSON at column \(index + 1): \(message)")
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// A member value as read: a string's length in buffer 1, a literal's range in the record.
    private enum RawValue {
        case string(Int), literal(Range<Int>), null, nested
    }

    private mutating func readValue() throws(Failure) -> RawValue {
        guard let first = peek() else { throw fail("expected a value") }
        switch first {
        case UInt8(ascii: "\""):
            return .string(try readString(into: 1))
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipNested()
            return .nested
        default:
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == 0x20 || byte == 0x09
                    || byte == 0x0A || byte == 0x0D
                {
                    break
                }
                index += 1
            }
            let literal = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
            if literal.elementsEqual("null".utf8) { return .null }
            if literal.elementsEqual("true".utf8) || literal.elementsEqual("false".utf8) {
                return .literal(start..<index)
            }
            guard isNumber(literal) else { throw fail("invalid value") }
            return .literal(start..<index)
        }
    }

    private func isNumber(_ text: UnsafeRawBufferPointer) -> Bool {
        var sawDigit = false
        for (offset, byte) in text.enumerated() {
            switch byte {
            case 48...57: sawDigit = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if offset != 0 && text[offset - 1] | 0x20 != UInt8(ascii: "e") { return false }
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return false
            }
        }
        return sawDigit
    }

    /// Reads a string at `index` (on its opening quote) into buffer `slot`; returns its length.
    private mutating func readString(into slot: Int) throws(Failure) -> Int {
        index += 1
        buffers[slot].removeAll(keepingCapacity: true)
        while true {
            guard index < bytes.count else { throw fail("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return buffers[slot].count
            }
            if byte < 0x20 { throw fail("control character in a string") }
            if byte != UInt8(ascii: "\\") {
                // The run of plain bytes up to the next quote, backslash or control character,
                // appended at once (byte by byte it was a fifth of reading a JSON Lines log).
                var end = index + 1
                while end < bytes.count {
                    let next = bytes[end]
                    if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") || next < 0x20 { break }
                    end += 1
                }
                buffers[slot].append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            do {
                try JSONEscape.decode(bytes, &index, into: &buffers[slot])
            } catch {
                switch error {
                case .unterminated: throw fail("unterminated escape")
                case .invalid:
                    index += 2
                    throw fail("invalid escape")
                case .shortUnicode: throw fail("short \\u escape")
                case .invalidUnicode: throw fail("invalid \\u escape")
                }
            }
        }
    }

    /// Skips an object or array, checking its brackets and strings, at most ``maxDepth`` deep.
    private mutating func skipNested() throws(Failure) {
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                guard depth <= Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) deep") }
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
                if depth == 0 { return }
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < bytes.count else { throw fail("unterminated string") }
                index += 1
            default:
                index += 1
            }
        }
        throw fail("unterminated object or array")
    }
}
