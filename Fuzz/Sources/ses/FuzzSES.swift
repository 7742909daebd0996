import FuzzSupport

@testable import CampaignLog

/// SESReader payloads (one, arrays, one per line), read without format detection; a small
/// record limit lets the fuzzer reach the "too long" paths of the splitter.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size)
    let reader = CampaignLogReader(options: LogReadOptions(maxRecordBytes: 4096))
    var counter = EventCounter()
    try? reader.readPayloads(
        path: path, displayPath: "fuzz.json", SESReader(fields: reader.options.fields.ses), into: &counter)
    try? reader.finish(into: &counter)
    counter.check(reader.report)
    return 0
}
