/// A linear constraint before it is added to a program: `lowerBound ≤ expression ≤ upperBound`.
///
/// Write one with a comparison operator, or give both bounds for a ranged row:
///
/// ```swift
/// lp.addConstraint(x + y <= 10)
/// lp.addConstraint(2 * x - y >= 0)
/// lp.addConstraint(x + y + z == 1)
/// lp.addConstraint(LinearConstraint(x + y, lowerBound: 2, upperBound: 8))
/// ```
///
/// An infinite bound means "no bound on that side". The expression's constant is moved to the
/// bounds when the constraint is added.
public struct LinearConstraint: Codable, Sendable {
    /// The constrained expression; its constant moves to the bounds when the row is added.
    public var expression: LinearExpression
    /// The lower bound; `-.infinity` for none.
    public var lowerBound: Double
    /// The upper bound; `.infinity` for none.
    public var upperBound: Double

    /// Creates a ranged constraint `lowerBound ≤ expression ≤ upperBound`; an omitted bound is
    /// infinite (no bound on that side).
    public init(_ expression: LinearExpression, lowerBound: Double = -.infinity, upperBound: Double = .infinity) {
        self.expression = expression
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}

extension LinearExpression {
    /// The constraint `lhs ≤ rhs`.
    public static func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, upperBound: rhs)
    }

    /// The constraint `lhs ≥ rhs`.
    public static func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lowerBound: rhs)
    }

    /// The equality constraint `lhs = rhs` (both bounds `rhs`).
    public static func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lowerBound: rhs, upperBound: rhs)
    }

    /// The constraint `lhs − rhs ≤ 0`.
    public static func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        lhs - rhs <= 0
    }

    /// The constraint `lhs − rhs ≥ 0`.
    public static func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        lhs - rhs >= 0
    }

    /// The equality constraint `lhs − rhs = 0`.
    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        lhs - rhs == 0
    }
}

extension Variable {
    /// The constraint `lhs ≤ rhs` on one variable. For a plain bound, prefer the variable's own
    /// bounds (``LinearProgram/addVariable(_:kind:lowerBound:upperBound:objective:)``): it adds no row.
    public static func <= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearExpression(lhs) <= rhs
    }

    /// The constraint `lhs ≥ rhs` on one variable (a row; variable bounds add none).
    public static func >= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearExpression(lhs) >= rhs
    }
}
