extension CampaignFigures {
    /// Writes the diagnosis sections after `totals`, in the order SPEC §3 lists them.
    func writeDiagnosis(to out: inout JSONText) {
        overlap.write(to: &out, key: "overlap")
        out.openArray("copies_histogram")
        for group in copies {
            out.openObject()
            out.member("copies", group.copies)
            out.member("recipients", group.recipients)
            out.closeObject()
        }
        out.closeArray()
        out.openArray("rates_by_copies")
        for group in copies where group.recipients > 0 { group.write(to: &out, numberKey: "copies") }
        out.closeArray()
        out.openArray("rates_by_copy_number")
        for group in copyNumbers { group.write(to: &out, numberKey: "copy_number") }
        out.closeArray()
        afterOptOut.write(to: &out, key: "after_opt_out")
        duplicateSends.write(to: &out, key: "duplicate_sends")
        plan?.write(to: &out, key: "plan")
        timeline.write(to: &out, key: "timeline")
        writeIntervals(to: &out)
        out.openObject("tests")
        complaintTest.write(to: &out, key: "complaint_rate")
        unsubscribeTest.write(to: &out, key: "unsubscribe_rate")
        out.closeObject()
    }

    // MARK: - Private

    /// `intervals`: the 95% Wilson interval of every rate of every variant and of the totals.
    private func writeIntervals(to out: inout JSONText) {
        func rates(_ figures: VariantFigures) {
            RateInterval.write(figures.complaintRateInterval, key: "complaint_rate", to: &out)
            RateInterval.write(figures.unsubscribeRateInterval, key: "unsubscribe_rate", to: &out)
            RateInterval.write(figures.bounceRateInterval, key: "bounce_rate", to: &out)
        }
        out.openObject("intervals")
        out.member("method", "wilson")
        out.member("confidence", rate: 0.95)
        out.openArray("variants")
        for figures in variants {
            out.openObject()
            out.member("variant", figures.variant)
            rates(figures)
            out.closeObject()
        }
        out.closeArray()
        out.openObject("totals")
        rates(totals)
        out.closeObject()
        out.closeObject()
    }
}
