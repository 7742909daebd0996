import CampaignLog

extension CampaignState {
    /// The campaign's figures, with names from `symbols`, compared with `plan` when one is given.
    func figures(symbols: LogSymbols, plan: PlanAssignments?) -> CampaignFigures {
        let names = variantIDs.map { symbols.variants.name($0) }
        let pass = RecipientPass(self, names: names)
        let order = variantIDs.indices.sorted { names[$0] < names[$1] }
        let unassigned = LogSymbols.unassigned < localIndex.count ? Int(localIndex[Int(LogSymbols.unassigned)]) : -1
        let namedOrder = order.filter { $0 != unassigned }

        var variants: [VariantFigures] = []
        var totals = VariantFigures(variant: nil)
        for local in order {
            var figures = VariantFigures(variant: names[local])
            for kind in EventKind.allCases {
                let count = counts[local * Self.kinds + Int(kind.rawValue)]
                figures[kind] = count
                totals[kind] += count
            }
            figures.recipients = pass.recipientsPerVariant[local]
            variants.append(figures)
        }
        let recipients = self.recipients.values.reduce(0) { $0 + ($1.wasSent ? 1 : 0) }
        totals.recipients = recipients

        var campaign = CampaignFigures(
            campaign: symbols.campaigns.name(id), firstSend: firstSend, lastSend: lastSend,
            firstComplaint: firstComplaint, recipients: recipients,
            recipientsWithMultipleVariants: pass.multiple, variants: variants, totals: totals)
        campaign.isDiagnosed = true
        campaign.overlap = OverlapFigures(
            variants: namedOrder.map { names[$0] },
            matrix: namedOrder.map { row in namedOrder.map { pass.overlap[row][$0] } })
        campaign.copies = pass.copies.filter { $0.copies > 0 || $0.recipients > 0 }
        campaign.copyNumbers = pass.copyNumbers
        campaign.afterOptOut = afterOptOut(pass, names: names, order: order)
        campaign.duplicateSends = duplicates(pass, variants: variants, order: order)
        campaign.timeline = timeline(pass, names: names)
        campaign.plan = plan.map { PlanComparison(plan: $0, campaign: self, figures: campaign, symbols: symbols) }
        return campaign
    }

    // MARK: - Private

    private func afterOptOut(_ pass: RecipientPass, names: [String], order: [Int]) -> AfterOptOutFigures {
        var figures = AfterOptOutFigures()
        figures.optedOut = pass.optedOut
        figures.recipients = pass.afterRecipients
        figures.sends = pass.afterSends
        figures.delay = DelaySummary.of(microseconds: pass.afterDelays)
        figures.truncatedRecipients = pass.truncated
        figures.variants = order.map { local in
            let counts = pass.afterPerVariant[local]
            return AfterOptOutFigures.Variant(
                variant: names[local], recipients: counts.recipients, sends: counts.sends,
                delay: DelaySummary.of(microseconds: counts.delays))
        }
        return figures
    }

    private func duplicates(_ pass: RecipientPass, variants: [VariantFigures], order: [Int]) -> DuplicateSendFigures {
        var figures = DuplicateSendFigures()
        figures.recipients = pass.duplicateRecipients
        figures.variants = zip(order, variants).map { local, variant in
            DuplicateSendFigures.Variant(
                variant: variant.variant ?? "", recipients: pass.duplicatePerVariant[local],
                extraSends: variant.sends - variant.recipients)
        }
        figures.extraSends = figures.variants.reduce(0) { $0 + $1.extraSends }
        return figures
    }
}
