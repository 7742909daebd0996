import Mustache

// The view models answer Mustache by name instead of through `Mirror`: reflection costs about
// 0.2 ms a page, a switch next to nothing (issue 7). A key missing here renders as empty text, so
// every page kind has a golden test (DESIGN.md rule 5); keep each list in step with its struct.

extension DiagnosisView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "findings": findings
        case "charts": charts
        case "overlapColumns": overlapColumns
        case "overlapRows": overlapRows
        case "hasTimeline": hasTimeline
        case "timelineHeader": timelineHeader
        case "timelineRows": timelineRows
        default: nil
        }
    }
}

extension ChartView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "description": description
        case "svg": svg
        default: nil
        }
    }
}

extension OverlapRowView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "variant": variant
        case "cells": cells
        default: nil
        }
    }
}

extension TimelineRowView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "time": time
        case "sends": sends
        case "complaints": complaints
        case "unsubscribes": unsubscribes
        default: nil
        }
    }
}

extension HeadlineView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "sends": sends
        case "recipients": recipients
        case "multiple": multiple
        case "complaintRate": complaintRate
        case "unsubscribeRate": unsubscribeRate
        default: nil
        }
    }
}

extension VariantRowView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "sends": sends
        case "delivered": delivered
        case "bounces": bounces
        case "complaints": complaints
        case "unsubscribes": unsubscribes
        case "recipients": recipients
        case "complaintRate": complaintRate
        case "complaintInterval": complaintInterval
        case "unsubscribeRate": unsubscribeRate
        case "bounceRate": bounceRate
        default: nil
        }
    }
}

extension CampaignView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "anchor": anchor
        case "headline": headline
        case "variants": variants
        case "totals": totals
        case "firstSend": firstSend
        case "lastSend": lastSend
        case "firstComplaint": firstComplaint
        case "diagnosis": diagnosis
        default: nil
        }
    }
}

extension LayoutView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "language": language
        case "pageTitle": pageTitle
        case "description": description
        case "siteTitle": siteTitle
        case "root": root
        case "hasFeed": hasFeed
        case "body": body
        default: nil
        }
    }
}

extension IndexView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "siteTitle": siteTitle
        case "hasIncidents": hasIncidents
        case "incidents": incidents
        default: nil
        }
    }
}

extension IndexEntryView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "href": href
        case "title": title
        case "date": date
        case "isoDay": isoDay
        case "severity": severity
        case "isDraft": isDraft
        case "summary": summary
        case "headline": headline
        default: nil
        }
    }
}

extension IncidentView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "root": root
        case "title": title
        case "date": date
        case "isoDay": isoDay
        case "severity": severity
        case "owner": owner
        case "isDraft": isDraft
        case "summary": summary
        case "hasTags": hasTags
        case "tags": tags
        case "apologyHref": apologyHref
        case "campaigns": campaigns
        case "skippedRecords": skippedRecords
        case "metricsHref": metricsHref
        case "notesHTML": notesHTML
        default: nil
        }
    }
}

extension ApologyView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "root": root
        case "heading": heading
        case "sentAt": sentAt
        case "incidentTitle": incidentTitle
        case "bodyHTML": bodyHTML
        default: nil
        }
    }
}

extension TagLinkView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        default: nil
        }
    }
}

extension TagPageView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "root": root
        case "tag": tag
        case "incidents": incidents
        default: nil
        }
    }
}
