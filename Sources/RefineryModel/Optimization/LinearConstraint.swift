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
    public var expression: LinearExpression
    public var lowerBound: Double
    public var upperBound: Double

    public init(_ expression: LinearExpression, lowerBound: Double = -.infinity, upperBound: Double = .infinity) {
        self.expression = expression
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}

extension LinearExpression {
    public static func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, upperBound: rhs)
    }

    public static func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lowerBound: rhs)
    }

    public static func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lowerBound: rhs, upperBound: rhs)
    }

    public static func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        lhs - rhs <= 0
    }

    public static func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        lhs - rhs >= 0
    }

    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        lhs - rhs == 0
    }
}

extension Variable {
    public static func <= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearExpression(lhs) <= rhs
    }

    public static func >= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearExpression(lhs) >= rhs
    }
}
