import Foundation

/// One ranged read of a plan's rows (see ``PlanScanner``): the workers, the hand-over of
/// fingerprints between their tables, the merge of their tallies in file order, and the second
/// pass that confirms repeats.
struct PlanScanJob {
    let fd: Int32
    /// The rows: from just after the header to the end of the file.
    let range: Range<Int>
    /// The line the rows start on.
    let firstLine: Int
    let header: PlanReader
    let suppressions: PlanSuppressions?
    let options: PlanScanner.Options

    // MARK: - Internal

    /// Reads the rows on `threads` threads (a power of two); nil when the file changed under it.
    func run(threads: Int) throws(LogError) -> PlanScan? {
        guard threads > 1, let cuts = cuts(threads) else { return try scan(ranges: [range]) }
        let ranges = (0..<threads).map { cuts[$0]..<cuts[$0 + 1] }
        // A cut inside a quoted field spanning lines shows as a range ending inside a record:
        // then read on one thread.
        if let scan = try scan(ranges: ranges) { return scan }
        return try scan(ranges: [range])
    }

    // MARK: - Private

    /// Reads `ranges` (consecutive, covering ``range``) on a thread each; nil when a range but the
    /// last ended inside a record.
    private func scan(ranges: [Range<Int>]) throws(LogError) -> PlanScan? {
        guard var (scan, nominated) = try tally(ranges: ranges) else { return nil }
        let candidates = nominated.reduce(0) { $0 + $1.count }
        guard candidates > 0 else { return scan }
        // Many candidates (a plan concatenated with itself): confirm them on every thread.
        let parts = candidates >= options.candidatesPerThread ? nominated.count : 1
        let finders = (0..<parts).map { part in
            PlanRepeatFinder(
                fd: fd, range: range, firstLine: firstLine, header: header.columns, nominated: nominated, part: part,
                parts: parts, displayPath: header.displayPath, options: options)
        }
        let failures = PlanScanFailures(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            do throws(LogError) { try finders[part].run() } catch { failures.set(part, error) }
        }
        if let failure = failures.first { throw failure }
        nominated = []
        var repeats: [PlanScan.Repeat] = []
        for finder in finders {
            scan.recipients += finder.found.addresses
            scan.repeatedRecipients += finder.found.repeatedRecipients
            scan.repeatedRows += finder.found.repeatedRows
            repeats += finder.found.repeats
        }
        scan.recipients -= candidates
        scan.repeats = Array(repeats.sorted { $0.line < $1.line }.prefix(options.maxListed))
        return scan
    }

    /// The first pass: the tallies of `ranges`, read on a thread each, and per partition the
    /// fingerprints met twice; nil when a range but the last ended inside a record. The
    /// partitions' tables are freed on return.
    private func tally(ranges: [Range<Int>]) throws(LogError) -> (PlanScan, [FingerprintTable])? {
        let expected = max(1024, range.count / 30)
        let tables = ranges.indices.map { _ in FingerprintTable(expectedCount: expected / ranges.count) }
        let workers = ranges.indices.map { index in
            PlanScanWorker(
                fd: fd, range: ranges[index], firstLine: index == 0 ? firstLine : 1,
                endsAtFileEnd: index == ranges.count - 1, header: header.columns, tables: tables, partition: index,
                suppressions: suppressions, displayPath: header.displayPath, options: options)
        }
        let failures = PlanScanFailures(count: workers.count)
        DispatchQueue.concurrentPerform(iterations: workers.count) { index in
            do throws(LogError) { try workers[index].run() } catch { failures.set(index, error) }
        }
        if let failure = failures.first { throw failure }
        guard workers.dropLast().allSatisfy({ !$0.tally.endedInsideRecord }) else { return nil }
        DispatchQueue.concurrentPerform(iterations: workers.count) { index in workers[index].drain(workers) }
        for worker in workers { worker.releaseOutboxes() }
        var scan = merge(workers)
        scan.recipients = tables.reduce(0) { $0 + $1.count }
        return (scan, workers.map(\.nominated))
    }

    /// The workers' tallies in file order: lines made absolute, variants matched by name.
    private func merge(_ workers: [PlanScanWorker]) -> PlanScan {
        var scan = PlanScan(displayPath: header.displayPath)
        var shift = 0
        var suppressedIDs = Set<Int32>()
        for (index, worker) in workers.enumerated() {
            if index > 0 { shift = workers[index - 1].tally.nextLine + shift - 1 }
            let names = worker.tally.variants.names
            scan.rows += worker.tally.rows
            for (id, name) in names.enumerated() {
                scan.rowsPerVariant[name, default: 0] +=
                    id < worker.tally.rowsPerVariant.count ? worker.tally.rowsPerVariant[id] : 0
            }
            scan.malformedRows += worker.tally.malformedRows
            for problem in worker.tally.malformed where scan.malformed.count < options.maxListed {
                scan.malformed.append(
                    LogError(path: problem.path, line: problem.line.map { $0 + shift }, message: problem.message))
            }
            scan.suppressedRows += worker.tally.suppressedRows
            suppressedIDs.formUnion(worker.tally.suppressedIDs)
            for row in worker.tally.suppressed where scan.suppressed.count < options.maxListed {
                scan.suppressed.append(.init(line: row.line + shift, variant: names[Int(row.variant)]))
            }
        }
        scan.suppressedRecipients = suppressedIDs.count
        return scan
    }

    /// Where to cut the rows for `threads` threads: the range's ends and, between them, the
    /// offset just past the first line feed at or after each even share; nil when a share has none.
    private func cuts(_ threads: Int) -> [Int]? {
        var cuts = [range.lowerBound]
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        for index in 1..<threads {
            var offset = range.lowerBound + range.count * index / threads
            var cut: Int? = nil
            while cut == nil, offset < range.upperBound {
                let count = chunk.withUnsafeMutableBytes {
                    pread(fd, $0.baseAddress, min($0.count, range.upperBound - offset), off_t(offset))
                }
                guard count > 0 else { break }
                cut = chunk.withUnsafeBytes { bytes in
                    memchr(bytes.baseAddress!, 0x0A, count).map {
                        offset + (UnsafeRawPointer($0) - bytes.baseAddress!) + 1
                    }
                }
                offset += count
            }
            guard let cut, cut > cuts[cuts.count - 1], cut < range.upperBound else { return nil }
            cuts.append(cut)
        }
        cuts.append(range.upperBound)
        return cuts
    }
}
