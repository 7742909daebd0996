extension Timestamp {
    // MARK: - Public API

    /// Parses RFC 3339 (an offset is required, the calendar date must exist) or Unix seconds,
    /// integer or decimal (SPEC §2). Returns nil for anything else.
    public init?(parsing text: String) {
        var copy = text
        guard let value = copy.withUTF8({ Timestamp.parse(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = value
    }

    // MARK: - Internal

    /// The byte-level parser behind ``init(parsing:)``; surrounding spaces are the caller's to trim.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Timestamp? {
        guard !bytes.isEmpty else { return nil }
        if bytes.count >= 20, bytes[4] == UInt8(ascii: "-") { return parseRFC3339(bytes) }
        return parseUnix(bytes)
    }

    // MARK: - Private

    private static func digits(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let digit = Int(bytes[index]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private static func parseRFC3339(_ b: UnsafeRawBufferPointer) -> Timestamp? {
        // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
        guard let year = digits(b, 0, 4), b[7] == UInt8(ascii: "-"),
            let month = digits(b, 5, 2), let day = digits(b, 8, 2),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            let hour = digits(b, 11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(b, 14, 2),
            b[16] == UInt8(ascii: ":"), let second = digits(b, 17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var index = 19
        guard let micros = fraction(b, &index), index < b.count else { return nil }
        var offsetSeconds = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard b.count == index + 6, let oh = digits(b, index + 1, 2), b[index + 3] == UInt8(ascii: ":"),
                let om = digits(b, index + 4, 2), oh <= 23, om <= 59
            else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (b[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let secs = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return Timestamp(microseconds: secs * 1_000_000 + micros)
    }

    /// Reads an optional `.digits` at `index` as microseconds (digits past the sixth are dropped);
    /// nil for a dot without digits.
    private static func fraction(_ b: UnsafeRawBufferPointer, _ index: inout Int) -> Int64? {
        guard index < b.count, b[index] == UInt8(ascii: ".") else { return 0 }
        index += 1
        let first = index
        var micros: Int64 = 0
        var scale: Int64 = 100_000
        while index < b.count, b[index] >= 48, b[index] <= 57 {
            micros += Int64(b[index] - 48) * scale
            scale /= 10
            index += 1
        }
        return index > first ? micros : nil
    }

    private static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func parseUnix(_ b: UnsafeRawBufferPointer) -> Timestamp? {
        var index = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        let first = index
        var seconds: Int64 = 0
        while index < b.count, b[index] >= 48, b[index] <= 57 {
            seconds = seconds * 10 + Int64(b[index] - 48)
            index += 1
            // Twelve digits reach the year 33658; more is not a timestamp of this world.
            guard index - first <= 12 else { return nil }
        }
        guard index > first else { return nil }
        guard let micros = fraction(b, &index), index == b.count else { return nil }
        let total = seconds * 1_000_000 + micros
        return Timestamp(microseconds: negative ? -total : total)
    }
}
