import FuzzSupport

@testable import CampaignLog

/// Canonical CSV, read without format detection (the fuzzer may break the header freely), on
/// one thread and through the three-stage pipeline of large files: both must send the same
/// events with the same ids and report the same counts.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size)
    func read(pipelined: Bool) -> (EventCounter, CampaignLogReader) {
        var options = LogReadOptions(maxRecordBytes: 4096)
        options.pipelineMinimumBytes = pipelined ? 0 : .max
        return FuzzReading.check(path: path, options: options) { reader, path, counter in
            try reader.readCanonicalCSV(path: path, displayPath: "fuzz.csv", into: &counter)
        }
    }
    let (one, oneReader) = read(pipelined: false)
    let (three, threeReader) = read(pipelined: true)
    precondition(one.events == three.events, "the pipeline sent other events")
    precondition(oneReader.report == threeReader.report, "the pipeline reported other counts")
    precondition(oneReader.symbols.recipients.names == threeReader.symbols.recipients.names, "other recipient ids")
    return 0
}
