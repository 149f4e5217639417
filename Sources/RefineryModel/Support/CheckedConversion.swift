/// A number computed from a scenario that cannot become a whole number (a count of lots, a
/// day, a period): it is not finite or beyond ±2⁵³. It names the scenario field it derives
/// from, so the user can see which input to change; ``problem`` is that as a
/// ``ScenarioProblem``.
public struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON path of the scenario field the number derives from.
    public var path: String
    /// The number that could not be converted.
    public var value: Double
    /// What the number was to become, e.g. "the number of lots".
    public var what: String

    /// Creates the error; the parameters are the properties of the same names.
    public init(path: String, value: Double, what: String) {
        self.path = path
        self.value = value
        self.what = what
    }

    /// `path: gives <what> of <value>, …`, for error lists.
    public var problem: ScenarioProblem {
        ScenarioProblem(path: path, value: nil,
                        message: "gives \(what) of \(value), which is not a finite whole number of at most ±2^53; the inputs are out of proportion")
    }

    public var description: String { problem.description }
}

extension Int {
    /// The largest magnitude converted: every integer up to 2⁵³ is exact as a Double.
    static let checkedConversionLimit = 9_007_199_254_740_992.0

    /// `value` rounded by `rule`, or a ``ConversionError`` naming `path` when it is not finite
    /// or too large: the one conversion from Double the library uses, so nothing traps.
    init(checked value: Double, rounding rule: FloatingPointRoundingRule = .towardZero, path: String, what: String) throws(ConversionError) {
        let rounded = value.rounded(rule)
        guard rounded.isFinite, abs(rounded) <= Self.checkedConversionLimit else {
            throw ConversionError(path: path, value: value, what: what)
        }
        self.init(rounded)
    }

    /// `value` rounded by `rule` and clamped to `range` (NaN gives the lower bound): for
    /// numbers whose range is known, such as a day within a month or a percentage shown.
    init(clamping value: Double, to range: ClosedRange<Int>, rounding rule: FloatingPointRoundingRule = .towardZero) {
        let rounded = value.rounded(rule)
        if !(rounded >= Double(range.lowerBound)) { self = range.lowerBound; return }
        if rounded >= Double(range.upperBound) { self = range.upperBound; return }
        self.init(rounded)
    }
}

extension ScenarioError {
    /// A conversion error as an invalid scenario (exit status 65 in the CLI).
    public init(_ error: ConversionError) { self = .invalid([error.problem]) }
}
