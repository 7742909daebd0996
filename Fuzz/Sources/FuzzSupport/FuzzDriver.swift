#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer's driver, called from each target's `main.swift`.
///
/// SwiftPM links an executable target's own `main` (it renames the entry point and points `main`
/// at it), so libFuzzer's `main` is never used; the target starts libFuzzer itself with
/// `LLVMFuzzerRunDriver`, which takes the usual command line (`-max_total_time=…`, corpus folders).
public enum FuzzDriver {
    /// The signature of `LLVMFuzzerTestOneInput`.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

    /// Runs libFuzzer with this process's arguments and `test`; returns its exit status.
    public static func run(_ test: TestOneInput) -> CInt {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, test)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: FuzzDriver.TestOneInput
) -> CInt
