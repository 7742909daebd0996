/// What a view holds under a name.
enum ViewValue {
    /// Text, escaped by Aftermail when it reaches a page; `nil` when absent (a false section).
    case text(String?)
    /// Anything Mustache takes as it is: flags, nested views, lists, HTML already made safe.
    case value(Any?)
}
