import AftermailCLI
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SPEC §3 and §5: nothing that fails leaves a half-written `output/`, and a failed build never
/// destroys the previous one. A real `aftermail build` child process is killed with SIGKILL at
/// random moments, written into a full disk (a file-size limit) and into a folder it may not
/// write; `output/` must be the old site or the new one, whole, every time.
@Suite(.serialized)
struct FaultTests {
    static let binaryReason = "needs the aftermail executable beside the test bundle: run `swift build` first"

    /// A site of `count` one-file incidents; `version` changes every page (and adds an incident).
    static func writeSite(_ site: HostileSite, count: Int, version: Int) {
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        for index in 0..<count + version {
            site.write(
                "content/incidents/incident-\(index).md",
                """
                ---
                title: "Incident \(index), version \(version)"
                date: 2026-09-\(10 + index % 19)
                tags: [tag-\(index % 25)]
                summary: "What went wrong the \(index)th time"
                ---

                ## What happened

                Version \(version) of the notes of incident \(index).

                - a list
                - of things
                """)
        }
    }

    /// Runs `aftermail` with `arguments` (through `/bin/sh -c` when `shell` is given, as its
    /// prefix); returns the process, started.
    static func start(_ arguments: [String], shellPrefix: String? = nil) throws -> Process {
        let process = Process()
        let binary = BuiltBinary.aftermail!
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shellPrefix + " exec \"$0\" \"$@\"", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = Pipe()
        try process.run()
        return process
    }

