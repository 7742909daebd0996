extension Timestamp {
    // MARK: - Internal

    /// Parses an RFC 5322 date-time, as mail headers and ARF reports write it:
    /// `[Thu,] 8 Mar 2005 14:00:00 EDT`, with the obsolete forms too: two-digit years, seconds
    /// omitted, comments such as `(PST)`, alphabetic zones (UT, GMT, EST/EDT, CST/CDT, MST/MDT,
    /// PST/PDT, military letters, and a few common others; an unknown one counts as UTC, as the
    /// RFC says). The day of the week is not checked. A zone is required; the date must exist.
    static func parseRFC5322(_ text: String) -> Timestamp? {
        var cleaned = ""
        var comment = 0
        for character in text {
            switch character {
            case "(": comment += 1
            case ")": comment = max(0, comment - 1)
            case ",": if comment == 0 { cleaned.append(" ") }
            default: if comment == 0 { cleaned.append(character) }
            }
        }
        var tokens = cleaned.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = tokens.first, weekdays.contains(String(first.prefix(3)).lowercased()) {
            tokens.removeFirst()  // the day of the week
        }
        guard tokens.count >= 4 else { return nil }
        // Some writers put the month first ("Mar 8 2005"); accept either order.
        var dayToken = tokens[0]
        var monthToken = tokens[1]
        if month(dayToken) != nil { swap(&dayToken, &monthToken) }
        guard let day = Int(dayToken), dayToken.count <= 2, let month = month(monthToken),
            let rawYear = Int(tokens[2]), tokens[2].allSatisfy(\.isASCII), (2...4).contains(tokens[2].count)
        else { return nil }
        let year = tokens[2].count == 4 ? rawYear : rawYear < 50 ? 2000 + rawYear : 1900 + rawYear
        let clock = tokens[3].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(clock[0]), let minute = Int(clock[1])
        else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) : 0
        guard let second, (1...12).contains(month), day >= 1, day <= daysIn(year: year, month: month),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            tokens.count >= 5, let offset = zoneOffset(tokens[4])
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Timestamp(seconds: days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset))
    }

    // MARK: - Private

    private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func month(_ token: String) -> Int? {
        guard token.count >= 3 else { return nil }
        return months.firstIndex(of: String(token.prefix(3)).lowercased()).map { $0 + 1 }
    }

    private static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Seconds east of UTC for a zone token: `+hhmm`, `-hhmm`, or a name.
    private static func zoneOffset(_ token: String) -> Int? {
        let utf8 = Array(token.utf8)
        if utf8.count == 5, utf8[0] == UInt8(ascii: "+") || utf8[0] == UInt8(ascii: "-"),
            utf8.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 })
        {
            let hours = Int(utf8[1] - 48) * 10 + Int(utf8[2] - 48)
            let minutes = Int(utf8[3] - 48) * 10 + Int(utf8[4] - 48)
            guard hours <= 23, minutes <= 59 else { return nil }
            return (hours * 3600 + minutes * 60) * (utf8[0] == UInt8(ascii: "-") ? -1 : 1)
        }
        guard !token.isEmpty, token.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let hours: Int
        switch token.uppercased() {
        case "UT", "UTC", "GMT", "Z", "WET": hours = 0
        case "EST": hours = -5
        case "EDT": hours = -4
        case "CST": hours = -6
        case "CDT": hours = -5
        case "MST": hours = -7
        case "MDT": hours = -6
        case "PST": hours = -8
        case "PDT": hours = -7
        case "AKST": hours = -9
        case "AKDT": hours = -8
        case "HST": hours = -10
        case "BST", "CET", "MET", "WEST": hours = 1
        case "CEST", "MEST", "EET": hours = 2
        case "EEST": hours = 3
        case "JST", "KST": hours = 9
        case "AEST": hours = 10
        case "AEDT": hours = 11
        default: hours = 0  // military letters and unknown names: "-0000" (RFC 5322 §4.3)
        }
        return hours * 3600
    }
}
