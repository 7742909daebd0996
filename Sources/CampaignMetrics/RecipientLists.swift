import CampaignLog

/// The people behind one campaign's figures, one row each: the lists that name people (who is
/// owed an apology, whose complaint needs a personal answer). They go to the private folder,
/// never to the public site.
public struct RecipientLists: Sendable, Equatable {
    /// One recipient of the campaign.
    public struct Row: Sendable, Equatable {
        /// The normalized address.
        public var recipient: String
        /// The named variants sent, sorted (`unassigned` sends are not listed).
        public var variants: [String]
        /// Complaint events.
        public var complaints: Int
        /// Unsubscribe events.
        public var unsubscribes: Int
        /// The first complaint, when there was one.
        public var firstComplaint: Timestamp?
        /// The earliest complaint or unsubscribe, when there was one.
        public var optOut: Timestamp?
        /// Sends after the earliest complaint or unsubscribe.
        public var sendsAfterOptOut: Int

        /// How many distinct named variants were sent.
        public var copies: Int { variants.count }
    }

    /// The campaign id.
    public var campaign: String
    /// Every recipient with any event in the campaign, sorted by address.
    public var rows: [Row]
}

extension MetricsAccumulator {
    /// The recipient lists of every campaign, sorted by campaign id.
    public func recipientLists(symbols: LogSymbols) -> [RecipientLists] {
        campaignStates.filter(\.hasEvents).map { $0.recipientLists(symbols: symbols) }.sorted {
            $0.campaign < $1.campaign
        }
    }
}

extension CampaignState {
    /// One row per recipient, from the state kept while streaming.
    func recipientLists(symbols: LogSymbols) -> RecipientLists {
        let names = variantIDs.map { symbols.variants.name($0) }
        var rows: [RecipientLists.Row] = []
        rows.reserveCapacity(recipients.count)
        for (recipient, state) in recipients {
            let variants = sentLocals(of: recipient, state).map { names[$0] }
                .filter { $0 != LogSymbols.unassignedName }.sorted()
            var firstComplaint: Int64?
            var laterSends = 0
            state.forEachMark { mark, weight in
                let time = Mark.time(mark)
                switch Mark.kind(mark) {
                case .complaint: firstComplaint = min(firstComplaint ?? time, time)
                case .send: if time > state.optOut { laterSends += weight }
                default: break
                }
            }
            rows.append(
                RecipientLists.Row(
                    recipient: symbols.recipients.name(recipient), variants: variants,
                    complaints: Int(state.complaints),
                    unsubscribes: Int(state.unsubscribes),
                    firstComplaint: firstComplaint.map(Timestamp.init(microseconds:)),
                    optOut: state.optOut == Int64.max ? nil : Timestamp(microseconds: state.optOut),
                    sendsAfterOptOut: laterSends))
        }
        return RecipientLists(campaign: symbols.campaigns.name(id), rows: rows.sorted { $0.recipient < $1.recipient })
    }
}
