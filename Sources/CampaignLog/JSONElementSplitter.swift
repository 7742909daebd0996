/// Finds where each JSON payload in a byte stream starts and ends, without parsing it, so that a
/// file of any size and layout (even one line of gigabytes) is read one payload at a time; memory
/// holds one payload.
///
/// A file may hold one value, values back to back or one per line (JSON Lines), a JSON array of
/// them, or several arrays back to back (SendGrid posts one array per request). The elements of a
/// top-level array are handed out one by one; anything else at the top level is handed out whole.
/// Only brackets and strings are tracked; each piece is then parsed strictly by ``JSONParser``.
///
/// Damage stays local where the layout allows: a string still open at the end of its line is
/// broken (JSON strings never span lines), and a `{` in the first column while a top-level object
/// is still open (or a `[` while an array is) starts a new record, the open one being reported as
/// truncated. Text that is no JSON value at the top level is one bad piece per line. Punctuation
/// between the elements of a top-level array is not checked.
struct JSONElementSplitter {
    /// What the splitter hands out.
    enum Piece {
        /// The bytes of one payload, the line it starts on and its column there (1-based).
        case element(UnsafeRawBufferPointer, line: Int, column: Int)
        /// A payload that cannot be read, at the line it starts on.
        case broken(line: Int, message: String)
    }

    /// The longest payload kept; a longer one is reported as broken.
    let maxBytes: Int

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// Splits the next bytes of the stream (any amount, cut anywhere), calling `emit` for every
    /// piece that ends in them.
    mutating func feed<E: Error>(_ chunk: UnsafeRawBufferPointer, _ emit: (Piece) throws(E) -> Void) throws(E) {
        var from = 0  // where the open element's bytes start in this chunk
        var index = 0
        while index < chunk.count {
            let byte = chunk[index]
            if byte == 0x0A {
                if elementLine != nil {
                    if inString {
                        (inString, escaped) = (false, false)
                        brokenReason = brokenReason ?? "a string is not closed before the end of its line"
                    }
                    if scalar && !inArray {
                        // Text that is no JSON value at the top level: one bad piece per line.
                        try finishElement(chunk, from: from, to: index, emit)
                    }
                }
                line += 1
                column = 0
                index += 1
                continue
            }
            column += 1
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == base && scalar {
                        index += 1
                        try finishElement(chunk, from: from, to: index, emit)
                        continue
                    }
                }
                index += 1
                continue
            }
            if column == 1, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "["), try resync(on: byte, emit) {
                from = index
            }
            if elementLine == nil {
                // Between top-level values or array elements.
                switch byte {
                case 0x20, 0x09, 0x0D:
                    index += 1
                    continue
                case UInt8(ascii: ",") where inArray, UInt8(ascii: "]") where inArray:
                    if byte == UInt8(ascii: "]") { (inArray, depth) = (false, 0) }
                    index += 1
                    continue
                case UInt8(ascii: "[") where !inArray:
                    (inArray, depth) = (true, 1)
                    index += 1
                    continue
                default:
                    (elementLine, elementColumn, from) = (line, column, index)
                    scalar = byte != UInt8(ascii: "{") && byte != UInt8(ascii: "[")
                }
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if !scalar { depth += 1 }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !scalar {
                    depth -= 1
                    if depth == base {
                        index += 1
                        try finishElement(chunk, from: from, to: index, emit)
                        continue
                    }
                } else if inArray && byte == UInt8(ascii: "]") {
                    column -= 1  // the ']' is looked at again, as the end of the array
                    try finishElement(chunk, from: from, to: index, emit)
                    continue
                }
            case UInt8(ascii: ","):
                if scalar && inArray {
                    column -= 1
                    try finishElement(chunk, from: from, to: index, emit)
                    continue
                }
            default:
                break
            }
            index += 1
        }
        if elementLine != nil { append(chunk, from: from, to: chunk.count) }
    }

    /// Reports a payload still open at the end of the stream.
    mutating func finish<E: Error>(_ emit: (Piece) throws(E) -> Void) throws(E) {
        guard let start = elementLine else { return }
        if scalar && !inArray && brokenReason == nil {
            // Junk on the last line, without a line end.
            return try finishElement(UnsafeRawBufferPointer(start: nil, count: 0), from: 0, to: 0, emit)
        }
        let message = brokenReason ?? "unexpected end of file: this record is never closed"
        reset()
        try emit(.broken(line: start, message: message))
    }

    // MARK: - Private

    private var line = 1
    private var column = 0
    private var depth = 0
    private var inArray = false
    private var inString = false
    private var escaped = false
    private var scalar = false
    private var elementLine: Int?
    private var elementColumn = 1
    private var pending: [UInt8] = []
    private var brokenReason: String?

    /// The depth at which the elements sit: inside the top-level array, or at the top level.
    private var base: Int { inArray ? 1 : 0 }

    /// A `{` or `[` in the first column while a record is open: treat the open one as truncated.
    /// Returns whether the state was reset.
    private mutating func resync<E: Error>(on byte: UInt8, _ emit: (Piece) throws(E) -> Void) throws(E) -> Bool {
        let openObject = !inArray && depth > 0 && byte == UInt8(ascii: "{")
        let openArray = byte == UInt8(ascii: "[") && (inArray || depth > 0)
        guard openObject || openArray else { return false }
        if let start = elementLine {
            let message = brokenReason ?? "truncated: this record is not closed before line \(line) starts a new one"
            reset()
            try emit(.broken(line: start, message: message))
        }
        (inArray, depth) = (false, 0)
        return true
    }

    private mutating func append(_ chunk: UnsafeRawBufferPointer, from: Int, to: Int) {
        guard brokenReason == nil, to > from else { return }
        if pending.count + (to - from) > maxBytes {
            brokenReason = "record longer than \(maxBytes) bytes"
            pending = []
            return
        }
        pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[from..<to]))
    }

    private mutating func finishElement<E: Error>(
        _ chunk: UnsafeRawBufferPointer, from: Int, to: Int, _ emit: (Piece) throws(E) -> Void
    ) throws(E) {
        let start = elementLine ?? line
        let column = elementColumn
        if pending.isEmpty && brokenReason == nil {
            if to - from > maxBytes {
                reset()
                return try emit(.broken(line: start, message: "record longer than \(maxBytes) bytes"))
            }
            reset()
            return try emit(.element(UnsafeRawBufferPointer(rebasing: chunk[from..<to]), line: start, column: column))
        }
        append(chunk, from: from, to: to)
        let reason = brokenReason
        var bytes: [UInt8] = []
        swap(&bytes, &pending)
        reset()
        if let reason {
            try emit(.broken(line: start, message: reason))
        } else {
            let outcome = bytes.withUnsafeBytes { buffer in
                Result { () throws(E) in try emit(.element(buffer, line: start, column: column)) }
            }
            try outcome.get()
        }
        bytes.removeAll(keepingCapacity: true)
        swap(&bytes, &pending)  // keep the buffer's capacity for the next payload
    }

    private mutating func reset() {
        elementLine = nil
        scalar = false
        brokenReason = nil
        escaped = false
        inString = false
        depth = base
        pending.removeAll(keepingCapacity: true)
    }
}
