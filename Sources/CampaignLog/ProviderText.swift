/// Small text helpers shared by the provider readers: timestamps, addresses, message ids, tags.
enum ProviderText {
    /// A timestamp value as ``Timestamp`` parses it: a string as is, a number as written, except
    /// that an integer of 13 or more digits is taken as milliseconds (SendGrid Single Sends).
    static func timestamp(_ value: JSONValue?) -> String? {
        guard let text = value?.text?.trimmingSpaces, !text.isEmpty else { return nil }
        let digits = text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        guard digits, text.utf8.count >= 13 else { return text }
        return String(text.dropLast(3)) + "." + String(text.suffix(3))
    }

    /// The address in `Name <address>` (the part inside the first angle brackets), else the text
    /// trimmed; the first of a comma-separated list.
    static func address(_ text: String?) -> String? {
        guard let text else { return nil }
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            return String(text[text.index(after: open)..<close]).trimmingSpaces
        }
        let first =
            text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
        return first.trimmingSpaces
    }

    /// A Message-ID as compared: white space and angle brackets removed; nil when empty.
    static func messageID(_ text: String?) -> String? {
        guard var id = text?.trimmingSpaces else { return nil }
        if id.hasPrefix("<") { id.removeFirst() }
        if id.hasSuffix(">") { id.removeLast() }
        id = id.trimmingSpaces
        return id.isEmpty ? nil : id
    }

    /// The rest of the first tag that starts with `prefix` (ASCII case ignored), when non-empty.
    static func tagged(_ prefix: String?, in tags: [String]) -> String? {
        guard let prefix else { return nil }
        let lowered = prefix.lowercased()
        for tag in tags where tag.lowercased().hasPrefix(lowered) {
            let rest = String(tag.dropFirst(prefix.count)).trimmingSpaces
            if !rest.isEmpty { return rest }
        }
        return nil
    }

    /// The texts of a string or an array of strings (a SendGrid `category`, Mailgun `tags`).
    static func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let text)?: [text]
        case .array(let elements)?: elements.compactMap(\.string)
        default: []
        }
    }

    /// The first non-blank text among `keys` of `object`, in order.
    static func first(_ keys: [String], in object: JSONObject?) -> String? {
        guard let object else { return nil }
        for key in keys {
            if let text = object[key]?.nonBlankText { return text }
        }
        return nil
    }
}

extension String {
    /// The text without leading and trailing ASCII white space (spaces, tabs, CR, LF). The
    /// counting rules trim Unicode white space later; this only tidies names and ids, cheaply.
    var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !FieldNormalizer.isASCIISpace($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !FieldNormalizer.isASCIISpace($0) })!
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// Whether the text has anything but ASCII white space.
    var isBlank: Bool { utf8.allSatisfy(FieldNormalizer.isASCIISpace) }
}

extension ProviderText {
    /// Text fit for a message: at most 40 characters, control characters shown as `?`.
    static func excerpt(_ text: String) -> String {
        let cleaned = String(
            text.unicodeScalars.prefix(40).map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return text.unicodeScalars.count > 40 ? cleaned + "…" : cleaned
    }
}
