import Foundation

/// The `date` of an incident: a calendar day (`2026-09-10`) or an RFC 3339 instant with an offset
/// (`2026-09-10T14:03:10Z`, `2026-09-10T16:03:10.5+02:00`).
///
/// Ordered by instant (then by text). A date-only value is midnight UTC of that day.
public struct IncidentDate: Sendable, Equatable, Comparable {
    /// The value as written, trimmed.
    public var text: String
    /// Seconds since 1970-01-01T00:00:00Z (fractions of a second dropped).
    public var epochSeconds: Int64
    /// The calendar day as written (`2026-09-10`), before any offset is applied; for display.
    public var isoDay: String

    /// Creates a date from its parts, as `init?(_:)` would have parsed them.
    public init(text: String, epochSeconds: Int64, isoDay: String) {
        self.text = text
        self.epochSeconds = epochSeconds
        self.isoDay = isoDay
    }

    /// Parses a day (`YYYY-MM-DD`) or an RFC 3339 date-time with `Z` or `±hh:mm`; nil otherwise.
    /// The calendar date must exist and the time must be a real time of day.
    public init?(_ text: String) {
        let trimmed = text.trimmedOfWhiteSpace
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 10, let day = Self.day(bytes[0..<10]) else { return nil }
        var seconds = Self.daysFromCivil(year: day.year, month: day.month, day: day.day) * 86_400
        if bytes.count > 10 {
            guard let time = Self.time(bytes[10...]) else { return nil }
            seconds += time
        }
        self.text = trimmed
        self.epochSeconds = seconds
        self.isoDay = String(decoding: bytes[0..<10], as: UTF8.self)
    }

    /// Earlier instants first; equal instants ordered by their text.
    public static func < (lhs: IncidentDate, rhs: IncidentDate) -> Bool {
        if lhs.epochSeconds != rhs.epochSeconds { return lhs.epochSeconds < rhs.epochSeconds }
        return lhs.text < rhs.text
    }

    // MARK: - Private

    /// `YYYY-MM-DD` with a month 1...12 and a day that exists in that month.
    private static func day(_ b: ArraySlice<UInt8>) -> (year: Int64, month: Int64, day: Int64)? {
        let b = Array(b)
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = number(b[0..<4]), let month = number(b[5..<7]), let day = number(b[8..<10]),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return (year, month, day)
    }

    /// `Thh:mm:ss[.fraction](Z|±hh:mm)` (also `t`, `z` or a space for `T`) as seconds from midnight UTC.
    private static func time(_ slice: ArraySlice<UInt8>) -> Int64? {
        let b = Array(slice)
        guard b.count >= 10, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[0]),
            b[3] == UInt8(ascii: ":"), b[6] == UInt8(ascii: ":"),
            let hour = number(b[1..<3]), let minute = number(b[4..<6]), let second = number(b[7..<9]),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var i = 9
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let digits = i
            while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) { i += 1 }
            guard i > digits, i < b.count else { return nil }
        }
        let local = hour * 3600 + minute * 60 + second
        let zone = Array(b[i...])
        if zone == [UInt8(ascii: "Z")] || zone == [UInt8(ascii: "z")] { return local }
        guard zone.count == 6, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"),
            zone[3] == UInt8(ascii: ":"),
            let offsetHours = number(zone[1..<3]), let offsetMinutes = number(zone[4..<6]),
            offsetHours < 24, offsetMinutes < 60
        else { return nil }
        let offset = offsetHours * 3600 + offsetMinutes * 60
        return zone[0] == UInt8(ascii: "+") ? local - offset : local + offset
    }

    /// ASCII digits only.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int64(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
