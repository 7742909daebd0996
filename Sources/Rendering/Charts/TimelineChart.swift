import CampaignLog
import CampaignMetrics

/// Sends per variant over time (one line each), and below them complaints and unsubscribes per
/// time bucket, on one time axis.
struct TimelineChart {
    let id: String
    let timeline: Timeline

    var title: String { "Sends per variant, and complaints and unsubscribes, over time" }

    var description: String {
        let bucket = Self.duration(Double(timeline.bucketSeconds))
        var text =
            "Counts per \(bucket) (UTC) from \(Format.time(timeline.buckets.first?.rfc3339)) to "
            + "\(Format.time(timeline.buckets.last?.rfc3339)). "
        for series in timeline.variants {
            let busiest = zip(timeline.buckets, series.sends).max { $0.1 < $1.1 }
            text += "Variant \(series.variant): \(Format.count(series.sends.reduce(0, +))) sends"
            if let busiest, busiest.1 > 0 { text += ", most at \(Format.time(busiest.0.rfc3339))" }
            text += ". "
        }
        let complaints = timeline.variants.map { $0.complaints.reduce(0, +) }.reduce(0, +)
        let unsubscribes = timeline.variants.map { $0.unsubscribes.reduce(0, +) }.reduce(0, +)
        return text + "\(Format.count(complaints)) complaints and \(Format.count(unsubscribes)) unsubscribes in all."
    }

    var svg: String {
        let width = 720.0, left = 56.0, right = 12.0, top = 12.0
        let sendsHeight = 170.0, gap = 34.0, reactionsHeight = 90.0, bottom = 30.0
        let height = top + sendsHeight + gap + reactionsHeight + bottom
        let dense = denseSeries()
        let slots = max(1, dense.count)
        let plot = width - left - right
        func x(_ slot: Int) -> Double { left + plot * (Double(slot) + 0.5) / Double(slots) }
        let sendMax = SVG.niceCeiling(Double(dense.flatMap { $0.sends }.max() ?? 0))
        let reactionMax = SVG.niceCeiling(Double(dense.map { $0.complaints + $0.unsubscribes }.max() ?? 0))
        var out = SVG.open(id: id, width: Int(width), height: Int(height), title: title, description: description)
        // Sends panel.
        let sendsBase = top + sendsHeight
        out += axis(
            y: sendsBase, height: sendsHeight, maximum: sendMax, left: left, right: width - right, label: "sends")
        for (index, series) in timeline.variants.enumerated() {
            let points = dense.indices.map { slot in
                "\(SVG.n(x(slot))),\(SVG.n(sendsBase - sendsHeight * Double(dense[slot].sends[index]) / sendMax))"
            }
            out +=
                "<polyline class=\"series\" fill=\"none\" stroke=\"\(SVG.color(index))\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"><title>\(SVG.escape("Variant " + series.variant))</title></polyline>\n"
        }
        // Complaints and unsubscribes panel.
        let reactionsBase = sendsBase + gap + reactionsHeight
        out += axis(
            y: reactionsBase, height: reactionsHeight, maximum: reactionMax, left: left, right: width - right,
            label: "reports")
        let barWidth = max(1, plot / Double(slots) - 1)
        for slot in dense.indices {
            let complaints = Double(dense[slot].complaints), unsubscribes = Double(dense[slot].unsubscribes)
            guard complaints + unsubscribes > 0 else { continue }
            let complaintHeight = reactionsHeight * complaints / reactionMax
            let unsubscribeHeight = reactionsHeight * unsubscribes / reactionMax
            let barX = x(slot) - barWidth / 2
            out +=
                "<rect class=\"complaints\" x=\"\(SVG.n(barX))\" y=\"\(SVG.n(reactionsBase - complaintHeight))\" width=\"\(SVG.n(barWidth))\" height=\"\(SVG.n(complaintHeight))\"/>\n"
            out +=
                "<rect class=\"unsubscribes\" x=\"\(SVG.n(barX))\" y=\"\(SVG.n(reactionsBase - complaintHeight - unsubscribeHeight))\" width=\"\(SVG.n(barWidth))\" height=\"\(SVG.n(unsubscribeHeight))\"/>\n"
        }
        // Time ticks: first, middle, last bucket.
        let ticks = Set([0, dense.count / 2, max(0, dense.count - 1)]).sorted().filter { $0 < dense.count }
        for slot in ticks {
            let anchor = slot == 0 ? "start" : slot == dense.count - 1 ? "end" : "middle"
            let tickX = slot == 0 ? left : slot == dense.count - 1 ? width - right : x(slot)
            out +=
                "<text class=\"tick\" x=\"\(SVG.n(tickX))\" y=\"\(SVG.n(height - 10))\" text-anchor=\"\(anchor)\">\(SVG.escape(Self.clock(dense[slot].start)))</text>\n"
        }
        return out + "</svg>"
    }

    /// Every bucket from the first to the last, empty ones included (at most 2,000).
    private func denseSeries() -> [(start: Timestamp, sends: [Int], complaints: Int, unsubscribes: Int)] {
        guard let first = timeline.buckets.first, let last = timeline.buckets.last else { return [] }
        let step = Int64(max(1, timeline.bucketSeconds)) * 1_000_000
        let count = Int(min(2000, (last.microseconds - first.microseconds) / step + 1))
        var dense = (0..<count).map { slot in
            (
                start: Timestamp(microseconds: first.microseconds + Int64(slot) * step),
                sends: [Int](repeating: 0, count: timeline.variants.count), complaints: 0, unsubscribes: 0
            )
        }
        for (bucket, start) in timeline.buckets.enumerated() {
            let slot = Int((start.microseconds - first.microseconds) / step)
            guard slot < count else { continue }
            for (index, series) in timeline.variants.enumerated() {
                dense[slot].sends[index] += series.sends[bucket]
                dense[slot].complaints += series.complaints[bucket]
                dense[slot].unsubscribes += series.unsubscribes[bucket]
            }
        }
        return dense
    }

    private func axis(y: Double, height: Double, maximum: Double, left: Double, right: Double, label: String) -> String
    {
        var out = ""
        for fraction in [0.0, 0.5, 1.0] {
            let lineY = y - height * fraction
            out +=
                "<line class=\"grid\" x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(lineY))\" x2=\"\(SVG.n(right))\" y2=\"\(SVG.n(lineY))\"/>\n"
            out +=
                "<text class=\"tick\" x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(lineY + 4))\" text-anchor=\"end\">\(SVG.escape(Format.count(Int(maximum * fraction))))</text>\n"
        }
        out +=
            "<text class=\"axis-label\" x=\"\(SVG.n(left))\" y=\"\(SVG.n(y - height - 2))\">\(SVG.escape(label))</text>\n"
        return out
    }

    /// `14:05` (or `09-10 14:05` when buckets are a day or more apart… kept short: `MM-DD` for days).
    private static func clock(_ time: Timestamp) -> String {
        let text = time.rfc3339
        return String(text.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ")
    }

    /// `60` → `minute`, `300` → `5 minutes`, `3600` → `hour`.
    static func duration(_ seconds: Double) -> String {
        switch seconds {
        case 60: "minute"
        case 3600: "hour"
        case 86_400: "day"
        case let s where s.truncatingRemainder(dividingBy: 3600) == 0: "\(Int(s / 3600)) hours"
        default: "\(Int(seconds / 60)) minutes"
        }
    }
}
