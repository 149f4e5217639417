import Foundation
import Testing
@testable import RefineryModel

/// The edge cases the valuation must state plainly rather than hide.
@Suite struct FinancialMathEdgeTests {
    @Test func noSignChangeMeansNoIRRSaidPlainly() {
        let positive = FinancialMath.irr([10, 20, 30])
        #expect(positive.rates.isEmpty && positive.unique == nil)
        #expect(positive.signChanges == 0)
        #expect(positive.note.contains("never change sign"))
        let negative = FinancialMath.irr([-10, -20, -30])
        #expect(negative.rates.isEmpty && negative.note.contains("non-positive"))
        #expect(FinancialMath.irr([0, 0, 0]).note.contains("every cash flow is zero"))
        #expect(FinancialMath.irr([]).rates.isEmpty)
    }

    @Test func allNegativeFlowsNeverPayBack() {
        let flows: [Double] = [-5, -1, -1, -1]
        #expect(FinancialMath.payback(flows) == nil)
        #expect(FinancialMath.discountedPayback(rate: 0.1, flows) == nil)
        #expect(FinancialMath.npv(rate: 0.1, flows) < 0)
    }

    @Test func zeroAndNegativeRates() {
        let flows: [Double] = [-100, 30, 40, 50]
        #expect(FinancialMath.npv(rate: 0, flows) == 20)
        // At −50% every flow is worth twice as much a period later.
        #expect(approximately(FinancialMath.npv(rate: -0.5, flows), -100 + 60 + 160 + 400))
        #expect(FinancialMath.npv(rate: -1, flows).isNaN)
        #expect(FinancialMath.npv(rate: -2, flows).isNaN)
        #expect(FinancialMath.discountedPayback(rate: -1, flows) == nil)
        #expect(FinancialMath.npv(rate: 0.1, []) == 0)
    }

    @Test func severalSignChangesAreAllReported() {
        // (1 − 1.1x)(1 − 1.3x)(1 − 1.6x) × 1000: rates 10%, 30%, 60%.
        let a = 1.1, b = 1.3, c = 1.6
        let flows = [1000, -1000 * (a + b + c), 1000 * (a * b + a * c + b * c), -1000 * a * b * c]
        let result = FinancialMath.irr(flows)
        #expect(result.signChanges == 3)
        #expect(result.rates.count == 3)
        for (found, expected) in zip(result.rates, [0.1, 0.3, 0.6]) { #expect(approximately(found, expected, absolute: 1e-9, relative: 0)) }
        #expect(result.unique == nil)
        #expect(result.note.contains("3 IRRs"))
    }

    @Test func horizonsOfOneAndFiftyYears() {
        #expect(approximately(FinancialMath.irr([-100, 105]).unique ?? .nan, 0.05, absolute: 1e-12, relative: 0))
        #expect(FinancialMath.payback([-100, 105]) == 100.0 / 105.0)
        // A 50-year annuity: NPV by the closed form, IRR back at the rate that makes it zero.
        let flows = [-1000.0] + Array(repeating: 100.0, count: 50)
        let rate = 0.08
        let annuity = 100 * (1 - pow(1 + rate, -50)) / rate
        #expect(approximately(FinancialMath.npv(rate: rate, flows), annuity - 1000, absolute: 1e-9, relative: 1e-12))
        let irr = FinancialMath.irr(flows).unique ?? .nan
        #expect(abs(FinancialMath.npv(rate: irr, flows)) < 1e-9)
        #expect(FinancialMath.payback(flows) == 10)
    }

    @Test func paybackIsTheFirstCrossing() {
        #expect(FinancialMath.payback([5, -10, 20]) == 0)
        #expect(FinancialMath.payback([-10, 10, -5, 5]) == 1)
        #expect(FinancialMath.payback([-10, 4, 4, 4]) == 2.5)
    }
}

extension FinancialMathEdgeTests {
    /// 110 periods overflow the NPV polynomial at the scan's extremes; the IRR is still found.
    @Test func longSeriesDoNotOverflowIntoFalseRoots() {
        let flows = [-1000.0] + Array(repeating: 60.0, count: 109)
        let result = FinancialMath.irr(flows)
        #expect(result.rates.count == 1)
        #expect(abs(FinancialMath.npv(rate: result.rates[0], flows)) < 1e-8)
    }
}
