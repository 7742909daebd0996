import Foundation

/// Turns raw field bytes into the keys the counting rules compare (SPEC §2), reusing one scratch
/// buffer: ASCII (the common case) never leaves bytes; anything else goes through `String` so that
/// invalid UTF-8 becomes U+FFFD, Unicode white space is trimmed and case is folded Unicode-aware.
struct FieldNormalizer {
    private var scratch = [UInt8](repeating: 0, count: 256)

    /// Calls `body` with the trimmed (and, when `foldCase`, lower-cased, NFC) bytes of `field`.
    @inline(__always)
    mutating func normalize<R>(
        _ field: UnsafeRawBufferPointer, foldCase: Bool, _ body: (UnsafeRawBufferPointer) -> R
    ) -> R {
        var start = 0
        var end = field.count
        while start < end, Self.isASCIISpace(field[start]) { start += 1 }
        while end > start, Self.isASCIISpace(field[end - 1]) { end -= 1 }
        var ascii = true
        for index in start..<end where field[index] >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            let trimmed = UnsafeRawBufferPointer(rebasing: field[start..<end])
            guard foldCase else { return body(trimmed) }
            if scratch.count < trimmed.count { scratch = [UInt8](repeating: 0, count: trimmed.count * 2) }
            return scratch.withUnsafeMutableBytes { buffer in
                for index in 0..<trimmed.count {
                    let byte = trimmed[index]
                    buffer[index] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                }
                return body(UnsafeRawBufferPointer(rebasing: buffer[0..<trimmed.count]))
            }
        }
        var text = String(decoding: field[start..<end], as: UTF8.self)
        text = String(text.unicodeScalars.trimmingWhitespace)
        if foldCase { text = text.lowercased().precomposedStringWithCanonicalMapping }
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}

extension String.UnicodeScalarView {
    /// The scalars without leading and trailing Unicode white space.
    fileprivate var trimmingWhitespace: String.UnicodeScalarView.SubSequence {
        var slice = self[...]
        while let first = slice.first, first.properties.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.properties.isWhitespace { slice.removeLast() }
        return slice
    }
}
