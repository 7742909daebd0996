import CampaignLog

/// Per-recipient state of one campaign, keyed by recipient id: an open-addressing table with a
/// multiplicative hash over the dense ids, much cheaper per event than a `Dictionary` (which
/// hashes every key with SipHash). Iterates in insertion order.
///
/// The slots are a ``SlotArray``: at 705,000 recipients they are 2 million words (16 MB) probed
/// at random once an event, and on 2 MB pages those probes stop missing the TLB as well.
struct RecipientTable: Sequence {
    private var keys: [Int32] = []
    private var states: [RecipientState] = []
    /// Per slot, the recipient id + 1 in the high half and its index into `keys`/`states` in the
    /// low half, so a probe reads one word; ``free`` (0, as a ``SlotArray`` starts) when empty.
    /// The count is a power of two.
    private var slots = SlotArray(count: 1024)
    private static let free: UInt64 = 0

    /// How many recipients have state.
    var count: Int { keys.count }

    /// Every state, in insertion order.
    var values: [RecipientState] { states }

    /// The state of `recipient`, if it has one.
    subscript(recipient: Int32) -> RecipientState? {
        let index = find(recipient)
        return index < 0 ? nil : states[index]
    }

    /// Runs `body` on the state of `recipient`, creating an empty one first if needed.
    @inline(__always)
    mutating func update(_ recipient: Int32, _ body: (inout RecipientState) -> Void) {
        var index = find(recipient)
        if index < 0 { index = insert(recipient) }
        body(&states[index])
    }

    /// Loads what an update of `recipient` will touch (its slot, its state, its marks) and
    /// returns a value made from it: touching a group of recipients first overlaps their cache
    /// misses.
    @inline(__always)
    func warm(_ recipient: Int32) -> UInt64 {
        let entry = slots[slot(recipient)]
        guard entry != Self.free, entry >> 32 == Self.key(recipient) else { return entry }
        return states.withUnsafeBufferPointer { states in
            let state = states[Int(entry & 0xFFFF_FFFF)]
            return state.sentMask &+ UInt64(state.marks.count)
        }
    }

    func makeIterator() -> AnyIterator<(key: Int32, value: RecipientState)> {
        var position = 0
        return AnyIterator {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            return (keys[position], states[position])
        }
    }

    // MARK: - Private

    /// What a slot's high half holds for `recipient` (never 0, which marks a free slot).
    @inline(__always)
    private static func key(_ recipient: Int32) -> UInt64 { UInt64(UInt32(bitPattern: recipient)) &+ 1 }

    @inline(__always)
    private func slot(_ recipient: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: recipient)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
            & (slots.count - 1)
    }

    @inline(__always)
    private func find(_ recipient: Int32) -> Int {
        var position = slot(recipient)
        let key = Self.key(recipient)
        while true {
            let entry = slots[position]
            if entry == Self.free { return -1 }
            if entry >> 32 == key { return Int(entry & 0xFFFF_FFFF) }
            position = (position + 1) & (slots.count - 1)
        }
    }

    private mutating func insert(_ recipient: Int32) -> Int {
        let index = keys.count
        keys.append(recipient)
        states.append(RecipientState())
        if keys.count * 2 > slots.count {
            slots = SlotArray(count: slots.count * 2)
            for (stored, key) in keys.enumerated() { place(key, at: stored) }
        } else {
            place(recipient, at: index)
        }
        return index
    }

    private mutating func place(_ recipient: Int32, at index: Int) {
        var position = slot(recipient)
        while slots[position] != Self.free { position = (position + 1) & (slots.count - 1) }
        slots[position] = Self.key(recipient) << 32 | UInt64(index)
    }
}
