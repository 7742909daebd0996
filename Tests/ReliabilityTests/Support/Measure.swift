import Foundation

/// Time and memory of a piece of work, for the bounds of the hostile suite.
enum Measure {
    // MARK: - Internal

    /// Runs `body` and returns its result with the wall time it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = try clock.measure { result = try body() }
        return (result!, elapsed)
    }

    /// Runs async work (a build) and returns its result with the wall time it took. The work and
    /// its child tasks run on threads of their own (``OwnThreads``), not on the cooperative pool
    /// that the tests running in parallel keep busy: there the build's render tasks would wait
    /// behind other tests, and the time measured would be theirs.
    static func time<T, Failure: Error>(_ body: () async throws(Failure) -> T) async throws(Failure) -> (T, Duration) {
        try await withTaskExecutorPreference(OwnThreads.shared) { () async throws(Failure) -> (T, Duration) in
            let clock = ContinuousClock()
            let start = clock.now
            let result = try await body()
            return (result, clock.now - start)
        }
    }

    /// A task executor that runs each job on a thread of Dispatch's, which starts more threads
    /// when its threads block, unlike the cooperative pool.
    final class OwnThreads: TaskExecutor {
        static let shared = OwnThreads()

        private let queue = DispatchQueue(label: "aftermail.tests.measure", attributes: .concurrent)

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    /// The resident set size of this process, in bytes (from `/proc/self/statm`; 0 elsewhere).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The peak resident set size of this process so far, in bytes (`VmHWM`; 0 elsewhere).
    static func peakResidentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }

    /// Whether this process runs under AddressSanitizer (`swift test --sanitize=address`), which
    /// slows code down and holds freed memory in quarantine.
    static let underAddressSanitizer: Bool = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil

    /// Time bounds are multiplied by this. Bounds are meant to catch super-linear blow-ups (minutes), not to time a busy machine: the
    /// two cores are often shared with builds or fuzzing, so every bound gets a margin of 3, and
    /// 4 more under AddressSanitizer.
    static var timeScale: Double { underAddressSanitizer ? 12 : 3 }

    /// Whether the slow tests were asked for (`AFTERMAIL_SLOW_TESTS=1`).
    static var slowTestsEnabled: Bool { ProcessInfo.processInfo.environment["AFTERMAIL_SLOW_TESTS"] == "1" }
}

extension Duration {
    /// The duration in seconds, for messages and comparisons.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
