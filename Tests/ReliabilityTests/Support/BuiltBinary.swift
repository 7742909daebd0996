import Foundation

/// The `aftermail` executable that `swift build` put beside this test bundle, if any.
enum BuiltBinary {
    static var aftermail: URL? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        // The runner may be inside an .xctest bundle folder (macOS) or be the bundle (Linux).
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("aftermail")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
