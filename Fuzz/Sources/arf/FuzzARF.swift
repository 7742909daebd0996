import FuzzSupport

@testable import CampaignLog

/// ARF abuse reports (one message or an mbox), then the end of the run that matches their
/// complaints to sends.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size)
    let reader = CampaignLogReader(options: LogReadOptions(maxRecordBytes: 4096))
    var counter = EventCounter()
    try? reader.readARF(path: path, displayPath: "fuzz.eml")
    try? reader.finish(into: &counter)
    counter.check(reader.report)
    return 0
}
