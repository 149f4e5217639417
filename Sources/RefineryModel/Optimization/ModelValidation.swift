/// One problem that makes a ``LinearProgram`` unsolvable as given, with what it concerns.
public struct ModelIssue: Codable, Sendable, Hashable, CustomStringConvertible {
    /// What the issue is about.
    public enum Subject: Codable, Sendable, Hashable {
        /// The program as a whole (such as its size beyond what GLPK accepts).
        case model
        /// The objective function.
        case objective
        /// The variable at `index`, with its name.
        case variable(index: Int, name: String)
        /// The constraint at `index`, with its name.
        case constraint(index: Int, name: String)
    }

    /// What the issue concerns.
    public var subject: Subject
    /// What is wrong, in words.
    public var message: String

    /// Creates an issue about `subject`, described by `message`.
    public init(_ subject: Subject, _ message: String) {
        self.subject = subject
        self.message = message
    }

    public var description: String {
        switch subject {
        case .model: return "model: \(message)"
        case .objective: return "objective: \(message)"
        case let .variable(index, name): return "variable \(name.isEmpty ? "x[\(index)]" : "'\(name)'"): \(message)"
        case let .constraint(index, name): return "constraint \(name.isEmpty ? "row[\(index)]" : "'\(name)'"): \(message)"
        }
    }
}

extension LinearProgram {
    /// GLPK's limit on rows and on columns (`M_MAX`, `N_MAX` in its sources).
    public static let maximumDimension = 100_000_000
    /// GLPK's limit on the length of a name, in UTF-8 bytes.
    public static let maximumNameLength = 255
    /// At most this many issues are listed; a final issue counts the rest.
    public static let maximumIssuesListed = 100

    /// The largest magnitude allowed for a coefficient (matrix or objective) and for a finite
    /// bound. GLPK's scaling multiplies a row's or column's extreme coefficients and takes
    /// square roots, over up to 15 geometric-mean passes, and its simplex sums squares of
    /// bounds and costs; below 10³⁰ all of that stays far from double overflow (10³⁰⁸). No
    /// quantity of a refinery model comes near it (the largest are a year's grams, about 10⁹).
    public static let largestMagnitude = 1e30
    /// The smallest magnitude allowed for a nonzero matrix coefficient, for the same reason
    /// towards underflow: a subnormal coefficient such as 5e-324 makes GLPK's scale factors
    /// overflow, and `glp_scale_prob` aborts. A coefficient this small is a units error or
    /// round-off noise, which the model should drop as 0.
    public static let smallestCoefficient = 1e-30
    /// The largest ratio allowed between the largest and the smallest nonzero coefficient of
    /// one row or one column. Beyond about 1/ε of double precision (4.5×10¹⁵) the smaller term
    /// is below the rounding error of the larger: it cannot change the row's value, so it is
    /// noise, and GLPK's LU factorization (which drops elements below 10⁻¹⁵ after scaling)
    /// sees a singular basis.
    public static let maximumCoefficientRatio = 1e15

    /// Throws ``OptimizationError/invalidModel(_:)`` listing every issue, or returns.
    ///
    /// Solvers call this before touching GLPK, which aborts the process on invalid data.
    public func validate() throws(OptimizationError) {
        let found = issues()
        if !found.isEmpty { throw .invalidModel(found) }
    }

