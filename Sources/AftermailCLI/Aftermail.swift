import ArgumentParser
import Synchronization

/// The `aftermail` command: campaign post-mortems from event logs and Markdown notes.
public struct Aftermail: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "aftermail",
        abstract: "Turn an email campaign's event logs and incident notes into a published post-mortem.",
        discussion: "Exit status: 0 success, 1 a check failed (check, verify-plan), 2 bad input or usage.",
        subcommands: [
            BuildCommand.self, CheckCommand.self, MetricsCommand.self, NewCommand.self, TemplatesCommand.self,
            VerifyPlanCommand.self,
        ]
    )

    /// Makes the root command (ArgumentParser needs it).
    public init() {}

    /// Runs `arguments` as ``run(_:)`` does, with what the command writes to standard output and
    /// standard error captured instead (in process: tests, and programs embedding Aftermail).
    public static func runCapturingOutput(_ arguments: [String]) async -> (status: Int32, out: String, err: String) {
        let out = Mutex(""), err = Mutex("")
        let terminal = Terminal(
            write: { text in out.withLock { $0 += text } }, error: { text in err.withLock { $0 += text + "\n" } })
        let status = await Terminal.$current.withValue(terminal) { await run(arguments) }
        return (status, out.withLock { $0 }, err.withLock { $0 })
    }

    /// Parses `arguments` (without the program name), runs the command and returns the exit status
    /// of SPEC §3: 0 done, 1 a check failed, 2 bad input or usage. Output goes to ``Terminal/current``.
    /// Commands that work concurrently (`build` renders its pages in a task group) run as async.
    public static func run(_ arguments: [String]) async -> Int32 {
        let terminal = Terminal.current
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let failure as CommandFailure {
            terminal.error(failure.message)
            return failure.status
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                terminal.write(message + "\n")
                return 0
            }
            terminal.error(message)
            return 2
        }
    }
}

/// A command's failure with the exit status it stands for and the message for standard error.
struct CommandFailure: Error {
    /// The exit status (1 a check failed, 2 bad input).
    var status: Int32
    /// What to print, already formatted (`path:line: error: …` lines).
    var message: String

    /// Bad input (exit 2).
    static func badInput(_ message: String) -> CommandFailure { CommandFailure(status: 2, message: message) }
}
