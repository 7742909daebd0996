/// Normalized recipient addresses kept as bytes for a pipeline's consumer to intern: while an
/// ``EventPipeline`` reads, the parsing task only copies each record's address here (the event's
/// `recipient` is its index), and the de-duplicating task interns them in file order, so the ids are
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

    /// The addresses by index, for the duration of a call.
    struct Addresses {
        fileprivate let bytes: UnsafeRawBufferPointer
        fileprivate let ends: UnsafeBufferPointer<Int>

        /// The bytes of address `index`.
        @inline(__always)
        subscript(index: Int) -> UnsafeRawBufferPointer {
            let start = index == 0 ? 0 : ends[index - 1]
            return UnsafeRawBufferPointer(rebasing: bytes[start..<ends[index]])
        }
    }

    /// Calls `body` with the addresses.
    @inline(__always)
    func withAddresses<R>(_ body: (Addresses) -> R) -> R {
        bytes.withUnsafeBytes { bytes in ends.withUnsafeBufferPointer { body(Addresses(bytes: bytes, ends: $0)) } }
    }
}
