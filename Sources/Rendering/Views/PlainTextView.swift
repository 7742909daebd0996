import Mustache

/// A view as Mustache sees it when it escapes text itself: text names answer the text, nested
/// views are seen the same way. For themes that ask for text raw (`{{{title}}}`), transformed
/// (`{{uppercased(title)}}`) or in another content type, which ``HTMLText``'s templates would
/// not honour (``TemplateSet/escapesText``).
struct PlainTextView: MustacheParent {
    /// The view seen.
    let base: any MustacheView

    func child(named name: String) -> Any? {
        switch base.value(named: name) {
        case .text(let text): return text
        case .value(let value): return value.map(Self.plain)
        case nil: return nil
        }
    }

    /// `value` with the views in it (alone or in a list) seen as plain text views.
    private static func plain(_ value: Any) -> Any {
        if let view = value as? any MustacheView { return PlainTextView(base: view) }
        if let views = value as? [any MustacheView] { return views.map { PlainTextView(base: $0) } }
        return value
    }
}
