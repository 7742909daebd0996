import FuzzSupport

@testable import CampaignLog

/// PostmarkReader payloads (one, arrays, one per line), read without format detection; a small
/// record limit lets the fuzzer reach the "too long" paths of the splitter.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReading.check(path: FuzzInput.file(data, size)) { reader, path, counter in
        try reader.readPayloads(
            path: path, displayPath: "fuzz.json", PostmarkReader(fields: reader.options.fields.postmark), into: &counter
        )
    }
    return 0
}
