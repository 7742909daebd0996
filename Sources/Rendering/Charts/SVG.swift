/// Small helpers for the inline SVG charts: escaping, numbers, the variant palette.
enum SVG {
    /// Text fit for SVG content and attribute values.
    static func escape(_ text: String) -> String { Feeds.escape(text) }

    /// A coordinate with at most one decimal, so the markup stays short and reproducible.
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    /// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
    static let palette = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#F0E442", "#999999"]

    /// The colour of the variant at `index`.
    static func color(_ index: Int) -> String { palette[index % palette.count] }

    /// A "nice" axis maximum at or above `value`: 1, 2 or 5 times a power of ten.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2.0, 5.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }

    /// The opening of an accessible chart: `role="img"`, labelled by its title and description.
    static func open(id: String, width: Int, height: Int, title: String, description: String) -> String {
        """
        <svg class="chart" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" \
        aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-title">\(escape(title))</title>
        <desc id="\(id)-desc">\(escape(description))</desc>

        """
    }
}
