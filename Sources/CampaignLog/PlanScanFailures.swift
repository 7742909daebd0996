import Foundation

/// The first error of each worker, set from its thread.
final class PlanScanFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [LogError?]

    init(count: Int) { errors = [LogError?](repeating: nil, count: count) }

    func set(_ index: Int, _ error: LogError) { lock.withLock { errors[index] = error } }

    /// The first worker's error, if any.
    var first: LogError? { lock.withLock { errors.compactMap { $0 }.first } }
}
