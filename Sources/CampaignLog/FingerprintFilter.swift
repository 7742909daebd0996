/// A Bloom filter over 64-bit fingerprints: sixteen bits a member and two probes, so about one
/// non-member in seventy passes, and a member always does.
///
/// ``PlanScanner`` puts the suppression list's fingerprints here so that a row's fingerprint,
/// which it has anyway, rules out nearly every row without a lookup in the list itself (a
/// lookup that missed the cache on every row); the rows that pass are looked up exactly.
struct FingerprintFilter: Sendable {
    // MARK: - Internal

    /// A filter holding `fingerprints`, of which there are about `count`.
    init(_ fingerprints: some Sequence<UInt64>, count: Int) {
        var bits = 512
        while bits < count * 16 { bits *= 2 }
        words = [UInt64](repeating: 0, count: bits / 64)
        mask = UInt64(bits - 1)
        for fingerprint in fingerprints {
            let (first, second) = probes(fingerprint)
            words[first >> 6] |= 1 << UInt64(first & 63)
            words[second >> 6] |= 1 << UInt64(second & 63)
        }
    }

    /// Whether `fingerprint` may be a member (false: it is certainly not).
    @inline(__always)
    func mayContain(_ fingerprint: UInt64) -> Bool {
        let (first, second) = probes(fingerprint)
        return words.withUnsafeBufferPointer { words in
            words[first >> 6] & (1 << UInt64(first & 63)) != 0 && words[second >> 6] & (1 << UInt64(second & 63)) != 0
        }
    }

    // MARK: - Private

    private var words: [UInt64]
    private let mask: UInt64

    /// The two bits of `fingerprint`: from its low half and its high half.
    @inline(__always)
    private func probes(_ fingerprint: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: fingerprint & mask), Int(truncatingIfNeeded: (fingerprint >> 32) & mask))
    }
}
