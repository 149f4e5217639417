/// Changes to a scenario's economics that sensitivity analysis and break-even searches apply
/// without re-running the throughput model: factors on groups of inputs (1 = unchanged) and
/// values that replace the scenario's.
public struct Adjustments: Sendable, Equatable, Codable {
    public var goldPrice = 1.0
    public var silverPrice = 1.0
    public var refiningCharges = 1.0
    /// Factor on intake; the plant's sustainable intake (times fuel availability) caps it.
    public var intake = 1.0
    public var capex = 1.0
    public var opex = 1.0
    public var energyPrices = 1.0
    public var discountRate: Double?
    public var goldPayable: Double?
    public var fuelAvailability: Double?
    public var yearsToAccreditation: Double?
    public var corporateIncomeTax: Double?
    /// One refining charge for every kind, USD per gross ounce, replacing the scenario's
    /// (used by the break-even search).
    public var uniformRefiningChargeUsdPerOzGross: Double?

    public init() {}

    /// No change.
    public static let none = Adjustments()

    /// Sets `input` to `value` (a factor or a value, as ``UncertainInput`` says).
    public mutating func set(_ input: UncertainInput, to value: Double) {
        switch input {
        case .goldPrice: goldPrice = value
        case .silverPrice: silverPrice = value
        case .refiningCharges: refiningCharges = value
        case .intake: intake = value
        case .capex: capex = value
        case .opex: opex = value
        case .energyPrices: energyPrices = value
        case .discountRate: discountRate = value
        case .goldPayable: goldPayable = value
        case .fuelAvailability: fuelAvailability = value
        case .yearsToAccreditation: yearsToAccreditation = value
        case .corporateIncomeTax: corporateIncomeTax = value
        }
    }

    /// The scenario's own value of `input`: 1 for factors.
    public static func base(of input: UncertainInput, in economics: Economics) -> Double {
        switch input {
        case .goldPrice, .silverPrice, .refiningCharges, .intake, .capex, .opex, .energyPrices: return 1
        case .discountRate: return economics.valuation.discountRate
        case .goldPayable: return economics.terms.goldPayable
        case .fuelAvailability: return economics.opex.energy.fuelAvailability
        case .yearsToAccreditation: return Double(economics.terms.yearsToAccreditation)
        case .corporateIncomeTax: return economics.taxes.corporateIncomeTax
        }
    }
}
