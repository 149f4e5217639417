/// A linear or mixed-integer program, independent of any solver.
///
/// ```
/// minimize (or maximize)   cᵀx + c₀
/// subject to               Lᵣ ≤ Ax ≤ Uᵣ     (one row per constraint)
///                          l ≤ x ≤ u,  xⱼ integer for integer and binary variables
/// ```
///
/// The program is a plain `Codable` value: build it, save it, send it across threads, check a
/// solution against it with ``check(_:)``, then solve it with ``GLPKSolver`` or export it with
/// ``GLPKSolver/export(_:format:)`` to re-solve the very same model elsewhere.
///
/// Storage is sparse and row-major (compressed sparse rows), so building is linear in the
/// number of nonzeros: scheduling models with 10⁵ variables and 10⁶ nonzeros build in tens of
/// milliseconds. Adding a row merges repeated variables and drops zero coefficients.
///
/// ```swift
/// var lp = LinearProgram(name: "production")
/// let chairs = lp.addVariable("chairs", lowerBound: 0)
/// let tables = lp.addVariable("tables", lowerBound: 0)
/// lp.addConstraint(chairs + 2 * tables <= 40, name: "wood")
/// lp.maximize(30 * chairs + 50 * tables)
/// let solution = try GLPKSolver().solve(lp)
/// ```
public struct LinearProgram: Codable, Sendable {
    /// The program's name (used in exported files and logs).
    public var name: String
    /// Whether the objective is minimized or maximized. The default is `.minimize`.
    public var sense: ObjectiveSense = .minimize
    /// The objective's constant term `c₀`.
    public var objectiveConstant: Double = 0

    // Columns, one entry per variable.
    /// The variables' names, indexed by ``Variable/index`` (names need not be unique).
    public private(set) var variableNames: [String] = []
    /// The variables' kinds, indexed by variable.
    public private(set) var variableKinds: [VariableKind] = []
    /// The variables' lower bounds (`-.infinity` for none), indexed by variable.
    public private(set) var lowerBounds: [Double] = []
    /// The variables' upper bounds (`.infinity` for none), indexed by variable.
    public private(set) var upperBounds: [Double] = []
    /// The objective coefficients `c`, one per variable.
    public private(set) var objectiveCoefficients: [Double] = []

    // Rows, one entry per constraint, and the matrix in compressed sparse rows:
    // the entries of row i are at rowStarts[i] ..< rowStarts[i + 1].
    /// The constraints' names, indexed by ``Constraint/index``.
    public private(set) var constraintNames: [String] = []
    /// The rows' lower bounds `Lᵣ` (`-.infinity` for none), the expressions' constants moved in.
    public private(set) var rowLowerBounds: [Double] = []
    /// The rows' upper bounds `Uᵣ` (`.infinity` for none), the expressions' constants moved in.
    public private(set) var rowUpperBounds: [Double] = []
    /// Where each row's entries start in ``entryColumns`` and ``entryValues``: row `i` is
    /// `rowStarts[i] ..< rowStarts[i + 1]` (one more element than there are rows).
    public private(set) var rowStarts: [Int] = [0]
    /// The column (variable index) of each nonzero, row by row.
    public private(set) var entryColumns: [Int32] = []
    /// The coefficient of each nonzero, matching ``entryColumns``.
    public private(set) var entryValues: [Double] = []

    /// An empty program.
    public init(name: String = "") {
        self.name = name
    }

    // MARK: Size

    /// The number of variables (columns).
    public var variableCount: Int { variableKinds.count }
    /// The number of constraints (rows).
    public var constraintCount: Int { rowLowerBounds.count }
    /// The number of nonzero coefficients in the constraint matrix.
    public var nonzeroCount: Int { entryValues.count }
    /// Whether any variable is integer or binary (the program is then a MIP).
    public var isMixedInteger: Bool { variableKinds.contains { $0 != .continuous } }

    /// The number of variables, integer variables, rows and nonzeros.
    public var size: ModelSize {
        var integer = 0
        var binary = 0
        for kind in variableKinds {
            switch kind {
            case .continuous: break
            case .integer: integer += 1
            case .binary: binary += 1
            }
        }
        return ModelSize(
            variables: variableCount, integerVariables: integer + binary, binaryVariables: binary,
            constraints: constraintCount, nonzeros: nonzeroCount)
    }

    // MARK: Variables

