import Foundation

// MARK: - Internal

extension Thresholds {
    /// The keys allowed under `thresholds:`.
    static let keys = [
        "complaint_rate", "unsubscribe_rate", "bounce_rate", "recipients_with_multiple_variants", "sends_after_opt_out",
    ]

    /// Applies the `thresholds:` mapping over `self`, reporting problems into `diagnostics`.
    mutating func apply(_ node: YAMLNode, into diagnostics: inout Diagnostics) {
        guard let entries = node.entries(known: Self.keys, context: "thresholds", into: &diagnostics) else { return }
        if let value = entries["complaint_rate"] {
            complaintRate.apply(value, key: "complaint_rate", into: &diagnostics)
        }
        if let value = entries["unsubscribe_rate"] {
            unsubscribeRate.apply(value, key: "unsubscribe_rate", into: &diagnostics)
        }
        if let value = entries["bounce_rate"] { bounceRate.apply(value, key: "bounce_rate", into: &diagnostics) }
        if let value = entries["recipients_with_multiple_variants"],
            let count = value.count(key: "recipients_with_multiple_variants", into: &diagnostics)
        {
            recipientsWithMultipleVariants = count
        }
        if let value = entries["sends_after_opt_out"],
            let count = value.count(key: "sends_after_opt_out", into: &diagnostics)
        {
            sendsAfterOptOut = count
        }
    }

    /// A rate written as a fraction (`0.003`) or a percentage (`0.3%`), between 0 and 1.
    static func rate(_ text: String) -> Double? {
        var text = text.trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if text.hasSuffix("%") {
            text = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
            scale = 100
        }
        guard let value = Double(text), value.isFinite else { return nil }
        let rate = value / scale
        return (0...1).contains(rate) ? rate : nil
    }
}

extension Thresholds.Limit {
    /// Applies `{warn: …, fail: …}` over `self`; `null` turns a level off.
    mutating func apply(_ node: YAMLNode, key: String, into diagnostics: inout Diagnostics) {
        guard let entries = node.entries(known: ["warn", "fail"], context: key, into: &diagnostics) else { return }
        for level in ["warn", "fail"] {
            guard let value = entries[level] else { continue }
            var parsed: Double?
            if !value.isNull {
                guard let text = value.scalarText, let rate = Thresholds.rate(text) else {
                    diagnostics.error(
                        yamlLine: value.line, "'\(key).\(level)' must be a rate between 0 and 1",
                        hint: "write a fraction (0.003) or a percentage (\"0.3%\"), or null to turn it off")
                    continue
                }
                parsed = rate
            }
            if level == "warn" { warn = parsed } else { fail = parsed }
        }
        if let warn, let fail, warn > fail {
            diagnostics.error(yamlLine: node.line, "'\(key)' warns at \(warn), above where it fails (\(fail))")
        }
    }
}
