/// A scheduling question about a scenario's refinery: which window, how fine a grid, which
/// plant configuration and intake, and what to optimize.
///
/// Two horizons:
/// - ``Kind/detailed``: an hourly (or finer) grid over 1–14 days; batches by unit type and
///   hour, with the lots in each. Units follow the shift calendar; breakdowns are not
///   modelled in a week's plan (the campaign derates by availability instead).
/// - ``Kind/campaign``: daily (or shift) buckets over up to a year; batch counts per stage
///   and bucket, each stage offering its calendar hours × availability per bucket.
public struct RefineryScheduleRequest: Codable, Sendable, Equatable {
    /// Which of the two horizons a request plans.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// `detailed`: an hourly (or finer) grid over 1–14 days; `campaign`: daily or shift buckets
        /// over up to a year.
        case detailed, campaign
    }

    /// What the schedule optimizes (see ``STNObjective``); all in kg of refined gold.
    public enum Goal: String, Codable, Sendable, CaseIterable {
        /// Refine early: maximize Σₜ refined gold(t), i.e. minimize the gold-hours held in
        /// process — by Little's law the gold-weighted turnaround of the lots, and so the
        /// financing cost of the clients' gold.
        case workInProcess
        /// Maximize the gold refined by the end of the window.
        case throughput
        /// Maximize the value refined by the end: gold, plus silver at `silverValuePerKg`
        /// (in kg of gold per kg of silver), plus `kilobarPremium` on 999.9 products.
        case value
        /// Refine every lot of the window as early as possible: minimize the last period
        /// with work; infeasible when some lot cannot be refined within the window.
        case makespan
    }

    /// A detailed window or a campaign.
    public var kind: Kind
    /// The first day of the window, `YYYY-MM-DD`; default 1 January of ``year``.
    public var startDate: String?
    /// Days in the window: 1–14 for detailed, 1–366 for campaign.
    public var days: Int
    /// The grid's period in hours: detailed 0.25–24 (1 by default), campaign 8 or 24 (24).
    public var periodHours: Double
    /// The year whose plant configuration (expansions) and intake apply; default: the year
    /// of `startDate`, else the scenario's first year.
    public var year: Int?
    /// Scales every source so the year's intake is this many tonnes of gold (a what-if on
    /// the scenario's own mix); nil keeps the scenario's intake.
    public var intakeTonnesPerYear: Double?
    /// What to optimize. The default is ``Goal/workInProcess``.
    public var goal: Goal
    /// A due date for every lot without its own: arrival + this many days. Nil: only the
    /// scenario's explicit due dates apply.
    public var turnaroundTargetDays: Double?
    /// For ``Goal/value``: kg of gold one kg of refined silver is worth (default 1/85, the
    /// gold/silver price ratio of about 85; an assumption).
    public var silverValuePerKg: Double
    /// For ``Goal/value``: extra value per kg of gold in 999.9 products (default 0).
    public var kilobarPremium: Double

    /// Creates a request; the parameters are the properties of the same names. It is checked
    /// when the network is built (``SchedulingError/invalidRequest(_:)``).
    public init(kind: Kind, startDate: String? = nil, days: Int, periodHours: Double, year: Int? = nil,
                intakeTonnesPerYear: Double? = nil, goal: Goal = .workInProcess, turnaroundTargetDays: Double? = nil,
                silverValuePerKg: Double = 1.0 / 85, kilobarPremium: Double = 0) {
        self.kind = kind
        self.startDate = startDate
        self.days = days
        self.periodHours = periodHours
        self.year = year
        self.intakeTonnesPerYear = intakeTonnesPerYear
        self.goal = goal
        self.turnaroundTargetDays = turnaroundTargetDays
        self.silverValuePerKg = silverValuePerKg
        self.kilobarPremium = kilobarPremium
    }

    /// A week (or `days`) on an hourly grid.
    public static func detailed(days: Int = 7, periodHours: Double = 1, startDate: String? = nil, year: Int? = nil,
                                intakeTonnesPerYear: Double? = nil, goal: Goal = .workInProcess) -> RefineryScheduleRequest {
        RefineryScheduleRequest(kind: .detailed, startDate: startDate, days: days, periodHours: periodHours, year: year,
                                intakeTonnesPerYear: intakeTonnesPerYear, goal: goal)
    }

    /// A year (or `days`) in daily buckets.
    public static func campaign(days: Int = 365, periodHours: Double = 24, startDate: String? = nil, year: Int? = nil,
                                intakeTonnesPerYear: Double? = nil, goal: Goal = .workInProcess) -> RefineryScheduleRequest {
        RefineryScheduleRequest(kind: .campaign, startDate: startDate, days: days, periodHours: periodHours, year: year,
                                intakeTonnesPerYear: intakeTonnesPerYear, goal: goal)
    }

    /// Everything wrong with the request, with paths relative to the request.
    public func problems(for scenario: Scenario) -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        func add(_ path: String, _ value: Any?, _ message: String) {
            problems.append(ScenarioProblem(path: path, value: value.map { "\($0)" }, message: message))
        }
        switch kind {
        case .detailed:
            if days < 1 || days > 14 { add("days", days, "must be 1–14 for a detailed schedule") }
            if !(periodHours >= 0.25 && periodHours <= 24) || (24 / periodHours).rounded() != 24 / periodHours {
                add("periodHours", periodHours, "must divide 24 hours, from 0.25 to 24")
            }
        case .campaign:
            if days < 1 || days > 366 { add("days", days, "must be 1–366 for a campaign") }
            if periodHours != 24 && periodHours != 8 && periodHours != 12 { add("periodHours", periodHours, "must be 8, 12 or 24 hours for a campaign") }
        }
        // The window must lie in the scenario's horizon: its plant and intake are defined there only.
        let firstYear = scenario.horizon.firstYear, lastYear = scenario.horizon.firstYear + scenario.horizon.years - 1
        let horizonStart = CivilDate(year: firstYear, month: 1, day: 1), horizonEnd = CivilDate(year: lastYear, month: 12, day: 31)
        if let startDate {
            if let start = CivilDate(parsing: startDate) {
                if start < horizonStart || horizonEnd < start {
                    add("startDate", startDate, "is outside the scenario's horizon \(horizonStart)...\(horizonEnd)")
                }
            } else {
                add("startDate", "\"\(startDate)\"", "is not a date YYYY-MM-DD")
            }
        }
        if let year, !(firstYear...lastYear).contains(year) {
            add("year", year, "is outside the scenario's horizon \(firstYear)...\(lastYear)")
        }
        if let intake = intakeTonnesPerYear, !(intake > 0 && intake <= 10_000) { add("intakeTonnesPerYear", intake, "must be in (0, 10000] tonnes") }
        if let target = turnaroundTargetDays, !(target > 0 && target <= 366) { add("turnaroundTargetDays", target, "must be in (0, 366] days") }
        if !(silverValuePerKg >= 0 && silverValuePerKg.isFinite) { add("silverValuePerKg", silverValuePerKg, "must be a finite number ≥ 0") }
        if !(kilobarPremium >= 0 && kilobarPremium.isFinite) { add("kilobarPremium", kilobarPremium, "must be a finite number ≥ 0") }
        return problems
    }
}
