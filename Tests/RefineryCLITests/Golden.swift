import Foundation
import Testing

/// Golden-file (snapshot) checks: the text is compared with `Golden/NAME`, beside this file.
/// Run with `UPDATE_GOLDEN=1` to record the files again after an intended change, then review
/// the diff with git.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run the tests with UPDATE_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if text != expected {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(got, want)).firstIndex { $0 != $1 } ?? min(got.count, want.count)
            let gotLine = line < got.count ? String(got[line]) : "(end)"
            let wantLine = line < want.count ? String(want[line]) : "(end)"
            Issue.record("\(name) differs at line \(line + 1):\n  got:      \(gotLine)\n  expected: \(wantLine)\n(UPDATE_GOLDEN=1 records the new output)", sourceLocation: sourceLocation)
        }
    }
}
