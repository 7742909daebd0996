#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts the heading ids into cmark's HTML: one pass over its bytes, written straight into the
/// result `String`, so a note's HTML is copied and validated once.
enum HeadingTags {
    // MARK: - Internal

    /// `html` with ` id="…"` added to its bare `<hN>` open tags, the n-th tag getting the n-th
    /// heading's id. When the tags and headings disagree in number or level (raw HTML headings
    /// kept in unsafe mode can cause that), or there are no headings, `html` is kept as it is.
    static func html(_ html: UnsafeBufferPointer<UInt8>, addingIDsOf headings: [Heading]) -> String {
        let extra = headings.reduce(0) { $0 + $1.id.utf8.count + 6 }  // ` id=""`
        return String(unsafeUninitializedCapacity: html.count + extra) { output in
            if !headings.isEmpty, let count = copy(html, to: output, addingIDsOf: headings) {
                return count
            }
            return copy(html[...], to: output, at: 0)
        }
    }

    // MARK: - Private

    private static let idAttribute = Array(" id=\"".utf8)

    /// Copies `html` into `output` with the ids inserted; the number of bytes written, or `nil`
    /// when the tags and `headings` disagree.
    private static func copy(
        _ html: UnsafeBufferPointer<UInt8>, to output: UnsafeMutableBufferPointer<UInt8>,
        addingIDsOf headings: [Heading]
    ) -> Int? {
        var written = 0
        var copied = 0  // html[..<copied] is in output
        var next = 0  // the heading whose tag comes next
        var index = 0
        while index + 3 < html.count {
            guard let found = firstLessThan(in: html, from: index), found + 3 < html.count else { break }
            index = found
            guard html[index + 1] == UInt8(ascii: "h"), html[index + 3] == UInt8(ascii: ">"),
                (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[index + 2])
            else {
                index += 1
                continue
            }
            let level = Int(html[index + 2] - UInt8(ascii: "0"))
            guard next < headings.count, headings[next].level == level else { return nil }
            written = copy(html[copied..<(index + 3)], to: output, at: written)  // `<hN`
            written = copy(idAttribute, to: output, at: written)
            written = copy(headings[next].id.utf8, to: output, at: written)
            output[written] = UInt8(ascii: "\"")
            written += 1
            copied = index + 3  // the `>` follows with the rest
            next += 1
            index += 4
        }
        guard next == headings.count else { return nil }
        return copy(html[copied...], to: output, at: written)
    }

    /// The index of the first `<` at or after `start`, found by `memchr`.
    private static func firstLessThan(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
            let found = memchr(base + start, Int32(UInt8(ascii: "<")), bytes.count - start)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Copies `bytes` into `output` at `offset`; the offset after them.
    private static func copy<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, to output: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Int {
        let end = offset + bytes.count
        _ = UnsafeMutableBufferPointer(rebasing: output[offset..<end]).initialize(fromContentsOf: bytes)
        return end
    }
}
