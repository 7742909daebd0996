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
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // CRLF to LF, in one pass over the bytes (Foundation's string search is far slower).
        if bytes.contains(0x0D) {
            var kept = 0
            for index in bytes.indices {
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
                bytes[kept] = bytes[index]
                kept += 1
            }
            bytes.removeLast(bytes.count - kept)
        }
        let normalized = String(decoding: bytes, as: UTF8.self)
        let firstEnd = lineEnd(in: bytes, from: 0)
        guard isFence(bytes[0..<firstEnd], closing: false) else {
            return FrontMatter(yaml: nil, body: normalized, bodyLine: 1)
        }
        var start = firstEnd + 1
        var line = 2
        while start <= bytes.count {
            let end = lineEnd(in: bytes, from: start)
            if start < bytes.count, isFence(bytes[start..<end], closing: true) {
                let yaml = String(decoding: bytes[(firstEnd + 1)..<start], as: UTF8.self)
                let bodyStart = min(end + 1, bytes.count)
                return FrontMatter(
                    yaml: yaml, body: String(decoding: bytes[bodyStart...], as: UTF8.self), bodyLine: line + 1)
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

    // MARK: - Private

    /// Index of the `\n` ending the line that starts at `start`, or `bytes.count`.
    private static func lineEnd(in bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return end
    }

    /// True for `---` (and, when closing, `...`), ignoring trailing spaces and tabs.
    private static func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed.removeLast()
        }
        if trimmed.elementsEqual("---".utf8) { return true }
        return closing && trimmed.elementsEqual("...".utf8)
    }
}
