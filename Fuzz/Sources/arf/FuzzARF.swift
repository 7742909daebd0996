import FuzzSupport

@testable import CampaignLog

/// ARF abuse reports (one message or an mbox), then the end of the run that matches their
/// complaints to sends.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReading.check(path: FuzzInput.file(data, size)) { reader, path, _ in
        try reader.readARF(path: path, displayPath: "fuzz.eml")
    }
    return 0
}
