import CampaignLog

/// The running state of one campaign while a run's events stream by (see ``MetricsAccumulator``).
///
/// Memory: counts per variant and kind; one ``RecipientState`` per recipient with events;
/// four counters per (minute, variant) with events for the timeline.
struct CampaignState {
    let id: Int32
    var hasEvents = false
    var firstSend: Timestamp?
    var lastSend: Timestamp?
    var firstComplaint: Timestamp?
    /// The first and last send, delivered, complaint or unsubscribe event (the timeline's span).
    var firstActivity: Timestamp?
    var lastActivity: Timestamp?
    /// Local variant index of each global variant id (-1: not seen in this campaign).
    var localIndex: [Int32] = []
    /// Global variant id of each local index.
    var variantIDs: [Int32] = []
    /// Counts per local variant and event kind, flat: `local * kinds + kind`.
    var counts: [Int] = []
    static let kinds = EventKind.allCases.count
    /// Per recipient with a send, delivery, complaint or unsubscribe.
    var recipients = RecipientTable()
    /// (recipient, local index) pairs sent, for local indexes of 64 and above (rare).
    var sentOverflow = Set<UInt64>()
    /// Timeline counts at one-minute granularity.
    var minutes = MinuteTable()

    init(id: Int32) { self.id = id }

    mutating func consume(_ event: Event) {
        hasEvents = true
        let local = localVariant(event.variant)
        counts[local &* Self.kinds &+ Int(event.kind.rawValue)] &+= 1
        let time = event.timestamp
        let kind: Mark.Kind
        switch event.kind {
        case .send:
            if firstSend.map({ time < $0 }) ?? true { firstSend = time }
            if lastSend.map({ time > $0 }) ?? true { lastSend = time }
            if local >= 64 {
                sentOverflow.insert(UInt64(UInt32(bitPattern: event.recipient)) << 32 | UInt64(local))
            }
            kind = .send
        case .delivered: kind = .delivered
        case .complaint:
            if firstComplaint.map({ time < $0 }) ?? true { firstComplaint = time }
            kind = .complaint
        case .unsubscribe: kind = .unsubscribe
        default: return
        }
        if firstActivity.map({ time < $0 }) ?? true { firstActivity = time }
        if lastActivity.map({ time > $0 }) ?? true { lastActivity = time }
        minutes.add(kind, at: MinuteKey(time: time, variant: local))
        recipients.update(event.recipient) { Self.update(&$0, kind, time, local) }
    }

    /// The local indexes of the variants sent to `recipient`, ascending.
    func sentLocals(of recipient: Int32, _ state: RecipientState) -> [Int] {
        var locals: [Int] = []
        var bits = state.sentMask
        while bits != 0 {
            locals.append(bits.trailingZeroBitCount)
            bits &= bits - 1
        }
        if variantIDs.count > 64 {
            let high = UInt64(UInt32(bitPattern: recipient)) << 32
            locals += (64..<variantIDs.count).filter { sentOverflow.contains(high | UInt64($0)) }
        }
        return locals
    }

    // MARK: - Private

    private static func update(_ state: inout RecipientState, _ kind: Mark.Kind, _ time: Timestamp, _ local: Int) {
        switch kind {
        case .send:
            state.sends &+= 1
            if local < 64 { state.sentMask |= 1 << UInt64(local) }
        case .delivered: state.delivered &+= 1
        case .complaint:
            state.complaints &+= 1
            state.optOut = min(state.optOut, Mark.clamp(time))
        case .unsubscribe:
            state.unsubscribes &+= 1
            state.optOut = min(state.optOut, Mark.clamp(time))
        }
        if local < 64 {
            state.record(Mark.pack(time, kind, variant: local))
        } else {
            state.truncated = true
        }
    }

    private mutating func localVariant(_ variant: Int32) -> Int {
        let global = Int(variant)
        if global >= localIndex.count {
            localIndex.append(contentsOf: repeatElement(-1, count: global - localIndex.count + 1))
        }
        if localIndex[global] < 0 {
            localIndex[global] = Int32(variantIDs.count)
            variantIDs.append(variant)
            counts.append(contentsOf: repeatElement(0, count: Self.kinds))
        }
        return Int(localIndex[global])
    }
}

/// A minute (since the epoch, rounded down) and a local variant: one cell of the raw timeline.
struct MinuteKey: Hashable {
    var minute: Int64
    var variant: Int32

    init(time: Timestamp, variant: Int) {
        let micros = time.microseconds
        minute = micros >= 0 ? micros / 60_000_000 : (micros + 1 - 60_000_000) / 60_000_000
        self.variant = Int32(variant)
    }

    init(minute: Int64, variant: Int32) {
        self.minute = minute
        self.variant = variant
    }
}

/// Sends, deliveries, complaints and unsubscribes in one timeline cell.
struct MinuteCounts {
    var values: (Int, Int, Int, Int) = (0, 0, 0, 0)

    subscript(kind: Mark.Kind) -> Int {
        get {
            switch kind {
            case .send: values.0
            case .delivered: values.1
            case .complaint: values.2
            case .unsubscribe: values.3
            }
        }
        set {
            switch kind {
            case .send: values.0 = newValue
            case .delivered: values.1 = newValue
            case .complaint: values.2 = newValue
            case .unsubscribe: values.3 = newValue
            }
        }
    }
}
