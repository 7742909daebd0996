// MARK: - Internal

/// Collects the content problems of one file so that all of them are reported, not just the first.
struct Diagnostics {
    /// Site-relative path every collected error points at.
    let path: String
    /// Added to YAML line numbers to turn them into lines of `path` (front matter starts at line 2).
    var lineOffset: Int = 0
    /// The problems found so far, in the order found.
    private(set) var errors: [ContentError] = []

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    /// Records a problem at a YAML line (shifted by `lineOffset`), or with no line.
    mutating func error(yamlLine: Int?, _ message: String, hint: String? = nil) {
        let line = yamlLine.map { $0 + lineOffset }
        errors.append(ContentError(path: path, line: line, message: message, hint: hint))
    }

    /// Records a problem at a line of the file itself.
    mutating func error(fileLine: Int?, _ message: String, hint: String? = nil) {
        errors.append(ContentError(path: path, line: fileLine, message: message, hint: hint))
    }

    /// Records problems found elsewhere.
    mutating func append(contentsOf other: [ContentError]) {
        errors.append(contentsOf: other)
    }

    /// True when nothing has been recorded.
    var isEmpty: Bool { errors.isEmpty }
}
