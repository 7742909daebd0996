import FuzzSupport

@testable import CampaignLog

/// Canonical JSON Lines, read without format detection.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzReading.check(path: FuzzInput.file(data, size)) { reader, path, counter in
        try reader.readCanonicalJSONLines(path: path, displayPath: "fuzz.jsonl", into: &counter)
    }
    return 0
}
