/// Changes to a scenario's economics that sensitivity analysis and break-even searches apply
/// without re-running the throughput model: factors on groups of inputs (1 = unchanged) and
/// values that replace the scenario's.
public struct Adjustments: Sendable, Equatable, Codable {
    /// Factor on the gold price path (1 = the scenario's prices).
    public var goldPrice = 1.0
    /// Factor on the silver price path.
    public var silverPrice = 1.0
    /// Factor on every kind's and every source's own refining charge (ignored when
    /// ``uniformRefiningChargeUsdPerOzGross`` is set).
    public var refiningCharges = 1.0
    /// Factor on intake; the plant's sustainable intake (times fuel availability) caps it.
    public var intake = 1.0
    /// Factor on every investment, and so on sustaining capex and depreciation.
    public var capex = 1.0
    /// Factor on staff costs and the other opex lines (energy has its own factor).
    public var opex = 1.0
    /// Factor on the grid tariff and the diesel price.
    public var energyPrices = 1.0
    /// The discount rate, a fraction a year, replacing the scenario's; nil keeps it.
    public var discountRate: Double?
    /// The share of assayed gold returned to clients, replacing the scenario's; nil keeps it.
    public var goldPayable: Double?
    /// The share of operating days fuel and power allow, in (0, 1], replacing the scenario's; nil keeps it.
    public var fuelAvailability: Double?
    /// Years until the brand is accredited, replacing the scenario's (rounded to whole years); nil keeps it.
    public var yearsToAccreditation: Double?
    /// The corporate income tax rate, a fraction, replacing the scenario's; nil keeps it.
    public var corporateIncomeTax: Double?
    /// The artisanal purchase margin, a fraction of the fine gold's value, replacing the
    /// scenario's; nil keeps it. Whether a kind's gold is bought (not tolled) stays the
    /// scenario's: a kind with a purchase margin of 0 in the scenario is tolled. An artisanal
    /// source with a margin of its own (``CommercialTerms/bySource``) keeps it.
    public var artisanalPurchaseMargin: Double?
    /// Factor on the artisanal gold received (1 = the scenario's); see
    /// ``ProcessVolumes/scaling(_:by:)``.
    public var artisanalVolume = 1.0
    /// One refining charge for every kind and every source, USD per gross ounce, replacing the
    /// scenario's (used by the break-even search and the METR).
    public var uniformRefiningChargeUsdPerOzGross: Double?

    /// No change: every factor 1 and no value replaced (the same as ``none``).
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
        case .artisanalPurchaseMargin: artisanalPurchaseMargin = value
        case .artisanalVolume: artisanalVolume = value
        }
    }

    /// The scenario's own value of `input`: 1 for factors.
    public static func base(of input: UncertainInput, in economics: Economics) -> Double {
        switch input {
        case .goldPrice, .silverPrice, .refiningCharges, .intake, .capex, .opex, .energyPrices, .artisanalVolume: return 1
        case .discountRate: return economics.valuation.discountRate
        case .goldPayable: return economics.terms.goldPayable
        case .fuelAvailability: return economics.opex.energy.fuelAvailability
        case .yearsToAccreditation: return Double(economics.terms.yearsToAccreditation)
        case .corporateIncomeTax: return economics.taxes.corporateIncomeTax
        case .artisanalPurchaseMargin: return economics.terms.byKind[.artisanal].purchaseMargin
        }
    }
}
