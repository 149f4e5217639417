import Testing
@testable import RefineryModel

/// NPV, IRR and payback against vectors computed independently with numpy-financial and
/// numpy.roots (scripts/make-finance-vectors), to 1e-9.
@Suite struct FinancialMathVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var flows: [Double]
        var rate: Double
        var npv: Double
        /// Every real IRR (roots of the NPV polynomial), ascending.
        var irrs: [Double]
        /// numpy_financial.irr (the root nearest zero), nil for NaN.
        var numpyIRR: Double?
        var payback: Double?
        var discountedPayback: Double?
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "classic", flows: [-100.0, 39.0, 59.0, 55.0, 20.0], rate: 0.1,
               npv: 39.19745918994602, irrs: [0.28094842115996066], numpyIRR: 0.28094842115996066,
               payback: 2.036363636363636, discountedPayback: 2.3820000000000006),
        Vector(name: "larger", flows: [-1000.0, 300.0, 400.0, 500.0, 200.0], rate: 0.05,
               npv: 244.9853713216201, irrs: [0.15322137877181508], numpyIRR: 0.15322137877181508,
               payback: 2.6, discountedPayback: 2.8137499999999998),
        Vector(name: "two roots", flows: [-100.0, 230.0, -132.0], rate: 0.15,
               npv: 0.18903591682420995, irrs: [0.09999999999999942, 0.20000000000000062], numpyIRR: 0.09999999999999942,
               payback: 0.43478260869565216, discountedPayback: 0.49999999999999994),
        Vector(name: "three roots", flows: [529.1005291005291, -1984.1269841269836, 2452.3809523809523, -1000.0], rate: 0.1,
               npv: 0.7950421173567292, irrs: [0.05000000000001448, 0.19999999999997042, 0.5000000000000158], numpyIRR: 0.05000000000001448,
               payback: 0.0, discountedPayback: 0.0),
        Vector(name: "all negative", flows: [-10.0, -20.0, -30.0], rate: 0.1,
               npv: -52.97520661157024, irrs: [], numpyIRR: nil,
               payback: nil, discountedPayback: nil),
        Vector(name: "zero rate", flows: [-50.0, 20.0, 20.0, 20.0], rate: 0.0,
               npv: 10.0, irrs: [0.09701025740327274], numpyIRR: 0.09701025740327274,
               payback: 2.5, discountedPayback: 2.5),
        Vector(name: "negative rate and IRR", flows: [-100.0, 50.0, 40.0], rate: -0.05,
               npv: -3.0470914127423754, irrs: [-0.06992647456322776], numpyIRR: -0.06992647456322776,
               payback: nil, discountedPayback: nil),
        Vector(name: "one period", flows: [-100.0], rate: 0.1,
               npv: -100.0, irrs: [], numpyIRR: nil,
               payback: nil, discountedPayback: nil),
        Vector(name: "one year", flows: [-100.0, 112.0], rate: 0.08,
               npv: 3.7037037037036953, irrs: [0.11999999999999988], numpyIRR: 0.11999999999999988,
               payback: 0.8928571428571429, discountedPayback: 0.9642857142857144),
        Vector(name: "fifty years", flows: [-1000.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0], rate: 0.07,
               npv: 104.05970352271711, irrs: [0.07814084773815022], numpyIRR: 0.07814084773815022,
               payback: 12.5, discountedPayback: 30.74086982919939),
        Vector(name: "late investment", flows: [-80.0, 10.0, 20.0, 30.0, -25.0, 40.0, 40.0, 40.0], rate: 0.12,
               npv: 11.394192143185904, irrs: [0.15489681640275754], numpyIRR: 0.15489681640275754,
               payback: 5.125, discountedPayback: 6.370276781916161),
        Vector(name: "random 0", flows: [-1115.203072, 245.198137, 111.330719, -22.042162, 130.497653, 171.368937, 110.683648, 17.91703, 207.325779, 18.841424, 161.543529, 231.043835, 5.12718], rate: -0.0378,
               npv: 665.5584012024856, irrs: [0.03746159666354121], numpyIRR: 0.03746159666354121,
               payback: 9.76810199559278, discountedPayback: 7.857256417037902),
        Vector(name: "random 1", flows: [-594.846022, 180.484933, 234.303167, 45.491097, -36.990073, 81.629307, -37.256857, 147.296541, 137.731734], rate: 0.0905,
               npv: -43.42374348174454, irrs: [0.0661234269422184], numpyIRR: 0.0661234269422184,
               payback: 6.863458484065827, discountedPayback: nil),
        Vector(name: "random 2", flows: [-1081.759553, 214.807991, 19.413186, -6.936633, -22.329513, 166.371091, 221.797146, 113.778033, -32.900274, 115.404601], rate: 0.2036,
               npv: -720.2874818323138, irrs: [-0.05953521751282109], numpyIRR: -0.05953521751282109,
               payback: nil, discountedPayback: nil),
        Vector(name: "random 3", flows: [-970.871574, -42.879884, 243.661674, 129.667329, 40.590876, 168.521512, 243.32196, 122.988967, -8.7517, 0.306744, 39.429128, 199.680549, 189.244363, -9.362078, -33.86496, -20.785583], rate: 0.2339,
               npv: -568.0146157393422, irrs: [-0.4932774195618759, 0.04338741579768146], numpyIRR: 0.04338741579768146,
               payback: 10.170346927481654, discountedPayback: nil),
        Vector(name: "random 4", flows: [-1065.806221, 68.775115, 39.43797, 57.727985, 196.707685, 199.622901, 219.522048, 121.556968, 112.629678, 65.942234, 43.186034, 95.70882, 109.081162, 191.606263, 53.035265, -1.210631, 86.584744, 189.465657, 172.488773, 126.975873, 212.538072, 157.932347, 224.682586, 217.726143, 31.1481], rate: 0.2877,
               npv: -709.1686692049108, irrs: [0.09632881387921066], numpyIRR: 0.09632881387921066,
               payback: 8.755598771494459, discountedPayback: nil),
    ]

    @Test(arguments: vectors)
    func npvMatches(vector: Vector) {
        #expect(approximately(FinancialMath.npv(rate: vector.rate, vector.flows), vector.npv, absolute: 1e-9, relative: 1e-9))
    }

    @Test(arguments: vectors)
    func everyIRRMatches(vector: Vector) {
        let result = FinancialMath.irr(vector.flows)
        #expect(result.rates.count == vector.irrs.count, "\(result.rates) vs \(vector.irrs)")
        for (found, expected) in zip(result.rates, vector.irrs) {
            #expect(approximately(found, expected, absolute: 1e-9, relative: 0))
        }
        if let numpy = vector.numpyIRR {
            #expect(result.rates.contains { approximately($0, numpy, absolute: 1e-9, relative: 0) })
        } else {
            #expect(result.rates.isEmpty)
        }
        #expect(result.rates.count <= result.signChanges)
        // At every rate found the NPV is zero (to the flows' scale).
        let scale = vector.flows.map(abs).max() ?? 1
        for rate in result.rates { #expect(abs(FinancialMath.npv(rate: rate, vector.flows)) < 1e-9 * scale * Double(vector.flows.count)) }
    }

    @Test(arguments: vectors)
    func paybackMatches(vector: Vector) {
        let payback = FinancialMath.payback(vector.flows)
        #expect((payback == nil) == (vector.payback == nil))
        if let payback, let expected = vector.payback { #expect(approximately(payback, expected, absolute: 1e-9, relative: 1e-9)) }
        let discounted = FinancialMath.discountedPayback(rate: vector.rate, vector.flows)
        #expect((discounted == nil) == (vector.discountedPayback == nil))
        if let discounted, let expected = vector.discountedPayback { #expect(approximately(discounted, expected, absolute: 1e-9, relative: 1e-9)) }
    }
}
