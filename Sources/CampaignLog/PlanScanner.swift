import Foundation

/// Reads an intended assignment (`plan.csv`, as ``PlanReader`` describes it) for the pre-send
/// guard, on every core, keeping a fingerprint per distinct recipient rather than the address.
///
/// The rows after the header are cut into one contiguous range per thread, at line ends; each
/// thread checks its rows as ``PlanReader/next()`` would and files each recipient's
/// ``AddressFingerprint`` into one of the per-thread ``FingerprintTable``s, chosen by the
/// fingerprint's top bits, so no two threads ever write one table. A fingerprint met twice only
/// nominates a repeat: when there are any, a second pass over the file interns just the
/// nominated recipients' addresses, in file order, to tell repeats from fingerprint collisions
/// and to find each repeat's first row. The result is the same, problem lists in the same order,
/// whatever the number of threads, and the same as ``streaming(path:displayPath:matching:options:)``.
///
/// Memory: eight bytes a distinct recipient at most 60% full (about 128 MB for ten million), plus
/// a buffer per thread; the addresses of repeated recipients only when there are repeats.
///
/// A file that cannot be read in ranges (a pipe) or that changes size while it is read is read
/// by the streaming path instead.
public enum PlanScanner {
    /// How a plan is read.
    public struct Options: Sendable, Equatable {
        /// How many offending rows of each kind are listed (the rest are counted).
        public var maxListed: Int
        /// The longest row read; longer ones are malformed.
        public var maxRecordBytes: Int
        /// Threads to read with; nil for one per core (at most 8).
        public var threads: Int?
        /// Which bits of each ``AddressFingerprint`` are kept: tests keep a few, so that distinct
        /// addresses share fingerprints and the confirming pass must tell them apart.
        var fingerprintMask: UInt64 = ~0
        /// Below this many candidate repeats, confirming them is left to one thread (each
        /// confirming thread reads the whole file).
        var candidatesPerThread = 1 << 16

        /// Options with the defaults: twenty rows listed, rows up to 1 MiB, a thread per core.
        public init(maxListed: Int = 20, maxRecordBytes: Int = 1 << 20, threads: Int? = nil) {
            self.maxListed = maxListed
            self.maxRecordBytes = maxRecordBytes
            self.threads = threads
        }
    }

    // MARK: - Public API

    /// Reads the plan at `path`, matching its recipients against `matching` (normalized
    /// addresses, such as a suppression list).
    ///
    /// - Throws: ``LogError`` when the plan cannot be read or has no usable header.
    public static func scan(
        path: String, displayPath: String? = nil, matching: SymbolTable = SymbolTable(), options: Options = Options()
    ) throws(LogError) -> PlanScan {
        try scan(
            path: path, displayPath: displayPath, matching: matching, options: options,
            bytesPerThread: Self.bytesPerThread)
    }

    // MARK: - Internal

    /// Below this many bytes of rows a thread is not worth starting.
    static let bytesPerThread = 4 << 20

    /// ``scan(path:displayPath:matching:options:)``, starting a thread for every `bytesPerThread`
    /// bytes of rows (up to ``Options/threads``).
    static func scan(
        path: String, displayPath: String?, matching: SymbolTable, options: Options, bytesPerThread: Int
    ) throws(LogError) -> PlanScan {
        // Only a regular file can be read twice: anything else (a pipe, a FIFO, which a second
        // open would wait on) goes to the streaming reader without being opened here.
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return try streaming(path: path, displayPath: displayPath, matching: matching, options: options)
        }
        let fd = try LogFileDescriptor.open(path: path, displayPath: displayPath ?? path)
        defer { close(fd) }
        guard let size = regularFileSize(fd) else {
            return try streaming(path: path, displayPath: displayPath, matching: matching, options: options)
        }
        let header = try PlanReader(
            path: path, displayPath: displayPath, matching: nil, maxRecordBytes: options.maxRecordBytes,
            sizedForRows: false)
        guard let rows = try rowsStart(fd: fd, size: size, header: header, maxRecordBytes: options.maxRecordBytes)
        else { return try streaming(path: path, displayPath: displayPath, matching: matching, options: options) }
        let cores = options.threads ?? min(8, ProcessInfo.processInfo.activeProcessorCount)
        var threads = 1
        while threads * 2 <= cores && (size - rows.offset) / (threads * 2) >= bytesPerThread { threads *= 2 }
        let job = PlanScanJob(
            fd: fd, range: rows.offset..<size, firstLine: rows.line, header: header,
            suppressions: matching.count > 0
                ? PlanSuppressions(matching, fingerprintMask: options.fingerprintMask) : nil,
            options: options)
        guard var scan = try job.run(threads: threads), regularFileSize(fd) == size else {
            return try streaming(path: path, displayPath: displayPath, matching: matching, options: options)
        }
        scan.declaredShares = header.declaredShares
        return scan
    }

    // MARK: - Private

    /// The size of `fd` if it is a regular file.
    private static func regularFileSize(_ fd: Int32) -> Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Where the rows start: the offset and line after the header row, or nil when the file no
    /// longer has the header where ``PlanReader`` found it.
    private static func rowsStart(
        fd: Int32, size: Int, header: PlanReader, maxRecordBytes: Int
    ) throws(LogError) -> (offset: Int, line: Int)? {
        var bom = [UInt8](repeating: 0, count: 3)
        let start = pread(fd, &bom, 3, 0) == 3 && bom == [0xEF, 0xBB, 0xBF] ? 3 : 0
        var reader = RecordRangeReader(
            fd: fd, range: start..<size, firstLine: 1, maxRecordBytes: maxRecordBytes, endsAtFileEnd: true)
        while let record = try reader.next(displayPath: header.displayPath) {
            guard case .record(_, let line, _) = record, line >= header.headerLine else { continue }
            return line == header.headerLine ? (reader.recordsEnd, reader.line) : nil
        }
        return nil
    }
}
