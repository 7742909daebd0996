/// Turns byte offsets within a payload into lines and columns, counting each newline once as
/// the offsets asked for grow.
struct LineCounter {
    let bytes: UnsafeRawBufferPointer
    let firstLine: Int
    var line: Int
    var offset = 0
    var lineStart = 0

    init(bytes: UnsafeRawBufferPointer, line: Int) {
        self.bytes = bytes
        self.firstLine = line
        self.line = line
    }

    mutating func place(of target: Int) -> (line: Int, column: Int) {
        if target < offset { (line, offset, lineStart) = (firstLine, 0, 0) }  // asked backwards: count again
        let end = min(target, bytes.count)
        while offset < end {
            if bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        return (line, end - lineStart + 1)
    }
}
