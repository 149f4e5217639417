import Foundation
import Testing
@testable import RefineryModel

/// Exported models re-solve to the same objective with GLPK's own command-line solver.
@Suite struct ExportTests {
    static let glpsol: String? = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs glpsol on a model file and returns the objective from its solution file.
    static func glpsolObjective(_ path: String, format: ModelFileFormat, maximize: Bool) throws -> Double? {
        let solutionPath = path + ".sol"
        defer { try? FileManager.default.removeItem(atPath: solutionPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol!)
        process.arguments = [format == .cplexLP ? "--lp" : "--freemps", path, "-w", solutionPath]
            + (format == .freeMPS && maximize ? ["--max"] : [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOfFile: solutionPath, encoding: .utf8)
        // "s mip ROWS COLS STATUS OBJECTIVE" or "s bas ROWS COLS PRIM DUAL OBJECTIVE"
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("s ") }) else { return nil }
        return Double(line.split(separator: " ").last!)
    }

    static func models() -> [LinearProgram] {
        var unnamed = LinearProgram()
        let a = unnamed.addVariable()
        let b = unnamed.addVariable(kind: .integer, upperBound: 7)
        unnamed.addConstraint(LinearConstraint(a + 2 * b, lowerBound: 1, upperBound: 9))
        unnamed.maximize(a + 3 * b - 1)
        // Names the LP format cannot hold (spaces, leading digits) are replaced by GLPK.
        var awkward = LinearProgram(name: "awkward names")
        let p = awkward.addVariable("2 tonnes of doré")
        let q = awkward.addVariable("q[1,2]")
        awkward.addConstraint(p + q <= 3, name: "a b")
        awkward.minimize(-1 * p - 2 * q)
        return [TestModels.wyndor().0, TestModels.knapsack(), TestModels.assignment(costs: [[4, 2, 8], [4, 3, 7], [3, 1, 6]]),
                unnamed, awkward]
    }

    @Test(.enabled(if: glpsol != nil, "glpsol is not installed (apt-get install glpk-utils)"),
          arguments: ModelFileFormat.allCases)
    func glpsolReproducesTheObjective(format: ModelFileFormat) throws {
        let solver = GLPKSolver()
        for lp in Self.models() {
            let ours = try #require(try solver.solve(lp).objective)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).\(format.rawValue)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try solver.write(lp, format: format, to: path)
            let theirs = try #require(try Self.glpsolObjective(path, format: format, maximize: lp.sense == .maximize))
            #expect(approximately(ours, theirs, absolute: 1e-6), "\(lp.name) \(format)")
        }
    }

    @Test func exportedTextNamesVariablesAndConstraints() throws {
        let text = try GLPKSolver().export(TestModels.wyndor().0, format: .cplexLP)
        #expect(text.contains("Maximize"))
        let plant3 = try #require(text.split(separator: "\n").first { $0.contains("plant3:") })
        #expect(plant3.contains("+ 3 doors") && plant3.contains("+ 2 windows") && plant3.hasSuffix("<= 18"))
    }

    @Test func writingToAMissingDirectoryFailsCleanly() {
        #expect(throws: OptimizationError.self) {
            try GLPKSolver().write(TestModels.wyndor().0, format: .cplexLP, to: "/nonexistent-dir/model.lp")
        }
    }
}
