import FuzzSupport

@testable import CampaignLog

/// Canonical JSON Lines, read without format detection.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size)
    let reader = CampaignLogReader(options: LogReadOptions(maxRecordBytes: 4096))
    var counter = EventCounter()
    try? reader.readCanonicalJSONLines(path: path, displayPath: "fuzz.jsonl", into: &counter)
    try? reader.finish(into: &counter)
    counter.check(reader.report)
    return 0
}
