import Mustache

// What each view holds under each name (``MustacheView``). A name missing here renders as empty
// text, so every page kind has a golden test (DESIGN.md rule 5); keep each list in step with its
// struct, and every name of a `.text` in ``HTMLText``'s list.

extension DiagnosisView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "findings": .value(findings)
        case "charts": .value(charts)
        case "overlapColumns": .value(overlapColumns)
        case "overlapRows": .value(overlapRows)
        case "hasTimeline": .value(hasTimeline)
        case "timelineHeader": .value(timelineHeader)
        case "timelineRows": .value(timelineRows)
        default: nil
        }
    }
}

extension ChartView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "title": .text(title)
        case "description": .text(description)
        case "svg": .value(svg)
        default: nil
        }
    }
}

extension OverlapRowView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "variant": .text(variant)
        case "cells": .value(cells)
        default: nil
        }
    }
}

extension TimelineRowView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "time": .text(time)
        case "sends": .value(sends)
        case "complaints": .text(complaints)
        case "unsubscribes": .text(unsubscribes)
        default: nil
        }
    }
}

extension HeadlineView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "sends": .text(sends)
        case "recipients": .text(recipients)
        case "multiple": .text(multiple)
        case "complaintRate": .text(complaintRate)
        case "unsubscribeRate": .text(unsubscribeRate)
        default: nil
        }
    }
}

extension VariantRowView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "name": .text(name)
        case "sends": .text(sends)
        case "delivered": .text(delivered)
        case "bounces": .text(bounces)
        case "complaints": .text(complaints)
        case "unsubscribes": .text(unsubscribes)
        case "recipients": .text(recipients)
        case "complaintRate": .text(complaintRate)
        case "complaintInterval": .text(complaintInterval)
        case "unsubscribeRate": .text(unsubscribeRate)
        case "bounceRate": .text(bounceRate)
        default: nil
        }
    }
}

extension CampaignView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "name": .text(name)
        case "anchor": .text(anchor)
        case "headline": .value(headline)
        case "variants": .value(variants)
        case "totals": .value(totals)
        case "firstSend": .text(firstSend)
        case "lastSend": .text(lastSend)
        case "firstComplaint": .text(firstComplaint)
        case "diagnosis": .value(diagnosis)
        default: nil
        }
    }
}

extension LayoutView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "language": .text(language)
        case "pageTitle": .text(pageTitle)
        case "description": .text(description)
        case "siteTitle": .text(siteTitle)
        case "root": .text(root)
        case "hasFeed": .value(hasFeed)
        case "body": .value(body)
        default: nil
        }
    }
}

extension IndexView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "siteTitle": .text(siteTitle)
        case "hasIncidents": .value(hasIncidents)
        case "incidents": .value(incidents)
        default: nil
        }
    }
}

extension IndexEntryView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "href": .text(href)
        case "title": .text(title)
        case "date": .text(date)
        case "isoDay": .text(isoDay)
        case "severity": .text(severity)
        case "isDraft": .value(isDraft)
        case "summary": .text(summary)
        case "headline": .value(headline)
        default: nil
        }
    }
}

extension IncidentView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "root": .text(root)
        case "title": .text(title)
        case "date": .text(date)
        case "isoDay": .text(isoDay)
        case "severity": .text(severity)
        case "owner": .text(owner)
        case "isDraft": .value(isDraft)
        case "summary": .text(summary)
        case "hasTags": .value(hasTags)
        case "tags": .value(tags)
        case "apologyHref": .text(apologyHref)
        case "campaigns": .value(campaigns)
        case "skippedRecords": .text(skippedRecords)
        case "metricsHref": .text(metricsHref)
        case "notesHTML": .value(notesHTML)
        default: nil
        }
    }
}

extension ApologyView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "root": .text(root)
        case "heading": .text(heading)
        case "sentAt": .text(sentAt)
        case "incidentTitle": .text(incidentTitle)
        case "bodyHTML": .value(bodyHTML)
        default: nil
        }
    }
}

extension TagLinkView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "name": .text(name)
        case "href": .text(href)
        default: nil
        }
    }
}

extension TagPageView: MustacheView {
    func value(named key: String) -> ViewValue? {
        switch key {
        case "root": .text(root)
        case "tag": .text(tag)
        case "incidents": .value(incidents)
        default: nil
        }
    }
}
