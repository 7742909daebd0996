/// One JSON string escape (RFC 8259 §7) decoded to UTF-8, shared by ``JSONObjectScanner`` and
/// ``JSONParser``. A `\uD8xx` not followed by its low surrogate becomes U+FFFD, and the next escape
/// is read on its own.
enum JSONEscape {
    /// Why an escape could not be decoded; each caller words it for its messages.
    enum Problem: Error {
        /// The backslash is the last byte. `index` is left on it.
        case unterminated
        /// An unknown escape letter. `index` is left on the backslash.
        case invalid(UInt8)
        /// Fewer than four bytes after `\u`. `index` is left after the `u`.
        case shortUnicode
        /// A non-hex digit after `\u`. `index` is left after the `u`.
        case invalidUnicode
    }

    /// Decodes the escape at `index` (on its backslash), appends its UTF-8 to `out` and moves
    /// `index` past it.
    static func decode(_ bytes: UnsafeRawBufferPointer, _ index: inout Int, into out: inout [UInt8]) throws(Problem) {
        guard index + 1 < bytes.count else { throw .unterminated }
        let escaped = bytes[index + 1]
        let simple: UInt8? =
            switch escaped {
            case UInt8(ascii: "\""): 0x22
            case UInt8(ascii: "\\"): 0x5C
            case UInt8(ascii: "/"): 0x2F
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            out.append(simple)
            index += 2
            return
        }
        guard escaped == UInt8(ascii: "u") else { throw .invalid(escaped) }
        index += 2
        var scalar = try hex4(bytes, &index)
        if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count,
            bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        {
            let mark = index
            index += 2
            let low = try hex4(bytes, &index)
            if (0xDC00...0xDFFF).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
                index = mark
            }
        }
        let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: UTF8.encode(unicode)!)
    }

    private static func hex4(_ bytes: UnsafeRawBufferPointer, _ index: inout Int) throws(Problem) -> UInt32 {
        guard index + 4 <= bytes.count else { throw .shortUnicode }
        guard let value = HexDigits.value(bytes, at: index) else { throw .invalidUnicode }
        index += 4
        return value
    }
}