    /// Adds a variable and returns its handle.
    ///
    /// - Parameters:
    ///   - name: A name for logs and exported files; may be empty. At most 255 characters.
    ///   - kind: Continuous, integer or binary. The default is `.continuous`.
    ///   - lowerBound: The default is 0; `-.infinity` means no lower bound.
    ///   - upperBound: The default is `+.infinity` (no upper bound).
    ///   - objective: The variable's objective coefficient. The default is 0.
    ///
    /// Binary variables get bounds [0, 1] whatever bounds are passed.
    @discardableResult
    public mutating func addVariable(
        _ name: String = "", kind: VariableKind = .continuous,
        lowerBound: Double = 0, upperBound: Double = .infinity, objective: Double = 0
    ) -> Variable {
        let variable = Variable(index: variableCount)
        variableNames.append(name)
        variableKinds.append(kind)
        lowerBounds.append(kind == .binary ? 0 : lowerBound)
        upperBounds.append(kind == .binary ? 1 : upperBound)
        objectiveCoefficients.append(objective)
        return variable
    }

    /// Adds `count` variables of the same kind and bounds, named `name(i)` for `i` in `0..<count`.
    public mutating func addVariables(
        _ count: Int, kind: VariableKind = .continuous, lowerBound: Double = 0,
        upperBound: Double = .infinity, name: (Int) -> String = { _ in "" }
    ) -> [Variable] {
        reserveVariables(count)
        return (0..<count).map { addVariable(name($0), kind: kind, lowerBound: lowerBound, upperBound: upperBound) }
    }

    /// Reserves storage for `count` more variables.
    public mutating func reserveVariables(_ count: Int) {
        let total = variableCount + count
        variableNames.reserveCapacity(total)
        variableKinds.reserveCapacity(total)
        lowerBounds.reserveCapacity(total)
        upperBounds.reserveCapacity(total)
        objectiveCoefficients.reserveCapacity(total)
    }

    /// Changes a variable's bounds.
    public mutating func setBounds(of variable: Variable, lower: Double, upper: Double) {
        lowerBounds[variable.index] = lower
        upperBounds[variable.index] = upper
    }

    /// Changes a variable's kind. Making it binary also sets its bounds to [0, 1].
    public mutating func setKind(of variable: Variable, to kind: VariableKind) {
        variableKinds[variable.index] = kind
        if kind == .binary { setBounds(of: variable, lower: 0, upper: 1) }
    }

    /// The variable's name, kind, bounds and objective coefficient.
    public func info(_ variable: Variable) -> VariableInfo {
        let j = variable.index
        return VariableInfo(
            name: variableNames[j], kind: variableKinds[j], lowerBound: lowerBounds[j],
            upperBound: upperBounds[j], objectiveCoefficient: objectiveCoefficients[j])
    }

    /// All variables, in order.
    public var variables: [Variable] { (0..<variableCount).map(Variable.init(index:)) }

    /// A readable name for a variable: its own, or `x[index]` when it has none.
    public func displayName(of variable: Variable) -> String {
        let name = variableNames[variable.index]
        return name.isEmpty ? variable.description : name
    }

    // MARK: Objective

    /// Sets the objective to minimize `expression` (replacing any previous objective).
    public mutating func minimize(_ expression: LinearExpression) {
        setObjective(expression, sense: .minimize)
    }

    /// Sets the objective to maximize `expression` (replacing any previous objective).
    public mutating func maximize(_ expression: LinearExpression) {
        setObjective(expression, sense: .maximize)
    }

    /// Sets the objective (replacing any previous one); repeated variables are added up.
    public mutating func setObjective(_ expression: LinearExpression, sense: ObjectiveSense) {
        self.sense = sense
        objectiveCoefficients = Array(repeating: 0, count: variableCount)
        for term in expression.terms { objectiveCoefficients[term.variable.index] += term.coefficient }
        objectiveConstant = expression.constant
    }

    /// Changes one variable's objective coefficient.
    public mutating func setObjectiveCoefficient(of variable: Variable, to coefficient: Double) {
        objectiveCoefficients[variable.index] = coefficient
    }

    /// The objective `cᵀx + c₀` at the given variable values.
    public func objectiveValue(at values: [Double]) -> Double {
        var total = objectiveConstant
        for j in 0..<min(values.count, variableCount) { total += objectiveCoefficients[j] * values[j] }
        return total
    }

    // MARK: Constraints

    /// Adds a constraint and returns its handle. The expression's constant moves to the bounds.
    @discardableResult
    public mutating func addConstraint(_ constraint: LinearConstraint, name: String = "") -> Constraint {
        let shift = constraint.expression.constant
        return addRow(
            name: name, terms: constraint.expression.terms,
            lowerBound: constraint.lowerBound - shift, upperBound: constraint.upperBound - shift)
    }

    /// Adds the row `lowerBound ≤ Σ coefficient·variable ≤ upperBound` from parallel arrays:
    /// the fast path for generated models (no intermediate expression).
    @discardableResult
    public mutating func addConstraint(
        name: String = "", variables: [Variable], coefficients: [Double],
        lowerBound: Double = -.infinity, upperBound: Double = .infinity
    ) -> Constraint {
        precondition(variables.count == coefficients.count, "one coefficient per variable")
        let terms = zip(variables, coefficients).map { LinearExpression.Term($0, $1) }
        return addRow(name: name, terms: terms, lowerBound: lowerBound, upperBound: upperBound)
    }

