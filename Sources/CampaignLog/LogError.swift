/// A problem with a log, at a place: `path:line: message`.
///
/// Thrown for a file that cannot be read at all (no such file, unknown format, a header without a
/// required column) and, under `--strict`, for the first bad record. Otherwise bad records are
/// skipped and listed in the ``LogReadReport``.
public struct LogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var path: String
    /// The 1-based line the problem starts on, when there is one.
    public var line: Int?
    /// What is wrong, in words.
    public var message: String

    /// Makes an error at a place.
    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: error: message`.
    public var description: String {
        if let line { return "\(path):\(line): error: \(message)" }
        return "\(path): error: \(message)"
    }

    /// `path:line: warning: skipped: message`, for a record that was skipped rather than fatal.
    public var warningDescription: String {
        if let line { return "\(path):\(line): warning: skipped: \(message)" }
        return "\(path): warning: skipped: \(message)"
    }
}
