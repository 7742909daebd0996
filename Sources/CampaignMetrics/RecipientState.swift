import CPrefetch
import CampaignLog

/// What one campaign keeps about one recipient while the events stream by, in any order: which
/// variants were sent, the earliest opt-out, a few counts, and a short, capped log of the
/// recipient's sends, deliveries and opt-outs with their times ("marks").
///
/// The marks are what lets the figures compare times per recipient after the fact (a send after
/// an opt-out that arrived later in the file, the order in which copies arrived). A recipient has
/// a handful of them (two or three per variant). They are kept sorted and distinct: an event
/// equal to one already marked (the same time, kind and variant: a log exported twice without
/// event ids, a provider retrying a webhook) adds to that mark's weight instead of a new mark, so
/// memory does not grow with repeated events. At most ``markCap`` distinct marks are kept, the
/// latest ones, so memory stays proportional to recipients × variants whatever a log holds.
struct RecipientState {
    /// Local variant indexes (below 64) of the variants sent to this recipient, as bits.
    var sentMask: UInt64 = 0
    /// The earliest complaint or unsubscribe, in microseconds as ``Mark/clamp(_:)`` gives them;
    /// `Int64.max` when none.
    var optOut = Int64.max
    /// Event counts.
    var sends: Int32 = 0
    var delivered: Int32 = 0
    var complaints: Int32 = 0
    var unsubscribes: Int32 = 0
    /// Whether marks were dropped (more than ``markCap``, or a variant index of 64 or more).
    var truncated = false

    /// The most distinct marks kept per recipient and campaign.
    static let markCap = 64
    /// How many marks fit in the state itself before they move to a heap array.
    static let inlineCapacity = InlineMarks.capacity

    /// Whether the recipient had a send event in the campaign.
    var wasSent: Bool { sends > 0 }

    /// The marks, ascending (a copy, for tests and diagnostics; the counts use ``forEachMark(_:)``).
    var marks: [Int64] { (0..<markCount).map(mark(at:)) }

    /// Records a mark, keeping the latest ``markCap`` distinct ones.
    mutating func record(_ mark: Int64) {
        let count = markCount
        // Logs are mostly in time order: a new latest mark is appended without a search.
        if count > 0 && mark > self.mark(at: count - 1) {
            if count < Self.markCap {
                insertMark(mark, at: count)
                if !weights.isEmpty { weights.append(1) }
                return
            }
        } else if let at = position(of: mark), weights.isEmpty || weights[at] < UInt16.max {
            if weights.isEmpty { weights = [UInt16](repeating: 1, count: count) }
            weights[at] += 1
            return
        }
        var at = insertionPoint(of: mark)
        if count == Self.markCap {
            truncated = true
            guard at > 0 else { return }  // earlier than every mark kept
            removeFirstMark()
            if !weights.isEmpty { weights.removeFirst() }
            at -= 1
        }
        insertMark(mark, at: at)
        if !weights.isEmpty { weights.insert(1, at: at) }
    }

    /// Calls `body` with each mark, ascending, and the number of events it stands for.
    @inline(__always)
    func forEachMark(_ body: (Int64, Int) -> Void) {
        if weights.isEmpty {
            for index in 0..<markCount { body(mark(at: index), 1) }
        } else {
            for index in 0..<markCount { body(mark(at: index), Int(weights[index])) }
        }
    }

    /// Prefetches the memory of the state at `state`: the counts and the inline marks that the
    /// next ``record(_:)`` reads and writes (``RecipientTable/warm(_:)`` calls it ahead of time).
    /// The whole state, not the line of its last mark: finding that line would mean waiting for
    /// the state's first line.
    @inline(__always)
    static func prefetch(_ state: UnsafeMutablePointer<RecipientState>) {
        let start = UnsafeRawPointer(state)
        var offset = 0
        while offset < MemoryLayout<RecipientState>.size {
            aftermail_prefetch(start + offset)
            offset += 64
        }
        aftermail_prefetch(start + (MemoryLayout<RecipientState>.size - 1))
    }

    // MARK: - Private

    /// How many marks are inline, or ``spilledCount`` once they have moved to `spilled`.
    private var inlineCount: UInt8 = 0
    /// The marks while there are at most ``inlineCapacity`` (most recipients have a handful:
    /// two or three per variant). Kept in the state rather than in a heap array per recipient:
    /// reading the last mark then costs no further cache miss after the state's own (at 705,000
    /// recipients the array's header and its last mark were two misses an event, 8% of the run),
    /// and a growing recipient is not reallocated four or five times.
    private var inlineMarks = InlineMarks()
    /// Every mark once there are more than ``inlineCapacity`` (the inline ones are then unused);
    /// empty until then.
    private var spilled: [Int64] = []
    /// How many events each mark stands for, beside the marks; empty while every weight is 1.
    private var weights: [UInt16] = []