    /// Runs `aftermail` to the end; its exit status and standard error.
    static func run(_ arguments: [String], shellPrefix: String? = nil) throws -> (status: Int32, err: String) {
        let process = try start(arguments, shellPrefix: shellPrefix)
        let err = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: err, as: UTF8.self))
    }

    /// Expected: after each kill, `output/` is exactly the old site or exactly the new one (file
    /// list and every file's content); the next build succeeds. Half the kills are timed at
    /// random over a whole build, half just after the staging folder appears (the write step).
    /// Each build's content is the other version than the site in place, so old and new differ.
    /// Default: 100 incidents, 6 kills; AFTERMAIL_SLOW_TESTS=1: 2,000 incidents, 30 kills.
    @Test(.enabled(if: BuiltBinary.aftermail != nil, "\(binaryReason)"))
    func aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOne() throws {
        let slow = Measure.slowTestsEnabled
        let count = slow ? 2_000 : 100
        let kills = slow ? 30 : 6
        let site = HostileSite()
        let root = site.root.path
        var rng = SplitMix64(seed: 0x5161_4B11)

        // The two sites a build can leave, each built whole once.
        var expected: [SiteSnapshot] = []
        var duration = Duration.zero
        for version in 0...1 {
            Self.writeSite(site, count: count, version: version)
            let other = site.root.appendingPathComponent("expected-\(version)")
            let (result, elapsed) = try Measure.time {
                try Self.run(["build", "--site", root, "--output", other.path])
            }
            #expect(result.status == 0, "\(result.err)")
            duration = max(duration, elapsed)
            expected.append(SiteSnapshot(other))
            try FileManager.default.removeItem(at: other)
        }
        #expect(expected[0] != expected[1] && expected[0].files.count > count, "\(expected)")
        #expect(try Self.run(["build", "--site", root]).status == 0)
        #expect(SiteSnapshot(site.output) == expected[1])

        var outcomes: [String] = []
        var current = 1
        var version = 1
        for kill in 0..<kills {
            version = 1 - current
            Self.writeSite(site, count: count, version: version)
            let process = try Self.start(["build", "--site", root])
            if kill % 2 == 0 {
                let delay = Double.random(in: 0...(duration.seconds * 1.2), using: &rng)
                usleep(useconds_t(delay * 1_000_000))
            } else {
                // Wait for the write step, then let it run a little.
                let deadline = ContinuousClock.now + duration * 3
                while process.isRunning, ContinuousClock.now < deadline,
                    !((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).contains(where: {
                        $0.hasPrefix(".output.staging")
                    })
                {
                    usleep(500)
                }
                usleep(useconds_t.random(in: 0...250_000, using: &rng))
            }
            let wasRunning = process.isRunning
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = SiteSnapshot(site.output)
            let which = expected.firstIndex(of: now)
            let outcome = which.map { $0 == version ? "new" : "old" } ?? "MIX"
            outcomes.append(wasRunning ? "killed→\(outcome)" : "finished→\(outcome)")
            #expect(which != nil, "kill \(kill): output/ is neither site: \(now.difference(from: expected[version]))")
            current = which ?? current
        }
        let final = try Self.run(["build", "--site", root])
        #expect(final.status == 0, "the build after the kills failed: \(final.err)")
        #expect(SiteSnapshot(site.output) == expected[version], "the last build wrote the site of its content")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".") }
        #expect(!leftovers.contains(".output.old"), "the previous site was put back or removed")
        print(
            "FaultTests: \(kills) kills of a \(count)-incident build (\(duration)): \(outcomes); leftover staging folders: \(leftovers.count)"
        )
    }

    /// Expected: a disk that fills up during the write step (simulated with a file-size limit,
    /// under which writes fail with EFBIG as they would with ENOSPC) fails the build with a clear
    /// error and exit status 2, and the old site stays whole.
    @Test(.enabled(if: BuiltBinary.aftermail != nil, "\(binaryReason)"))
    func aFullDiskFailsTheBuildAndKeepsTheOldSite() throws {
        let site = HostileSite()
        Self.writeSite(site, count: 20, version: 0)
        #expect(try Self.run(["build", "--site", site.root.path]).status == 0)
        let before = SiteSnapshot(site.output)
        Self.writeSite(site, count: 20, version: 1)
        let result = try Self.run(["build", "--site", site.root.path], shellPrefix: "trap '' XFSZ; ulimit -f 4;")
        #expect(result.status == 2, "exit \(result.status): \(result.err)")
        #expect(result.err.contains("error: cannot write"), "\(result.err)")
        #expect(SiteSnapshot(site.output) == before, "the old site is whole")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
            $0.hasPrefix(".output")
        }
        #expect(leftovers.isEmpty, "the staging folder is removed: \(leftovers)")
    }

    /// Whether a folder can be made unwritable for this process: by mode when not root, else by
    /// the immutable attribute (root ignores modes); false where neither works.
    static let canMakeUnwritable: Bool = {
        guard geteuid() == 0 else { return true }
        let probe = TempFolder("immutable-probe")
        defer { _ = try? run(chattr: "-i", probe.path) }
        guard (try? run(chattr: "+i", probe.path)) == 0 else { return false }
        return !FileManager.default.createFile(atPath: probe.path + "/x", contents: Data())
    }()

    static func run(chattr flag: String, _ path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Expected: when the output folder's parent cannot be written (mode 0555, or the immutable
    /// attribute when the tests run as root, as here in CI), the build fails with an error that
    /// names the folder, exit status 2, and the old site stays whole.
    @Test(.enabled(if: canMakeUnwritable, "running as root without chattr +i support: modes do not stop root"))
    func anUnwritableOutputParentGivesAClearErrorAndKeepsTheOldSite() async throws {
        let site = HostileSite()
        Self.writeSite(site, count: 5, version: 0)
        let parent = site.root.appendingPathComponent("public")
        let output = parent.appendingPathComponent("site")
        #expect(
            await Aftermail.runCapturingOutput(["build", "--site", site.root.path, "--output", output.path]).status == 0
        )
        let before = SiteSnapshot(output)
        Self.writeSite(site, count: 5, version: 1)
        if geteuid() == 0 {
            #expect(try Self.run(chattr: "+i", parent.path) == 0)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
        }
        defer {
            if geteuid() == 0 { _ = try? Self.run(chattr: "-i", parent.path) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent.path)
        }
        let result = await Aftermail.runCapturingOutput(["build", "--site", site.root.path, "--output", output.path])
        #expect(result.status == 2, "exit \(result.status)")
        #expect(result.err.contains("error: cannot write") && result.err.contains(parent.path), "\(result.err)")
        #expect(result.err.contains("output/ was not touched") || result.err.contains("build failed"), "\(result.err)")
        #expect(SiteSnapshot(output) == before, "the old site is whole")
    }
}