    /// Every problem GLPK would reject or abort on: non-finite numbers, empty or inverted
    /// bounds, fractional bounds on integer variables, names that are too long or contain
    /// control characters, a broken sparse structure (for decoded programs), and numbers GLPK
    /// cannot scale or factorize: coefficients or bounds beyond ``largestMagnitude``, nonzero
    /// coefficients below ``smallestCoefficient``, and rows or columns whose coefficients span
    /// more than ``maximumCoefficientRatio``.
    /// At most ``maximumIssuesListed`` are listed, then one issue that counts the rest.
    public func issues() -> [ModelIssue] {
        var collector = IssueCollector()
        let n = variableCount
        let m = constraintCount

        if n > Self.maximumDimension { collector.add(.model, "has \(n) variables; GLPK allows at most \(Self.maximumDimension)") }
        if m > Self.maximumDimension { collector.add(.model, "has \(m) constraints; GLPK allows at most \(Self.maximumDimension)") }
        if nonzeroCount >= Int(Int32.max) { collector.add(.model, "has \(nonzeroCount) nonzeros; GLPK allows fewer than \(Int32.max)") }
        if let problem = Self.nameProblem(name) { collector.add(.model, "name \(problem)") }
        if !objectiveConstant.isFinite { collector.add(.objective, "constant \(objectiveConstant) is not a finite number") }

        for j in 0..<n {
            let subject = ModelIssue.Subject.variable(index: j, name: variableNames[j])
            if let problem = Self.nameProblem(variableNames[j]) { collector.add(subject, "name \(problem)") }
            if !objectiveCoefficients[j].isFinite {
                collector.add(subject, "objective coefficient \(objectiveCoefficients[j]) is not a finite number")
            } else if abs(objectiveCoefficients[j]) > Self.largestMagnitude {
                collector.add(subject, "objective coefficient \(objectiveCoefficients[j]) exceeds \(Self.largestMagnitude) in magnitude")
            }
            if let problem = Self.boundsProblem(lowerBounds[j], upperBounds[j]) { collector.add(subject, problem) }
            if variableKinds[j] != .continuous {
                for bound in [lowerBounds[j], upperBounds[j]] where bound.isFinite && bound.rounded() != bound {
                    collector.add(subject, "is \(variableKinds[j].rawValue) but has the fractional bound \(bound)")
                }
            }
        }

        var lastRowOfColumn = [Int](repeating: -1, count: n)
        var columnExtremes = [CoefficientExtremes](repeating: CoefficientExtremes(), count: n)
        for i in 0..<m {
            let subject = ModelIssue.Subject.constraint(index: i, name: constraintNames[i])
            if let problem = Self.nameProblem(constraintNames[i]) { collector.add(subject, "name \(problem)") }
            if let problem = Self.boundsProblem(rowLowerBounds[i], rowUpperBounds[i]) { collector.add(subject, problem) }
            var rowExtremes = CoefficientExtremes()
            for k in rowStarts[i]..<rowStarts[i + 1] {
                let column = Int(entryColumns[k])
                guard column >= 0 && column < n else {
                    collector.add(subject, "refers to variable index \(column); the model has \(n) variables")
                    continue
                }
                if lastRowOfColumn[column] == i {
                    collector.add(subject, "has variable index \(column) more than once")
                }
                lastRowOfColumn[column] = i
                let value = entryValues[k]
                if !value.isFinite {
                    collector.add(subject, "coefficient of \(variableLabel(column)) is \(value), not a finite number")
                } else if abs(value) > Self.largestMagnitude {
                    collector.add(subject, "coefficient of \(variableLabel(column)) is \(value), beyond \(Self.largestMagnitude) in magnitude: GLPK cannot scale it")
                } else if value != 0 && abs(value) < Self.smallestCoefficient {
                    collector.add(subject, "coefficient of \(variableLabel(column)) is \(value), below \(Self.smallestCoefficient) in magnitude: GLPK cannot scale it (a units error, or noise to drop as 0)")
                } else if value != 0 {
                    rowExtremes.add(abs(value), at: column)
                    columnExtremes[column].add(abs(value), at: i)
                }
            }
            if let ratio = rowExtremes.excessiveRatio {
                collector.add(subject, "coefficients range from \(rowExtremes.smallest) (of \(variableLabel(rowExtremes.smallestAt))) to \(rowExtremes.largest) (of \(variableLabel(rowExtremes.largestAt))), a ratio of \(ratio) above \(Self.maximumCoefficientRatio): the smaller ones are lost in the rounding of the larger")
            }
        }
        for j in 0..<n {
            let extremes = columnExtremes[j]
            guard let ratio = extremes.excessiveRatio else { continue }
            collector.add(.variable(index: j, name: variableNames[j]),
                          "coefficients range from \(extremes.smallest) (in \(constraintLabel(extremes.smallestAt))) to \(extremes.largest) (in \(constraintLabel(extremes.largestAt))), a ratio of \(ratio) above \(Self.maximumCoefficientRatio): the smaller ones are lost in the rounding of the larger")
        }
        return collector.finish()
    }

    private func variableLabel(_ column: Int) -> String {
        variableNames[column].isEmpty ? "x[\(column)]" : variableNames[column]
    }

    private func constraintLabel(_ row: Int) -> String {
        constraintNames[row].isEmpty ? "row[\(row)]" : "'\(constraintNames[row])'"
    }

    /// Why GLPK would refuse these bounds, or nil.
    static func boundsProblem(_ lower: Double, _ upper: Double) -> String? {
        if lower.isNaN || upper.isNaN { return "bounds [\(lower), \(upper)] contain NaN" }
        if lower == .infinity { return "lower bound is +infinity" }
        if upper == -.infinity { return "upper bound is -infinity" }
        if lower > upper { return "lower bound \(lower) exceeds upper bound \(upper)" }
        for bound in [lower, upper] where bound.isFinite && abs(bound) > largestMagnitude {
            return "bound \(bound) exceeds \(largestMagnitude) in magnitude (use an infinite bound for none)"
        }
        return nil
    }

    /// Why GLPK would abort on this name, or nil.
    static func nameProblem(_ name: String) -> String? {
        let bytes = name.utf8.count
        if bytes > maximumNameLength {
            return "is \(bytes) bytes long; GLPK allows at most \(maximumNameLength)"
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "\(name.debugDescription) contains a control character"
        }
        return nil
    }
}

/// The smallest and largest nonzero magnitude in one row or column, and where they are.
private struct CoefficientExtremes {
    var smallest = Double.infinity
    var smallestAt = 0
    var largest = 0.0
    var largestAt = 0

    mutating func add(_ magnitude: Double, at index: Int) {
        if magnitude < smallest { smallest = magnitude; smallestAt = index }
        if magnitude > largest { largest = magnitude; largestAt = index }
    }

    /// The ratio largest / smallest when it exceeds ``LinearProgram/maximumCoefficientRatio``.
    var excessiveRatio: Double? {
        guard largest > 0 else { return nil }
        let ratio = largest / smallest
        return ratio > LinearProgram.maximumCoefficientRatio ? ratio : nil
    }
}

/// Collects issues up to a limit and counts the rest.
private struct IssueCollector {
    var issues: [ModelIssue] = []
    var omitted = 0

    mutating func add(_ subject: ModelIssue.Subject, _ message: String) {
        if issues.count < LinearProgram.maximumIssuesListed {
            issues.append(ModelIssue(subject, message))
        } else {
            omitted += 1
        }
    }

    func finish() -> [ModelIssue] {
        omitted == 0 ? issues : issues + [ModelIssue(.model, "\(omitted) more issues not listed")]
    }
}
