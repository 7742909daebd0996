import AftermailCLI
import Foundation
import Synchronization

/// Runs `aftermail` in-process with its output captured (as AftermailCLITests does).
func runAftermail(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
    let out = Mutex(""), err = Mutex("")
    let terminal = Terminal(
        write: { text in out.withLock { $0 += text } }, error: { text in err.withLock { $0 += text + "\n" } })
    let status = Terminal.$current.withValue(terminal) { Aftermail.run(arguments) }
    return (status, out.withLock { $0 }, err.withLock { $0 })
}
