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
    /// Packed marks (see ``Mark``), ascending; equal marks only when a weight is saturated.
    private(set) var marks: [Int64] = []
    /// How many events each mark stands for, beside `marks`; empty while every weight is 1.
    private var weights: [UInt16] = []
    /// Whether marks were dropped (more than ``markCap``, or a variant index of 64 or more).
    var truncated = false

    /// The most distinct marks kept per recipient and campaign.
    static let markCap = 64

    /// Whether the recipient had a send event in the campaign.
    var wasSent: Bool { sends > 0 }

    /// Records a mark, keeping the latest ``markCap`` distinct ones.
    mutating func record(_ mark: Int64) {
        // Logs are mostly in time order: a new latest mark is appended without a search.
        if let last = marks.last, mark > last {
            if marks.count < Self.markCap {
                marks.append(mark)
                if !weights.isEmpty { weights.append(1) }
                return
            }
        } else if let at = position(of: mark), weights.isEmpty || weights[at] < UInt16.max {
            if weights.isEmpty { weights = [UInt16](repeating: 1, count: marks.count) }
            weights[at] += 1
            return
        }
        var at = insertionPoint(of: mark)
        if marks.count == Self.markCap {
            truncated = true
            guard at > 0 else { return }  // earlier than every mark kept
            marks.removeFirst()
            if !weights.isEmpty { weights.removeFirst() }
            at -= 1
        }
        marks.insert(mark, at: at)
        if !weights.isEmpty { weights.insert(1, at: at) }
    }

    /// Calls `body` with each mark, ascending, and the number of events it stands for.
    @inline(__always)
    func forEachMark(_ body: (Int64, Int) -> Void) {
        if weights.isEmpty {
            for mark in marks { body(mark, 1) }
        } else {
            for index in marks.indices { body(marks[index], Int(weights[index])) }
        }
    }

    // MARK: - Private

    /// The index of a mark equal to `mark` whose weight can still grow, or of the last equal one.
    private func position(of mark: Int64) -> Int? {
        var at = insertionPoint(of: mark)
        guard at < marks.count, marks[at] == mark else { return nil }
        while !weights.isEmpty && weights[at] == UInt16.max && at + 1 < marks.count && marks[at + 1] == mark {
            at += 1
        }
        return at
    }

    /// The first index whose mark is not less than `mark`.
    private func insertionPoint(of mark: Int64) -> Int {
        var low = 0
        var high = marks.count
        while low < high {
            let middle = (low + high) / 2
            if marks[middle] < mark { low = middle + 1 } else { high = middle }
        }
        return low
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
