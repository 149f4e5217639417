/// An allowed interval for one kind of scenario number, with the physical reason for its ends.
///
/// Every number the model multiplies, divides or turns into a count is bounded, so that no
/// later computation overflows, underflows to zero or produces NaN: a lot of 1e-300 kg or a
/// cycle of 1e300 hours is refused by validation with this reason, instead of trapping later.
/// `data/schema/scenario.schema.json` states the same bounds (a test keeps them in step).
public struct Limit: Sendable, Equatable {
    /// The smallest value allowed (or the bound just below it, when ``openLower``).
    public let lower: Double
    /// The largest value allowed.
    public let upper: Double
    /// Whether ``lower`` itself is excluded.
    public let openLower: Bool
    /// What the number is, e.g. "a mass in kg".
    public let what: String
    /// Why these ends, in physical terms.
    public let reason: String

    /// Creates a limit `[lower, upper]` (or `(lower, upper]` when `openLower`), with what the
    /// number is and why these ends.
    public init(_ lower: Double, _ upper: Double, openLower: Bool = false, what: String, reason: String) {
        self.lower = lower
        self.upper = upper
        self.openLower = openLower
        self.what = what
        self.reason = reason
    }

    /// Whether `value` is finite and inside the interval.
    public func contains(_ value: Double) -> Bool {
        value.isFinite && (openLower ? value > lower : value >= lower) && value <= upper
    }

