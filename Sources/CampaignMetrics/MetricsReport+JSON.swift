extension MetricsReport {
    /// The report as SPEC §3's JSON: key order as documented, times in RFC 3339 UTC, absent
    /// times and undefined rates null, rates rounded to six decimal places. Ends with a newline.
    public var json: String {
        var out = JSONText()
        out.openObject()
        out.openArray("campaigns")
        for campaign in campaigns { campaign.write(to: &out) }
        out.closeArray()
        out.member("events_read", eventsRead)
        out.member("duplicates_dropped", duplicatesDropped)
        out.member("records_skipped", recordsSkipped)
        out.closeObject()
        return out.text + "\n"
    }
}

extension CampaignFigures {
    /// Writes this campaign as one element of `campaigns`.
    public func write(to out: inout JSONText) {
        out.openObject()
        out.member("campaign", campaign)
        out.member("first_send", firstSend?.rfc3339)
        out.member("last_send", lastSend?.rfc3339)
        out.member("first_complaint", firstComplaint?.rfc3339)
        out.member("recipients", recipients)
        out.member("recipients_with_multiple_variants", recipientsWithMultipleVariants)
        out.openArray("variants")
        for variant in variants { variant.write(to: &out, key: nil) }
        out.closeArray()
        totals.write(to: &out, key: "totals")
        if isDiagnosed { writeDiagnosis(to: &out) }
        out.closeObject()
    }
}

extension VariantFigures {
    /// Writes these figures as an object (with `variant` first unless they are totals).
    public func write(to out: inout JSONText, key: String?) {
        out.openObject(key)
        if let variant { out.member("variant", variant) }
        out.member("sends", sends)
        out.member("delivered", delivered)
        out.member("bounces", bounces)
        out.member("deferred", deferred)
        out.member("dropped", dropped)
        out.member("opens", opens)
        out.member("clicks", clicks)
        out.member("complaints", complaints)
        out.member("unsubscribes", unsubscribes)
        out.member("recipients", recipients)
        out.member("complaint_rate", rate: complaintRate)
        out.member("unsubscribe_rate", rate: unsubscribeRate)
        out.member("bounce_rate", rate: bounceRate)
        out.closeObject()
    }
}
