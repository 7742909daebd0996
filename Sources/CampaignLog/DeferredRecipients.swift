/// Normalized recipient addresses kept as bytes for a pipeline's consumer to intern: while an
/// ``EventPipeline`` reads, the parsing thread only copies each record's address here (the event's
/// `recipient` is its index), and the consumer thread interns them in file order, so the ids are
/// exactly those of reading on one thread. Interning a recipient is the costliest step of a
/// record (a probe of a table of every distinct address), and this splits the work evenly.
struct DeferredRecipients {
    private var bytes: [UInt8] = []
    /// The end of each address in `bytes`; each starts where the one before ends.
    private var ends: [Int] = []

    /// How many addresses are kept.
    var count: Int { ends.count }

    /// Keeps `address` and returns its index.
    @inline(__always)
    mutating func append(_ address: UnsafeRawBufferPointer) -> Int32 {
        bytes.append(contentsOf: address)
        ends.append(bytes.count)
        return Int32(ends.count - 1)
    }

    /// Reserves room for `count` addresses of about `averageBytes` each.
    mutating func reserve(_ count: Int, averageBytes: Int = 32) {
        bytes.reserveCapacity(count * averageBytes)
        ends.reserveCapacity(count)
    }

    /// Calls `body` with the bytes of each address, in order.
    @inline(__always)
    func forEach(_ body: (Int, UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { all in
            var start = 0
            for index in ends.indices {
                let end = ends[index]
                body(index, UnsafeRawBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }
}
