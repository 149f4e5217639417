internal import CGLPK
import Foundation

/// The text formats GLPK can write a model in. Any of them can be re-solved with `glpsol`
/// (`glpsol --lp model.lp`, `glpsol --freemps model.mps`) or another solver.
public enum ModelFileFormat: String, Sendable, Codable, CaseIterable {
    /// CPLEX LP format, readable by people and most solvers. GLPK's LP writer keeps an
    /// objective constant only as a comment, so a nonzero constant is written as a column
    /// `objective_constant` fixed at 1 whose objective coefficient is the constant: every
    /// reader then gets the same objective value.
    case cplexLP = "lp"
    /// Free MPS format. GLPK's MPS dialect has no objective sense (no `OBJSENSE` section):
    /// re-solve a maximization with `glpsol --freemps model.mps --max`.
    case freeMPS = "mps"
}

extension GLPKSolver {
    /// Writes `program` to `path` in `format` with GLPK's own writer. The file appears
    /// atomically: it is written beside the target under a temporary name, then renamed.
    ///
    /// GLPK's LP writer replaces names that the LP format cannot hold by generated ones
    /// (`r_1`, `x_1`, …).
    public func write(_ program: LinearProgram, format: ModelFileFormat, to path: String) throws(OptimizationError) {
        try program.validate()
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let session = GLPKSession(log: .off)
        defer { session.close() }
        var written = program
        if format == .cplexLP && program.objectiveConstant != 0 {
            written.addVariable("objective_constant", lowerBound: 1, upperBound: 1, objective: program.objectiveConstant)
            written.objectiveConstant = 0
        }
        try GLPKProblemLoader.load(written, into: session)
        let problem = try session.requireProblem()
        let code: Int32
        switch format {
        case .cplexLP: code = try session.checkFatal(cglpk_guarded_write_lp(problem, temporary.path), in: "glp_write_lp")
        case .freeMPS: code = try session.checkFatal(cglpk_guarded_write_mps(problem, GLP_MPS_FILE, temporary.path), in: "glp_write_mps")
        }
        guard code == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            // GLPK's own message ("Unable to create ...") stays in its log; say it in our words.
            throw .exportFailed(path: path, message: "GLPK could not create or write the file (is its directory missing or read-only?)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .exportFailed(path: path, message: reason)
        }
    }

    /// The text of `program` in `format`, as GLPK writes it.
    public func export(_ program: LinearProgram, format: ModelFileFormat) throws(OptimizationError) -> String {
        let directory = FileManager.default.temporaryDirectory
        let path = directory.appendingPathComponent("refinery-model-\(UUID().uuidString).\(format.rawValue)").path
        try write(program, format: format, to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .exportFailed(path: path, message: "could not read back the exported file")
        }
        return text
    }
}
