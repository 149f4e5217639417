internal import CGLPK

extension GLPKSolver {
    /// Makes GLPK raise a real fatal error (a matrix with a duplicate entry, which
    /// `glp_load_matrix` rejects by aborting) inside the guard, and returns the error the
    /// guard produced. Validation makes this impossible through the public API, so the tests
    /// use this to prove the safety net works: the process survives, nothing reaches stdout,
    /// and GLPK works again on the same thread afterwards.
    static func provokeFatalError() -> OptimizationError? {
        let session = GLPKSession(log: .off)
        defer { session.close() }
        guard let problem = session.problem,
              cglpk_guarded_add_rows(problem, 1) != CGLPK_FATAL, cglpk_guarded_add_cols(problem, 1) != CGLPK_FATAL else { return nil }
        let rows: [Int32] = [0, 1, 1]
        let columns: [Int32] = [0, 1, 1]
        let values: [Double] = [0, 1, 2]
        do {
            _ = try session.checkFatal(cglpk_guarded_load_matrix(problem, 2, rows, columns, values), in: "glp_load_matrix")
            return nil
        } catch {
            return error
        }
    }
}

extension GLPKSolver {
    /// Loads `program` into GLPK *without* validating it and scales it as a solve would, so
    /// the tests can show that a model whose scaling aborts GLPK (a subnormal coefficient,
    /// which validation refuses) is caught by the guard. Returns the guard's error, or `nil`
    /// when GLPK scaled it.
    static func scaleWithoutValidation(_ program: LinearProgram) -> OptimizationError? {
        let session = GLPKSession(log: .off)
        defer { session.close() }
        do {
            try GLPKProblemLoader.load(program, into: session)
            let problem = try session.requireProblem()
            _ = try session.checkFatal(cglpk_guarded_scale_prob(problem, GLP_SF_AUTO), in: "glp_scale_prob")
            return nil
        } catch {
            return error
        }
    }
}
