/// The names behind the ids of the events of one run.
public struct LogSymbols: Sendable {
    /// Campaign ids (the empty string is a campaign id too).
    public var campaigns = SymbolTable()
    /// Variant names; id ``unassigned`` is the variant of events that named none.
    public var variants = SymbolTable()
    /// Normalized recipient addresses (trimmed, lower-cased). Never to be published.
    public var recipients = SymbolTable()

    /// The variant id of events whose log gave no variant.
    public static let unassigned: Int32 = 0
    /// The name under which such events are counted.
    public static let unassignedName = "unassigned"

    /// Makes empty tables, with ``unassigned`` as variant 0.
    public init() {
        _ = variants.intern(Self.unassignedName)
    }
}
