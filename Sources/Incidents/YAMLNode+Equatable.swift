// MARK: - Internal

/// Structural equality: same shape, same text and plainness, same lines, pairs and items in the same
/// order. `FlatYAML` is checked against Yams with it.
extension YAMLNode: Equatable {
    static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        guard lhs.line == rhs.line else { return false }
        switch (lhs.kind, rhs.kind) {
        case (.scalar(let left, let leftPlain), .scalar(let right, let rightPlain)):
            return left == right && leftPlain == rightPlain
        case (.mapping(let left), .mapping(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.sequence(let left), .sequence(let right)):
            return left == right
        default:
            return false
        }
    }
}
