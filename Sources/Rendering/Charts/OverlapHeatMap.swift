import CampaignMetrics

/// The variant × variant matrix of recipients who received both, as a heat map with the counts
/// written in the cells.
struct OverlapHeatMap {
    let id: String
    let overlap: OverlapFigures

    var title: String { "Recipients who received both variants" }

    var description: String {
        let offDiagonal = overlap.matrix.enumerated().flatMap { row, counts in
            counts.enumerated().filter { $0.offset > row }.map(\.element)
        }
        let most = offDiagonal.max() ?? 0
        return
            "A \(overlap.variants.count) by \(overlap.variants.count) grid; each cell counts the recipients sent both "
            + "the row's and the column's variant, the diagonal each variant's recipients. "
            + (most == 0
                ? "No recipient received two variants."
                : "Up to \(Format.count(most)) recipients received a given pair of variants.")
    }

    var svg: String {
        let count = overlap.variants.count
        let cell = count > 12 ? 28.0 : 48.0
        let left = 90.0, top = 60.0
        let width = left + cell * Double(count) + 10, height = top + cell * Double(count) + 10
        let maximum = max(1, overlap.matrix.flatMap { $0 }.max() ?? 1)
        var out = SVG.open(id: id, width: Int(width), height: Int(height), title: title, description: description)
        for (index, name) in overlap.variants.enumerated() {
            let center = Double(index) * cell + cell / 2
            out +=
                "<text class=\"label\" x=\"\(SVG.n(left + center))\" y=\"\(SVG.n(top - 10))\" text-anchor=\"middle\">\(SVG.escape(name))</text>\n"
            out +=
                "<text class=\"label\" x=\"\(SVG.n(left - 8))\" y=\"\(SVG.n(top + center + 5))\" text-anchor=\"end\">\(SVG.escape(name))</text>\n"
        }
        for (row, counts) in overlap.matrix.enumerated() {
            for (column, value) in counts.enumerated() {
                let share = Double(value) / Double(maximum)
                let x = left + Double(column) * cell, y = top + Double(row) * cell
                out +=
                    "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(cell - 2))\" height=\"\(SVG.n(cell - 2))\" "
                    + "fill=\"#D55E00\" fill-opacity=\"\(SVG.n(0.08 + 0.9 * share))\"/>\n"
                if cell >= 40 {
                    out +=
                        "<text class=\"cell\" x=\"\(SVG.n(x + cell / 2 - 1))\" y=\"\(SVG.n(y + cell / 2 + 4))\" text-anchor=\"middle\">\(SVG.escape(Self.short(value)))</text>\n"
                }
            }
        }
        return out + "</svg>"
    }

    /// `1234` → `1.2k`, to fit a cell.
    static func short(_ value: Int) -> String {
        if value >= 1_000_000 { return String(Double(value / 100_000) / 10) + "M" }
        if value >= 10_000 { return String(value / 1000) + "k" }
        if value >= 1000 { return String(Double(value / 100) / 10) + "k" }
        return String(value)
    }
}
