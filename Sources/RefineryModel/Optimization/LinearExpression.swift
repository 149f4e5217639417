/// A linear function of variables plus a constant: `Σ coefficient·variable + constant`.
///
/// Expressions are cheap value types built with the ordinary operators:
///
/// ```swift
/// let cost = 3 * x + 2 * y - z + 10
/// var total = LinearExpression()
/// for v in batches { total += v }
/// ```
///
/// A variable may appear in several terms; ``LinearProgram`` adds them up when the expression
/// becomes a constraint or the objective. Building is linear in the number of terms when you
/// use `+=` (which appends in place) or ``sum(_:)-(Sequence<Variable>)``.
///
/// `LinearExpression` is deliberately not `Equatable`: `==` between an expression and a number
/// builds an equality ``LinearConstraint``. Compare ``normalized()`` forms in tests instead.
public struct LinearExpression: Codable, Sendable, CustomStringConvertible {
    /// One `coefficient · variable` term.
    public struct Term: Hashable, Codable, Sendable {
        /// The variable of the term.
        public var variable: Variable
        /// Its coefficient.
        public var coefficient: Double

        /// Creates the term `coefficient · variable`.
        public init(_ variable: Variable, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    /// The terms, in the order they were added; a variable may appear more than once.
    public var terms: [Term]
    /// The constant part.
    public var constant: Double

    /// The zero expression, or one made of the given terms and constant.
    public init(terms: [Term] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    /// The expression `1 · variable`.
    public init(_ variable: Variable) {
        self.init(terms: [Term(variable, 1)])
    }

    /// A constant expression.
    public init(constant: Double) {
        self.init(terms: [], constant: constant)
    }

    /// `Σ variable` over a sequence of variables.
    public static func sum(_ variables: some Sequence<Variable>) -> LinearExpression {
        LinearExpression(terms: variables.map { Term($0, 1) })
    }

    /// `Σ coefficient · variable` over a sequence of pairs.
    public static func sum(_ pairs: some Sequence<(Variable, Double)>) -> LinearExpression {
        LinearExpression(terms: pairs.map { Term($0.0, $0.1) })
    }

    /// Appends `coefficient · variable` in place.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        terms.append(Term(variable, coefficient))
    }

    /// The same function with one term per variable (coefficients added up, zeros dropped),
    /// sorted by variable. Two expressions describe the same function exactly when their
    /// normalized terms and constants are equal.
    public func normalized() -> LinearExpression {
        var merged: [Int: Double] = [:]
        for term in terms { merged[term.variable.index, default: 0] += term.coefficient }
        let sorted = merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        return LinearExpression(terms: sorted.map { Term(Variable(index: $0.key), $0.value) }, constant: constant)
    }

    /// The expression's value for the given variable values (indexed by variable).
    public func value(at values: [Double]) -> Double {
        var total = constant
        for term in terms { total += term.coefficient * values[term.variable.index] }
        return total
    }

    public var description: String {
        var parts = terms.map { "\($0.coefficient)·\($0.variable)" }
        if constant != 0 || parts.isEmpty { parts.append("\(constant)") }
        return parts.joined(separator: " + ")
    }
}

// MARK: - Arithmetic

extension LinearExpression {
    /// The sum of two expressions (terms appended, constants added).
    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result += rhs
        return result
    }

    /// `lhs` plus `1 · rhs`.
    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.terms.append(Term(rhs, 1))
        return result
    }

    /// `1 · lhs` plus `rhs`.
    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) + rhs
    }

    /// `lhs` with `rhs` added to its constant.
    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant += rhs
        return result
    }

    /// The difference of two expressions.
    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        lhs + (-rhs)
    }

    /// `lhs` minus `1 · rhs`.
    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.terms.append(Term(rhs, -1))
        return result
    }

    /// `1 · lhs` minus `rhs`.
    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) - rhs
    }

    /// `lhs` with `rhs` subtracted from its constant.
    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        lhs + (-rhs)
    }

    /// The expression with every coefficient and the constant negated.
    public static prefix func - (operand: LinearExpression) -> LinearExpression {
        -1 * operand
    }

    /// Every coefficient and the constant multiplied by `lhs`.
    public static func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(
            terms: rhs.terms.map { Term($0.variable, lhs * $0.coefficient) },
            constant: lhs * rhs.constant)
    }

    /// Appends the terms of `rhs` to `lhs` in place and adds its constant (linear in the terms added).
    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.terms.append(contentsOf: rhs.terms)
        lhs.constant += rhs.constant
    }

    /// Appends `1 · rhs` to `lhs` in place.
    public static func += (lhs: inout LinearExpression, rhs: Variable) {
        lhs.terms.append(Term(rhs, 1))
    }

    /// Appends the negated terms of `rhs` to `lhs` and subtracts its constant.
    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs += -rhs
    }

    /// Appends `−1 · rhs` to `lhs` in place.
    public static func -= (lhs: inout LinearExpression, rhs: Variable) {
        lhs.terms.append(Term(rhs, -1))
    }
}

extension Variable {
    /// The expression `lhs + rhs`.
    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression(terms: [.init(lhs, 1), .init(rhs, 1)])
    }

    /// The expression `lhs − rhs`.
    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression(terms: [.init(lhs, 1), .init(rhs, -1)])
    }

    /// The expression `lhs · rhs`: one term.
    public static func * (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression(terms: [.init(rhs, lhs)])
    }

    /// The expression `−1 · operand`.
    public static prefix func - (operand: Variable) -> LinearExpression {
        LinearExpression(terms: [.init(operand, -1)])
    }
}
