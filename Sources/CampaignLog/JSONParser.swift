/// A strict JSON parser (RFC 8259) over bytes, building a ``JSONValue``: one pass, no
/// backtracking, at most ``maxDepth`` nested objects and arrays. Used on one provider payload at a
/// time (``JSONElementSplitter`` finds where each one starts and ends).
///
/// Invalid UTF-8 inside a string becomes U+FFFD (SPEC §2: the record is kept); an escaped lone
/// surrogate does too. Comments, trailing commas, single quotes and bare words are errors.
struct JSONParser {
    /// Why the bytes are not JSON, and at which byte offset.
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
    }

    /// The deepest nesting accepted.
    static let maxDepth = 128

    /// Parses `bytes` as exactly one JSON value (surrounding white space allowed).
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.fail("unexpected text after the value") }
        return value
    }

    /// Parses the bytes of an array (for tests and small inputs).
    static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        try bytes.withUnsafeBytes { buffer in Result { () throws(Failure) in try parse(buffer) } }.get()
    }

    // MARK: - Private

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var scratch: [UInt8] = []

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private func fail(_ message: String) -> Failure { Failure(message: message, offset: index) }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard let first = peek() else { throw fail("unexpected end of input, expected a value") }
        switch first {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), 48...57: return .number(try number())
        default: throw fail("unexpected character '\(Self.shown(first))', expected a value")
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) deep") }
        let start = index
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject(members: members, offset: start))
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else {
                throw fail(peek() == nil ? "unexpected end of input inside an object" : "expected a member name")
            }
            let key = try string()
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
            index += 1
            skipSpace()
            members.append((key, try value(depth: depth)))
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(JSONObject(members: members, offset: start))
            case nil: throw fail("unexpected end of input inside an object")
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) deep") }
        index += 1
        var elements: [JSONValue] = []
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipSpace()
            elements.append(try value(depth: depth))
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            case nil: throw fail("unexpected end of input inside an array")
            default: throw fail("expected ',' or ']'")
            }
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)]).elementsEqual(
                UnsafeRawBufferPointer(start: word.utf8Start, count: count))
        else { throw fail("invalid literal, expected '\(word)'") }
        index += count
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(Failure) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let lead = peek(), lead >= 48, lead <= 57 else { throw fail("invalid number") }
        index += 1
        if lead != 48 { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { throw fail("invalid number: digits expected after '.'") }
        }
        if let e = peek(), e | 0x20 == UInt8(ascii: "e") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw fail("invalid number: digits expected in the exponent") }
        }
        if let next = peek(), (next >= 48 && next <= 57) || next == UInt8(ascii: ".") {
            throw fail("invalid number")
        }
        return text(start, index)
    }

    /// The bytes from `start` to `end` as a `String` (invalid UTF-8 becomes U+FFFD).
    private func text(_ start: Int, _ end: Int) -> String {
        guard end > start, let base = bytes.baseAddress else { return "" }
        let typed = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + start, count: end - start)
        return String(decoding: typed, as: UTF8.self)
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        return index - start
    }

    /// Reads a string at `index` (on its opening quote).
    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return text(start, index - 1)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in a string (a string never spans lines)") }
            index += 1
        }
        guard index < bytes.count else { throw fail("unterminated string") }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[start..<index])
        while true {
            guard index < bytes.count else { throw fail("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte < 0x20 { throw fail("control character in a string (a string never spans lines)") }
            if byte != UInt8(ascii: "\\") {
                scratch.append(byte)
                index += 1
                continue
            }
            try escape()
        }
    }

    /// Appends the character of the escape at `index` (on its backslash) to ``scratch``.
    private mutating func escape() throws(Failure) {
        do {
            try JSONEscape.decode(bytes, &index, into: &scratch)
        } catch {
            switch error {
            case .unterminated: throw fail("unterminated escape")
            case .invalid(let byte): throw fail("invalid escape '\\\(Self.shown(byte))'")
            case .shortUnicode: throw fail("short \\u escape")
            case .invalidUnicode: throw fail("invalid \\u escape")
            }
        }
    }

    /// A byte as shown in a message: printable ASCII as itself, anything else as hex.
    private static func shown(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16, uppercase: true)
    }
}
