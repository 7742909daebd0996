import CampaignMetrics

extension CheckReport {
    /// For people: one line per finding that is not a pass, then a verdict.
    public var text: String {
        var lines: [String] = []
        for finding in findings where finding.status != .pass {
            lines.append(
                "\(finding.status.rawValue.uppercased()) \(finding.incident) [\(finding.campaign)]: \(finding.message)")
        }
        let passed = findings.filter { $0.status == .pass }.count
        for slug in incidentsWithoutLogs { lines.append("note: \(slug) has no logs; nothing to check") }
        let fails = findings.filter { $0.status == .fail }.count
        let warns = findings.filter { $0.status == .warn }.count
        lines.append(
            "\(fails) failed, \(warns) warned, \(passed) passed — "
                + (status == .fail ? "check failed" : "check passed"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// For scripts: every finding with its value and levels.
    public var json: String {
        var out = JSONText()
        out.openObject()
        out.member("status", status.rawValue)
        out.openArray("findings")
        for finding in findings {
            out.openObject()
            out.member("incident", finding.incident)
            out.member("path", finding.path)
            out.member("campaign", finding.campaign)
            out.member("check", finding.check)
            out.member("value", rate: finding.value)
            out.member("warn", rate: finding.warn)
            out.member("fail", rate: finding.fail)
            out.member("status", finding.status.rawValue)
            out.member("message", finding.message)
            out.closeObject()
        }
        out.closeArray()
        out.inline("incidents_without_logs", strings: incidentsWithoutLogs)
        out.closeObject()
        return out.text + "\n"
    }

    /// GitHub Actions workflow commands: an annotation per warning and failure, on the incident's file.
    public var github: String {
        var lines: [String] = []
        for finding in findings where finding.status != .pass {
            let level = finding.status == .fail ? "error" : "warning"
            let title = "\(finding.check) (\(finding.campaign))"
            lines.append(
                "::\(level) file=\(Self.property(finding.path)),title=\(Self.property(title))::\(Self.data(finding.message))"
            )
        }
        lines.append(text.split(separator: "\n").last.map(String.init) ?? "")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes a workflow command's message (`%`, CR, LF).
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a workflow command's property value (also `:` and `,`).
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// Rates in check messages.
enum CheckText {
    /// `0.00383` → `0.383%`.
    static func percent(_ rate: Double) -> String { Percent.text(rate) }
}
