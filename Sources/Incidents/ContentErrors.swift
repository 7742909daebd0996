/// Every content problem found in one load, reported together (house rule 4).
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, ordered by path, then line.
    public var errors: [ContentError]

    /// Wraps `errors`, sorting them by path and line so reports are deterministic.
    public init(_ errors: [ContentError]) {
        self.errors = errors.sorted { lhs, rhs in
            if lhs.path != rhs.path { return lhs.path < rhs.path }
            return (lhs.line ?? 0) < (rhs.line ?? 0)
        }
    }

    /// Wraps a single problem.
    public init(_ error: ContentError) {
        self.errors = [error]
    }

    /// One `ContentError.description` per problem, separated by newlines.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
