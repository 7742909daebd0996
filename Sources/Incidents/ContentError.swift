/// One problem with the site's content, tied to a place: a site-relative path and, where known, a line.
///
/// Its `description` is the compiler-style line the CLI prints:
/// `content/incidents/x/index.md:3: error: unknown key 'titel'`, followed by
/// `\n  hint: …` when a hint helps.
public struct ContentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Site-relative path of the file at fault (or the site folder itself).
    public var path: String
    /// 1-based line in `path`, when the problem has one.
    public var line: Int?
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// How to fix it, when that is not obvious from the message.
    public var hint: String?

    /// Creates an error at `path` (and `line`, when known).
    public init(path: String, line: Int? = nil, message: String, hint: String? = nil) {
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `path:line: error: message`, plus an indented hint line when there is a hint.
    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        let head = "\(place): error: \(message)"
        guard let hint else { return head }
        return head + "\n  hint: " + hint
    }
}
