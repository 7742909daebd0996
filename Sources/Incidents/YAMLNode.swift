// MARK: - Internal

/// A YAML value with the line it starts on, copied out of Yams' `Node` tree once the tree has passed
/// `YAMLGuard` (no aliases, bounded depth). Typed readers (`YAMLNode+Typed.swift`) walk this tree.
struct YAMLNode: Sendable {
    /// The shape of the value.
    enum Kind: Sendable {
        /// A scalar as written; `plain` is false for quoted and block scalars.
        case scalar(String, plain: Bool)
        /// Key/value pairs in document order (Yams has already refused duplicate keys).
        case mapping([(key: YAMLNode, value: YAMLNode)])
        /// Items in document order.
        case sequence([YAMLNode])
    }

    /// The value.
    var kind: Kind
    /// 1-based line of the YAML text where the value starts.
    var line: Int

    /// True for a plain `null`, `Null`, `NULL`, `~` or an empty plain value.
    var isNull: Bool {
        guard case .scalar(let text, plain: true) = kind else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// The scalar text, or nil for collections.
    var scalarText: String? {
        guard case .scalar(let text, _) = kind else { return nil }
        return text
    }

    /// A short name of the shape for error messages: "a list", "a mapping", "text".
    var shapeName: String {
        switch kind {
        case .scalar: return isNull ? "empty" : "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}
