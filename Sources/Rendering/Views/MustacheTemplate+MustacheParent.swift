import Mustache

/// A section over a text name (`{{#summary}}…{{/summary}}`) pushes the text's template
/// (``HTMLText``) where the text itself used to be. Like the text, it has no names of its own:
/// lookups go past it to the views below, without a `Mirror` of the template.
extension MustacheTemplate: @retroactive MustacheParent {
    /// No value under any name.
    public func child(named name: String) -> Any? { nil }
}
