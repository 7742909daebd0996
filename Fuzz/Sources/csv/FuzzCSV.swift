import FuzzSupport

/// Canonical CSV, read without format detection (the fuzzer may break the header freely), on
/// one thread and as the three concurrent tasks of large files: both must send the same events
/// with the same ids and report the same counts.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzConcurrentReading.check(path: FuzzInput.file(data, size), layout: .csv)
    return 0
}
