import Mustache

/// A view model that answers Mustache by name instead of through `Mirror` (reflection costs about
/// 0.2 ms a page, a switch next to nothing; issue 7), telling text apart from everything else so
/// that Aftermail, not Mustache, escapes the text (``HTMLText``).
///
/// A name missing from a view renders as empty text, so every page kind has a golden test
/// (DESIGN.md rule 5); keep each view's list in step with its struct.
protocol MustacheView: MustacheParent {
    /// The value called `name`, or `nil` when the view has no such name.
    func value(named key: String) -> ViewValue?
}

extension MustacheView {
    /// Mustache's view of ``value(named:)``: a text name `title` is the shared template
    /// `{{{*title}}}`, and `*title` is the text escaped; other values are themselves.
    func child(named name: String) -> Any? {
        if name.utf8.first == UInt8(ascii: "*") {
            guard case .text(let text?) = value(named: String(name.dropFirst())) else { return nil }
            return HTMLText.Escaped(renderText: HTMLText.escape(text))
        }
        switch value(named: name) {
        case .text(let text?): return HTMLText.slot(named: name) ?? text
        case .value(let value): return value
        case .text(.none), nil: return nil
        }
    }
}
