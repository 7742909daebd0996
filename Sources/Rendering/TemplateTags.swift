/// A look at a template's tags, enough to tell whether text may be escaped by Aftermail
/// (``HTMLText``): a theme that shows text raw, transforms it or changes the delimiters or the
/// content type gets Mustache's own escaping instead (``TemplateSet/escapesText``).
enum TemplateTags {
    // MARK: - Internal

    /// The names the built-in theme shows raw: HTML made safe by Aftermail, never text.
    static let htmlNames: Set<Substring> = ["body", "bodyHTML", "notesHTML", "svg"]

    /// Whether `template` shows text only escaped (`{{name}}`), in sections and as `{{.}}`: no
    /// raw tag (`{{{name}}}`, `{{&name}}`) but for ``htmlNames``, no transform (`{{f(name)}}`), no
    /// dynamic partial (`{{>*name}}`), no dotted name ending in one of ``HTMLText/names``
    /// (`{{entry.title}}`), no delimiter change (`{{=…=}}`) and no pragma (`{{%…}}`).
    static func leaveTextToAftermail(_ template: String) -> Bool {
        var rest = template[...]
        while let open = rest.firstRange(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else { return true }  // does not parse anyway
            let tag = afterOpen[..<close.lowerBound]
            rest = afterOpen[close.upperBound...]
            switch tag.first {
            case "!":
                continue
            case "=", "%":
                return false
            case "{", "&":
                guard htmlNames.contains(trimmed(tag.dropFirst())) else { return false }
            case ">":
                if trimmed(tag.dropFirst()).hasPrefix("*") { return false }
            default:
                let name = trimmed(tag.drop { "#^/".contains($0) })
                if name.contains("(") { return false }
                if name != ".", name.contains("."), let last = name.split(separator: ".").last,
                    HTMLText.names.contains(String(last))
                {
                    return false
                }
            }
        }
        return true
    }

    // MARK: - Private

    private static func trimmed(_ text: Substring) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return text[start..<max(start, end)]
    }
}
