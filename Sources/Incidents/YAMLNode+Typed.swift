import Foundation

// MARK: - Internal

/// Typed readers over `YAMLNode`. Each reports a problem into `Diagnostics` at the value's line and
/// returns nil, so one pass over a mapping reports every bad key.
extension YAMLNode {
    /// The mapping's entries keyed by name, after reporting non-text keys and keys not in `known`.
    func entries(known: [String], context: String, into diagnostics: inout Diagnostics) -> [String: YAMLNode]? {
        guard case .mapping(let pairs) = kind else {
            diagnostics.error(yamlLine: line, "\(context) must be a mapping of keys, not \(shapeName)")
            return nil
        }
        var result: [String: YAMLNode] = [:]
        for (key, value) in pairs {
            guard case .scalar(let name, _) = key.kind else {
                diagnostics.error(yamlLine: key.line, "keys of \(context) must be text, not \(key.shapeName)")
                continue
            }
            guard known.contains(name) else {
                diagnostics.error(
                    yamlLine: key.line, "unknown key '\(name)' in \(context)",
                    hint: YAMLNode.suggestion(for: name, among: known))
                continue
            }
            result[name] = value
        }
        return result
    }

    /// Text of a scalar, trimmed; nil (without a problem) for null; a problem for collections.
    func optionalString(key: String, into diagnostics: inout Diagnostics) -> String? {
        if isNull { return nil }
        guard let text = scalarText else {
            diagnostics.error(yamlLine: line, "'\(key)' must be text, not \(shapeName)")
            return nil
        }
        return text.trimmedOfWhiteSpaceAndNewlines
    }

    /// Text of a scalar that must be present and non-empty after trimming.
    func requiredString(key: String, into diagnostics: inout Diagnostics) -> String? {
        let text = optionalString(key: key, into: &diagnostics)
        if let text, !text.isEmpty { return text }
        if scalarText != nil {
            diagnostics.error(yamlLine: line, "'\(key)' must not be empty")
        }
        return nil
    }

    /// A list of non-empty text items; a problem at the list (or the bad item) otherwise.
    func stringList(key: String, into diagnostics: inout Diagnostics) -> [String]? {
        guard case .sequence(let items) = kind else {
            diagnostics.error(
                yamlLine: line, "'\(key)' must be a list of text, not \(shapeName)",
                hint: "write it as [a, b] or as lines starting with '- '")
            return nil
        }
        var result: [String] = []
        var ok = true
        for item in items {
            guard let text = item.scalarText, !item.isNull,
                !text.trimmedOfWhiteSpaceAndNewlines.isEmpty
            else {
                let shape = item.scalarText != nil ? "empty text" : item.shapeName
                diagnostics.error(yamlLine: item.line, "items of '\(key)' must be non-empty text, not \(shape)")
                ok = false
                continue
            }
            result.append(text.trimmedOfWhiteSpaceAndNewlines)
        }
        return ok ? result : nil
    }

    /// `true` or `false` (any letter case), unquoted.
    func bool(key: String, into diagnostics: inout Diagnostics) -> Bool? {
        if case .scalar(let text, plain: true) = kind {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        diagnostics.error(yamlLine: line, "'\(key)' must be true or false")
        return nil
    }

    /// A whole number that is zero or more.
    func count(key: String, into diagnostics: inout Diagnostics) -> Int? {
        if let text = scalarText, let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 {
            return value
        }
        diagnostics.error(yamlLine: line, "'\(key)' must be a whole number, 0 or more")
        return nil
    }

    // MARK: - Private

    /// "did you mean `x`?" for a close known key (edit distance at most 2), else the list of known keys.
    private static func suggestion(for name: String, among known: [String]) -> String {
        let close = known.map { ($0, editDistance(name.lowercased(), $0)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }
        if let close { return "did you mean '\(close.0)'?" }
        return "known keys: " + known.joined(separator: ", ")
    }

    /// Levenshtein distance over Unicode scalars (names are short).
    private static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
