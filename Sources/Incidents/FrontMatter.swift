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
    ///
    /// Without CRLF (the usual case) the parts are copied out of `text` as they are, without
    /// decoding the UTF-8 again: they start and end at line breaks, so on character boundaries.
    static func split(_ text: String) throws(YAMLProblem) -> FrontMatter {
        var text = text
        let bom = text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let layout = try text.withUTF8 { all in
            let bytes = UnsafeBufferPointer(rebasing: all[bom...])
            return Result { () throws(YAMLProblem) in hasCarriageReturn(bytes) ? nil : try Layout(of: bytes) }
        }.get()
        if let layout {
            let utf8 = text.utf8
            return layout.frontMatter { range in
                let start = utf8.index(utf8.startIndex, offsetBy: bom + range.lowerBound)
                return String(text[start..<utf8.index(start, offsetBy: range.count)])
            }
        }
        // CRLF to LF, in one pass over the bytes (Foundation's string search is far slower).
        var normalized = Array(text.utf8.dropFirst(bom))
        var kept = 0
        for index in normalized.indices {
            if normalized[index] == 0x0D, index + 1 < normalized.count, normalized[index + 1] == 0x0A { continue }
            normalized[kept] = normalized[index]
            kept += 1
        }
        normalized.removeLast(normalized.count - kept)
        let normalizedLayout = try normalized.withUnsafeBufferPointer { bytes in
            Result { () throws(YAMLProblem) in try Layout(of: bytes) }
        }.get()
        return normalizedLayout.frontMatter { String(decoding: normalized[$0], as: UTF8.self) }
    }

    // MARK: - Private

    /// Where the parts are in bytes without a byte order mark or CRLF.
    private struct Layout {
        /// The YAML's bytes, or nil when there is no front matter.
        var yaml: Range<Int>?
        /// The body's bytes.
        var body: Range<Int>
        /// 1-based line where the body starts.
        var bodyLine: Int

        /// Finds the fences; problems are reported at lines of the file.
        init(of bytes: UnsafeBufferPointer<UInt8>) throws(YAMLProblem) {
            let firstEnd = FrontMatter.lineEnd(in: bytes, from: 0)
            guard FrontMatter.isFence(bytes, 0, firstEnd, closing: false) else {
                self.init(yaml: nil, body: 0..<bytes.count, bodyLine: 1)
                return
            }
            var start = firstEnd + 1
            var line = 2
            while start <= bytes.count {
                let end = FrontMatter.lineEnd(in: bytes, from: start)
                if start < bytes.count, FrontMatter.isFence(bytes, start, end, closing: true) {
                    let bodyStart = min(end + 1, bytes.count)
                    self.init(yaml: (firstEnd + 1)..<start, body: bodyStart..<bytes.count, bodyLine: line + 1)
                    return
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

        init(yaml: Range<Int>?, body: Range<Int>, bodyLine: Int) {
            self.yaml = yaml
            self.body = body
            self.bodyLine = bodyLine
        }

        /// The parts, each made by `text` from its range.
        func frontMatter(_ text: (Range<Int>) -> String) -> FrontMatter {
            FrontMatter(yaml: yaml.map(text), body: text(body), bodyLine: bodyLine)
        }
    }

    /// True when `bytes` hold a CR (`memchr`: a note is scanned whole, and a byte loop costs more).
    private static func hasCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0x0D, bytes.count) != nil
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
