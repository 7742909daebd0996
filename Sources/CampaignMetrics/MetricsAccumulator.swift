import CampaignLog

/// Folds the event stream into per-campaign, per-variant counts as it streams by.
///
/// Memory grows with distinct recipients (one 64-bit mask of variants each, per campaign), never
/// with the number of events.
public struct MetricsAccumulator: EventSink {
    // MARK: - Public API

    /// An empty accumulator.
    public init() {}

    /// Counts one event.
    public mutating func consume(_ event: Event) {
        let campaignIndex = Int(event.campaign)
        if campaignIndex >= campaigns.count {
            campaigns.append(contentsOf: (campaigns.count...campaignIndex).map { CampaignState(id: Int32($0)) })
        }
        campaigns[campaignIndex].consume(event)
    }

    /// The figures so far, with names from `symbols` and reading counts from `reading`.
    public func report(symbols: LogSymbols, reading: LogReadReport) -> MetricsReport {
        let figures = campaigns.filter(\.hasEvents).map { $0.figures(symbols: symbols) }
        return MetricsReport(
            campaigns: figures.sorted { $0.campaign < $1.campaign },
            eventsRead: reading.eventsRead, duplicatesDropped: reading.duplicatesDropped,
            recordsSkipped: reading.recordsSkipped)
    }

    // MARK: - Private

    private var campaigns: [CampaignState] = []
}

/// The running state of one campaign.
private struct CampaignState {
    let id: Int32
    var hasEvents = false
    var firstSend: Timestamp?
    var lastSend: Timestamp?
    var firstComplaint: Timestamp?
    /// Local variant index of each global variant id (-1: not seen in this campaign).
    var localIndex: [Int32] = []
    /// Global variant id of each local index.
    var variantIDs: [Int32] = []
    /// Counts per local variant and event kind, flat: `local * kinds + kind`.
    var counts: [Int] = []
    static let kinds = EventKind.allCases.count
    /// The variants each recipient was sent, as a bit mask of local indexes below 64.
    var sentMasks: [Int32: UInt64] = [:]
    /// (recipient, local index) pairs for local indexes of 64 and above (rare).
    var sentOverflow = Set<UInt64>()

    init(id: Int32) { self.id = id }

    mutating func consume(_ event: Event) {
        hasEvents = true
        let local = localVariant(event.variant)
        counts[local &* Self.kinds &+ Int(event.kind.rawValue)] &+= 1
        switch event.kind {
        case .send:
            if firstSend.map({ event.timestamp < $0 }) ?? true { firstSend = event.timestamp }
            if lastSend.map({ event.timestamp > $0 }) ?? true { lastSend = event.timestamp }
            if local < 64 {
                sentMasks[event.recipient, default: 0] |= 1 << UInt64(local)
            } else {
                sentMasks[event.recipient, default: 0] |= 0
                sentOverflow.insert(UInt64(UInt32(bitPattern: event.recipient)) << 32 | UInt64(local))
            }
        case .complaint:
            if firstComplaint.map({ event.timestamp < $0 }) ?? true { firstComplaint = event.timestamp }
        default:
            break
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

    func figures(symbols: LogSymbols) -> CampaignFigures {
        var recipientsPerVariant = [Int](repeating: 0, count: variantIDs.count)
        let unassignedLocal = LogSymbols.unassigned < localIndex.count ? Int(localIndex[Int(LogSymbols.unassigned)]) : -1
        var multiple = 0
        var overflowByRecipient: [Int32: Set<Int>] = [:]
        for pair in sentOverflow {
            overflowByRecipient[Int32(bitPattern: UInt32(pair >> 32)), default: []].insert(Int(pair & 0xFFFF_FFFF))
        }
        for (recipient, mask) in sentMasks {
            var named = 0
            var bits = mask
            while bits != 0 {
                let local = bits.trailingZeroBitCount
                recipientsPerVariant[local] += 1
                if local != unassignedLocal { named += 1 }
                bits &= bits - 1
            }
            for local in overflowByRecipient[recipient] ?? [] {
                recipientsPerVariant[local] += 1
                if local != unassignedLocal { named += 1 }
            }
            if named >= 2 { multiple += 1 }
        }
        var variants: [VariantFigures] = []
        var totals = VariantFigures(variant: nil)
        for local in variantIDs.indices {
            var figures = VariantFigures(variant: symbols.variants.name(variantIDs[local]))
            for kind in EventKind.allCases {
                let count = counts[local * Self.kinds + Int(kind.rawValue)]
                figures[kind] = count
                totals[kind] += count
            }
            figures.recipients = recipientsPerVariant[local]
            variants.append(figures)
        }
        totals.recipients = sentMasks.count
        return CampaignFigures(
            campaign: symbols.campaigns.name(id), firstSend: firstSend, lastSend: lastSend,
            firstComplaint: firstComplaint, recipients: sentMasks.count,
            recipientsWithMultipleVariants: multiple,
            variants: variants.sorted { ($0.variant ?? "") < ($1.variant ?? "") }, totals: totals)
    }
}
