/// A decision variable of a ``LinearProgram``: a lightweight handle that names a column.
///
/// A `Variable` is only meaningful for the program that created it (it is the column's
/// position). Create variables with ``LinearProgram/addVariable(_:kind:lowerBound:upperBound:objective:)``
/// and combine them into ``LinearExpression``s with `+`, `-` and `*`.
///
/// ```swift
/// var lp = LinearProgram(name: "mix")
/// let x = lp.addVariable("x", lowerBound: 0)
/// let y = lp.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 10)
/// lp.addConstraint(2 * x + 3 * y <= 12, name: "capacity")
/// ```
public struct Variable: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The variable's position in its program, from 0.
    public let index: Int

    /// Makes a handle for the column at `index`. Prefer the handles that
    /// ``LinearProgram/addVariable(_:kind:lowerBound:upperBound:objective:)`` returns.
    public init(index: Int) { self.index = index }

    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }

    public var description: String { "x[\(index)]" }

    public init(from decoder: any Decoder) throws {
        index = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(index)
    }
}

/// Whether a variable may take any real value in its bounds or only whole numbers.
public enum VariableKind: String, Codable, Sendable, CaseIterable {
    /// Any real value between the bounds.
    case continuous
    /// A whole number between the bounds.
    case integer
    /// 0 or 1. Binary variables always have bounds [0, 1].
    case binary
}

/// A linear constraint of a ``LinearProgram``: a handle that names a row.
public struct Constraint: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The constraint's position in its program, from 0.
    public let index: Int

    /// A handle on the constraint at `index` in its program (``LinearProgram/addConstraint(_:name:)``
    /// returns these; build one yourself only to refer to an existing row).
    public init(index: Int) { self.index = index }

    public static func < (lhs: Constraint, rhs: Constraint) -> Bool { lhs.index < rhs.index }

    public var description: String { "row[\(index)]" }

    public init(from decoder: any Decoder) throws {
        index = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(index)
    }
}
