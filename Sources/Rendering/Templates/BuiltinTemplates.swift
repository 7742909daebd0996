/// The default theme: the templates compiled into the binary. A file of the same name in the
/// site's `templates/` folder replaces one of them (see ``TemplateSet``).
enum BuiltinTemplates {
    /// Every built-in template by file name (`layout.mustache`, `style.css`, ...).
    static let files: [String: String] = [
        "layout.mustache": layout,
        "index.mustache": index,
        "incident.mustache": incident,
        "apology.mustache": apology,
        "figures.mustache": figures,
        "tag.mustache": tag,
        "style.css": style,
    ]
}
