import CampaignLog

/// Per-recipient state of one campaign, keyed by recipient id: an open-addressing table with a
/// multiplicative hash over the dense ids, much cheaper per event than a `Dictionary` (which
/// hashes every key with SipHash). Iterates in insertion order.
///
/// The slots are a ``SlotArray``: at 705,000 recipients they are 2 million words (16 MB) probed
/// at random once an event, and on 2 MB pages those probes stop missing the TLB as well.
///
/// The states sit in pages of a fixed size (``StatePage``), not in one array: a state holds its
/// first marks inline (184 bytes), and an array that doubles would keep up to half its capacity
/// unused and, while growing, both copies — 40 MB more peak memory at 705,000 recipients.
struct RecipientTable: Sequence {
    private var keys: [Int32] = []
    private var pages: [StatePage] = []
    /// Per slot, the recipient id + 1 in the high half and its index into `keys`/`states` in the
    /// low half, so a probe reads one word; ``free`` (0, as a ``SlotArray`` starts) when empty.
    /// The count is a power of two.
    private var slots = SlotArray(count: 1024)
    private static let free: UInt64 = 0

    /// How many recipients have state.
    var count: Int { keys.count }

    /// Every state, in insertion order (read in place, not copied into one array).
    var values: LazyMapSequence<Range<Int>, RecipientState> {
        (0..<keys.count).lazy.map { [pages] in pages[$0 >> StatePage.shift].states[$0 & StatePage.mask] }
    }

    /// The state of `recipient`, if it has one.
    subscript(recipient: Int32) -> RecipientState? {
        let index = find(recipient)
        return index < 0 ? nil : state(at: index)
    }

    /// Runs `body` on the state of `recipient`, creating an empty one first if needed.
    @inline(__always)
    mutating func update(_ recipient: Int32, _ body: (inout RecipientState) -> Void) {
        var index = find(recipient)
        if index < 0 { index = insert(recipient) }
        let page = index >> StatePage.shift
        if !isKnownUniquelyReferenced(&pages[page]) { pages[page] = pages[page].copy() }
        body(&pages[page].states[index & StatePage.mask])
    }

    /// Prefetches the slot of `recipient`: prefetching a group's slots first, then their states
    /// (``warm(_:)``, whose address comes from the slot), lets both rounds of misses overlap.
    @inline(__always)
    func warmSlot(_ recipient: Int32) {
        slots.prefetch(slot(recipient))
    }

    /// Reads the slot of `recipient` (prefetched by ``warmSlot(_:)``) and prefetches its state,
    /// whose counts and marks an update reads and writes: touching a group of recipients first
    /// overlaps their cache misses.
    @inline(__always)
    func warm(_ recipient: Int32) {
        let entry = slots[slot(recipient)]
        guard entry != Self.free, entry >> 32 == Self.key(recipient) else { return }
        let index = Int(entry & 0xFFFF_FFFF)
        RecipientState.prefetch(pages[index >> StatePage.shift].states + (index & StatePage.mask))
    }

    func makeIterator() -> AnyIterator<(key: Int32, value: RecipientState)> {
        var position = 0
        return AnyIterator {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            return (keys[position], state(at: position))
        }
    }

    // MARK: - Private

    /// A fixed number of states (``capacity``), filled in order; a table's copy shares its pages
    /// until either side changes one.
    private final class StatePage {
        static let shift = 13
        static let capacity = 1 << shift
        static let mask = capacity - 1

        let states: UnsafeMutablePointer<RecipientState>
        private(set) var count = 0

        init() { states = .allocate(capacity: Self.capacity) }

        deinit {
            states.deinitialize(count: count)
            states.deallocate()
        }

        /// Adds an empty state after the last.
        func append() {
            (states + count).initialize(to: RecipientState())
            count += 1
        }

        /// A page with copies of these states.
        func copy() -> StatePage {
            let copy = StatePage()
            copy.states.initialize(from: states, count: count)
            copy.count = count
            return copy
        }
    }

    @inline(__always)
    private func state(at index: Int) -> RecipientState {
        pages[index >> StatePage.shift].states[index & StatePage.mask]
    }

    /// What a slot's high half holds for `recipient` (never 0, which marks a free slot).
    @inline(__always)
    private static func key(_ recipient: Int32) -> UInt64 { UInt64(UInt32(bitPattern: recipient)) &+ 1 }

    /// The slot a probe for `recipient` starts at. Recipients are numbered in the order the run
    /// first met them, and a log sends to its list in order, so the recipients of nearby events
    /// have nearby ids: eight ids in a row keep their order in one cache line of slots, and only
    /// the groups of eight are scattered. At 705,000 recipients a probe then mostly finds its
    /// line in the cache, where a hash of every id missed once an event.
    @inline(__always)
    private func slot(_ recipient: Int32) -> Int {
        let id = UInt64(UInt32(bitPattern: recipient))
        let group = (((id >> 3) &* 0x9E37_79B9_7F4A_7C15) >> 32) << 3
        return Int(truncatingIfNeeded: group | (id & 7)) & (slots.count - 1)
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
        if index & StatePage.mask == 0 { pages.append(StatePage()) }
        let page = pages.count - 1
        if !isKnownUniquelyReferenced(&pages[page]) { pages[page] = pages[page].copy() }
        pages[page].append()
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
