#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where commands write: standard output and standard error, or a test's buffers.
public struct Terminal: Sendable {
    /// Writes to standard output.
    public var write: @Sendable (String) -> Void
    /// Writes one message (a newline is added) to standard error.
    public var error: @Sendable (String) -> Void

    /// A terminal writing through the given functions.
    public init(write: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.write = write
        self.error = error
    }

    /// The process's standard output and error.
    public static let standard = Terminal(
        write: { text in writeAll(1, text) },
        error: { text in writeAll(2, text.hasSuffix("\n") ? text : text + "\n") })

    /// Writes every byte of `text` to `fd`, retrying short writes (unbuffered, so order is kept).
    private static func writeAll(_ fd: Int32, _ text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// The terminal of the current task: ``standard`` unless a test binds another.
    @TaskLocal public static var current = Terminal.standard
}
