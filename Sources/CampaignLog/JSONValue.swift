/// One JSON value, as read from a provider payload by ``JSONParser``.
///
/// Numbers keep their text (a Postmark bounce `ID` does not fit a `Double`, a Mailgun timestamp
/// keeps its microseconds); objects keep their members in order, with the byte offset where they
/// start so that a bad item inside a payload can be reported on its own line.
indirect enum JSONValue {
    case object(JSONObject)
    case array([JSONValue])
    case string(String)
    /// A number, as written (already checked against the JSON grammar).
    case number(String)
    case bool(Bool)
    case null

    /// The member named `key`, when this is an object that has it.
    subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The value at the end of a path of member names (`value["mail", "tags"]`).
    subscript(first: String, rest: String...) -> JSONValue? {
        rest.reduce(self[first]) { value, key in value?[key] }
    }

    /// The object, if this is one.
    var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The elements, if this is an array.
    var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text of a string or a number (booleans and the rest are not text).
    var text: String? {
        switch self {
        case .string(let text), .number(let text): text
        default: nil
        }
    }

    /// The string, if this is one.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Whether this is `null`.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The boolean, if this is `true` or `false`.
    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The text of a non-blank string or number; a one-element array gives its element's text.
    var nonBlankText: String? {
        if case .array(let elements) = self { return elements.first?.nonBlankText }
        guard let text, !text.isBlank else { return nil }
        return text
    }
}
