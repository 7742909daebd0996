/// The event ids seen in one run, kept as 128-bit fingerprints (16 bytes an id, whatever its length).
///
/// Two distinct ids share a fingerprint with a probability of about n²/2¹²⁹: for ten million ids,
/// below 10⁻²³. Memory grows with the number of events that carry an id, which de-duplication
/// cannot avoid.
struct EventIDSet {
    private var low: [UInt64]
    private var high: [UInt64]
    private var used: [Bool]
    private(set) var count = 0

    init() {
        low = [UInt64](repeating: 0, count: 4096)
        high = low
        used = [Bool](repeating: false, count: 4096)
    }

    /// Adds the id; returns false when it was there already.
    mutating func insert(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let a = SymbolTable.hash(bytes)
        let b = SymbolTable.hash(bytes, seed: 0x2545_F491_4F6C_DD1D)
        let mask = used.count - 1
        var index = Int(truncatingIfNeeded: a) & mask
        while used[index] {
            if low[index] == a && high[index] == b { return false }
            index = (index + 1) & mask
        }
        used[index] = true
        low[index] = a
        high[index] = b
        count += 1
        if count * 10 > used.count * 7 { grow() }
        return true
    }

    private mutating func grow() {
        let size = used.count * 2
        var newLow = [UInt64](repeating: 0, count: size)
        var newHigh = newLow
        var newUsed = [Bool](repeating: false, count: size)
        let mask = size - 1
        for old in 0..<used.count where used[old] {
            var index = Int(truncatingIfNeeded: low[old]) & mask
            while newUsed[index] { index = (index + 1) & mask }
            newUsed[index] = true
            newLow[index] = low[old]
            newHigh[index] = high[old]
        }
        low = newLow
        high = newHigh
        used = newUsed
    }
}
