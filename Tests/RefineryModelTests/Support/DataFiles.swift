import Foundation

/// Paths of the repository's data/ folder, found from this file's location.
enum DataFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = root.appendingPathComponent("data")

    static func files(in folder: String, extension ext: String = "json") -> [URL] {
        let directory = data.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".\(ext)") }.sorted().map { directory.appendingPathComponent($0) }
    }
}
