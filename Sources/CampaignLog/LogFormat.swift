#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The formats Aftermail reads, recognised from a file's first bytes (never from its name).
enum LogFormat: Equatable {
    case canonicalCSV
    case canonicalJSONLines
    /// Canonical objects laid out otherwise: pretty-printed, or in arrays.
    case canonicalJSON
    case sendGrid
    case mailgun
    case ses
    case postmark
    case arf

    /// How many bytes detection looks at.
    static let sniffBytes = 64 << 10

    /// Looks at the start of the file at `path` and says which reader fits.
    static func detect(path: String, displayPath: String) throws(LogError) -> LogFormat {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw LogError(path: displayPath, line: nil, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: sniffBytes)
        let count = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, sniffBytes, 0) }
        guard count >= 0 else {
            // A folder, or a read error: the reader names it.
            return .canonicalCSV
        }
        return try detect(head: head.prefix(count), displayPath: displayPath)
    }

    /// Decides from the first bytes of a file.
    static func detect(head: ArraySlice<UInt8>, displayPath: String) throws(LogError) -> LogFormat {
        var bytes = head
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { !FieldNormalizer.isASCIISpace($0) }) else {
            throw LogError(path: displayPath, line: nil, message: "empty log: expected a CSV header or JSON Lines")
        }
        let firstLine = bytes.drop(while: FieldNormalizer.isASCIISpace).prefix { $0 != 0x0A }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            let keys = JSONKeySniffer.firstObjectKeys(bytes)
            let line = firstLine.reversed().drop(while: FieldNormalizer.isASCIISpace)
            let oneLine = first == UInt8(ascii: "{") && line.first == UInt8(ascii: "}")
            if let format = jsonFormat(keys: keys, oneLine: oneLine) { return format }
            // A first line that is no JSON at all: the JSON Lines reader says where, line by line.
            if keys.isEmpty && first == UInt8(ascii: "{") && line.count > 1 { return .canonicalJSONLines }
            throw unrecognised(displayPath)
        }
        let header = String(decoding: firstLine, as: UTF8.self).lowercased()
        let named = header.split(separator: ",").map { $0.trimmingASCIISpaceAndQuotes }
        if named.contains("event") && named.contains("recipient") && named.contains("timestamp") {
            return .canonicalCSV
        }
        if let format = try mailFormat(firstLine: firstLine, head: bytes, displayPath: displayPath) { return format }
        throw unrecognised(displayPath)
    }

    /// The error for a file no reader recognises, with what was expected.
    static func unrecognised(_ displayPath: String) -> LogError {
        LogError(
            path: displayPath, line: 1,
            message: "unrecognised log format: expected a CSV header naming "
                + "timestamp,campaign,variant,recipient,event (event_id and detail optional), "
                + "JSON Lines objects with those keys, SendGrid, Mailgun, Amazon SES or Postmark "
                + "JSON events, or ARF abuse reports (RFC 5965, one message or an mbox)")
    }
}

extension Substring {
    /// The text without surrounding spaces, tabs, CRs and double quotes.
    fileprivate var trimmingASCIISpaceAndQuotes: String {
        String(
            drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "\r" }
                .reversed().drop { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "\r" }.reversed())
    }
}
