import CampaignLog
import Foundation

/// Collects events as (campaign, variant, recipient, kind, time) text, for literal comparisons.
struct Collector: EventSink {
    var events: [Event] = []
    mutating func consume(_ event: Event) { events.append(event) }
}

/// A temporary folder for one test, removed when the value goes away.
final class TempFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-log-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = url.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Writes `text` (UTF-8) to `name` and returns its path.
    func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }
}

/// Reads `paths` as one run.
func readAll(_ paths: [String], options: LogReadOptions = LogReadOptions()) throws(LogError) -> (
    events: [String], report: LogReadReport
) {
    let reader = CampaignLogReader(options: options)
    var collector = Collector()
    for path in paths {
        try reader.read(path: path, displayPath: (path as NSString).lastPathComponent, into: &collector)
    }
    let symbols = reader.symbols
    let lines = collector.events.map { event in
        [
            event.timestamp.rfc3339, symbols.campaigns.name(event.campaign), symbols.variants.name(event.variant),
            symbols.recipients.name(event.recipient), event.kind.name,
        ].joined(separator: " ")
    }
    return (lines, reader.report)
}
