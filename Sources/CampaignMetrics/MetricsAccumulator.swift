import CampaignLog

/// Folds the event stream into per-campaign figures as it streams by: counts per variant, and
/// per recipient what the diagnosis needs (variants sent, earliest opt-out, a capped list of
/// timed sends, deliveries and opt-outs), plus timeline counts per minute and variant.
///
/// Events may arrive in any order. Memory grows with distinct recipients × variants and with
/// distinct minutes × variants, never with the number of events.
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

    /// Counts events in order (one dynamic call for the whole batch). Each group of events first
    /// has its recipients' states touched, so that their cache misses overlap (see
    /// ``RecipientTable/warm(_:)``) instead of stalling the count one event at a time.
    public mutating func consume(batch: UnsafeBufferPointer<Event>) {
        var start = 0
        while start < batch.count {
            let end = min(start + Self.warmGroup, batch.count)
            for index in start..<end {
                let campaign = Int(batch[index].campaign)
                if campaign < campaigns.count {
                    campaigns[campaign].recipients.warmSlot(batch[index].recipient)
                }
            }
            for index in start..<end {
                let campaign = Int(batch[index].campaign)
                if campaign < campaigns.count { campaigns[campaign].recipients.warm(batch[index].recipient) }
            }
            for index in start..<end { consume(batch[index]) }
            start = end
        }
    }

    /// The figures so far, with names from `symbols` and reading counts from `reading`; each
    /// campaign is compared with `plan` when one is given (read against the same `symbols`).
    public func report(symbols: LogSymbols, reading: LogReadReport, plan: PlanAssignments? = nil) -> MetricsReport {
        let figures = campaigns.filter(\.hasEvents).map { $0.figures(symbols: symbols, plan: plan) }
        return MetricsReport(
            campaigns: figures.sorted { $0.campaign < $1.campaign },
            eventsRead: reading.eventsRead, duplicatesDropped: reading.duplicatesDropped,
            recordsSkipped: reading.recordsSkipped)
    }

    // MARK: - Private

    private var campaigns: [CampaignState] = []
    private static var warmGroup: Int { 64 }

    /// The per-campaign states, for the extensions in this module.
    var campaignStates: [CampaignState] { campaigns }
}
