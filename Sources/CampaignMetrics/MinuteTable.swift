import CampaignLog

/// The raw timeline of one campaign: four counters per (minute, local variant) with events.
///
/// Most logs are written roughly in time order, so nearly every event falls in a cell one of the
/// last few events used: a small direct-mapped cache of recent cells answers those without
/// hashing, and a `Dictionary` (SipHash, about 5% of a run when every event went through it)
/// is asked only on a miss. Iteration order is the order cells were first used.
struct MinuteTable {
    private var keys: [MinuteKey] = []
    private var cells: [MinuteCounts] = []
    private var index: [MinuteKey: Int32] = [:]
    /// Recently used cells: the key and its cell index, by a hash of the key; index -1 is empty.
    private var recent = [(key: MinuteKey, cell: Int32)](
        repeating: (MinuteKey(minute: .min, variant: -1), -1), count: MinuteTable.recentSize)
    private static let recentSize = 64

    /// Whether no event has been counted.
    var isEmpty: Bool { keys.isEmpty }

    /// Adds one event of `kind` to the cell of `key`.
    @inline(__always)
    mutating func add(_ kind: Mark.Kind, at key: MinuteKey) {
        let slot =
            Int(
                truncatingIfNeeded: (UInt64(bitPattern: key.minute) &* 0x9E37_79B9_7F4A_7C15) >> 40
                    ^ UInt64(key.variant))
            & (Self.recentSize - 1)
        let cached = recent[slot]
        if cached.cell >= 0 && cached.key == key {
            cells[Int(cached.cell)][kind] &+= 1
            return
        }
        let cell: Int32
        if let known = index[key] {
            cell = known
        } else {
            cell = Int32(keys.count)
            keys.append(key)
            cells.append(MinuteCounts())
            index[key] = cell
        }
        recent[slot] = (key, cell)
        cells[Int(cell)][kind] &+= 1
    }

    /// Every cell with its counts, in the order cells were first used.
    var entries: Zip2Sequence<[MinuteKey], [MinuteCounts]> { zip(keys, cells) }
}
