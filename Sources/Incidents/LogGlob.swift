// MARK: - Internal

/// The `logs` globs of an incident bundle: `*` and `?` within one path segment, `**` for any number
/// of folders. Patterns are relative to the bundle and matched against the bundle's regular files
/// only, so nothing outside the bundle (or behind a symbolic link) can match. As in a shell, `*` and
/// `?` do not match a leading `.` of a name, so `logs/*` skips `.DS_Store` and `.gitkeep`.
enum LogGlob {
    /// The pattern used when front matter has no `logs`.
    static let defaultPatterns = ["logs/*"]

    /// Why `pattern` is refused (absolute, climbing with `..`, empty), or nil when it is acceptable.
    static func problem(with pattern: String) -> String? {
        if pattern.isEmpty { return "logs pattern is empty" }
        if pattern.hasPrefix("/") || pattern.hasPrefix("~") || pattern.contains("\\") {
            return "logs pattern '\(pattern)' must be a path relative to the incident bundle"
        }
        if pattern.split(separator: "/").contains("..") {
            return "logs pattern '\(pattern)' leaves the incident bundle"
        }
        return nil
    }

    /// The members of `files` (bundle-relative paths) that `pattern` matches, in the order given.
    static func matches(_ pattern: String, in files: [String]) -> [String] {
        let parts = pattern.split(separator: "/").filter { $0 != "." }.map { Array($0.unicodeScalars) }
        return files.filter { file in
            matches(parts, file.split(separator: "/").map { Array($0.unicodeScalars) })
        }
    }

    // MARK: - Private

    /// Segment-wise match; `**` takes zero or more non-hidden segments. Dynamic programming keeps it
    /// linear in (pattern segments × path segments) however many `**` there are.
    private static func matches(_ pattern: [[Unicode.Scalar]], _ path: [[Unicode.Scalar]]) -> Bool {
        let doubleStar: [Unicode.Scalar] = ["*", "*"]
        // reachable[j]: the first i pattern segments can match the first j path segments.
        var reachable = [true] + Array(repeating: false, count: path.count)
        for segment in pattern {
            var next = Array(repeating: false, count: path.count + 1)
            if segment == doubleStar {
                var open = false
                for j in 0...path.count {
                    open = reachable[j] || (open && j > 0 && path[j - 1].first != ".")
                    next[j] = open
                }
            } else {
                for j in stride(from: 1, through: path.count, by: 1) where reachable[j - 1] {
                    next[j] = matchesSegment(segment, path[j - 1])
                }
            }
            reachable = next
        }
        return reachable[path.count]
    }

    /// `*` and `?` within one name; neither matches a leading `.`.
    private static func matchesSegment(_ pattern: [Unicode.Scalar], _ name: [Unicode.Scalar]) -> Bool {
        if name.first == ".", pattern.first != "." { return false }
        var p = 0
        var n = 0
        var star: Int?
        var resume = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n], pattern[p] != "*" {
                p += 1
                n += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = n
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                n = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
