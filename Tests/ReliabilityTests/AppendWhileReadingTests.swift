import CampaignLog
import CampaignMetrics
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 6 §5: reading a log that is still being appended to gives a consistent count. A writer
/// thread appends lines (each a send to a new recipient, the recipient last so that a cut line
/// would carry a cut address) while the reader reads the file again and again.
@Suite(.serialized)
struct AppendWhileReadingTests {
    /// Appends `count` numbered lines to `path`, each as one `write`, or in two halves (as a
    /// buffered writer flushing mid-line does) with a pause between; `written` counts whole lines.
    final class Writer: Sendable {
        let path: String
        let count: Int
        let halves: Bool
        let written = Atomic<Int>(0)
        let done = Atomic<Bool>(false)

        init(path: String, count: Int, halves: Bool) {
            self.path = path
            self.count = count
            self.halves = halves
        }

        static func line(_ index: Int) -> String {
            "2026-09-10T14:00:00Z,c,A,send," + String(format: "r%07d@example.com", index) + "\n"
        }

        func start() {
            let thread = Thread { [self] in
                let fd = open(path, O_WRONLY | O_APPEND)
                precondition(fd >= 0)
                for index in 0..<count {
                    let bytes = Array(Self.line(index).utf8)
                    if halves {
                        let cut = bytes.count - 8  // inside the address
                        _ = bytes[..<cut].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                        usleep(20)
                        _ = bytes[cut...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    } else {
                        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    }
                    written.add(1, ordering: .sequentiallyConsistent)
                }
                close(fd)
                done.store(true, ordering: .sequentiallyConsistent)
            }
            thread.start()
        }
    }

    /// Reads while `writer` writes; returns the problems found (at most a few).
    static func readWhileWriting(_ writer: Writer) -> [String] {
        var problems: [String] = []
        var reads = 0
        writer.start()
        // A read that begins and ends inside one pause of the writer cannot tell a cut last line
        // from a file that ends without a line end (RELIABILITY.md); once the file holds a
        // thousand lines, every read outlasts the writer's pauses.
        while writer.written.load(ordering: .sequentiallyConsistent) < 1_000 { usleep(100) }
        while !writer.done.load(ordering: .sequentiallyConsistent) || reads == 0 {
            let before = writer.written.load(ordering: .sequentiallyConsistent)
            guard let run = try? MetricsRun.read(files: [(writer.path, "live.csv")]) else {
                problems.append("read \(reads) failed")
                break
            }
            let after = writer.written.load(ordering: .sequentiallyConsistent)
            reads += 1
            let counted = run.reading.eventsRead
            if counted < before || counted > after + (writer.halves ? 0 : 1) {
                problems.append("read \(reads): \(counted) events, while \(before)…\(after) lines were whole")
            }
            let names = (0..<run.symbols.recipients.count).map { run.symbols.recipients.name(Int32($0)) }
            if let cut = names.first(where: { !$0.hasSuffix("@example.com") }) {
                let noted = run.reading.skipped.map(\.message)
                problems.append("read \(reads): a cut line was counted as an event for '\(cut)' (notes: \(noted))")
            }
            if run.reading.recordsSkipped > 1 {
                problems.append(
                    "read \(reads): \(run.reading.recordsSkipped) records skipped: \(run.reading.skipped.map(\.description))"
                )
            }
            if problems.count >= 3 { break }
        }
        while !writer.done.load(ordering: .sequentiallyConsistent) { usleep(1000) }
        return problems
    }

    static func liveLog() -> (TempFolder, String) {
        let folder = TempFolder("live")
        let path = folder.write("live.csv", "timestamp,campaign,variant,event,recipient\n")
        return (folder, path)
    }

    /// Expected: with whole lines appended, every read counts the lines that were whole at some
    /// instant during it, never a cut one.
    @Test func aLogAppendedWithWholeLinesIsCountedConsistently() {
        let (folder, path) = Self.liveLog()
        let problems = Self.readWhileWriting(Writer(path: path, count: 60_000, halves: false))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        withExtendedLifetime(folder) {}
    }

    /// Expected: when lines arrive in pieces, a read that ends inside a line does not count the
    /// cut line as an event (it may note it as skipped).
    @Test func aLogAppendedInPiecesNeverCountsACutLineSilently() {
        let (folder, path) = Self.liveLog()
        let problems = Self.readWhileWriting(Writer(path: path, count: 20_000, halves: true))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        withExtendedLifetime(folder) {}
    }
}
