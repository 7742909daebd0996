import CPrefetch

/// The event ids seen in one run, kept as 128-bit fingerprints (16 bytes an id, whatever its length).
///
/// Two distinct ids share a fingerprint with a probability of about n²/2¹²⁹: for ten million ids,
/// below 10⁻²³. Memory grows with the number of events that carry an id, which de-duplication
/// cannot avoid.
///
/// The slots are ``ZeroedSlots`` (mapped on first touch, as 2 MB pages where Linux allows: a
/// ten-million-id set is 256 MB of random probes, and with 4 KB pages most probes also missed the
/// TLB). Both halves of a fingerprint sit side by side in one 16-byte slot, so adding a new id
/// touches one cache line, the one ``warm(_:)`` loaded: with the halves in two arrays, writing
/// the second half was a second miss per event that nothing warmed (at ten million ids, 3% of
/// the run and nine times story.csv's share). The set is a value: a copy gets its own slots when
/// either side changes.
struct EventIDSet {
    /// The 128-bit fingerprint of an id (the first half never 0).
    struct Fingerprint: Sendable, Equatable {
        var a: UInt64
        var b: UInt64
    }

    private var table = Table(capacity: 4096)

    /// How many ids the set holds.
    var count: Int { table.count }

    /// The fingerprint of `bytes`.
    @inline(__always)
    static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> Fingerprint {
        Fingerprint(a: SymbolTable.hash(bytes) | 1, b: SymbolTable.hash(bytes, seed: 0x2545_F491_4F6C_DD1D))
    }

    /// Adds the id; returns false when it was there already.
    mutating func insert(_ bytes: UnsafeRawBufferPointer) -> Bool {
        insert(Self.fingerprint(bytes))
    }

    /// Prefetches the slot where a probe for `fingerprint` starts (see
    /// ``SymbolTable/warmSlot(_:)``: warming a few dozen before inserting them overlaps their
    /// misses).
    @inline(__always)
    func warm(_ fingerprint: Fingerprint) {
        aftermail_prefetch(table.slots + ((Int(truncatingIfNeeded: fingerprint.a >> 1) & (table.capacity - 1)) &<< 1))
    }

    /// Adds the fingerprint; returns false when it was there already.
    @inline(__always)
    mutating func insert(_ fingerprint: Fingerprint) -> Bool {
        if !isKnownUniquelyReferenced(&table) { table = table.copy() }
        guard table.insert(fingerprint) else { return false }
        if table.count * 10 > table.capacity * 7 { table = table.copy(capacity: table.capacity * 2) }
        return true
    }

    /// Makes room for `count` ids in all without growing (nothing to do when there is room).
    mutating func reserve(_ count: Int) {
        var capacity = table.capacity
        while count * 10 > capacity * 7 { capacity *= 2 }
        if capacity > table.capacity { table = table.copy(capacity: capacity) }
    }

    // MARK: - Private

    /// The slots: slot `i` holds the first half of a fingerprint at `slots[2i]` (never 0: 0 marks
    /// a free slot, so a probe for a new id compares only that word) and the second at `slots[2i + 1]`.
    private final class Table {
        let slots: UnsafeMutablePointer<UInt64>
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            slots = ZeroedSlots.allocate(capacity * 2)
        }

        deinit { ZeroedSlots.release(slots, capacity * 2) }

        /// A table of the same members with `capacity` slots (at least this one's).
        func copy(capacity newCapacity: Int? = nil) -> Table {
            let copy = Table(capacity: newCapacity ?? capacity)
            for slot in 0..<capacity where slots[slot &<< 1] != 0 {
                copy.place(slots[slot &<< 1], slots[slot &<< 1 | 1])
            }
            copy.count = count
            return copy
        }

        /// Adds the fingerprint unless present; true when added.
        @inline(__always)
        func insert(_ fingerprint: Fingerprint) -> Bool {
            let mask = capacity - 1
            var slot = Int(truncatingIfNeeded: fingerprint.a >> 1) & mask
            while slots[slot &<< 1] != 0 {
                if slots[slot &<< 1] == fingerprint.a && slots[slot &<< 1 | 1] == fingerprint.b { return false }
                slot = (slot + 1) & mask
            }
            slots[slot &<< 1] = fingerprint.a
            slots[slot &<< 1 | 1] = fingerprint.b
            count += 1
            return true
        }

        private func place(_ a: UInt64, _ b: UInt64) {
            let mask = capacity - 1
            var slot = Int(truncatingIfNeeded: a >> 1) & mask
            while slots[slot &<< 1] != 0 { slot = (slot + 1) & mask }
            slots[slot &<< 1] = a
            slots[slot &<< 1 | 1] = b
        }
    }
}
