import CampaignMetrics

/// Complaint rate per variant as horizontal bars, each with its 95% Wilson interval as a whisker
/// and the fail threshold as a dashed line.
struct RateChart {
    let id: String
    let variants: [VariantFigures]
    let failLevel: Double?

    var title: String { "Complaint rate per variant, with 95% intervals" }

    var description: String {
        let parts = variants.map { figures in
            let interval =
                figures.complaintRateInterval.map {
                    " (95% interval \(Format.percent($0.low)) to \(Format.percent($0.high)))"
                } ?? ""
            return "\(figures.variant ?? ""): \(Format.percent(figures.complaintRate))\(interval)"
        }
        let threshold = failLevel.map { " The dashed line marks the fail threshold of \(Format.percent($0))." } ?? ""
        return "Complaints per delivered message. " + parts.joined(separator: "; ") + "." + threshold
    }

    var svg: String {
        let rowHeight = 28.0, left = 110.0, right = 70.0, top = 12.0, width = 640.0
        let height = top + Double(variants.count) * rowHeight + 34
        let highest = variants.compactMap { $0.complaintRateInterval?.high ?? $0.complaintRate }.max() ?? 0
        let scaleMax = SVG.niceCeiling(max(highest, failLevel ?? 0) * 1.05)
        let plot = width - left - right
        func x(_ rate: Double) -> Double { left + plot * rate / scaleMax }
        var out = SVG.open(id: id, width: Int(width), height: Int(height), title: title, description: description)
        for tick in [0, 0.5, 1].map({ $0 * scaleMax }) {
            out +=
                "<line class=\"grid\" x1=\"\(SVG.n(x(tick)))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(x(tick)))\" y2=\"\(SVG.n(height - 28))\"/>\n"
            out +=
                "<text class=\"tick\" x=\"\(SVG.n(x(tick)))\" y=\"\(SVG.n(height - 12))\" text-anchor=\"middle\">\(SVG.escape(Format.percent(tick)))</text>\n"
        }
        for (index, figures) in variants.enumerated() {
            let y = top + Double(index) * rowHeight
            let rate = figures.complaintRate ?? 0
            out +=
                "<text class=\"label\" x=\"\(SVG.n(left - 8))\" y=\"\(SVG.n(y + 18))\" text-anchor=\"end\">\(SVG.escape(figures.variant ?? ""))</text>\n"
            out +=
                "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 6))\" width=\"\(SVG.n(x(rate) - left))\" height=\"16\" fill=\"\(SVG.color(index))\"/>\n"
            if let interval = figures.complaintRateInterval {
                out +=
                    "<line class=\"whisker\" x1=\"\(SVG.n(x(interval.low)))\" y1=\"\(SVG.n(y + 14))\" x2=\"\(SVG.n(x(interval.high)))\" y2=\"\(SVG.n(y + 14))\"/>\n"
                for end in [interval.low, interval.high] {
                    out +=
                        "<line class=\"whisker\" x1=\"\(SVG.n(x(end)))\" y1=\"\(SVG.n(y + 9))\" x2=\"\(SVG.n(x(end)))\" y2=\"\(SVG.n(y + 19))\"/>\n"
                }
            }
            out +=
                "<text class=\"value\" x=\"\(SVG.n(width - right + 6))\" y=\"\(SVG.n(y + 18))\">\(SVG.escape(Format.percent(figures.complaintRate)))</text>\n"
        }
        if let failLevel {
            out +=
                "<line class=\"threshold\" x1=\"\(SVG.n(x(failLevel)))\" y1=\"\(SVG.n(top - 4))\" x2=\"\(SVG.n(x(failLevel)))\" y2=\"\(SVG.n(height - 28))\"/>\n"
        }
        return out + "</svg>"
    }
}
