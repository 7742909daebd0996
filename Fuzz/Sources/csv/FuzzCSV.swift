import FuzzSupport

@testable import CampaignLog

/// Canonical CSV, read without format detection (the fuzzer may break the header freely), on
/// one thread and as the three concurrent tasks of large files: both must send the same events
/// with the same ids and report the same counts.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size)
    let (one, oneReader) = FuzzReading.check(path: path) { reader, path, counter in
        try reader.readCanonicalCSV(path: path, displayPath: "fuzz.csv", into: &counter)
    }
    let (three, threeReader) = FuzzReading.check(path: path) { reader, path, counter in
        let handed = Handed(reader)
        counter = FuzzTask.wait {
            var counter = EventCounter()
            try? await handed.value.readCanonicalCSVConcurrently(path: path, displayPath: "fuzz.csv", into: &counter)
            return counter
        }
    }
    precondition(one.events == three.events, "the pipeline sent other events")
    precondition(oneReader.report == threeReader.report, "the pipeline reported other counts")
    precondition(oneReader.symbols.recipients.names == threeReader.symbols.recipients.names, "other recipient ids")
    return 0
}
