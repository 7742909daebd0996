import CampaignLog

/// One campaign's sends against the intended assignment (`plan.csv`): who was meant to get which
/// variant, and who got what. The plan applies to every campaign of the run it is read with (an
/// incident's `campaign` front matter picks one); recipients compare as in the logs, variant
/// names exactly after trimming.
public struct PlanComparison: Sendable, Equatable {
    /// One variant, planned or sent.
    public struct Variant: Sendable, Equatable {
        /// The variant's name.
        public var variant: String
        /// Distinct recipients the plan assigns it.
        public var plannedRecipients = 0
        /// Its send events.
        public var sends = 0
        /// Distinct recipients sent it.
        public var recipients = 0
        /// Planned recipients sent it.
        public var sentAsPlanned = 0
        /// Planned recipients sent it although the plan did not assign it to them.
        public var sentNotPlanned = 0
        /// Recipients the plan assigns it who were never sent it.
        public var plannedNotSent = 0

        /// An empty entry.
        public init(variant: String) { self.variant = variant }
    }

    /// Valid rows of the plan.
    public var rows = 0
    /// Malformed rows skipped.
    public var rowsSkipped = 0
    /// Distinct planned recipients.
    public var plannedRecipients = 0
    /// Planned recipients assigned on more than one row.
    public var recipientsAssignedMoreThanOnce = 0
    /// Planned recipients sent at least one variant the plan did not assign them.
    public var recipientsSentUnplannedVariant = 0
    /// Planned recipients with no send at all in the campaign.
    public var plannedNeverSent = 0
    /// Recipients sent something in the campaign who are not in the plan.
    public var sentNotInPlan = 0
    /// Every variant planned or sent, sorted by name.
    public var variants: [Variant] = []

    /// Compares `campaign`'s recipients (whose figures are `figures`) with `plan`.
    init(plan: PlanAssignments, campaign: CampaignState, figures: CampaignFigures, symbols: LogSymbols) {
        rows = plan.rows
        rowsSkipped = plan.rowsSkipped
        plannedRecipients = plan.recipients
        recipientsAssignedMoreThanOnce = plan.recipientsAssignedMoreThanOnce
        // Campaign-local index of each plan variant (-1: never sent in this campaign).
        let planLocal: [Int] = plan.variantNames.map { name in
            guard let global = symbols.variants.lookupName(name), Int(global) < campaign.localIndex.count else {
                return -1
            }
            return Int(campaign.localIndex[Int(global)])
        }
        var planned = Array(repeating: (recipients: 0, asPlanned: 0, notSent: 0), count: plan.variantNames.count)
        var unplanned = Array(repeating: 0, count: campaign.variantIDs.count)
        var plannedAndSent = 0
        for id in 0..<plan.recipients {
            let logID = plan.logRecipient[id]
            let state = logID >= 0 ? campaign.recipients[logID] : nil
            let sent = state.map { campaign.sentLocals(of: logID, $0) } ?? []
            let assigned = plan.variants(of: id)
            for variant in assigned {
                let index = Int(variant)
                planned[index].recipients += 1
                if planLocal[index] >= 0 && sent.contains(planLocal[index]) {
                    planned[index].asPlanned += 1
                } else {
                    planned[index].notSent += 1
                }
            }
            guard state?.wasSent == true else {
                plannedNeverSent += 1
                continue
            }
            plannedAndSent += 1
            var strayed = false
            for local in sent where !assigned.contains(where: { planLocal[Int($0)] == local }) {
                unplanned[local] += 1
                strayed = true
            }
            if strayed { recipientsSentUnplannedVariant += 1 }
        }
        sentNotInPlan = figures.recipients - plannedAndSent

        var byName: [String: Variant] = [:]
        for (index, name) in plan.variantNames.enumerated() {
            var entry = Variant(variant: name)
            (entry.plannedRecipients, entry.sentAsPlanned, entry.plannedNotSent) =
                (planned[index].recipients, planned[index].asPlanned, planned[index].notSent)
            byName[name] = entry
        }
        for (local, global) in campaign.variantIDs.enumerated() {
            let name = symbols.variants.name(global)
            var entry = byName[name] ?? Variant(variant: name)
            if let sent = figures.variants.first(where: { $0.variant == name }) {
                (entry.sends, entry.recipients) = (sent.sends, sent.recipients)
            }
            entry.sentNotPlanned = unplanned[local]
            byName[name] = entry
        }
        variants = byName.values.sorted { $0.variant < $1.variant }
    }
}

extension PlanComparison {
    /// Writes the section under `key`.
    func write(to out: inout JSONText, key: String) {
        out.openObject(key)
        out.member("rows", rows)
        out.member("rows_skipped", rowsSkipped)
        out.member("planned_recipients", plannedRecipients)
        out.member("recipients_assigned_more_than_once", recipientsAssignedMoreThanOnce)
        out.member("recipients_sent_unplanned_variant", recipientsSentUnplannedVariant)
        out.member("planned_never_sent", plannedNeverSent)
        out.member("sent_not_in_plan", sentNotInPlan)
        out.openArray("variants")
        for variant in variants {
            out.openObject()
            out.member("variant", variant.variant)
            out.member("planned_recipients", variant.plannedRecipients)
            out.member("sends", variant.sends)
            out.member("recipients", variant.recipients)
            out.member("sent_as_planned", variant.sentAsPlanned)
            out.member("sent_not_planned", variant.sentNotPlanned)
            out.member("planned_not_sent", variant.plannedNotSent)
            out.closeObject()
        }
        out.closeArray()
        out.closeObject()
    }
}

extension SymbolTable {
    /// The id of `name` if it was interned.
    fileprivate func lookupName(_ name: String) -> Int32? {
        var copy = name
        return copy.withUTF8 { lookup(UnsafeRawBufferPointer($0)) }
    }
}
