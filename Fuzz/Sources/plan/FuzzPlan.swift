import FuzzSupport

@testable import CampaignLog

/// A plan read on one thread and, cut into four ranges, on four (with fingerprints cut to three
/// bits, so that the confirming pass must tell distinct addresses apart): every way must give
/// the same result, or the same error.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(data, size)
    var suppressions = SymbolTable()
    _ = suppressions.intern("a@x.org")
    func read(threads: Int, mask: UInt64) -> Result<PlanScan, LogError> {
        var options = PlanScanner.Options(maxListed: 5, maxRecordBytes: 4096, threads: threads)
        options.fingerprintMask = mask
        return Result { () throws(LogError) in
            try PlanScanner.scan(
                path: path, displayPath: "plan.csv", matching: suppressions, options: options, bytesPerThread: 1)
        }
    }
    let one = read(threads: 1, mask: ~0)
    let four = read(threads: 4, mask: 7)
    switch (one, four) {
    case (.success(let a), .success(let b)): precondition(a == b, "one thread and four read the plan differently")
    case (.failure(let a), .failure(let b)): precondition(a.message == b.message, "different errors")
    default: preconditionFailure("one way read the plan, the other failed")
    }
    return 0
}
