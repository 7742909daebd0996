import Mustache

/// Text on a page, escaped by Aftermail rather than by Mustache.
///
/// swift-mustache escapes `{{name}}` a `Character` at a time with a dictionary lookup each: a
/// tenth of a 10,000-note build (issue 7). Worse, a quote followed by a combining mark is one
/// `Character` that is not `"`, so it passed through unescaped and could end the attribute it
/// stood in (SPEC §5). So a view answers a text name `title` with a tiny shared template,
/// `{{{*title}}}`, which Mustache renders in place without escaping, and answers `*title` with
/// the text escaped here, byte by byte (``MustacheView``). A theme that asks for text raw or
/// transformed gets Mustache's own escaping instead (``TemplateSet/escapesText``).
enum HTMLText {
    // MARK: - Internal

    /// Already escaped text, which `{{{*name}}}` shows as it is.
    struct Escaped: MustacheCustomRenderable {
        /// The escaped text.
        let renderText: String
        /// Never a null object: an absent text has no `Escaped`.
        var isNull: Bool { false }
    }

    /// `text` with `<`, `>`, `&`, `"` and `'` replaced by the entities swift-mustache uses
    /// (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#39;`), whatever follows them; `text` itself when
    /// it has none of them.
    static func escape(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            var extra = 0
            for byte in bytes {
                if let entity = entity(byte) { extra += entity.utf8CodeUnitCount - 1 }
            }
            guard extra > 0 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count + extra) { output in
                var written = 0
                for byte in bytes {
                    guard let entity = entity(byte) else {
                        output[written] = byte
                        written += 1
                        continue
                    }
                    for index in 0..<entity.utf8CodeUnitCount {
                        output[written] = entity.utf8Start[index]
                        written += 1
                    }
                }
                return written
            }
        }
        return escaped ?? text
    }

    /// The template a view gives Mustache for text called `name`, `{{{*name}}}`; `nil` for a
    /// name Mustache escapes itself (see ``names``).
    static func slot(named name: String) -> MustacheTemplate? { slots[name] }

    // MARK: - Private

    /// The text names whose text Aftermail escapes. Text under other names (figures that
    /// Aftermail formats, never input) is left to Mustache: `{{headline.sends}}` looks `sends` up
    /// in `headline`, which is not on the context stack where `{{{*sends}}}` would look, so a
    /// theme that reaches one of these names through a dot gets Mustache's escaping for all
    /// text (``TemplateTags``).
    static let names: Set<String> = [
        "anchor", "apologyHref", "date", "description", "firstComplaint", "firstSend", "heading", "href",
        "incidentTitle", "isoDay", "language", "lastSend", "metricsHref", "name", "owner", "pageTitle", "root",
        "sentAt", "severity", "siteTitle", "skippedRecords", "summary", "tag", "time", "title", "variant",
    ]

    private static let slots: [String: MustacheTemplate] = Dictionary(
        uniqueKeysWithValues: names.map { ($0, try! MustacheTemplate(string: "{{{*\($0)}}}")) })

    /// The entity that replaces `byte`, if it is one of the five.
    @inline(__always)
    private static func entity(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
