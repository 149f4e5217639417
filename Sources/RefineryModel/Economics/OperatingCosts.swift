/// The refinery's operating costs. Amounts are in USD of the first horizon year and grow
/// with ``ValuationParameters/inflation``.
public struct OperatingCosts: Codable, Sendable, Equatable {
    /// Staff groups (Malian, expatriate, …): wages are value added; Malian wages stay in Mali.
    public var staff: [StaffGroup]
    /// Electricity from the grid and from diesel generators.
    public var energy: Energy
    /// Insurance as a fraction a year of the average value of gold on site (clients' gold in
    /// process and the refiner's own locked gold).
    public var insuranceRateOnInventory: Double
    /// Share of insurance premiums paid to Malian insurers (the rest is imported).
    public var insuranceLocalShare: Double
    /// Other costs: chemicals, security, G&A, maintenance, each fixed and/or per kg of gold.
    public var lines: [CostLine]
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the operating costs; the parameters are the properties of the same names.
    public init(staff: [StaffGroup], energy: Energy, insuranceRateOnInventory: Double, insuranceLocalShare: Double,
                lines: [CostLine], basis: String? = nil) {
        self.staff = staff
        self.energy = energy
        self.insuranceRateOnInventory = insuranceRateOnInventory
        self.insuranceLocalShare = insuranceLocalShare
        self.lines = lines
        self.basis = basis
    }
}

/// A group of employees with one loaded cost.
public struct StaffGroup: Codable, Sendable, Equatable {
    /// A unique identifier, such as `malian` or `expatriate`.
    public var id: String
    /// Whether the group's wages are paid to Malian residents (national capture).
    public var malian: Bool
    /// Full-time equivalents.
    public var fte: Double
    /// Loaded cost per FTE, USD a year.
    public var usdPerFte: Double
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates a staff group; the parameters are the properties of the same names.
    public init(id: String, malian: Bool, fte: Double, usdPerFte: Double, basis: String? = nil) {
        self.id = id
        self.malian = malian
        self.fte = fte
        self.usdPerFte = usdPerFte
        self.basis = basis
    }
}

/// Electricity use and supply. Grid power is a local purchase; diesel is imported.
public struct Energy: Codable, Sendable, Equatable {
    /// Electricity the site uses whatever its throughput (HVAC, security, lab), MWh a year.
    public var fixedMWhPerYear: Double
    /// Electricity per kg of gold processed (melting, scrubbers, electrolysis), kWh.
    public var kWhPerKgGold: Double
    /// Share of electricity from the grid; the rest from diesel generators.
    public var gridShare: Double
    /// Grid tariff, USD per kWh.
    public var gridUsdPerKWh: Double
    /// Generator consumption, litres of diesel per kWh.
    public var dieselLitresPerKWh: Double
    /// Diesel price, USD per litre.
    public var dieselUsdPerLitre: Double
    /// The share of operating days that fuel and power supply allow, in (0, 1]: below 1,
    /// every stage's capacity shrinks in proportion (blockades, outages).
    public var fuelAvailability: Double
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the energy inputs; the parameters are the properties of the same names.
    public init(fixedMWhPerYear: Double, kWhPerKgGold: Double, gridShare: Double, gridUsdPerKWh: Double,
                dieselLitresPerKWh: Double, dieselUsdPerLitre: Double, fuelAvailability: Double, basis: String? = nil) {
        self.fixedMWhPerYear = fixedMWhPerYear
        self.kWhPerKgGold = kWhPerKgGold
        self.gridShare = gridShare
        self.gridUsdPerKWh = gridUsdPerKWh
        self.dieselLitresPerKWh = dieselLitresPerKWh
        self.dieselUsdPerLitre = dieselUsdPerLitre
        self.fuelAvailability = fuelAvailability
        self.basis = basis
    }
}

/// An operating cost line: a fixed amount a year plus an amount per kg of gold processed.
public struct CostLine: Codable, Sendable, Equatable {
    /// A unique identifier, such as `chemicals` or `security`.
    public var id: String
    /// USD a year (first-year prices).
    public var fixedUsdPerYear: Double
    /// USD per kg of gold processed (first-year prices).
    public var usdPerKgGold: Double
    /// Share bought from Malian suppliers; the rest is imported.
    public var localShare: Double
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates a cost line; the parameters are the properties of the same names.
    public init(id: String, fixedUsdPerYear: Double, usdPerKgGold: Double = 0, localShare: Double, basis: String? = nil) {
        self.id = id
        self.fixedUsdPerYear = fixedUsdPerYear
        self.usdPerKgGold = usdPerKgGold
        self.localShare = localShare
        self.basis = basis
    }
}
