/// Markdown to HTML through Debian's libcmark; the only module that touches C.
///
/// Every entry point is a static function of values: ``html(from:options:)`` renders a note,
/// ``headings(in:)`` lists its sections with the ids the HTML carries, and
/// ``limitViolations(in:limits:)`` checks a note's structure before cmark is allowed to see it.
public enum CommonMark {}
