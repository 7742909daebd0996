/// A problem found while rendering, at a place: `path:line: error: message`.
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The site-relative file the problem is in.
    public var path: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Makes an error.
    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: error: message`.
    public var description: String {
        line.map { "\(path):\($0): error: \(message)" } ?? "\(path): error: \(message)"
    }
}

/// Every problem found while rendering a site, reported together.
public struct RenderErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order found.
    public var errors: [RenderError]

    /// One line a problem.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
