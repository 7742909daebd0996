import Foundation

// MARK: - Internal

extension SiteSettings {
    /// The top-level keys of `aftermail.yml`.
    static let keys = ["title", "base_url", "language", "private_dir", "markdown", "thresholds", "providers"]

    /// Parses the text of `aftermail.yml`; all problems are thrown together.
    static func parse(_ text: String) throws(ContentErrors) -> SiteSettings {
        var diagnostics = Diagnostics(path: fileName)
        var yaml = text
        if yaml.hasPrefix("\u{FEFF}") { yaml.removeFirst() }
        let root: YAMLNode?
        do {
            root = try YAMLNode.compose(yaml, what: fileName)
        } catch {
            throw ContentErrors(
                ContentError(path: fileName, line: error.line, message: error.message, hint: error.hint))
        }
        var settings = SiteSettings.default
        guard let root, !root.isNull else { return settings }
        guard let entries = root.entries(known: keys, context: fileName, into: &diagnostics) else {
            throw ContentErrors(diagnostics.errors)
        }
        if let node = entries["title"], let title = node.requiredString(key: "title", into: &diagnostics) {
            settings.title = title
        }
        if let node = entries["base_url"] {
            let url = node.optionalString(key: "base_url", into: &diagnostics)
            settings.baseURL = url?.isEmpty == false ? url : nil
        }
        if let node = entries["language"], let language = node.requiredString(key: "language", into: &diagnostics) {
            settings.language = language
        }
        if let node = entries["private_dir"], let dir = node.requiredString(key: "private_dir", into: &diagnostics) {
            if let normalized = normalizedPrivateDir(dir) {
                settings.privateDir = normalized
            } else {
                diagnostics.error(
                    yamlLine: node.line,
                    "'private_dir' must be a relative folder inside the site, outside output/: '\(dir)'",
                    hint: "lists that name people must never be published; the default is 'private'")
            }
        }
        if let node = entries["markdown"],
            let markdown = node.entries(known: ["unsafe"], context: "markdown", into: &diagnostics),
            let unsafe = markdown["unsafe"]?.bool(key: "markdown.unsafe", into: &diagnostics)
        {
            settings.markdownUnsafe = unsafe
        }
        if let node = entries["thresholds"], !node.isNull {
            settings.thresholds.apply(node, into: &diagnostics)
        }
        if let node = entries["providers"], !node.isNull {
            settings.providers = ProviderSettings.parse(node, into: &diagnostics)
        }
        guard diagnostics.isEmpty else { throw ContentErrors(diagnostics.errors) }
        return settings
    }

    /// `dir` without `./` parts and trailing slashes, or nil when it is absolute, climbs with `..`,
    /// names the site root itself, or lies in `output/` (the public site).
    static func normalizedPrivateDir(_ dir: String) -> String? {
        guard !dir.hasPrefix("/"), !dir.hasPrefix("~"), !dir.contains("\\") else { return nil }
        let parts = dir.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains(".."), parts.first != "output" else { return nil }
        return parts.joined(separator: "/")
    }
}
