/// The event ids seen in one run, kept as 128-bit fingerprints (16 bytes an id, whatever its length).
///
/// Two distinct ids share a fingerprint with a probability of about n²/2¹²⁹: for ten million ids,
/// below 10⁻²³. Memory grows with the number of events that carry an id, which de-duplication
/// cannot avoid.
struct EventIDSet {
    /// Per slot, the first half of the fingerprint (never 0: 0 marks a free slot). A probe for a
    /// new id reads only this array; the second half is read only when the first matches.
    private var low: [UInt64]
    /// Per slot, the second half of the fingerprint.
    private var high: [UInt64]
    private(set) var count = 0

    init() {
        low = [UInt64](repeating: 0, count: 4096)
        high = low
    }

    /// The 128-bit fingerprint of an id (the first half never 0).
    struct Fingerprint: Sendable, Equatable {
        var a: UInt64
        var b: UInt64
    }

    /// The fingerprint of `bytes`.
    @inline(__always)
    static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> Fingerprint {
        Fingerprint(a: SymbolTable.hash(bytes) | 1, b: SymbolTable.hash(bytes, seed: 0x2545_F491_4F6C_DD1D))
    }

    /// Adds the id; returns false when it was there already.
    mutating func insert(_ bytes: UnsafeRawBufferPointer) -> Bool {
        insert(Self.fingerprint(bytes))
    }

    /// Loads the slot where a probe for `fingerprint` starts and returns it (see
    /// ``SymbolTable/warm(_:)``: warming a few dozen before inserting them overlaps their misses).
    @inline(__always)
    func warm(_ fingerprint: Fingerprint) -> UInt64 {
        low.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: fingerprint.a >> 1) & ($0.count - 1)] }
    }

    /// Adds the fingerprint; returns false when it was there already.
    mutating func insert(_ fingerprint: Fingerprint) -> Bool {
        let a = fingerprint.a, b = fingerprint.b
        let mask = low.count - 1
        var slot = Int(truncatingIfNeeded: a >> 1) & mask
        let found: Bool = low.withUnsafeBufferPointer { low in
            high.withUnsafeBufferPointer { high in
                while low[slot] != 0 {
                    if low[slot] == a && high[slot] == b { return true }
                    slot = (slot + 1) & mask
                }
                return false
            }
        }
        if found { return false }
        low[slot] = a
        high[slot] = b
        count += 1
        if count * 10 > low.count * 7 { grow() }
        return true
    }

    private mutating func grow() {
        let size = low.count * 2
        var newLow = [UInt64](repeating: 0, count: size)
        var newHigh = newLow
        let mask = size - 1
        for old in 0..<low.count where low[old] != 0 {
            var slot = Int(truncatingIfNeeded: low[old] >> 1) & mask
            while newLow[slot] != 0 { slot = (slot + 1) & mask }
            newLow[slot] = low[old]
            newHigh[slot] = high[old]
        }
        low = newLow
        high = newHigh
    }
}
