/// A build that failed, with the step it failed in and every problem that step found.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    /// The name of the failing step (`Render pages`).
    public var step: String
    /// The problems, one a line, already formatted (`path:line: error: …`).
    public var problems: [String]

    /// Makes a build error.
    public init(step: String, problems: [String]) {
        self.step = step
        self.problems = problems
    }

    /// The problems, then which step failed.
    public var description: String {
        (problems + ["error: build failed in step '\(step)'; output/ was not touched"])
            .joined(separator: "\n")
    }
}
