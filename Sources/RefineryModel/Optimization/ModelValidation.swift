/// One problem that makes a ``LinearProgram`` unsolvable as given, with what it concerns.
public struct ModelIssue: Codable, Sendable, Hashable, CustomStringConvertible {
    /// What the issue is about.
    public enum Subject: Codable, Sendable, Hashable {
        case model
        case objective
        case variable(index: Int, name: String)
        case constraint(index: Int, name: String)
    }

    public var subject: Subject
    public var message: String

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

    /// Throws ``OptimizationError/invalidModel(_:)`` listing every issue, or returns.
    ///
    /// Solvers call this before touching GLPK, which aborts the process on invalid data.
    public func validate() throws(OptimizationError) {
        let found = issues()
        if !found.isEmpty { throw .invalidModel(found) }
    }

    /// Every problem GLPK would reject or abort on: non-finite numbers, empty or inverted
    /// bounds, fractional bounds on integer variables, names that are too long or contain
    /// control characters, and a broken sparse structure (for decoded programs).
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
            }
            if let problem = Self.boundsProblem(lowerBounds[j], upperBounds[j]) { collector.add(subject, problem) }
            if variableKinds[j] != .continuous {
                for bound in [lowerBounds[j], upperBounds[j]] where bound.isFinite && bound.rounded() != bound {
                    collector.add(subject, "is \(variableKinds[j].rawValue) but has the fractional bound \(bound)")
                }
            }
        }

        var lastRowOfColumn = [Int](repeating: -1, count: n)
        for i in 0..<m {
            let subject = ModelIssue.Subject.constraint(index: i, name: constraintNames[i])
            if let problem = Self.nameProblem(constraintNames[i]) { collector.add(subject, "name \(problem)") }
            if let problem = Self.boundsProblem(rowLowerBounds[i], rowUpperBounds[i]) { collector.add(subject, problem) }
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
                if !entryValues[k].isFinite {
                    let variableName = variableNames[column].isEmpty ? "x[\(column)]" : variableNames[column]
                    collector.add(subject, "coefficient of \(variableName) is \(entryValues[k]), not a finite number")
                }
            }
        }
        return collector.finish()
    }

    /// Why GLPK would refuse these bounds, or nil.
    static func boundsProblem(_ lower: Double, _ upper: Double) -> String? {
        if lower.isNaN || upper.isNaN { return "bounds [\(lower), \(upper)] contain NaN" }
        if lower == .infinity { return "lower bound is +infinity" }
        if upper == -.infinity { return "upper bound is -infinity" }
        if lower > upper { return "lower bound \(lower) exceeds upper bound \(upper)" }
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
