import CampaignLog
import Foundation

/// The path of a fixture under `Fixtures/` beside this file.
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name).path
}

/// Reads `paths` as one run, finishing it (held ARF complaints are matched and counted), and
/// names each file by the part of its path after `Fixtures/` (else by its name).
func readRun(_ paths: [String], options: LogReadOptions = LogReadOptions()) throws(LogError) -> (
    events: [String], report: LogReadReport
) {
    let reader = CampaignLogReader(options: options)
    var collector = Collector()
    for path in paths {
        let parts = path.components(separatedBy: "/Fixtures/")
        let shown = parts.count > 1 ? parts[parts.count - 1] : (path as NSString).lastPathComponent
        try reader.read(path: path, displayPath: shown, into: &collector)
    }
    try reader.finish(into: &collector)
    let symbols = reader.symbols
    let lines = collector.events.map { event in
        [
            event.timestamp.rfc3339, symbols.campaigns.name(event.campaign), symbols.variants.name(event.variant),
            symbols.recipients.name(event.recipient), event.kind.name,
        ].joined(separator: " ")
    }
    return (lines, reader.report)
}

/// Reads fixtures (paths under `Fixtures/`) as one run.
func readFixtures(_ names: String..., options: LogReadOptions = LogReadOptions()) throws(LogError) -> (
    events: [String], report: LogReadReport
) {
    try readRun(names.map(fixture), options: options)
}
