import CPrefetch

/// A fixed number of zeroed `UInt64` slots with value semantics, for hash tables that are values
/// (``SymbolTable``, and CampaignMetrics' per-recipient tables): the slots of a large table are ``ZeroedSlots`` (2 MB pages where Linux
/// allows), a small one's are an ordinary allocation, and a copy gets its own slots on its first
/// write.
///
/// Why: at 705,000 recipients the recipients' table has 2 million slots (16 MB) probed at random
/// once an event; on 4 KB pages nearly every probe also missed the TLB, which on story.csv's
/// 180,000 recipients (4 MB of slots) it mostly did not. Public and inlinable so that the tables
/// of CampaignMetrics read their slots without a call.
public struct SlotArray: @unchecked Sendable {
    // MARK: - Public API

    /// `count` zeroed slots (a power of two, as the tables use them).
    public init(count: Int) { storage = Storage(count: count) }

    /// How many slots there are.
    @inlinable public var count: Int { storage.count }

    /// The slot at `index` (unchecked beyond the tables' own masking).
    @inlinable public subscript(index: Int) -> UInt64 {
        get { storage.slots[index] }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.slots[index] = newValue
        }
    }

    /// Asks for the cache line of the slot at `index` to be fetched (a hint: nothing is read,
    /// and nothing waits for it).
    @inlinable public func prefetch(_ index: Int) {
        aftermail_prefetch(storage.slots + index)
    }

    /// Calls `body` with the slots' memory as bytes, for reading: ``SymbolTable`` keeps its
    /// arena of interned bytes in a `SlotArray` so that a large arena sits on 2 MB pages too.
    @inlinable public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: storage.slots, count: storage.count &* MemoryLayout<UInt64>.stride))
    }

    /// Calls `body` with the slots' memory as bytes, for writing (a shared copy is copied first).
    @inlinable public mutating func withUnsafeMutableBytes<R>(
        _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) rethrows -> R {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return try body(
            UnsafeMutableRawBufferPointer(start: storage.slots, count: storage.count &* MemoryLayout<UInt64>.stride))
    }

    // MARK: - Private

    /// Tables at least this large (2 MB of slots, one huge page) are mapped through ``ZeroedSlots``.
    private static let mappedMinimum = 1 << 18

    @usableFromInline var storage: Storage

    @usableFromInline final class Storage {
        @usableFromInline let slots: UnsafeMutablePointer<UInt64>
        @usableFromInline let count: Int

        init(count: Int) {
            self.count = count
            if count >= SlotArray.mappedMinimum {
                slots = ZeroedSlots.allocate(count)
            } else {
                slots = .allocate(capacity: count)
                slots.initialize(repeating: 0, count: count)
            }
        }

        deinit {
            if count >= SlotArray.mappedMinimum {
                ZeroedSlots.release(slots, count)
            } else {
                slots.deallocate()
            }
        }

        @usableFromInline func copy() -> Storage {
            let copy = Storage(count: count)
            copy.slots.update(from: slots, count: count)
            return copy
        }
    }
}
