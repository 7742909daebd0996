import CampaignLog
import CampaignMetrics
import Foundation
import TestSupport

/// Reads log texts as one run, the way `aftermail metrics` does, and gives its figures.
enum Figures {
    // MARK: - Internal

    /// The run of `files` (name, content) written into `folder`, read in the order given.
    static func run(_ files: [(name: String, text: String)], in folder: TempFolder) throws -> MetricsRun {
        let paths = files.map { folder.write($0.name, $0.text) }
        return try MetricsRun.read(files: zip(paths, files).map { ($0, $1.name) })
    }

    /// `metrics --format json` of `files`.
    static func json(_ files: [(name: String, text: String)], in folder: TempFolder) throws -> String {
        try run(files, in: folder).report.json
    }

    /// The JSON without the reading counts that repeats change (`events_read`, `duplicates_dropped`).
    static func jsonIgnoringRepeats(_ report: MetricsReport) -> String {
        var copy = report
        copy.eventsRead = 0
        copy.duplicatesDropped = 0
        return copy.json
    }

    /// The first line where two texts differ, with its neighbours, for a failure message.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            guard l != r else { continue }
            let context = left[max(0, index - 3)..<min(left.count, index)].joined(separator: "\n")
            return "line \(index + 1):\n\(context)\n- \(l)\n+ \(r)"
        }
        return "no difference"
    }
}

/// Checks a property over `count` generated cases and stops at the first failure, naming the
/// seed that rebuilds it (`SplitMix64(seed:)`).
enum Property {
    /// Runs `body` for seeds `base`, `base + 1`, …; `body` returns a failure description or nil.
    static func check(
        _ name: String, count: Int = 200, base: UInt64 = 0xAF7E_4A11,
        _ body: (inout SplitMix64, TempFolder) throws -> String?
    ) rethrows -> String? {
        for index in 0..<UInt64(count) {
            let seed = base &+ index
            var rng = SplitMix64(seed: seed)
            let folder = TempFolder("property")
            if let failure = try body(&rng, folder) {
                return "\(name) fails for seed \(seed) (case \(index + 1) of \(count)):\n\(failure)"
            }
        }
        return nil
    }
}
