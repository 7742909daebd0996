import CampaignMetrics
import Foundation
import SiteBuilder

/// A site folder in a temporary directory, built with `SiteBuild` as `aftermail build` does.
final class HostileSite {
    // MARK: - Internal

    let folder = TempFolder("site")
    var root: URL { folder.url }
    var output: URL { root.appendingPathComponent("output") }

    /// Writes `text` at the site-relative `path`.
    func write(_ path: String, _ text: String) { folder.write(path, text) }

    /// Builds the site; the summary, or the build's error.
    @discardableResult
    func build(drafts: Bool = false, baseURL: String? = nil) async -> Result<BuildSummary, BuildError> {
        do throws(BuildError) {
            return .success(
                try await SiteBuild(options: BuildOptions(siteRoot: root, baseURL: baseURL, includeDrafts: drafts))
                    .run())
        } catch {
            return .failure(error)
        }
    }

    /// The output files, relative to `output/`, sorted.
    var outputFiles: [String] { folder.files(under: output) }

    /// The text of an output file.
    func page(_ path: String) -> String {
        (try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// Every output file's text, concatenated (for "appears nowhere" checks).
    var allOutput: String { outputFiles.map(page).joined(separator: "\n") }

    /// `text` as a YAML double-quoted scalar.
    static func yaml(_ text: String) -> String { JSONText.quoted(text) }

    /// `text` as a CSV field.
    static func csv(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

extension String {
    /// The text with the character references a browser decodes in text (those templates and
    /// cmark write) turned back into characters.
    var decodingHTMLText: String {
        var text = self
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"),
            ("&apos;", "'"), ("&#34;", "\""), ("&#x22;", "\""), ("&#96;", "`"), ("&#x60;", "`"),
            ("&#61;", "="), ("&#x3D;", "="), ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
