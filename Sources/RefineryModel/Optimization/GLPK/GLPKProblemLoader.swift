internal import CGLPK

/// Copies a validated ``LinearProgram`` into a GLPK problem.
///
/// GLPK indexes rows and columns from 1 and ignores element 0 of every array it takes; that
/// convention lives here and nowhere else. The matrix goes in with one `glp_load_matrix` call
/// from triplets, which is about twice as fast as row-by-row loading at a million nonzeros.
enum GLPKProblemLoader {
    /// Loads `program` into the session's problem. The program must have passed
    /// ``LinearProgram/validate()``.
    ///
    /// The calls that allocate (names, rows, columns, the matrix) run behind the guard: GLPK's
    /// allocator treats an exhausted memory as a fatal error. The others only store validated
    /// values at indices within the counts just added (see the audit in `shim.h`).
    static func load(_ program: LinearProgram, into session: GLPKSession) throws(OptimizationError) {
        let problem = try session.requireProblem()
        let n = program.variableCount
        let m = program.constraintCount

        if !program.name.isEmpty { _ = try session.checkFatal(cglpk_guarded_set_prob_name(problem, program.name), in: "glp_set_prob_name") }
        glp_set_obj_dir(problem, program.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(problem, 0, program.objectiveConstant)

        if n > 0 {
            _ = try session.checkFatal(cglpk_guarded_add_cols(problem, Int32(n)), in: "glp_add_cols")
            for j in 0..<n {
                let column = Int32(j + 1)
                let name = program.variableNames[j]
                if !name.isEmpty { _ = try session.checkFatal(cglpk_guarded_set_col_name(problem, column, name), in: "glp_set_col_name") }
                switch program.variableKinds[j] {
                case .continuous: break
                case .integer: glp_set_col_kind(problem, column, GLP_IV)
                case .binary: glp_set_col_kind(problem, column, GLP_BV)
                }
                let (type, lower, upper) = boundType(program.lowerBounds[j], program.upperBounds[j])
                glp_set_col_bnds(problem, column, type, lower, upper)
                let cost = program.objectiveCoefficients[j]
                if cost != 0 { glp_set_obj_coef(problem, column, cost) }
            }
        }

        if m > 0 {
            _ = try session.checkFatal(cglpk_guarded_add_rows(problem, Int32(m)), in: "glp_add_rows")
            for i in 0..<m {
                let row = Int32(i + 1)
                let name = program.constraintNames[i]
                if !name.isEmpty { _ = try session.checkFatal(cglpk_guarded_set_row_name(problem, row, name), in: "glp_set_row_name") }
                let (type, lower, upper) = boundType(program.rowLowerBounds[i], program.rowUpperBounds[i])
                glp_set_row_bnds(problem, row, type, lower, upper)
            }
        }

        let count = program.nonzeroCount
        guard count > 0 else { return }
        // Element 0 of each array is ignored by GLPK.
        var rows = [Int32](repeating: 0, count: count + 1)
        var columns = [Int32](repeating: 0, count: count + 1)
        var values = [Double](repeating: 0, count: count + 1)
        program.entryValues.withUnsafeBufferPointer { entryValues in
            program.entryColumns.withUnsafeBufferPointer { entryColumns in
                for i in 0..<m {
                    let row = Int32(i + 1)
                    for k in program.rowStarts[i]..<program.rowStarts[i + 1] {
                        rows[k + 1] = row
                        columns[k + 1] = entryColumns[k] + 1
                        values[k + 1] = entryValues[k]
                    }
                }
            }
        }
        _ = try session.checkFatal(cglpk_guarded_load_matrix(problem, Int32(count), rows, columns, values), in: "glp_load_matrix")
    }

    /// GLPK's bound type for a pair of bounds (infinite means absent).
    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }
}
