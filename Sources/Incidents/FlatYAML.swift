// MARK: - Internal

/// A strict fast path for the YAML nearly every note's front matter is: a flat mapping, one
/// `key: value` a line, each value a one-line plain, single-quoted or double-quoted scalar.
///
/// It yields exactly the `YAMLNode` tree Yams composes from the same text, or nil for anything
/// outside that form (empty values, lists, nesting, multi-line or block scalars, tags, anchors,
/// tabs, control or line-breaking characters, duplicate keys, a `: ` inside a plain value…),
/// which then goes through Yams. Composing with Yams costs several times more than the whole of
/// this, and a site of thousands of notes composes thousands of front matters.
/// `FlatYAMLTests` checks the equivalence on many forms.
enum FlatYAML {
    /// The mapping `text` holds, as Yams would compose it, or nil when `text` is not in the flat form.
    static func compose(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { compose(bytes: $0) }
    }

    /// `compose` over UTF-8 bytes.
    static func compose(bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        guard bytes.count <= YAMLGuard.maxBytes, onlyPlainCharacters(bytes) else { return nil }
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys: Set<String> = []
        var start = 0
        var line = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != YAMLByte.newline { end += 1 }
            line += 1
            switch entry(bytes, start, end) {
            case .skip: break
            case .reject: return nil
            case .pair(let key, let value, let plain):
                guard keys.insert(key).inserted else { return nil }  // Yams reports the duplicate
                pairs.append(
                    (
                        YAMLNode(kind: .scalar(key, plain: true), line: line),
                        YAMLNode(kind: .scalar(value, plain: plain), line: line)
                    ))
            }
            start = end + 1
        }
        guard let first = pairs.first else { return nil }
        return YAMLNode(kind: .mapping(pairs), line: first.key.line)
    }

    // MARK: - Private

    /// What one line holds.
    private enum Line {
        /// Blank, or a comment.
        case skip
        /// Outside the flat form.
        case reject
        /// `key: value`.
        case pair(String, String, plain: Bool)
    }

    /// Longest key accepted (libyaml refuses simple keys over 1024 characters).
    private static let maxKey = 128

    /// Reads the line `bytes[start..<end]`.
    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Line {
        var i = start
        guard i < end, bytes[i] != YAMLByte.hash else { return .skip }
        if bytes[i] == YAMLByte.space {
            while i < end, bytes[i] == YAMLByte.space { i += 1 }
            return i == end ? .skip : .reject  // an indented line continues or nests
        }
        guard isKeyStart(bytes[i]) else { return .reject }
        while i < end, isKeyByte(bytes[i]) { i += 1 }
        guard i - start <= maxKey, i + 1 < end, bytes[i] == YAMLByte.colon, bytes[i + 1] == YAMLByte.space else {
            return .reject
        }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        i += 1
        while i < end, bytes[i] == YAMLByte.space { i += 1 }
        guard i < end else { return .reject }  // an empty value: Yams places it on the next token's line
        let value: (text: [UInt8], end: Int)?
        switch bytes[i] {
        case YAMLByte.doubleQuote: value = doubleQuoted(bytes, i + 1, end)
        case YAMLByte.apostrophe: value = singleQuoted(bytes, i + 1, end)
        default:
            guard let text = plain(bytes, i, end) else { return .reject }
            return .pair(key, text, plain: true)
        }
        guard let value, isEndOfLine(bytes, value.end, end) else { return .reject }
        return .pair(key, String(decoding: value.text, as: UTF8.self), plain: false)
    }

    /// A plain scalar from `start` to the end of the line or a ` #` comment, trailing spaces dropped.
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        guard !YAMLByte.indicators.contains(bytes[start]) else { return nil }
        var last = start
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == YAMLByte.hash, bytes[i - 1] == YAMLByte.space { break }
            if byte == YAMLByte.colon, i + 1 == end || bytes[i + 1] == YAMLByte.space { return nil }
            if byte != YAMLByte.space { last = i + 1 }
            i += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self)
    }

    /// A single-quoted scalar's text (`''` is one `'`) and the index after its closing quote.
    private static func singleQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> (text: [UInt8], end: Int)?
    {
        var text: [UInt8] = []
        var i = start
        while i < end {
            if bytes[i] == YAMLByte.apostrophe {
                guard i + 1 < end, bytes[i + 1] == YAMLByte.apostrophe else { return (text, i + 1) }
                i += 1
            }
            text.append(bytes[i])
            i += 1
        }
        return nil
    }

    /// A double-quoted scalar's text with its escapes decoded, and the index after its closing quote.
    /// An escape that is rare or that Yams might treat differently (`\0`, a line continuation, a
    /// surrogate) is left to Yams.
    private static func doubleQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> (text: [UInt8], end: Int)?
    {
        var text: [UInt8] = []
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == YAMLByte.doubleQuote { return (text, i + 1) }
            i += 1
            guard byte == YAMLByte.backslash else {
                text.append(byte)
                continue
            }
            guard i < end else { return nil }
            let escape = bytes[i]
            i += 1
            if let simple = YAMLByte.simpleEscapes[escape] {
                text.append(contentsOf: simple.utf8)
                continue
            }
            let digits: Int
            switch escape {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default: return nil
            }
            guard i + digits <= end else { return nil }
            var value: UInt32 = 0
            for digit in bytes[i..<(i + digits)] {
                guard let nibble = hexValue(digit) else { return nil }
                value = value << 4 | UInt32(nibble)
            }
            i += digits
            guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            text.append(contentsOf: String(Character(scalar)).utf8)
        }
        return nil
    }

    /// True when only spaces, then nothing or a ` #` comment, follow `start` on the line.
    private static func isEndOfLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end, bytes[i] == YAMLByte.space { i += 1 }
        return i == end || (i > start && bytes[i] == YAMLByte.hash)
    }

    /// False for any character that makes libyaml do more than copy it: control characters (tab
    /// and CR included), DEL, C1 controls with NEL, the line and paragraph separators, the byte
    /// order mark, and the non-characters U+FFFE and U+FFFF. `bytes` is valid UTF-8.
    private static func onlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x20 && byte != YAMLByte.newline || byte == 0x7F { return false }
            if byte >= 0xC2, byte <= 0xEF, i + 1 < bytes.count {
                let next = bytes[i + 1]
                let third: UInt8 = i + 2 < bytes.count ? bytes[i + 2] : 0
                switch byte {
                case 0xC2 where next < 0xA0: return false
                case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): return false
                case 0xEF where next == 0xBB && third == 0xBF: return false
                case 0xEF where next == 0xBF && (third == 0xBE || third == 0xBF): return false
                default: break
                }
            }
            i += 1
        }
        return true
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}