    /// Reserves storage for `rows` more constraints with `nonzeros` more coefficients in all.
    public mutating func reserveConstraints(_ rows: Int, nonzeros: Int) {
        constraintNames.reserveCapacity(constraintCount + rows)
        rowLowerBounds.reserveCapacity(constraintCount + rows)
        rowUpperBounds.reserveCapacity(constraintCount + rows)
        rowStarts.reserveCapacity(constraintCount + rows + 1)
        entryColumns.reserveCapacity(nonzeroCount + nonzeros)
        entryValues.reserveCapacity(nonzeroCount + nonzeros)
    }

    private mutating func addRow(
        name: String, terms: [LinearExpression.Term], lowerBound: Double, upperBound: Double
    ) -> Constraint {
        let constraint = Constraint(index: constraintCount)
        constraintNames.append(name)
        rowLowerBounds.append(lowerBound)
        rowUpperBounds.append(upperBound)
        appendMerged(terms)
        rowStarts.append(entryValues.count)
        return constraint
    }

    /// Appends a row's terms, one entry per variable in increasing order, zeros dropped.
    /// Rows that are already strictly increasing (the usual case for generated models) are
    /// copied without sorting.
    private mutating func appendMerged(_ terms: [LinearExpression.Term]) {
        var increasing = true
        var previous = -1
        for term in terms {
            if term.variable.index <= previous { increasing = false; break }
            previous = term.variable.index
        }
        let ordered = increasing ? terms : terms.sorted { $0.variable.index < $1.variable.index }
        var i = 0
        while i < ordered.count {
            let column = ordered[i].variable.index
            var coefficient = ordered[i].coefficient
            i += 1
            while i < ordered.count && ordered[i].variable.index == column {
                coefficient += ordered[i].coefficient
                i += 1
            }
            // NaN != 0, so a NaN coefficient is kept for validate() to report.
            if coefficient != 0 {
                entryColumns.append(Int32(truncatingIfNeeded: column))
                entryValues.append(coefficient)
            }
        }
    }

    /// Changes a constraint's bounds.
    public mutating func setBounds(of constraint: Constraint, lower: Double, upper: Double) {
        rowLowerBounds[constraint.index] = lower
        rowUpperBounds[constraint.index] = upper
    }

    /// The constraint's name, bounds and terms.
    public func info(_ constraint: Constraint) -> ConstraintInfo {
        let i = constraint.index
        let range = rowStarts[i]..<rowStarts[i + 1]
        let terms = range.map { LinearExpression.Term(Variable(index: Int(entryColumns[$0])), entryValues[$0]) }
        return ConstraintInfo(
            name: constraintNames[i], expression: LinearExpression(terms: terms),
            lowerBound: rowLowerBounds[i], upperBound: rowUpperBounds[i])
    }

    /// All constraints, in order.
    public var constraints: [Constraint] { (0..<constraintCount).map(Constraint.init(index:)) }

    /// A readable name for a constraint: its own, or `row[index]` when it has none.
    public func displayName(of constraint: Constraint) -> String {
        let name = constraintNames[constraint.index]
        return name.isEmpty ? constraint.description : name
    }

    /// The row activities `Ax` at the given variable values, one per constraint.
    public func rowActivities(at values: [Double]) -> [Double] {
        var activities = [Double](repeating: 0, count: constraintCount)
        for i in 0..<constraintCount {
            var total = 0.0
            for k in rowStarts[i]..<rowStarts[i + 1] {
                total += entryValues[k] * values[Int(entryColumns[k])]
            }
            activities[i] = total
        }
        return activities
    }
}

/// Whether the objective is minimized or maximized.
public enum ObjectiveSense: String, Codable, Sendable {
    /// Find the smallest objective value.
    case minimize
    /// Find the largest objective value.
    case maximize
}

/// The size of a program, as a solver sees it.
public struct ModelSize: Codable, Sendable, Hashable {
    /// Variables (columns) of every kind.
    public var variables: Int
    /// Integer and binary variables together.
    public var integerVariables: Int
    /// Binary variables (also counted in `integerVariables`).
    public var binaryVariables: Int
    /// Constraints (rows).
    public var constraints: Int
    /// Nonzero coefficients in the constraint matrix.
    public var nonzeros: Int

    /// Creates a size; the parameters are the properties of the same names.
    public init(variables: Int, integerVariables: Int, binaryVariables: Int, constraints: Int, nonzeros: Int) {
        self.variables = variables
        self.integerVariables = integerVariables
        self.binaryVariables = binaryVariables
        self.constraints = constraints
        self.nonzeros = nonzeros
    }
}

