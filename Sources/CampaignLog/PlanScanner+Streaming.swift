extension PlanScanner {
    // MARK: - Internal

    /// Reads the plan at `path` in one stream with ``PlanReader``, interning every address: for a
    /// file that cannot be read in ranges, such as a pipe or a file still being written.
    static func streaming(
        path: String, displayPath: String?, matching: SymbolTable, options: Options
    ) throws(LogError) -> PlanScan {
        let reader = try PlanReader(
            path: path, displayPath: displayPath, matching: matching.count > 0 ? matching : nil,
            maxRecordBytes: options.maxRecordBytes)
        var scan = PlanScan(displayPath: reader.displayPath)
        scan.declaredShares = reader.declaredShares
        var first: [(line: Int, variant: Int32)] = []
        var repeated = Set<Int32>()
        var suppressed = Set<Int32>()
        var rowsPerVariant: [Int] = []
        while let row = try reader.next() {
            guard case .assignment(let row) = row else {
                if case .bad(let problem) = row {
                    scan.malformedRows += 1
                    if scan.malformed.count < options.maxListed { scan.malformed.append(problem) }
                }
                continue
            }
            scan.rows += 1
            let variant = Int(row.variant)
            if variant >= rowsPerVariant.count {
                rowsPerVariant.append(contentsOf: repeatElement(0, count: variant - rowsPerVariant.count + 1))
            }
            rowsPerVariant[variant] += 1
            if row.isRepeat {
                scan.repeatedRows += 1
                repeated.insert(row.recipient)
                if scan.repeats.count < options.maxListed {
                    let original = first[Int(row.recipient)]
                    scan.repeats.append(
                        .init(
                            line: row.line, firstLine: original.line, variant: reader.variants.name(row.variant),
                            firstVariant: reader.variants.name(original.variant)))
                }
            } else {
                first.append((row.line, row.variant))
            }
            if let matched = row.matched {
                scan.suppressedRows += 1
                suppressed.insert(matched)
                if scan.suppressed.count < options.maxListed {
                    scan.suppressed.append(.init(line: row.line, variant: reader.variants.name(row.variant)))
                }
            }
        }
        scan.recipients = first.count
        scan.repeatedRecipients = repeated.count
        scan.suppressedRecipients = suppressed.count
        for (id, name) in reader.variants.names.enumerated() {
            scan.rowsPerVariant[name] = id < rowsPerVariant.count ? rowsPerVariant[id] : 0
        }
        return scan
    }
}
