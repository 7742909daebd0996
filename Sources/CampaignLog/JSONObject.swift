/// A JSON object: its members in order, and where it starts in the bytes it was parsed from.
struct JSONObject {
    /// The members as written (a repeated name appears twice; lookups take the last).
    var members: [(key: String, value: JSONValue)]
    /// The byte offset of the opening brace within the parsed bytes.
    var offset: Int

    /// The value of the last member named `key`.
    subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    /// The value of the last member whose name equals `key` ignoring ASCII case.
    func caseInsensitive(_ key: String) -> JSONValue? {
        let wanted = key.lowercased()
        return members.last { $0.key.lowercased() == wanted }?.value
    }

    /// Whether a member named `key` exists.
    func has(_ key: String) -> Bool { members.contains { $0.key == key } }
}
