@testable import CampaignLog

/// The differential check of the canonical readers' targets: a file read on one thread and as
/// the three concurrent tasks of large files (parse, de-duplicate, count) must send the same
/// events with the same ids and report the same counts.
public enum FuzzConcurrentReading {
    /// The canonical formats a concurrent read parses.
    public enum Layout: Sendable {
        case csv, jsonLines
    }

    /// Reads the file at `path` both ways (each checked as ``FuzzReading/check(path:options:_:)``
    /// checks) and stops the process if they differ.
    public static func check(path: String, layout: Layout) {
        let (one, oneReader) = FuzzReading.check(path: path) { reader, path, counter in
            switch layout {
            case .csv: try reader.readCanonicalCSV(path: path, displayPath: "fuzz", into: &counter)
            case .jsonLines: try reader.readCanonicalJSONLines(path: path, displayPath: "fuzz", into: &counter)
            }
        }
        let (three, threeReader) = FuzzReading.check(path: path) { reader, path, counter in
            let handed = Handed(reader)
            counter = FuzzTask.wait {
                var counter = EventCounter()
                try? await handed.value.readCanonicalConcurrently(
                    path: path, displayPath: "fuzz", layout: layout == .csv ? .csv : .jsonLines, fileSize: 0,
                    into: &counter)
                return counter
            }
        }
        precondition(one.events == three.events, "the pipeline sent other events")
        precondition(oneReader.report == threeReader.report, "the pipeline reported other counts")
        precondition(oneReader.symbols.recipients.names == threeReader.symbols.recipients.names, "other recipient ids")
    }
}
