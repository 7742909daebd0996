extension PlanVerification {
    /// The verification for a person: counts, the variants' shares, each problem with its first
    /// offending rows as `plan.csv:LINE: error: …`, and a last line saying SAFE or UNSAFE.
    public var text: String {
        var lines = ["\(plan): \(rows) assignment rows, \(recipients) recipients, \(variantCount) variants"]
        let basis = sharesDeclared ? "declared" : "equal"
        var table = [["variant", "rows", "share", "expected (\(basis))"]]
        for share in shares {
            table.append([share.variant, String(share.rows), Self.percent(share.share), Self.percent(share.expected)])
        }
        for (index, row) in MetricsReport.aligned(table).enumerated() {
            let outside = index > 0 && !shares[index - 1].withinTolerance
            lines.append("  " + row + (outside ? "  ← outside ±" + Self.percent(tolerance) : ""))
        }
        let sources = suppressionSources.isEmpty ? "none given" : suppressionSources.joined(separator: ", ")
        lines.append("suppressed addresses: \(suppressionAddresses) (\(sources))")
        lines.append("")
        if malformedRows > 0 {
            lines.append("error: \(Self.count(malformedRows, "malformed row"))")
            lines += malformed.map(\.description)
            lines += more(malformedRows, listed: malformed.count)
        }
        if rows == 0 { lines.append("\(plan): error: the plan assigns no one") }
        if repeatedRows > 0 {
            lines.append(
                "error: \(Self.count(repeatedRecipients, "recipient")) assigned more than once "
                    + "(\(Self.count(repeatedRows, "extra row")))")
            lines += repeats.map {
                "\(plan):\($0.line): error: recipient assigned again (\($0.variant)), first at line \($0.firstLine) (\($0.firstVariant))"
            }
            lines += more(repeatedRows, listed: repeats.count)
        }
        if suppressedRows > 0 {
            lines.append(
                "error: \(Self.count(suppressedRows, "row")) \(suppressedRows == 1 ? "assigns" : "assign") \(Self.count(suppressedRecipients, "suppressed address"))"
            )
            lines += suppressed.map { "\(plan):\($0.line): error: suppressed address assigned (\($0.variant))" }
            lines += more(suppressedRows, listed: suppressed.count)
        }
        if let expectedVariants, expectedVariants != variantCount {
            lines.append("error: the plan has \(Self.count(variantCount, "variant")), expected \(expectedVariants)")
        }
        for share in shares where !share.withinTolerance {
            lines.append(
                "error: variant \(share.variant) has \(Self.percent(share.share)) of the rows, "
                    + "expected \(Self.percent(share.expected)) ± \(Self.percent(tolerance))")
        }
        let problems = problems
        lines.append(
            problems.isEmpty
                ? "SAFE: every recipient assigned once, no suppressed address, shares within ±\(Self.percent(tolerance))"
                : "UNSAFE: \(problems.joined(separator: ", ")); do not send this plan")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verification as JSON for scripts (see SPEC §3); ends with a newline.
    public var json: String {
        var out = JSONText()
        out.openObject()
        out.member("plan", plan)
        out.member("safe", isSafe)
        out.inline("problems", strings: problems)
        out.member("rows", rows)
        out.member("recipients", recipients)
        out.openObject("malformed_rows")
        out.member("rows", malformedRows)
        out.openArray("listed")
        for problem in malformed {
            out.openObject()
            out.member("line", count: problem.line)
            out.member("message", problem.message)
            out.closeObject()
        }
        out.closeArray()
        out.closeObject()
        out.openObject("assigned_more_than_once")
        out.member("recipients", repeatedRecipients)
        out.member("extra_rows", repeatedRows)
        out.openArray("listed")
        for row in repeats {
            out.openObject()
            out.member("line", row.line)
            out.member("variant", row.variant)
            out.member("first_line", row.firstLine)
            out.member("first_variant", row.firstVariant)
            out.closeObject()
        }
        out.closeArray()
        out.closeObject()
        out.openObject("suppressed")
        out.member("addresses_known", suppressionAddresses)
        out.inline("sources", strings: suppressionSources)
        out.member("rows", suppressedRows)
        out.member("recipients", suppressedRecipients)
        out.openArray("listed")
        for row in suppressed {
            out.openObject()
            out.member("line", row.line)
            out.member("variant", row.variant)
            out.closeObject()
        }
        out.closeArray()
        out.closeObject()
        out.openObject("variants")
        out.member("expected", count: expectedVariants)
        out.member("found", variantCount)
        out.closeObject()
        out.openObject("shares")
        out.member("basis", sharesDeclared ? "declared" : "equal")
        out.member("tolerance", rate: tolerance)
        out.openArray("variants")
        for share in shares {
            out.openObject()
            out.member("variant", share.variant)
            out.member("rows", share.rows)
            out.member("share", rate: share.share)
            out.member("expected_share", rate: share.expected)
            out.member("within_tolerance", share.withinTolerance)
            out.closeObject()
        }
        out.closeArray()
        out.closeObject()
        out.closeObject()
        return out.text + "\n"
    }

    // MARK: - Private

    private func more(_ total: Int, listed: Int) -> [String] {
        total > listed ? ["… and \(total - listed) more"] : []
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : noun.hasSuffix("s") ? "es" : "s")"
    }

    /// A share as a percentage with one decimal: `33.3%`.
    private static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
