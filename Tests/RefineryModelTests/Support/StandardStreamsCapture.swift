import Foundation

/// What a body wrote to file descriptors 1 and 2.
struct CapturedStreams {
    var standardOutput: String
    var standardError: String
}

/// Runs `body` with file descriptors 1 and 2 redirected (`dup2`) into temporary files and
/// returns what reached each, without the test runner's own progress lines. For checking that
/// GLPK writes nothing on either stream.
func capturingStandardStreams<T>(_ body: () async throws -> T) async rethrows -> (result: T, output: CapturedStreams) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("streams-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let paths = [1, 2].map { directory.appendingPathComponent("fd\($0)").path }
    fflush(nil)
    var saved: [Int32] = []
    for (descriptor, path) in zip([Int32(1), 2], paths) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let file = open(path, O_WRONLY)
        saved.append(dup(descriptor))
        dup2(file, descriptor)
        close(file)
    }
    func restore() {
        fflush(nil)
        for (descriptor, copy) in zip([Int32(1), 2], saved) {
            dup2(copy, descriptor)
            close(copy)
        }
    }
    let result: T
    do { result = try await body() } catch {
        restore()
        try? FileManager.default.removeItem(at: directory)
        throw error
    }
    restore()
    let testingSymbols: [Character] = ["◇", "✔", "✘", "↳", "􀟈", "􀢄", "􀄵", "􁁛", "􀙟"]
    let texts = paths.map { path in
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .filter { line in !testingSymbols.contains { line.hasPrefix(String($0)) } }
            .joined(separator: "\n")
    }
    try? FileManager.default.removeItem(at: directory)
    return (result, CapturedStreams(standardOutput: texts[0], standardError: texts[1]))
}
