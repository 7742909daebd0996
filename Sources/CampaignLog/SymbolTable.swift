import CPrefetch

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
///
/// Layout: every value sits in one arena as `[length: UInt32][id: UInt32][bytes]`; a slot of the
/// open-addressing table holds 24 bits of the value's hash and its arena offset, so a probe reads
/// the slot and, only when the hash bits agree, the arena entry — one likely cache miss, not three.
/// The arena, like the slots, is a ``SlotArray``: at 705,000 recipients it is about 25 MB read at
/// random once an event (an entry per probe that matches), and on 4 KB pages nearly every such
/// read also missed the TLB, which story.csv's 6 MB arena mostly did not.
public struct SymbolTable: Sendable {
    // MARK: - Public API

    /// The number of distinct values interned so far.
    public var count: Int { starts.count }

    /// Makes an empty table.
    public init() {
        slots = SlotArray(count: 1024)
        arena = SlotArray(count: Self.firstArenaWords)
    }

    /// Makes an empty table sized for about `expectedCount` values of about `averageBytes` each,
    /// so that filling it never rehashes (and array doubling leaves no slack).
    public init(expectedCount: Int, averageBytes: Int = 24) {
        var size = 1024
        while size < expectedCount * 2 { size *= 2 }
        slots = SlotArray(count: size)
        starts.reserveCapacity(expectedCount)
        arena = SlotArray(count: max(Self.firstArenaWords, (expectedCount * (averageBytes + 8) + 7) / 8))
    }

    /// The text of `id` (bytes are valid UTF-8 by the time they are interned).
    public func name(_ id: Int32) -> String {
        arena.withUnsafeBytes { arena in
            let offset = Int(starts[Int(id)])
            let length = Int(arena.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            return String(decoding: arena[(offset + 8)..<(offset + 8 + length)], as: UTF8.self)
        }
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
        intern(bytes, hash: Self.hash(bytes))
    }

    /// The id of `bytes` if they were interned already.
    public func lookup(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        probe(bytes, Self.hash(bytes)).found
    }

    // MARK: - Internal

    /// ``intern(_:)`` with the bytes' ``hash(_:seed:)`` already computed.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> Int32 {
        let (index, found) = probe(bytes, hash)
        if let found { return found }
        let id = Int32(starts.count)
        let offset = arenaCount
        let end = offset + 8 + bytes.count
        if end > arena.count * MemoryLayout<UInt64>.stride { growArena(to: end) }
        starts.append(Int64(offset))
        arena.withUnsafeMutableBytes { arena in
            arena.storeBytes(of: UInt32(bytes.count).littleEndian, toByteOffset: offset, as: UInt32.self)
            arena.storeBytes(of: UInt32(bitPattern: id).littleEndian, toByteOffset: offset + 4, as: UInt32.self)
            if !bytes.isEmpty {
                (arena.baseAddress! + offset + 8).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            }
        }
        arenaCount = end
        slots[index] = Self.slot(hash: hash, offset: offset)
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    /// Prefetches the slot a lookup of `hash` starts with. Prefetching the slots of a few dozen
    /// values, then their entries (``warm(_:)``), before interning them lets their cache misses
    /// overlap instead of coming one by one; the entry's address comes from the slot, so both in
    /// one loop made each value's two misses wait in turn.
    @inline(__always)
    func warmSlot(_ hash: UInt64) {
        slots.prefetch(Int(truncatingIfNeeded: hash) & (slots.count - 1))
    }

    /// Reads the slot a lookup of `hash` starts with (prefetched by ``warmSlot(_:)``) and
    /// prefetches the entry it points to.
    @inline(__always)
    func warm(_ hash: UInt64) {
        let slot = slots[Int(truncatingIfNeeded: hash) & (slots.count - 1)]
        guard slot != 0 else { return }
        arena.withUnsafeBytes { arena in aftermail_prefetch(arena.baseAddress! + Int(slot & Self.offsetMask) - 1) }
    }

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

    /// Each value: `[length: UInt32][id: UInt32][bytes]`, in the first ``arenaCount`` bytes of a
    /// ``SlotArray`` used as bytes (so that a large arena sits on 2 MB pages; see the type's doc).
    private var arena: SlotArray
    /// How many bytes of `arena` are used.
    private var arenaCount = 0
    /// The words of a new table's arena (1 KB): many tables hold a handful of names.
    private static let firstArenaWords = 128
    /// Arena offset of each id's entry.
    private var starts: [Int64] = []
    /// Per slot: the top 24 bits of the hash, then the arena offset + 1 (40 bits); 0 when free.
    /// A ``SlotArray``, so that a large table's slots sit on 2 MB pages.
    private var slots: SlotArray
    private static let offsetBits: UInt64 = 40
    private static let offsetMask: UInt64 = (1 << 40) - 1

    @inline(__always)
    private static func slot(hash: UInt64, offset: Int) -> UInt64 {
        (hash >> offsetBits) << offsetBits | (UInt64(offset) + 1)
    }

    /// The slot where `bytes` is or would go, and its id when it is there.
    @inline(__always)
    private func probe(_ bytes: UnsafeRawBufferPointer, _ hash: UInt64) -> (index: Int, found: Int32?) {
        let tag = hash >> Self.offsetBits
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBytes { arena in
            while true {
                let slot = slots[index]
                if slot == 0 { return (index, nil) }
                if slot >> Self.offsetBits == tag {
                    let offset = Int(slot & Self.offsetMask) - 1
                    let length = Int(arena.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                    if length == bytes.count
                        && (length == 0 || memcmp(arena.baseAddress! + offset + 8, bytes.baseAddress!, length) == 0)
                    {
                        return (
                            index, Int32(bitPattern: arena.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                        )
                    }
                }
                index = (index + 1) & mask
            }
        }
    }

    /// Replaces the arena by one at least twice as large that holds `bytes` bytes, keeping its
    /// entries (and their offsets).
    private mutating func growArena(to bytes: Int) {
        var words = arena.count * 2
        while words * MemoryLayout<UInt64>.stride < bytes { words *= 2 }
        var bigger = SlotArray(count: words)
        let used = arenaCount
        arena.withUnsafeBytes { old in
            bigger.withUnsafeMutableBytes { new in
                if used > 0 { new.baseAddress!.copyMemory(from: old.baseAddress!, byteCount: used) }
            }
        }
        arena = bigger
    }

    private mutating func grow() {
        var bigger = SlotArray(count: slots.count * 2)
        let mask = bigger.count - 1
        arena.withUnsafeBytes { arena in
            for start in starts {
                let offset = Int(start)
                let length = Int(arena.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let hash = Self.hash(UnsafeRawBufferPointer(rebasing: arena[(offset + 8)..<(offset + 8 + length)]))
                var index = Int(truncatingIfNeeded: hash) & mask
                while bigger[index] != 0 { index = (index + 1) & mask }
                bigger[index] = Self.slot(hash: hash, offset: offset)
            }
        }
        slots = bigger
    }
}
