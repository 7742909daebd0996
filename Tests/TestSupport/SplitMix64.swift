/// A small, fast, seedable random number generator (Steele, Lea and Flood's SplitMix64), so that
/// every generated test input can be rebuilt from its seed. Shared by the test targets.
public struct SplitMix64: RandomNumberGenerator {
    // MARK: - Public API

    /// Where the sequence is.
    public private(set) var state: UInt64

    /// A generator that starts at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (the next value modulo `bound`).
    public mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True with probability `chance` (0…1).
    public mutating func chance(_ chance: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < chance }

    /// One element of a non-empty collection.
    public mutating func pick<C: Collection>(_ values: C) -> C.Element {
        values[values.index(values.startIndex, offsetBy: Int.random(in: 0..<values.count, using: &self))]
    }
}
