/// An email message or a MIME body part, as much of it as reading abuse reports needs: header
/// fields (unfolded), the content type and its parameters, the decoded body, and the parts of a
/// multipart body. Works on text lines (CRLF or LF); reports are small and read a few at a time.
struct MIMEEntity {
    /// Header fields in order: lower-cased name, unfolded value (trimmed).
    var headers: [(name: String, value: String)]
    /// The body's lines, still transfer-encoded.
    var body: ArraySlice<Substring>

    /// The deepest multipart nesting followed.
    static let maxDepth = 8

    /// Reads an entity from its lines: header fields up to the first empty line, then the body.
    /// A line that is neither a field nor a continuation ends the header (an mbox `From ` line at
    /// the very start is skipped).
    init(lines: ArraySlice<Substring>) {
        headers = []
        var index = lines.startIndex
        if index < lines.endIndex, lines[index].hasPrefix("From ") { index += 1 }
        while index < lines.endIndex {
            let line = lines[index]
            if line.allSatisfy(\.isWhitespace) {
                index += 1
                break
            }
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters
            } else if let colon = line.firstIndex(of: ":"), colon > line.startIndex,
                line[..<colon].allSatisfy({ $0.isASCII && $0 != " " && !$0.isWhitespace })
            {
                headers.append(
                    (line[..<colon].lowercased(), String(line[line.index(after: colon)...]).trimmingCharacters))
            } else {
                break
            }
            index += 1
        }
        body = lines[index...]
    }

    /// Reads an entity from text.
    init(text: String) {
        self.init(lines: text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...])
    }

    /// The first value of the field `name` (any case).
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name == lowered }?.value
    }

    /// Every value of the field `name` (any case).
    func headers(_ name: String) -> [String] {
        let lowered = name.lowercased()
        return headers.filter { $0.name == lowered }.map(\.value)
    }

    /// The media type, lower-cased (`multipart/report`); `text/plain` when absent.
    var mediaType: String {
        guard let value = header("content-type") else { return "text/plain" }
        return value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters.lowercased() } ?? ""
    }

    /// A parameter of the content type (`boundary`, `report-type`), unquoted.
    func contentTypeParameter(_ name: String) -> String? {
        guard let value = header("content-type") else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            guard parameter[..<equals].trimmingCharacters.lowercased() == name else { continue }
            var text = parameter[parameter.index(after: equals)...].trimmingCharacters
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
                text = String(text.dropFirst().dropLast())
            }
            return text
        }
        return nil
    }

    /// The parts of a multipart body (empty for anything else).
    var parts: [MIMEEntity] {
        guard mediaType.hasPrefix("multipart/"), let boundary = contentTypeParameter("boundary"), !boundary.isEmpty
        else {
            return []
        }
        let delimiter = "--" + boundary
        var parts: [MIMEEntity] = []
        var start: Int?
        for index in body.indices {
            let line = body[index]
            guard line.hasPrefix(delimiter) else { continue }
            let rest = line.dropFirst(delimiter.count)
            let closing = rest.hasPrefix("--")
            guard closing || rest.allSatisfy(\.isWhitespace) else { continue }
            if let first = start { parts.append(MIMEEntity(lines: body[first..<index])) }
            if closing { return parts }
            start = index + 1
        }
        if let first = start { parts.append(MIMEEntity(lines: body[first...])) }  // no closing delimiter
        return parts
    }

    /// The body with its content transfer encoding (base64, quoted-printable) undone.
    var decodedBody: String {
        let encoding = header("content-transfer-encoding")?.lowercased() ?? "7bit"
        let text = body.joined(separator: "\n")
        switch encoding {
        case "base64": return String(decoding: TransferDecoding.base64(text), as: UTF8.self)
        case "quoted-printable": return String(decoding: TransferDecoding.quotedPrintable(text), as: UTF8.self)
        default: return text
        }
    }

    /// This entity and every entity nested in it (multipart parts, depth first), at most
    /// ``maxDepth`` levels of multiparts deep.
    func flattened(depth: Int = 0) -> [MIMEEntity] {
        guard depth < Self.maxDepth else { return [self] }
        return [self] + parts.flatMap { $0.flattened(depth: depth + 1) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space, as a `String`.
    fileprivate var trimmingCharacters: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
