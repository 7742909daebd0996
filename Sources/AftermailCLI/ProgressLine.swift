import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress display on standard error for long runs: nothing for the first two seconds,
/// nothing when standard error is not a terminal or with `--quiet`, at most four updates a second,
/// and the line is cleared at the end.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var lastShown = Date.distantPast
    private var shown = false

    /// A display that shows only when `quiet` is false and standard error is a terminal.
    init(quiet: Bool) {
        enabled = !quiet && isatty(2) == 1
    }

    /// Reports `events` read so far while reading `file`.
    func update(file: String, events: Int) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed >= 2, now.timeIntervalSince(lastShown) >= 0.25 else { return }
        lastShown = now
        shown = true
        let rate = Int(Double(events) / elapsed)
        let name = file.count > 40 ? "…" + file.suffix(39) : file
        write("\r\u{1B}[K\(name): \(Self.grouped(events)) events read, \(Self.grouped(rate))/s")
    }

    /// Clears the line, if one was shown.
    func finish() {
        if shown { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) {
        var copy = text
        copy.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }

    private static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
