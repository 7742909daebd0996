#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns byte strings into dense `Int32` ids without building a `String` per lookup.
///
/// The hot loop hands it raw field bytes; the names are materialized once per distinct value.
/// Memory grows with the number of distinct values, never with the number of lookups.
public struct SymbolTable: Sendable {
    // MARK: - Public API

    /// The number of distinct values interned so far.
    public var count: Int { starts.count }

    /// Makes an empty table.
    public init() {
        slots = [UInt64](repeating: Self.empty, count: 1024)
    }

    /// The text of `id` (bytes are valid UTF-8 by the time they are interned).
    public func name(_ id: Int32) -> String {
        let start = Int(starts[Int(id)])
        let end = id + 1 < Int32(starts.count) ? Int(starts[Int(id) + 1]) : arena.count
        return String(decoding: arena[start..<end], as: UTF8.self)
    }

    /// Every name, in id order.
    public var names: [String] { (0..<Int32(count)).map(name) }

    /// The id of `text`, interning it if new.
    public mutating func intern(_ text: String) -> Int32 {
        var copy = text
        return copy.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The id of `bytes`, interning them if new. The caller guarantees valid UTF-8.
    public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let hash = Self.hash(bytes)
        let tag = hash >> 32
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot == Self.empty { break }
            if slot >> 32 == tag, equals(Int32(truncatingIfNeeded: slot), bytes) { return Int32(truncatingIfNeeded: slot) }
            index = (index + 1) & mask
        }
        let id = Int32(starts.count)
        starts.append(Int64(arena.count))
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        slots[index] = tag << 32 | UInt64(UInt32(bitPattern: id))
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `bytes` if they were interned already.
    public func lookup(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        let hash = Self.hash(bytes)
        let tag = hash >> 32
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot == Self.empty { return nil }
            if slot >> 32 == tag, equals(Int32(truncatingIfNeeded: slot), bytes) { return Int32(truncatingIfNeeded: slot) }
            index = (index + 1) & mask
        }
    }

    // MARK: - Internal

    /// A fast 64-bit hash of a short byte string (eight bytes a round, then a final mix).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0xFF51_AFD7_ED55_8CCD)
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            h = (h ^ word) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 32
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 29
        return h
    }

    // MARK: - Private

    private var arena: [UInt8] = []
    private var starts: [Int64] = []
    private var hashes: [UInt64] = []
    /// Per slot: the high 32 bits of the value's hash, then its id; ``empty`` when free. The tag
    /// settles almost every probe without touching the stored bytes.
    private var slots: [UInt64]
    private static let empty = UInt64.max

    private func equals(_ id: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = Int(starts[Int(id)])
        let end = Int(id) + 1 < starts.count ? Int(starts[Int(id) + 1]) : arena.count
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBytes { stored in
            bytes.count == 0 || memcmp(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: Self.empty, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<starts.count {
            var index = Int(truncatingIfNeeded: hashes[id]) & mask
            while bigger[index] != Self.empty { index = (index + 1) & mask }
            bigger[index] = (hashes[id] >> 32) << 32 | UInt64(UInt32(id))
        }
        slots = bigger
    }
}