    /// The value of `inlineCount` once the marks live in `spilled`.
    private static let spilledCount = UInt8.max

    @inline(__always)
    private var isSpilled: Bool { inlineCount == Self.spilledCount }

    /// How many marks there are (ascending; equal marks only when a weight is saturated).
    @inline(__always)
    private var markCount: Int { isSpilled ? spilled.count : Int(inlineCount) }

    @inline(__always)
    private func mark(at index: Int) -> Int64 { isSpilled ? spilled[index] : inlineMarks[index] }

    /// Inserts `mark` at `index`, moving the marks to the heap when the inline ones are full.
    private mutating func insertMark(_ mark: Int64, at index: Int) {
        if isSpilled {
            spilled.insert(mark, at: index)
            return
        }
        let count = Int(inlineCount)
        if count == Self.inlineCapacity {
            spilled.reserveCapacity(2 * Self.inlineCapacity)
            for position in 0..<count { spilled.append(inlineMarks[position]) }
            spilled.insert(mark, at: index)
            inlineCount = Self.spilledCount
            return
        }
        var position = count
        while position > index {
            inlineMarks[position] = inlineMarks[position - 1]
            position -= 1
        }
        inlineMarks[index] = mark
        inlineCount += 1
    }

    /// Drops the earliest mark.
    private mutating func removeFirstMark() {
        if isSpilled {
            spilled.removeFirst()
            return
        }
        let count = Int(inlineCount)
        for position in 1..<count { inlineMarks[position - 1] = inlineMarks[position] }
        inlineCount -= 1
    }

    /// The index of a mark equal to `mark` whose weight can still grow, or of the last equal one.
    private func position(of mark: Int64) -> Int? {
        var at = insertionPoint(of: mark)
        let count = markCount
        guard at < count, self.mark(at: at) == mark else { return nil }
        while !weights.isEmpty && weights[at] == UInt16.max && at + 1 < count && self.mark(at: at + 1) == mark {
            at += 1
        }
        return at
    }

    /// The first index whose mark is not less than `mark`.
    private func insertionPoint(of mark: Int64) -> Int {
        var low = 0
        var high = markCount
        while low < high {
            let middle = (low + high) / 2
            if self.mark(at: middle) < mark { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// ``RecipientState/inlineCapacity`` marks stored in place, in a tuple (`InlineArray` would need
/// macOS 26; the package supports macOS 13).
struct InlineMarks {
    /// How many marks fit.
    static let capacity = 16

    private var storage:
        (
            Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64,
            Int64
        ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    /// The mark at `index` (below ``capacity``).
    @inline(__always)
    subscript(index: Int) -> Int64 {
        get {
            precondition(index >= 0 && index < Self.capacity)
            return withUnsafeBytes(of: storage) { $0.load(fromByteOffset: index &* 8, as: Int64.self) }
        }
        set {
            precondition(index >= 0 && index < Self.capacity)
            withUnsafeMutableBytes(of: &storage) {
                $0.storeBytes(of: newValue, toByteOffset: index &* 8, as: Int64.self)
            }
        }
    }
}

/// A time-stamped event of one recipient packed into 64 bits: microseconds (clamped to ±2⁵⁵,
/// about ±1100 years around 1970) in the high 56 bits, the kind in two bits and the local variant
/// index (below 64) in six. Sorting packed marks sorts them by time.
enum Mark {
    /// The kinds a mark records.
    enum Kind: Int64 {
        case send = 0, delivered = 1, complaint = 2, unsubscribe = 3
    }

    static let limit: Int64 = 1 << 55

    /// The time as marks hold it: microseconds, clamped to ±2⁵⁵.
    @inline(__always)
    static func clamp(_ time: Timestamp) -> Int64 { min(max(time.microseconds, -limit), limit - 1) }

    @inline(__always)
    static func pack(_ time: Timestamp, _ kind: Kind, variant local: Int) -> Int64 {
        clamp(time) << 8 | kind.rawValue << 6 | Int64(local)
    }

    @inline(__always)
    static func time(_ mark: Int64) -> Int64 { mark >> 8 }

    @inline(__always)
    static func kind(_ mark: Int64) -> Kind { Kind(rawValue: mark >> 6 & 3)! }

    @inline(__always)
    static func variant(_ mark: Int64) -> Int { Int(mark & 63) }

    /// Orders marks by time, then kind, then the variant's `rank` (its place among the campaign's
    /// variants sorted by name) rather than its local index, which depends on the log's order.
    @inline(__always)
    static func byTimeKindAndName(_ lhs: Int64, _ rhs: Int64, rank: [Int]) -> Bool {
        let left = lhs >> 6
        let right = rhs >> 6
        if left != right { return left < right }
        return rank[variant(lhs)] < rank[variant(rhs)]
    }
}
