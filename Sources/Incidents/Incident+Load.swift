import Foundation

// MARK: - Internal

extension Incident {
    /// Reads and checks one incident, adding every problem to `errors`; nil when there was any, or when
    /// it is a draft and drafts are not wanted (a skipped draft's apology and logs are not checked).
    static func load(_ source: IncidentSource, includeDrafts: Bool, errors: inout [ContentError]) -> Incident? {
        let parsed: (parts: FrontMatter, root: YAMLNode?)
        do {
            let text = try TextFile.read(file: source.file, path: source.path)
            parsed = try FrontMatter.parse(text, path: source.path)
        } catch {
            errors.append(contentsOf: error.errors)
            return nil
        }
        guard parsed.parts.yaml != nil else {
            errors.append(
                ContentError(
                    path: source.path, line: 1, message: "missing front matter (title is required)",
                    hint: "start the file with a line `---`, then `title: …`, then a line `---`"))
            return nil
        }
        var diagnostics = Diagnostics(path: source.path, lineOffset: FrontMatter.yamlLineOffset)
        var logLines: [Int] = []
        let frontMatter = IncidentFrontMatter.read(parsed.root, into: &diagnostics, logLines: &logLines)
        errors.append(contentsOf: diagnostics.errors)
        guard let frontMatter else { return nil }
        if frontMatter.status == .draft && !includeDrafts { return nil }

        var incident = Incident(
            slug: source.slug, sourcePath: source.path, isBundle: source.bundle != nil, frontMatter: frontMatter,
            body: parsed.parts.body, bodyLine: parsed.parts.bodyLine)
        let before = errors.count
        guard let bundle = source.bundle else {
            if frontMatter.logs != nil {
                errors.append(
                    ContentError(
                        path: source.path, line: logLines.first.map { $0 + FrontMatter.yamlLineOffset },
                        message: "'logs' needs an incident bundle",
                        hint:
                            "move the notes to \(IncidentSource.folder)/\(source.slug)/index.md and the logs beside them"
                    ))
                return nil
            }
            return incident
        }
        incident.logFiles = logFiles(of: frontMatter, bundle: bundle, source: source, lines: logLines, errors: &errors)
        if bundle.files.contains("apology.md") {
            incident.apology = Apology.load(
                bundle.url.appendingPathComponent("apology.md"), path: bundle.path + "/apology.md", errors: &errors)
        }
        if bundle.files.contains("plan.csv") {
            incident.planFile = bundle.url.appendingPathComponent("plan.csv")
        }
        return errors.count == before ? incident : nil
    }

    // MARK: - Private

    /// The bundle files matched by the incident's `logs` globs (or the default), sorted, each once.
    /// Explicit patterns that are unsafe or match nothing are reported at their line.
    private static func logFiles(
        of frontMatter: IncidentFrontMatter, bundle: (url: URL, path: String, files: [String]),
        source: IncidentSource, lines: [Int], errors: inout [ContentError]
    ) -> [URL] {
        let explicit = frontMatter.logs != nil
        let patterns = frontMatter.logs ?? LogGlob.defaultPatterns
        var matched = Set<String>()
        for (index, pattern) in patterns.enumerated() {
            let line = explicit && index < lines.count ? lines[index] + FrontMatter.yamlLineOffset : nil
            if let problem = LogGlob.problem(with: pattern) {
                errors.append(ContentError(path: source.path, line: line, message: problem))
                continue
            }
            let found = LogGlob.matches(pattern, in: bundle.files)
            if found.isEmpty && explicit {
                errors.append(
                    ContentError(
                        path: source.path, line: line, message: "logs pattern '\(pattern)' matches no file",
                        hint: "patterns are relative to \(bundle.path)/"))
            }
            matched.formUnion(found)
        }
        return matched.sorted().map { bundle.url.appendingPathComponent($0) }
    }
}
