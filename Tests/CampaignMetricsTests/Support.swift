import CampaignLog
import CampaignMetrics
import Foundation

/// A temporary folder for one test, removed when the value goes away.
final class TempFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-metrics-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` (UTF-8) to `name` and returns its path.
    func file(_ name: String, _ text: String) -> String {
        let path = url.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }
}

/// The canonical CSV header.
let header = "timestamp,campaign,variant,recipient,event\n"

/// Computes the report of one canonical CSV log (and a plan, when given).
func report(_ log: String, plan: String? = nil, in folder: TempFolder = TempFolder()) throws -> MetricsReport {
    let path = folder.file("events.csv", log)
    let planFile = plan.map { folder.file("plan.csv", $0) }
    return try MetricsReport.compute(files: [(path, "events.csv")], plan: planFile.map { ($0, "plan.csv") }).0
}

/// The figures of the only (or the named) campaign of a log.
func campaign(_ log: String, named name: String = "c", plan: String? = nil) throws -> CampaignFigures {
    let all = try report(log, plan: plan).campaigns
    guard let figures = all.first(where: { $0.campaign == name }) else {
        throw LogError(path: "events.csv", line: nil, message: "no campaign \(name) in \(all.map(\.campaign))")
    }
    return figures
}

/// `2026-09-10T14:00:00Z` plus `minutes` and `seconds`.
func at(_ minutes: Int, _ seconds: Int = 0) -> String {
    let total = 14 * 3600 + minutes * 60 + seconds
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "2026-09-10T\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))Z"
}
