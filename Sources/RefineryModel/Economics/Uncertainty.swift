/// An input moved by the tornado and drawn by the Monte Carlo, with its range.
///
/// Inputs marked *factor* multiply the scenario's values (base 1); the others are the value
/// itself (base: the scenario's value). The tornado evaluates `low` and `high`; the Monte
/// Carlo draws from ``distribution`` between them (triangular: mode at the base).
public struct Uncertainty: Codable, Sendable, Equatable {
    /// The input moved.
    public var input: UncertainInput
    /// The low end of the range: a factor or a value, as ``UncertainInput/isFactor`` says.
    public var low: Double
    /// The high end of the range, in the same terms as `low`.
    public var high: Double
    /// How the Monte Carlo draws between `low` and `high`. The default is triangular.
    public var distribution: Distribution
    /// Where the range comes from: a citation, or "assumption" with the reasoning.
    public var basis: String?
    /// How the loader widened the range to take in a base value changed by a `--set` (nil:
    /// the range is as written). See ``RangeWidening``.
    public var widened: RangeWidening? = nil

    /// Creates an uncertainty; the parameters are the properties of the same names.
    public init(input: UncertainInput, low: Double, high: Double, distribution: Distribution = .triangular, basis: String? = nil) {
        self.input = input
        self.low = low
        self.high = high
        self.distribution = distribution
        self.basis = basis
    }
}

/// The inputs sensitivity analysis can move.
public enum UncertainInput: String, Codable, Sendable, CaseIterable {
    /// Factor on the gold price path.
    case goldPrice
    /// Factor on the silver price path.
    case silverPrice
    /// Factor on every refining charge.
    case refiningCharges
    /// Factor on the intake (capped by the plant's sustainable intake).
    case intake
    /// Factor on every investment (and so on sustaining capex and depreciation).
    case capex
    /// Factor on staff and the other opex lines (not energy).
    case opex
    /// Factor on the grid tariff and the diesel price.
    case energyPrices
    /// The discount rate (a value).
    case discountRate
    /// The gold payable to clients (a value).
    case goldPayable
    /// The fuel availability factor (a value).
    case fuelAvailability
    /// Years to LBMA accreditation (a value, rounded to whole years).
    case yearsToAccreditation
    /// The corporate income tax rate (a value).
    case corporateIncomeTax
    /// The artisanal purchase margin, a fraction of the fine gold's value (a value replacing
    /// `economics.terms.byKind.artisanal.purchaseMargin`).
    case artisanalPurchaseMargin
    /// Factor on the artisanal gold received (the other kinds unchanged; the plant's
    /// sustainable intake still caps the total).
    case artisanalVolume

    /// Whether the input is a factor on scenario values (base 1) rather than a value.
    public var isFactor: Bool {
        switch self {
        case .goldPrice, .silverPrice, .refiningCharges, .intake, .capex, .opex, .energyPrices, .artisanalVolume: return true
        case .discountRate, .goldPayable, .fuelAvailability, .yearsToAccreditation, .corporateIncomeTax, .artisanalPurchaseMargin: return false
        }
    }

    /// Where a value input's base lives in a scenario document (nil for factors, whose base is 1).
    public var basePath: String? {
        switch self {
        case .goldPrice, .silverPrice, .refiningCharges, .intake, .capex, .opex, .energyPrices, .artisanalVolume: return nil
        case .discountRate: return "economics.valuation.discountRate"
        case .goldPayable: return "economics.terms.goldPayable"
        case .fuelAvailability: return "economics.opex.energy.fuelAvailability"
        case .yearsToAccreditation: return "economics.terms.yearsToAccreditation"
        case .corporateIncomeTax: return "economics.taxes.corporateIncomeTax"
        case .artisanalPurchaseMargin: return "economics.terms.byKind.artisanal.purchaseMargin"
        }
    }
}

/// How the Monte Carlo draws an input between `low` and `high`.
public enum Distribution: String, Codable, Sendable, CaseIterable {
    /// Equally likely anywhere in [low, high].
    case uniform
    /// Triangular on [low, high] with its mode at the base value.
    case triangular
}

/// A range widened by the loader so that it contains a base value set on the command line.
///
/// Ranges of value inputs (a discount rate, a tax rate, fuel availability…) are absolute, not
/// relative to the base: a `--set` that moves the base outside its range (a tax holiday
/// `economics.taxes.corporateIncomeTax=0` against a range [0.25, 0.3]) widens the range just
/// enough to include the new base ([0, 0.3]) instead of rejecting the scenario, and the run and
/// value reports carry ``note``. A range that excludes the base the file itself gives is still
/// an error: the file contradicts itself, and no `--set` asked for it.
public struct RangeWidening: Codable, Sendable, Equatable {
    /// The low end as written.
    public var low: Double
    /// The high end as written.
    public var high: Double
    /// The base value the range now includes.
    public var base: Double
    /// Where that base is in the scenario document, e.g. `economics.taxes.corporateIncomeTax`.
    public var basePath: String

    /// Creates a record of a widening; the parameters are the properties of the same names.
    public init(low: Double, high: Double, base: Double, basePath: String) {
        self.low = low
        self.high = high
        self.base = base
        self.basePath = basePath
    }

    /// The widened range of ``base`` against [``low``, ``high``].
    public var widenedLow: Double { min(low, base) }
    /// The widened high end.
    public var widenedHigh: Double { max(high, base) }

    /// "economics.uncertainties[11] (corporateIncomeTax): range widened from [0.25, 0.3] to [0, 0.3]
    /// to include economics.taxes.corporateIncomeTax = 0 set on the command line", for
    /// the uncertainty at `index` of input `input`.
    public func note(index: Int, input: UncertainInput) -> String {
        "economics.uncertainties[\(index)] (\(input.rawValue)): range widened from [\(JSONValue.format(low)), \(JSONValue.format(high))] to [\(JSONValue.format(widenedLow)), \(JSONValue.format(widenedHigh))] to include \(basePath) = \(JSONValue.format(base)) set on the command line"
    }
}

extension Economics {
    /// The notes of every range the loader widened (see ``RangeWidening``), in the scenario's order.
    public var rangeWideningNotes: [String] {
        uncertainties.enumerated().compactMap { index, uncertainty in uncertainty.widened?.note(index: index, input: uncertainty.input) }
    }
}
