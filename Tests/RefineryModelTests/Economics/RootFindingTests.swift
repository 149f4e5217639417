import Foundation
import Testing
@testable import RefineryModel

/// Brent's method finds the break-evens and the METR's marginal charge: as exactly as the
/// bisection it replaced, in fewer re-pricings of the timeline.
@Suite struct RootFindingTests {
    /// Bisection to the same tolerance, counting its evaluations: the reference.
    static func bisect(_ low: Double, _ high: Double, _ f: (Double) -> Double) -> (zero: Double, evaluations: Int) {
        var low = low, high = high, evaluations = 0
        while high - low > 1e-9 * max(1, abs(high)) {
            let middle = (low + high) / 2
            evaluations += 1
            if f(middle) < 0 { low = middle } else { high = middle }
        }
        return ((low + high) / 2, evaluations)
    }

    static func brent(_ low: Double, _ high: Double, _ f: @escaping (Double) -> Double) -> (zero: Double, evaluations: Int) {
        var evaluations = 0
        let zero = RootFinding.zero(low: low, high: high, valueAtLow: f(low), valueAtHigh: f(high)) { x in
            evaluations += 1
            return f(x)
        }
        return (zero, evaluations)
    }

    /// A function with its bracket and its zero.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var f: @Sendable (Double) -> Double
        var low: Double
        var high: Double
        var zero: Double
        var testDescription: String { name }
    }

    // A smooth function, a kinked piecewise-linear one (like the NPV against the charge where
    // the minimum tax takes over), a flat-then-steep one, a zero at an end of the bracket.
    static let cases: [Case] = [
        Case(name: "cubic", f: { x in x * x * x - 2 * x - 5 }, low: 2, high: 3, zero: 2.0945514815423265),
        Case(name: "kinked", f: { x in x < 1.3 ? 4 * x - 6 : -0.8 + 0.5 * (x - 1.3) }, low: 0, high: 4, zero: 2.9),
        Case(name: "steep", f: { x in x < 3 ? -1e-6 : 1e9 * (x - 3.25) }, low: 0, high: 8, zero: 3.25),
        Case(name: "end", f: { x in x - 2 }, low: 0, high: 2, zero: 2),
    ]

    @Test(arguments: cases)
    func findsTheZeroToTheTolerance(_ c: Case) {
        let found = Self.brent(c.low, c.high, c.f)
        #expect(abs(found.zero - c.zero) <= 1e-9 * max(1, abs(c.zero)), "\(c.name): \(found.zero)")
        #expect(found.evaluations <= 200)
    }

    @Test func theBreakEvenChargeMatchesBisectionInFewerRepricings() throws {
        let model = EmbeddedModels.base
        let npv = { (charge: Double) -> Double in
            var a = Adjustments()
            a.uniformRefiningChargeUsdPerOzGross = charge
            return model.projectNPV(a)
        }
        let summary = model.valuation().summary
        let charge = try #require(summary.breakEvenRefiningCharge.value)
        // The bracket the valuation's doubling search ends on.
        var high = 1.0
        while npv(high) < 0 { high *= 2 }
        let low = high == 1 ? 0 : high / 2
        let reference = Self.bisect(low, high, npv)
        let brent = Self.brent(low, high, npv)
        #expect(abs(charge - reference.zero) <= 2e-9 * max(1, reference.zero))
        #expect(abs(brent.zero - charge) <= 1e-12 * max(1, charge))
        #expect(brent.evaluations * 2 <= reference.evaluations, "Brent \(brent.evaluations), bisection \(reference.evaluations)")
    }

    @Test func theMarginalChargeOfTheMETRSitsWhereThePostTaxNPVIsZero() throws {
        let model = EmbeddedModels.base
        let fiscal = try #require(model.valuation().fiscal)
        let charge = try #require(fiscal.marginalRefiningChargeUsdPerOzGross)
        let rate = model.discountRate()
        func postTaxNPV(_ c: Double) -> Double {
            var a = Adjustments()
            a.uniformRefiningChargeUsdPerOzGross = c
            return FinancialMath.npv(rate: rate, model.governmentRevenue(a).map(\.postTaxNetCashFlow))
        }
        let step = 1e-6 * max(1, charge)
        #expect(postTaxNPV(charge - step) < 0 && postTaxNPV(charge + step) >= 0)
    }
}
