// MARK: - Internal

extension IncidentFrontMatter {
    /// Reads front matter from a composed YAML root, reporting every problem into `diagnostics`
    /// (whose line offset maps YAML lines to lines of the file); nil when there was any problem.
    /// `logLines` receives the YAML line of each `logs` item, for problems `LogGlob` finds later.
    static func read(
        _ root: YAMLNode?, into diagnostics: inout Diagnostics, logLines: inout [Int]
    ) -> IncidentFrontMatter? {
        let before = diagnostics.errors.count
        guard let root, !root.isNull else {
            diagnostics.error(yamlLine: 0, "missing 'title' in front matter (title is required)")
            return nil
        }
        guard let entries = root.entries(known: keys, context: "front matter", into: &diagnostics) else {
            return nil
        }
        var result = IncidentFrontMatter(title: "")
        if let node = entries["title"] {
            result.title = node.requiredString(key: "title", into: &diagnostics) ?? ""
        } else {
            diagnostics.error(yamlLine: 0, "missing 'title' in front matter (title is required)")
        }
        if let node = entries["date"], let text = node.optionalString(key: "date", into: &diagnostics) {
            result.date = IncidentDate(text)
            if result.date == nil {
                diagnostics.error(
                    yamlLine: node.line, "'date' is not a valid date: '\(text)'",
                    hint: "write YYYY-MM-DD or RFC 3339 with an offset, e.g. 2026-09-10T14:00:00Z")
            }
        }
        if let node = entries["status"], let text = node.optionalString(key: "status", into: &diagnostics) {
            if let status = IncidentStatus(rawValue: text) {
                result.status = status
            } else {
                diagnostics.error(yamlLine: node.line, "'status' must be draft or published, not '\(text)'")
            }
        }
        if let node = entries["tags"], !node.isNull {
            result.tags = node.stringList(key: "tags", into: &diagnostics) ?? []
        }
        if let node = entries["logs"], !node.isNull {
            result.logs = node.stringList(key: "logs", into: &diagnostics)
            if case .sequence(let items) = node.kind { logLines = items.map(\.line) }
        }
        func text(_ key: String) -> String? {
            let value = entries[key]?.optionalString(key: key, into: &diagnostics)
            return value?.isEmpty == false ? value : nil
        }
        result.campaign = text("campaign")
        result.severity = text("severity")
        result.owner = text("owner")
        result.summary = text("summary")
        return diagnostics.errors.count == before ? result : nil
    }
}
