/// The event ids seen in one run, kept as 128-bit fingerprints (16 bytes an id, whatever its length).
///
/// Two distinct ids share a fingerprint with a probability of about n²/2¹²⁹: for ten million ids,
/// below 10⁻²³. Memory grows with the number of events that carry an id, which de-duplication
/// cannot avoid.
struct EventIDSet {
    /// Two words a slot, side by side so that a probe touches one cache line; (0, 0) is free.
    private var words: [UInt64]
    private(set) var count = 0

    init() {
        words = [UInt64](repeating: 0, count: 2 * 4096)
    }

    /// Adds the id; returns false when it was there already.
    mutating func insert(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // The low word is never 0, so (0, 0) can mark a free slot.
        let a = SymbolTable.hash(bytes) | 1
        let b = SymbolTable.hash(bytes, seed: 0x2545_F491_4F6C_DD1D)
        let mask = words.count / 2 - 1
        var slot = Int(truncatingIfNeeded: a >> 1) & mask
        return words.withUnsafeMutableBufferPointer { words in
            while words[2 * slot] != 0 {
                if words[2 * slot] == a && words[2 * slot + 1] == b { return false }
                slot = (slot + 1) & mask
            }
            words[2 * slot] = a
            words[2 * slot + 1] = b
            return true
        } && added()
    }

    /// Counts an insertion and grows the table past 70% full; always true.
    private mutating func added() -> Bool {
        count += 1
        if count * 10 > (words.count / 2) * 7 { grow() }
        return true
    }

    private mutating func grow() {
        let slots = words.count  // twice as many slots as before
        var bigger = [UInt64](repeating: 0, count: 2 * slots)
        let mask = slots - 1
        for old in stride(from: 0, to: words.count, by: 2) where words[old] != 0 {
            var slot = Int(truncatingIfNeeded: words[old] >> 1) & mask
            while bigger[2 * slot] != 0 { slot = (slot + 1) & mask }
            bigger[2 * slot] = words[old]
            bigger[2 * slot + 1] = words[old + 1]
        }
        words = bigger
    }
}
