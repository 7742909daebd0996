/// Markdown to HTML through Debian's libcmark; the only module that touches C.
public enum CommonMark {}
