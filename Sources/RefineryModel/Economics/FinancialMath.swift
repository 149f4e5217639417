import Foundation

/// Net present value, internal rates of return and payback periods: pure functions of a
/// series of cash flows.
///
/// Conventions (those of numpy-financial): `flows[t]` happens at the end of period `t`, so
/// `flows[0]` is not discounted; rates are fractions per period.
///
/// ```swift
/// FinancialMath.npv(rate: 0.1, [-100, 60, 60])          // 4.13…
/// FinancialMath.irr([-100, 60, 60]).rates               // [0.1306…]
/// FinancialMath.irr([-100, 230, -132]).rates            // [0.1, 0.2]: two sign changes, two rates
/// FinancialMath.payback([-100, 60, 60])                 // 1.666… periods
/// ```
public enum FinancialMath {
    /// Σ flows[t] / (1 + rate)^t: 0 for no flows, NaN when `rate` ≤ −1 (no discount factor
    /// exists there).
    public static func npv(rate: Double, _ flows: [Double]) -> Double {
        guard rate > -1 else { return .nan }
        let x = 1 / (1 + rate)
        return polynomial(flows, at: x)
    }

    /// The discounted flows flows[t] / (1 + rate)^t.
    public static func discounted(rate: Double, _ flows: [Double]) -> [Double] {
        var factor = 1.0
        let x = 1 / (1 + rate)
        return flows.map { flow in
            defer { factor *= x }
            return flow * factor
        }
    }

    /// Σ flows[t] xᵗ by Horner's rule.
    static func polynomial(_ flows: [Double], at x: Double) -> Double {
        var sum = 0.0
        for flow in flows.reversed() { sum = sum * x + flow }
        return sum
    }

    /// The number of sign changes in the series, zeros skipped. By Descartes' rule of signs
    /// it bounds the number of internal rates of return (and has the same parity).
    public static func signChanges(_ flows: [Double]) -> Int {
        var changes = 0
        var previous = 0.0
        for flow in flows where flow != 0 {
            if previous != 0 && (flow > 0) != (previous > 0) { changes += 1 }
            previous = flow
        }
        return changes
    }

    /// Every internal rate of return in (−0.999999, 10⁶): the rates at which the NPV is zero.
    ///
    /// The NPV is a polynomial in x = 1/(1 + r); its sign is scanned on a geometric grid of
    /// x (1,601 points, steps of 1.7%) and each sign change is refined by bisection to
    /// machine precision. Roots where the NPV touches zero without crossing it, or two roots
    /// within one grid step, can be missed; ``IRRResult/signChanges`` (Descartes' bound) says
    /// how many there could be. A series with no sign change has no rate, and says so.
    public static func irr(_ flows: [Double]) -> IRRResult {
        let changes = signChanges(flows)
        guard changes > 0 else {
            return IRRResult(rates: [], signChanges: 0, note: flows.allSatisfy({ $0 == 0 })
                ? "no IRR: every cash flow is zero"
                : "no IRR: the cash flows never change sign (all \(flows.contains { $0 > 0 } ? "non-negative" : "non-positive"))")
        }
        var roots: [Double] = []
        let grid = irrGrid
        var previousX = grid[0]
        var previousValue = polynomial(flows, at: previousX)
        if previousValue == 0 { roots.append(previousX) }
        for x in grid.dropFirst() {
            let value = polynomial(flows, at: x)
            if !value.isFinite {
                // Long series overflow at the grid's ends: no bracket across such a point.
                previousX = x
                previousValue = 0
                continue
            }
            if value == 0 {
                roots.append(x)
            } else if previousValue != 0 && (value > 0) != (previousValue > 0) {
                roots.append(bisect(flows, previousX, x, previousValue))
            }
            previousX = x
            previousValue = value
        }
        let rates = roots.map { 1 / $0 - 1 }.sorted()
        let note: String
        switch rates.count {
        case 0: note = "no IRR: the cash flows change sign \(changes) time\(changes == 1 ? "" : "s") but the NPV never reaches zero"
        case 1: note = changes == 1 ? "one IRR" : "one IRR although the cash flows change sign \(changes) times"
        default: note = "\(rates.count) IRRs: the cash flows change sign \(changes) times, so no single rate summarises them; use the NPV"
        }
        return IRRResult(rates: rates, signChanges: changes, note: note)
    }

    /// The scan points of x = 1/(1 + r): 1,601 points geometrically spaced from 10⁻⁶
    /// (r ≈ 10⁶) to 10⁶ (r ≈ −0.999999), steps of 1.7%.
    static let irrGrid: [Double] = {
        let points = 1600
        let logLow = log(1e-6), logHigh = log(1e6)
        return (0...points).map { exp(logLow + (logHigh - logLow) * Double($0) / Double(points)) }
    }()

    /// A root of the polynomial in [a, b], where it changes sign, to machine precision.
    private static func bisect(_ flows: [Double], _ a: Double, _ b: Double, _ valueAtA: Double) -> Double {
        var low = a, high = b, lowPositive = valueAtA > 0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle <= low || middle >= high { break }
            let value = polynomial(flows, at: middle)
            if value == 0 { return middle }
            if (value > 0) == lowPositive { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// The time at which the cumulative cash flow first turns non-negative, in periods from
    /// `flows[0]`, interpolating linearly within the period (flows spread evenly over it);
    /// 0 if the first flow is already non-negative; nil if it never does.
    public static func payback(_ flows: [Double]) -> Double? {
        guard let first = flows.first else { return nil }
        var cumulative = first
        if cumulative >= 0 { return 0 }
        for t in 1..<max(1, flows.count) {
            let next = cumulative + flows[t]
            if next >= 0 { return Double(t - 1) + (-cumulative / flows[t]) }
            cumulative = next
        }
        return nil
    }

    /// ``payback(_:)`` of the flows discounted at `rate`.
    public static func discountedPayback(rate: Double, _ flows: [Double]) -> Double? {
        guard rate > -1 else { return nil }
        return payback(discounted(rate: rate, flows))
    }
}

/// The internal rates of return of a cash-flow series, all of them.
public struct IRRResult: Codable, Sendable, Equatable {
    /// Every rate found, ascending; empty when there is none.
    public var rates: [Double]
    /// Sign changes in the flows: an upper bound on the number of rates (Descartes).
    public var signChanges: Int
    /// What the result means, in words ("no IRR: …", "2 IRRs: …").
    public var note: String

    /// Creates a result from rates already found (``FinancialMath/irr(_:)`` makes them).
    public init(rates: [Double], signChanges: Int, note: String) {
        self.rates = rates
        self.signChanges = signChanges
        self.note = note
    }

    /// The rate when there is exactly one.
    public var unique: Double? { rates.count == 1 ? rates[0] : nil }
}
