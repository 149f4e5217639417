/// How well an assignment of values satisfies a ``LinearProgram``, computed in plain Swift
/// without any solver.
///
/// Use it to trust a solution instead of the solver that produced it:
///
/// ```swift
/// let solution = try GLPKSolver().solve(lp)
/// let report = lp.check(solution.values)
/// assert(report.maximumViolation <= 1e-7)
/// assert(abs(report.objective - solution.objective!) <= 1e-7)
/// ```
///
/// Violations are absolute: how far a value lies outside its bounds, how far an integer
/// variable lies from the nearest whole number, how far a row's activity lies outside its
/// bounds. Each kind names the worst offender.
public struct FeasibilityReport: Codable, Sendable {
    /// The objective `cᵀx + c₀` at the values.
    public var objective: Double
    /// The largest distance of a variable outside its bounds.
    public var boundViolation: Double
    /// The largest distance of an integer or binary variable from a whole number.
    public var integralityViolation: Double
    /// The largest distance of a row's activity outside its bounds.
    public var constraintViolation: Double
    /// The variable with the largest bound or integrality violation, if any.
    public var worstVariable: Variable?
    /// The constraint with the largest violation, if any.
    public var worstConstraint: Constraint?

    /// The largest of the three violations.
    public var maximumViolation: Double { max(boundViolation, integralityViolation, constraintViolation) }

    /// Whether every violation is at most `tolerance`.
    public func isFeasible(tolerance: Double = 1e-6) -> Bool { maximumViolation <= tolerance }
}

extension LinearProgram {
    /// Evaluates `values` (one per variable, by index) against every bound, integrality
    /// requirement and constraint. A wrong number of values or a NaN is an infinite violation.
    public func check(_ values: [Double]) -> FeasibilityReport {
        guard values.count == variableCount else {
            return FeasibilityReport(
                objective: .nan, boundViolation: .infinity, integralityViolation: .infinity,
                constraintViolation: .infinity, worstVariable: nil, worstConstraint: nil)
        }
        var report = FeasibilityReport(
            objective: objectiveValue(at: values), boundViolation: 0, integralityViolation: 0,
            constraintViolation: 0, worstVariable: nil, worstConstraint: nil)
        var worstVariableViolation = 0.0

        for j in 0..<variableCount {
            let x = values[j]
            let boundGap = x.isNaN ? .infinity : max(lowerBounds[j] - x, x - upperBounds[j], 0)
            let integralityGap = variableKinds[j] == .continuous ? 0 : (x.isNaN ? .infinity : abs(x - x.rounded()))
            report.boundViolation = max(report.boundViolation, boundGap)
            report.integralityViolation = max(report.integralityViolation, integralityGap)
            if max(boundGap, integralityGap) > worstVariableViolation {
                worstVariableViolation = max(boundGap, integralityGap)
                report.worstVariable = Variable(index: j)
            }
        }

        let activities = rowActivities(at: values)
        for i in 0..<constraintCount {
            let activity = activities[i]
            let gap = activity.isNaN ? .infinity : max(rowLowerBounds[i] - activity, activity - rowUpperBounds[i], 0)
            if gap > report.constraintViolation {
                report.constraintViolation = gap
                report.worstConstraint = Constraint(index: i)
            }
        }
        return report
    }
}
