import FuzzSupport

@testable import CampaignLog

/// SESReader payloads (one, arrays, one per line), read without format detection; a small
/// record limit lets the fuzzer reach the "too long" paths of the splitter.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReading.check(path: FuzzInput.file(data, size)) { reader, path, counter in
        try reader.readPayloads(
            path: path, displayPath: "fuzz.json", SESReader(fields: reader.options.fields.ses), into: &counter)
    }
    return 0
}
