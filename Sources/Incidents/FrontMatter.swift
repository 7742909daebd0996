import Foundation

// MARK: - Internal

/// A Markdown file split into its YAML front matter and its body.
///
/// The file may start with a UTF-8 byte order mark and use CRLF line ends; both are normalized away
/// (the body uses LF). Front matter is a first line `---`, YAML, and a closing line `---` or `...`.
struct FrontMatter: Sendable {
    /// The YAML between the fences, or nil when the file does not start with `---`.
    var yaml: String?
    /// The Markdown after the closing fence (the whole file when there is no front matter).
    var body: String
    /// 1-based line of the file where `body` starts.
    var bodyLine: Int

    /// Lines of the YAML text are this many lines below lines of the file.
    static let yamlLineOffset = 1

    /// Splits `text`; problems are reported at lines of the file.
    static func split(_ text: String) throws(YAMLProblem) -> FrontMatter {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(YAMLProblem) in try split(bytes: bytes) } }.get()
    }

    // MARK: - Private

    /// `split` over the UTF-8 bytes of the text, read in place.
    private static func split(bytes: UnsafeBufferPointer<UInt8>) throws(YAMLProblem) -> FrontMatter {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let text = UnsafeBufferPointer(rebasing: bytes[start...])
        guard text.contains(0x0D) else { return try splitNormalized(text) }
        // CRLF to LF, in one pass over the bytes (Foundation's string search is far slower).
        var normalized = Array(text)
        var kept = 0
        for index in normalized.indices {
            if normalized[index] == 0x0D, index + 1 < normalized.count, normalized[index + 1] == 0x0A { continue }
            normalized[kept] = normalized[index]
            kept += 1
        }
        normalized.removeLast(normalized.count - kept)
        return try normalized.withUnsafeBufferPointer { bytes in
            Result { () throws(YAMLProblem) in try splitNormalized(bytes) }
        }.get()
    }

    /// `split` of bytes without a byte order mark or CRLF.
    private static func splitNormalized(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLProblem) -> FrontMatter {
        let firstEnd = lineEnd(in: bytes, from: 0)
        guard isFence(bytes, 0, firstEnd, closing: false) else {
            return FrontMatter(yaml: nil, body: String(decoding: bytes, as: UTF8.self), bodyLine: 1)
        }
        var start = firstEnd + 1
        var line = 2
        while start <= bytes.count {
            let end = lineEnd(in: bytes, from: start)
            if start < bytes.count, isFence(bytes, start, end, closing: true) {
                let yaml = String(decoding: UnsafeBufferPointer(rebasing: bytes[(firstEnd + 1)..<start]), as: UTF8.self)
                let bodyStart = min(end + 1, bytes.count)
                let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[bodyStart...]), as: UTF8.self)
                return FrontMatter(yaml: yaml, body: body, bodyLine: line + 1)
            }
            if start - (firstEnd + 1) > YAMLGuard.maxBytes {
                throw YAMLProblem(line: 1, message: "front matter is larger than 64 KiB")
            }
            start = end + 1
            line += 1
        }
        throw YAMLProblem(
            line: 1, message: "front matter has no closing line",
            hint: "did you forget the closing `---`?")
    }

    /// Index of the `\n` ending the line that starts at `start`, or `bytes.count`.
    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count,
            let newline = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
        else { return bytes.count }
        return bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self))
    }

    /// True when `bytes[start..<end]` is `---` (and, when closing, `...`), ignoring trailing spaces and tabs.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, closing: Bool) -> Bool {
        var trimmed = bytes[start..<end]
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed.removeLast()
        }
        if trimmed.elementsEqual("---".utf8) { return true }
        return closing && trimmed.elementsEqual("...".utf8)
    }
}
