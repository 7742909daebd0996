import CampaignMetrics

/// Number and date formatting for pages: fixed, locale-free, so builds are reproducible.
enum Format {
    /// `1260000` → `1,260,000`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// A rate as a percentage with up to three decimals: `0.000455` → `0.046%`; nil → `–`.
    static func percent(_ rate: Double?) -> String { Percent.text(rate) }

    /// `2026-09-10` → `10 September 2026` (nil when the text is not such a day).
    static func day(_ isoDay: String) -> String? {
        let parts = isoDay.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]) else {
            return nil
        }
        return "\(day) \(months[month - 1]) \(parts[0])"
    }

    /// `2026-09-10T14:03:10Z` → `2026-09-10 14:03:10`; nil → `–`.
    static func time(_ rfc3339: String?) -> String {
        guard let rfc3339 else { return "–" }
        return String(rfc3339.replacingFirst("T", with: " ").dropLast(rfc3339.hasSuffix("Z") ? 1 : 0))
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}

extension String {
    fileprivate func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let found = firstIndex(of: target) else { return self }
        return String(self[..<found]) + replacement + String(self[index(after: found)...])
    }
}

extension Format {
    /// `2026-09-10T14:03:10Z` → `2026-09-10 14:03 UTC`; nil → `–`.
    static func minute(_ rfc3339: String?) -> String {
        guard let rfc3339, rfc3339.count >= 16 else { return "–" }
        return time(String(rfc3339.prefix(16)) + "Z") + " UTC"
    }
}
