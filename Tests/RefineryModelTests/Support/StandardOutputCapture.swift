import Foundation

/// Runs `body` with the process's standard output (file descriptor 1) sent to a temporary
/// file and returns what was written there. Used to prove the library never prints.
///
/// The redirection is process-wide, so anything any thread writes to stdout meanwhile is
/// caught too, which is what a "never prints" test wants. Swift Testing itself reports
/// progress on stdout from other tests running in parallel; its event lines (which start with
/// its status symbols, unlike anything GLPK writes) are left out of the result.
func capturingStandardOutput<T>(_ body: () async throws -> T) async rethrows -> (result: T, output: String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("stdout-\(UUID().uuidString)").path
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let file = open(path, O_WRONLY)
    fflush(nil)
    let saved = dup(1)
    dup2(file, 1)
    close(file)
    defer {
        fflush(nil)
        dup2(saved, 1)
        close(saved)
        try? FileManager.default.removeItem(atPath: path)
    }
    let result = try await body()
    fflush(nil)
    let output = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    let testingSymbols: [Character] = ["◇", "✔", "✘", "↳", "􀟈", "􀢄", "􀄵", "􁁛", "􀙟"]
    let kept = output.split(separator: "\n", omittingEmptySubsequences: true)
        .filter { line in !testingSymbols.contains { line.hasPrefix(String($0)) } }
    return (result, kept.joined(separator: "\n"))
}