/// What a program knows of one variable.
public struct VariableInfo: Codable, Sendable, Hashable {
    /// The variable's name.
    public var name: String
    /// Continuous, integer or binary.
    public var kind: VariableKind
    /// Its lower bound; `-.infinity` for none.
    public var lowerBound: Double
    /// Its upper bound; `.infinity` for none.
    public var upperBound: Double
    /// Its coefficient in the objective.
    public var objectiveCoefficient: Double
}

/// What a program knows of one constraint (its expression has one term per variable).
public struct ConstraintInfo: Codable, Sendable {
    /// The constraint's name.
    public var name: String
    /// The row's expression, one term per variable (its constant is in the bounds).
    public var expression: LinearExpression
    /// The row's lower bound; `-.infinity` for none.
    public var lowerBound: Double
    /// The row's upper bound; `.infinity` for none.
    public var upperBound: Double
}

// MARK: - Codable

extension LinearProgram {
    private enum CodingKeys: String, CodingKey {
        case name, sense, objectiveConstant
        case variableNames, variableKinds, lowerBounds, upperBounds, objectiveCoefficients
        case constraintNames, rowLowerBounds, rowUpperBounds, rowStarts, entryColumns, entryValues
    }

    /// Decodes a program; infinite bounds are `null` in JSON. Array lengths and the sparse
    /// structure are checked here, values (finite numbers, bound order…) by ``validate()``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        sense = try c.decode(ObjectiveSense.self, forKey: .sense)
        objectiveConstant = try c.decode(Double.self, forKey: .objectiveConstant)
        variableNames = try c.decode([String].self, forKey: .variableNames)
        variableKinds = try c.decode([VariableKind].self, forKey: .variableKinds)
        lowerBounds = try c.decode([Double?].self, forKey: .lowerBounds).map { $0 ?? -.infinity }
        upperBounds = try c.decode([Double?].self, forKey: .upperBounds).map { $0 ?? .infinity }
        objectiveCoefficients = try c.decode([Double].self, forKey: .objectiveCoefficients)
        constraintNames = try c.decode([String].self, forKey: .constraintNames)
        rowLowerBounds = try c.decode([Double?].self, forKey: .rowLowerBounds).map { $0 ?? -.infinity }
        rowUpperBounds = try c.decode([Double?].self, forKey: .rowUpperBounds).map { $0 ?? .infinity }
        rowStarts = try c.decode([Int].self, forKey: .rowStarts)
        entryColumns = try c.decode([Int32].self, forKey: .entryColumns)
        entryValues = try c.decode([Double].self, forKey: .entryValues)

        let n = variableNames.count
        let m = constraintNames.count
        func fail(_ key: CodingKeys, _ message: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: c, debugDescription: message)
        }
        for (key, count) in [(CodingKeys.variableKinds, variableKinds.count), (.lowerBounds, lowerBounds.count),
                             (.upperBounds, upperBounds.count), (.objectiveCoefficients, objectiveCoefficients.count)]
        where count != n {
            throw fail(key, "has \(count) entries; variableNames has \(n)")
        }
        for (key, count) in [(CodingKeys.rowLowerBounds, rowLowerBounds.count), (.rowUpperBounds, rowUpperBounds.count)]
        where count != m {
            throw fail(key, "has \(count) entries; constraintNames has \(m)")
        }
        guard rowStarts.count == m + 1, rowStarts.first == 0, rowStarts.last == entryValues.count,
              entryColumns.count == entryValues.count
        else {
            throw fail(.rowStarts, "must have one entry per constraint plus one, start at 0 and end at the number of entries")
        }
        for i in 0..<m where rowStarts[i] > rowStarts[i + 1] {
            throw fail(.rowStarts, "must not decrease (row \(i))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        func finite(_ values: [Double]) -> [Double?] { values.map { $0.isInfinite ? nil : $0 } }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(sense, forKey: .sense)
        try c.encode(objectiveConstant, forKey: .objectiveConstant)
        try c.encode(variableNames, forKey: .variableNames)
        try c.encode(variableKinds, forKey: .variableKinds)
        try c.encode(finite(lowerBounds), forKey: .lowerBounds)
        try c.encode(finite(upperBounds), forKey: .upperBounds)
        try c.encode(objectiveCoefficients, forKey: .objectiveCoefficients)
        try c.encode(constraintNames, forKey: .constraintNames)
        try c.encode(finite(rowLowerBounds), forKey: .rowLowerBounds)
        try c.encode(finite(rowUpperBounds), forKey: .rowUpperBounds)
        try c.encode(rowStarts, forKey: .rowStarts)
        try c.encode(entryColumns, forKey: .entryColumns)
        try c.encode(entryValues, forKey: .entryValues)
    }
}
