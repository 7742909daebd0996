import CampaignLog

extension CampaignState {
    /// Re-buckets the per-minute counts at the width the span calls for (see ``Timeline``).
    func timeline(_ pass: RecipientPass, names: [String]) -> Timeline {
        var timeline = Timeline()
        timeline.firstEvent = firstActivity
        timeline.lastEvent = lastActivity
        if let firstSend, let firstComplaint {
            timeline.firstSendToFirstComplaint = Double(firstComplaint.microseconds - firstSend.microseconds) / 1e6
        }
        if let lastSend, let firstComplaint {
            timeline.firstComplaintToLastSend =
                Double(max(0, lastSend.microseconds - firstComplaint.microseconds)) / 1e6
        }
        timeline.sendsAfterFirstComplaint = pass.sendsAfterFirstComplaint
        timeline.complaintsAfterLastSend = pass.complaintsAfterLastSend
        timeline.unsubscribesAfterLastSend = pass.unsubscribesAfterLastSend
        guard let first = firstActivity, let last = lastActivity else { return timeline }
        let width = Timeline.bucketSeconds(forSpanMicroseconds: last.microseconds - first.microseconds)
        timeline.bucketSeconds = width
        let perBucket = Int64(width / 60)
        var starts = Set<Int64>()
        var variantsSeen = Set<Int32>()
        for (key, _) in minutes.entries {
            starts.insert(Self.floorDivide(key.minute, perBucket))
            variantsSeen.insert(key.variant)
        }
        let buckets = starts.sorted()
        let position = Dictionary(uniqueKeysWithValues: buckets.enumerated().map { ($1, $0) })
        let locals = variantsSeen.map(Int.init).sorted { names[$0] < names[$1] }
        let row = Dictionary(uniqueKeysWithValues: locals.enumerated().map { ($1, $0) })
        let zeros = Array(repeating: 0, count: buckets.count)
        var series = locals.map {
            Timeline.Series(variant: names[$0], sends: zeros, delivered: zeros, complaints: zeros, unsubscribes: zeros)
        }
        for (key, counts) in minutes.entries {
            let column = position[Self.floorDivide(key.minute, perBucket)]!
            let index = row[Int(key.variant)]!
            series[index].sends[column] += counts[.send]
            series[index].delivered[column] += counts[.delivered]
            series[index].complaints[column] += counts[.complaint]
            series[index].unsubscribes[column] += counts[.unsubscribe]
        }
        timeline.buckets = buckets.map { Timestamp(seconds: $0 * Int64(width)) }
        timeline.variants = series
        return timeline
    }

    // MARK: - Private

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value + 1 - divisor) / divisor
    }
}