    /// The interval as written in messages, e.g. `[0.001, 10000]`.
    public var interval: String {
        "\(openLower ? "(" : "[")\(JSONValue.format(lower)), \(JSONValue.format(upper))]"
    }

    /// The message for a value outside: `is not a mass in kg in [0.001, 10000] (reason)`.
    public var message: String { "is not \(what) in \(interval) (\(reason))" }
}

/// The bounds of every scenario number that has no natural one (fractions and ids are
/// checked by ``ScenarioValidator`` directly). Each says why, in the units of its field.
public enum ScenarioLimits {
    // MARK: Intake

    /// A lot's (or a source's delivery's) gross mass.
    public static let lotGrossMassKg = Limit(0.001, 10_000, what: "a mass in kg",
        reason: "a lot weighs from 1 g, the least a fire assay can sample, to 10 t, more than any single shipment of bullion")
    /// Gold a source delivers or has available in a year.
    public static let goldTonnesPerYear = Limit(0, 10_000, what: "a number of tonnes a year",
        reason: "world mine output is about 3,600 t of gold a year; 10,000 t is 50 times a large refinery")
    /// Ore treated upstream in a year.
    public static let oreTonnesPerYear = Limit(0, 1e9, what: "a number of tonnes of ore a year",
        reason: "the largest mines treat about 10⁸ t of ore a year")
    /// Ore grade.
    public static let gradeGramsPerTonne = Limit(0, 1_000_000, openLower: true, what: "a grade in g/t",
        reason: "1,000,000 g/t is pure gold")
    /// A relative monthly weight of deliveries.
    public static let monthlyWeight = Limit(0, 1_000_000, what: "a relative weight",
        reason: "weights are relative; 10⁶ leaves room for any ratio between months")

    // MARK: Plant

    /// A plant's nameplate capacity.
    public static let nameplateTonnesPerYear = Limit(0, 10_000, openLower: true, what: "a number of tonnes a year",
        reason: "10,000 t a year is 50 times a large refinery and more than the world's mine output")
    /// Hours in a shift.
    public static let hoursPerShift = Limit(0.25, 24, what: "a number of hours",
        reason: "a shift lasts from 15 minutes, the finest schedule period, to a whole day")
    /// A stage's largest and smallest batch.
    public static let batchKg = Limit(0.001, 10_000, what: "a mass in kg",
        reason: "a charge weighs from 1 g to 10 t; no crucible, cell or furnace takes more")
    /// A stage's cycle.
    public static let cycleHours = Limit(0.01, 720, what: "a number of hours",
        reason: "a cycle lasts from 36 seconds to 30 days")
    /// A stage's availability.
    public static let availability = Limit(0.01, 1, what: "a fraction",
        reason: "a stage available less than 1% of its hours is not part of the plant")
    /// Days of waiting after a stage (assay turnaround, say).
    public static let waitDays = Limit(0, 365, what: "a number of days",
        reason: "material waits at most a year between stages")
    /// Gold held in each unit of a stage (electrolyte, say).
    public static let fixedGoldPerUnitKg = Limit(0, 10_000, what: "a mass in kg",
        reason: "a unit holds at most 10 t of gold")
    /// The gold a stage on a route keeps.
    public static let routeGoldRecovery = Limit(0.5, 1, what: "a fraction",
        reason: "a refining stage loses well under 0.1% of its gold; one that loses more than half destroys the gold it exists to refine, and 0 leaves nothing to schedule downstream")
    /// The gold a stage on a route sends to the by-product stream.
    public static let routeGoldToByproduct = Limit(0, 0.5, what: "a fraction",
        reason: "a stage on the gold line diverts a little gold with its slag; one that diverts more than half is not on the gold line")
    /// A product bar's gross mass.
    public static let barGrossKg = Limit(0.001, 10_000, what: "a mass in kg",
        reason: "a bar weighs from 1 g to 10 t; a Good Delivery bar is about 12.5 kg")

    // MARK: Economics

    /// The gold price. Its floor matters: value added is measured as a share of the gold's
    /// value, so a price of 5e-324 USD/oz (which is above 0) would divide by nearly nothing.
    public static let goldPriceUsdPerOz = Limit(1, 1_000_000, what: "a gold price in USD/oz",
        reason: "gold has not cost less than 20 USD/oz since 1800, nor more than a few thousand; 10⁶ keeps every revenue finite")
    /// The silver price.
    public static let priceUsdPerOz = Limit(0, 1_000_000, openLower: true, what: "a price in USD/oz",
        reason: "silver has never cost more than a few hundred USD/oz; 10⁶ keeps every revenue finite")
    /// A charge, penalty or discount per troy ounce.
    public static let chargeUsdPerOz = Limit(0, 1_000_000, what: "an amount of USD/oz",
        reason: "charges are cents to dollars per ounce; 10⁶ is far above any gold price")
    /// A fee per lot.
    public static let lotFeeUsd = Limit(0, 1_000_000, what: "an amount of USD",
        reason: "a lot fee is hundreds of USD; 10⁶ is above the value of most lots")
    /// Full-time equivalents in a staff group.
    public static let fte = Limit(0, 100_000, what: "a number of FTE",
        reason: "a refinery employs tens to hundreds of people; 100,000 would be a city")
    /// A yearly cost per FTE.
    public static let usdPerFte = Limit(0, 1_000_000, what: "an amount of USD a year",
        reason: "a loaded salary of 10⁶ USD a year is above any refinery's")
    /// Energy used regardless of output.
    public static let fixedMWhPerYear = Limit(0, 1_000_000, what: "a number of MWh a year",
        reason: "a refinery's site load is a few GWh a year; 1 TWh is a smelter's")
    /// Energy per kg of gold.
    public static let kWhPerKgGold = Limit(0, 1_000_000, what: "a number of kWh per kg",
        reason: "refining takes tens of kWh per kg of gold")
    /// An energy price.
    public static let usdPerKWh = Limit(0, 1_000, what: "a price in USD/kWh",
        reason: "power costs cents per kWh; 1,000 USD/kWh is far above any tariff")
    /// Diesel per kWh generated.
    public static let dieselLitresPerKWh = Limit(0, 10, what: "a number of litres per kWh",
        reason: "a generator burns about 0.3 L/kWh; 10 L/kWh is 30 times the worst")
    /// Diesel price.
    public static let dieselUsdPerLitre = Limit(0, 1_000, what: "a price in USD/litre",
        reason: "diesel costs about 1 USD/L; 1,000 USD/L is beyond any blockade price")
    /// A yearly fixed cost line.
    public static let fixedUsdPerYear = Limit(0, 1e10, what: "an amount of USD a year",
        reason: "a refinery's fixed costs are millions of USD a year; 10¹⁰ is ten billion")
    /// A cost per kg of gold.
    public static let usdPerKgGold = Limit(0, 1_000_000, what: "an amount of USD per kg",
        reason: "costs are a few USD per kg of gold; 10⁶ is above the gold's own value")
    /// An investment.
    public static let investmentUsd = Limit(0, 1e11, what: "an amount of USD",
        reason: "a refinery costs tens of millions of USD; 10¹¹ is a hundred billion")
    /// A discount rate.
    public static let discountRate = Limit(-0.5, 10, what: "a rate",
        reason: "below −50% a year discount factors over a century overflow; above 1,000% nothing is worth anything")
    /// A sensitivity factor on a base value.
    public static let factor = Limit(0, 1_000, what: "a factor",
        reason: "a sensitivity range spans a fraction to a few times its base; 1,000 is far beyond")
    /// Generated and explicit lots over the horizon.
    public static let maximumLots = 2_000_000
}
