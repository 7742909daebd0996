import CampaignLog
import CampaignMetrics
import FuzzSupport
import Rendering

/// `{{ figures.NAME }}` substitution in a note, with the figures of a small fixed log.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    guard let filled = try? figures.fill(text, path: "fuzz.md", firstLine: 1) else { return 0 }
    precondition(text.contains("{{") || filled == text, "text without '{{' was changed")
    return 0
}

/// The figures of a two-variant campaign with a complaint, computed once.
private let figures: ProseFigures = {
    let log = """
        timestamp,campaign,variant,recipient,event,event_id
        2026-09-10T14:00:00Z,spring,A,ann@example.com,send,1
        2026-09-10T14:00:01Z,spring,B,ann@example.com,send,2
        2026-09-10T14:00:02Z,spring,B,bob@example.com,delivered,3
        2026-09-10T14:03:00Z,spring,B,ann@example.com,complaint,4

        """
    let path = FuzzInput.folder + "/prose-figures.csv"
    try! log.write(toFile: path, atomically: true, encoding: .utf8)
    let run = try! MetricsRun.read(files: [(path, "figures.csv")])
    return ProseFigures(campaign: run.report.campaigns.first)
}()
