/// One linear pass over a note's UTF-8 bytes that bounds, from above, what makes cmark 0.30.2
/// slow: how deeply block containers nest, how many link openers stay unclosed and how many of
/// them the closing brackets pass over.
struct StructureScan {
    // MARK: - Internal

    /// The largest nesting bound of any line, and the first line that reached it.
    private(set) var deepestNesting = 0
    private(set) var deepestNestingLine = 1
    /// The most `[` openers unclosed at once within a paragraph, and the first line that had them.
    private(set) var mostUnclosedBrackets = 0
    private(set) var mostUnclosedBracketsLine = 1
    /// The sum, over every `]` that closes an opener, of the openers unclosed before it (saturating),
    /// and the first line where the sum went over `bracketWorkLimit`.
    private(set) var bracketWork = 0
    private(set) var bracketWorkLine = 1

    /// Scans `bytes` line by line (`\n`, `\r\n` or `\r` end a line).
    init(_ bytes: UnsafeBufferPointer<UInt8>, bracketWorkLimit: Int = .max) {
        var line = 1
        var index = 0
        var unclosedBrackets = 0
        while index < bytes.count {
            let prefix = Self.containerPrefix(bytes, from: index)
            let nesting = prefix.markers + min(prefix.indentColumns / 2, deepestNesting)
            if nesting > deepestNesting {
                deepestNesting = nesting
                deepestNestingLine = line
            }
            index = prefix.end
            if prefix.markers == 0 && Self.isLineEnd(bytes, index) {
                unclosedBrackets = 0  // a blank line ends every paragraph, and its bracket stack
            }
            while true {
                index = Self.nextInteresting(bytes, from: index)
                guard !Self.isLineEnd(bytes, index) else { break }
                switch bytes[index] {
                case UInt8(ascii: "\\"):
                    index += Self.isLineEnd(bytes, index + 1) ? 1 : 2  // `\[` and `\]` are literal
                    continue
                case UInt8(ascii: "["):
                    unclosedBrackets += 1
                    if unclosedBrackets > mostUnclosedBrackets {
                        mostUnclosedBrackets = unclosedBrackets
                        mostUnclosedBracketsLine = line
                    }
                case UInt8(ascii: "]"):
                    if unclosedBrackets > 0 {
                        let before = bracketWork
                        bracketWork =
                            bracketWork.addingReportingOverflow(unclosedBrackets).overflow
                            ? .max : bracketWork + unclosedBrackets
                        if before <= bracketWorkLimit && bracketWork > bracketWorkLimit { bracketWorkLine = line }
                    }
                    unclosedBrackets = max(unclosedBrackets - 1, 0)
                default:
                    break
                }
                index += 1
            }
            index = Self.skipLineEnd(bytes, index)
            line += 1
        }
    }

    /// The first index from `index` on that holds `\\`, `[`, `]` or a line end (or the end):
    /// the only bytes the scan of a line's content acts on.
    ///
    /// Eight bytes at a time while none of them is one of those (``mayHoldInteresting(_:)``): a
    /// note has one every 64 bytes or so, and the byte loop alone was 1.3% of a build. Internal for
    /// tests.
    static func nextInteresting(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress else { return index }
        let raw = UnsafeRawPointer(base)
        var index = index
        while index < bytes.count {
            if index + 8 <= bytes.count,
                !mayHoldInteresting(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = bytes[index]
            if (UInt8(ascii: "[")...UInt8(ascii: "]")).contains(byte) || byte == newline || byte == carriageReturn {
                break
            }
            index += 1
        }
        return index
    }

    // MARK: - Private

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let dot = UInt8(ascii: ".")
    private static let closingParen = UInt8(ascii: ")")
    private static let digits = UInt8(ascii: "0")...UInt8(ascii: "9")

    /// The container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) at the start of the line at
    /// `start`, the whitespace columns around them (tabs to the next multiple of 4, minus the
    /// one column each marker owns), and where the line's content begins.
    private static func containerPrefix(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int
    ) -> (markers: Int, indentColumns: Int, end: Int) {
        var index = start
        var column = 0
        var markers = 0
        var indentColumns = 0
        var afterMarker = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == space || byte == tab {
                var width = byte == space ? 1 : 4 - column % 4
                column += width
                if afterMarker {
                    width -= 1
                    afterMarker = false
                }
                indentColumns += width
                index += 1
            } else if let length = markerLength(bytes, at: index) {
                markers += 1
                column += length
                index += length
                afterMarker = true
            } else {
                break
            }
        }
        return (markers, indentColumns, index)
    }

    /// The length of the block-quote or list-item marker at `index`, else `nil`.
    private static func markerLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: ">"):
            return 1
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            return isSpaceOrLineEnd(bytes, index + 1) ? 1 : nil
        case digits:
            var end = index
            while end < bytes.count, end - index < 9, digits.contains(bytes[end]) {
                end += 1
            }
            guard end < bytes.count, bytes[end] == dot || bytes[end] == closingParen,
                isSpaceOrLineEnd(bytes, end + 1)
            else { return nil }
            return end + 1 - index
        default:
            return nil
        }
    }

    /// False only when none of the eight bytes of `word` is `[`, `\\`, `]`, `\n` or `\r`: each
    /// byte is compared by XOR with the value repeated, and a zero byte found with the classic
    /// `(x - 0x01…) & ~x & 0x80…` test, which never misses one.
    @inline(__always)
    private static func mayHoldInteresting(_ word: UInt64) -> Bool {
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 {
            (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let brackets =
            zeroBytes(word ^ (ones &* 0x5B)) | zeroBytes(word ^ (ones &* 0x5C)) | zeroBytes(word ^ (ones &* 0x5D))
        return brackets | zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x0D)) != 0
    }

    private static func isLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index >= bytes.count || bytes[index] == newline || bytes[index] == carriageReturn
    }

    private static func isSpaceOrLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        isLineEnd(bytes, at) || bytes[at] == space || bytes[at] == tab
    }

    /// The index after the line ending at `index` (`\r\n` counts as one).
    private static func skipLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        guard index < bytes.count else { return index }
        if bytes[index] == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == newline {
            return index + 2
        }
        return index + 1
    }
}
