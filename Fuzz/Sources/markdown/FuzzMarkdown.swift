import CommonMark
import FuzzSupport

/// A note through our cmark wrapper as the renderer uses it: the structural limits first, then
/// HTML (safe mode unless the first byte is odd) and the heading outline. In safe mode the HTML
/// must hold no tag or link that the input could have smuggled in.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    guard CommonMark.limitViolations(in: text).isEmpty else { return 0 }
    let unsafe = size > 0 && data[0] & 1 == 1
    let html = CommonMark.html(from: text, options: MarkdownOptions(unsafe: unsafe))
    _ = CommonMark.headings(in: text)
    if !unsafe {
        let lowered = html.lowercased()
        for forbidden in [
            "<script", "<iframe", "<svg", "<style", "<object", "<embed", "<form", "<meta", "<base",
            "href=\"javascript:", "href=\"vbscript:", "href=\"file:", "src=\"javascript:", "src=\"vbscript:",
            "src=\"file:",
        ] {
            precondition(!lowered.contains(forbidden), "safe-mode HTML holds \(forbidden)")
        }
        // cmark keeps `data:` only for images of four types.
        for piece in lowered.components(separatedBy: "=\"data:").dropFirst() {
            let allowed = ["image/png", "image/gif", "image/jpeg", "image/webp"].contains { piece.hasPrefix($0) }
            precondition(allowed, "safe-mode HTML holds a data: URL: \(piece.prefix(40))")
        }
    }
    return 0
}
