/// A set of 64-bit fingerprints (``AddressFingerprint``): eight bytes a member in one flat
/// open-addressing table, no address kept.
///
/// Inserts come in batches: the batch's slots are read first, all at once, so that their cache
/// misses overlap instead of following one another (a ten-million-member table is far larger than
/// the caches, and waiting on one miss a row was most of the old reader's time).
///
/// The slots are ``ZeroedSlots``: zero pages mapped on first touch, so the table costs nothing
/// until a thread writes it and that thread pays for its own pages, as 2 MB pages where Linux
/// allows.
///
/// Used by one thread at a time; ``PlanScanner`` gives each thread its own table.
final class FingerprintTable: @unchecked Sendable {
    // MARK: - Internal

    /// Members.
    private(set) var count = 0

    /// An empty table with room for about `expectedCount` members before it grows.
    init(expectedCount: Int) {
        var size = 1024
        while size * 3 < expectedCount * 5 { size *= 2 }
        capacity = size
        slots = ZeroedSlots.allocate(size)
    }

    deinit { ZeroedSlots.release(slots, capacity) }

    /// Whether `fingerprint` is a member.
    func contains(_ fingerprint: UInt64) -> Bool {
        let mask = capacity - 1
        var index = Int(truncatingIfNeeded: fingerprint) & mask
        while true {
            let slot = slots[index]
            if slot == fingerprint { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }

    /// Adds each fingerprint of `batch` (never 0), calling `present` with each one that was a
    /// member already (including one repeated within the batch).
    @inline(__always)
    func insert(_ batch: UnsafeBufferPointer<UInt64>, present: (UInt64) -> Void) {
        if (count + batch.count) * 4 > capacity * 3 { grow() }
        let slots = slots
        let mask = capacity - 1
        // Touch every slot first: independent loads, so the misses are in flight together.
        var touched: UInt64 = 0
        for fingerprint in batch { touched &+= slots[Int(truncatingIfNeeded: fingerprint) & mask] }
        sink &+= touched
        var added = 0
        for fingerprint in batch {
            var index = Int(truncatingIfNeeded: fingerprint) & mask
            while true {
                let slot = slots[index]
                if slot == 0 {
                    slots[index] = fingerprint
                    added += 1
                    break
                }
                if slot == fingerprint {
                    present(fingerprint)
                    break
                }
                index = (index + 1) & mask
            }
        }
        count += added
    }

    /// Calls `body` with each member.
    func forEach(_ body: (UInt64) -> Void) {
        for index in 0..<capacity where slots[index] != 0 { body(slots[index]) }
    }

    // MARK: - Private

    private var slots: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    /// Where the touching reads go, so that the compiler keeps them.
    private var sink: UInt64 = 0

    /// Doubles the table (at three quarters full).
    private func grow() {
        let old = slots
        let oldCapacity = capacity
        capacity *= 2
        slots = ZeroedSlots.allocate(capacity)
        let mask = capacity - 1
        for position in 0..<oldCapacity where old[position] != 0 {
            var index = Int(truncatingIfNeeded: old[position]) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = old[position]
        }
        ZeroedSlots.release(old, oldCapacity)
    }
}
