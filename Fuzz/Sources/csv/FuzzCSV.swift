import FuzzSupport

@testable import CampaignLog

/// Canonical CSV, read without format detection (the fuzzer may break the header freely).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size)
    let reader = CampaignLogReader(options: LogReadOptions(maxRecordBytes: 4096))
    var counter = EventCounter()
    try? reader.readCanonicalCSV(path: path, displayPath: "fuzz.csv", into: &counter)
    try? reader.finish(into: &counter)
    counter.check(reader.report)
    return 0
}
