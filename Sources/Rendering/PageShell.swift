import Incidents

/// The layout around every page, rendered by Mustache once per shape with stand-ins for the
/// page's text, then filled in for each page without Mustache (issue 7: the layout was a
/// quarter of the template work of a 10,000-note build).
///
/// A layout's output depends on the view only through which values are absent or false and
/// through the text it puts in, raw or escaped, as long as it does nothing else with a value:
/// no transform, no dotted text, no delimiter or content-type change (``TemplateTags``), and no
/// partial or parent template, where indentation depends on the text. Then rendering it with a
/// stand-in (`U+E000`, `<`, the slot number, `U+E001`) for each text shows where each text goes
/// and whether escaped (`&lt;`) or raw. A layout that does not meet this is rendered by Mustache
/// for every page, as are pages when the shell is not built.
struct PageShell: Sendable {
    // MARK: - Internal

    /// The shell of `templates`' layout for a site with `settings`, or `nil` when it cannot be
    /// split safely.
    init?(templates: TemplateSet, settings: SiteSettings) {
        guard templates.escapesText, let layout = templates.sources["layout.mustache"],
            !layout.contains("{{>"), !layout.contains("{{<"),
            !layout.unicodeScalars.contains(where: { $0 == Self.open || $0 == Self.close })
        else { return nil }
        let hasFeed = settings.baseURL != nil
        guard let with = Self.pieces(templates, hasFeed: hasFeed, description: true),
            let without = Self.pieces(templates, hasFeed: hasFeed, description: false)
        else { return nil }
        withDescription = with
        withoutDescription = without
        language = settings.language
        siteTitle = settings.title
    }

    /// The page: the layout around `body` with the given text, as Mustache would render it.
    func page(pageTitle: String, description: String?, root: String, body: String) -> [UInt8] {
        let pieces = description == nil ? withoutDescription : withDescription
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.utf8.count + 2048)
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                bytes += literal
            case .slot(let slot, let escaped):
                var text: String
                switch slot {
                case .language: text = language
                case .pageTitle: text = pageTitle
                case .description: text = description ?? ""
                case .siteTitle: text = siteTitle
                case .root: text = root
                case .body: text = body
                }
                if escaped { text = HTMLText.escape(text) }
                text.withUTF8 { bytes += $0 }
            }
        }
        return bytes
    }

    // MARK: - Private

    /// A value of ``LayoutView`` that is put into the page.
    private enum Slot: Int, CaseIterable {
        case language, pageTitle, description, siteTitle, root, body
    }

    /// A stretch of the layout's output: fixed bytes, or a value, escaped or raw.
    private enum Piece {
        case literal([UInt8])
        case slot(Slot, escaped: Bool)
    }

    private static let open: Unicode.Scalar = "\u{E000}"
    private static let close: Unicode.Scalar = "\u{E001}"

    private let withDescription: [Piece]
    private let withoutDescription: [Piece]
    private let language: String
    private let siteTitle: String

    /// The layout rendered with stand-ins, cut at them; `nil` when a stand-in comes out in any
    /// other form, or `body` (HTML, which Mustache escapes its own way) escaped.
    private static func pieces(_ templates: TemplateSet, hasFeed: Bool, description: Bool) -> [Piece]? {
        func standIn(_ slot: Slot) -> String { "\(open)<\(slot.rawValue)\(close)" }
        let view = LayoutView(
            language: standIn(.language), pageTitle: standIn(.pageTitle),
            description: description ? standIn(.description) : nil, siteTitle: standIn(.siteTitle),
            root: standIn(.root), hasFeed: hasFeed, body: standIn(.body))
        guard let output = try? templates.render(view, template: "layout") else { return nil }
        var pieces: [Piece] = []
        var rest = output.unicodeScalars[...]
        while let start = rest.firstIndex(of: open) {
            pieces.append(.literal(Array(String(rest[..<start]).utf8)))
            let afterOpen = rest[rest.index(after: start)...]
            guard let end = afterOpen.firstIndex(of: close) else { return nil }
            let inside = String(afterOpen[..<end])
            let escaped = inside.hasPrefix("&lt;")
            guard escaped || inside.hasPrefix("<"),
                let number = Int(inside.dropFirst(escaped ? 4 : 1)), let slot = Slot(rawValue: number),
                !(escaped && slot == .body)
            else { return nil }
            pieces.append(.slot(slot, escaped: escaped))
            rest = afterOpen[afterOpen.index(after: end)...]
        }
        pieces.append(.literal(Array(String(rest).utf8)))
        return pieces
    }
}
