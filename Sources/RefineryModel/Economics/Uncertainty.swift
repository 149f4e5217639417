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

    /// Whether the input is a factor on scenario values (base 1) rather than a value.
    public var isFactor: Bool {
        switch self {
        case .goldPrice, .silverPrice, .refiningCharges, .intake, .capex, .opex, .energyPrices: return true
        case .discountRate, .goldPayable, .fuelAvailability, .yearsToAccreditation, .corporateIncomeTax: return false
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
