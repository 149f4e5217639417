/// A lot as the throughput model handles it: from the scenario's explicit lots or generated
/// from a source's yearly quantity.
public struct IntakeLot: Sendable, Equatable {
    /// The lot's identifier: the scenario's, or `SOURCE-YEAR-N` for a generated lot.
    public var id: String
    /// The id of the source it comes from; nil for an explicit lot without one.
    public var source: String?
    /// The kind of material (it decides the route shares).
    public var kind: MaterialKind
    /// Days since 1970-01-01.
    public var arrivalDay: Int
    /// The day number (days since 1970-01-01) the refined metal is due back, if the lot has a due date.
    public var dueDay: Int?
    /// Gross mass as received, kg (for ore: of the bullion made upstream).
    public var grossMassKg: Double
    /// The composition as received.
    public var assay: Assay
    /// Gold contained in the ore that was lost upstream making this bullion (ore lots only).
    public var upstreamGoldLostKg: Double

    /// The lot's gold, silver and other masses, kg.
    public var masses: ElementMasses { ElementMasses(grossKg: grossMassKg, assay: assay) }
}

/// Turns a scenario's sources into lots, year by year, and adds its explicit lots.
///
/// A source's yearly gold becomes lots of `lotGrossMassKg` (the last one smaller), spread
/// over the year by the monthly profile: lot k of n arrives at the point where the profile's
/// cumulative weight reaches (k + ½)/n. Deterministic: the same scenario gives the same lots.
public enum LotGenerator {
    /// The gold (t) a source delivers in horizon year `index`, and the gold lost upstream
    /// (ore sources), with the brand listed from horizon year `listingYearIndex` (see
    /// ``CapturedSupply/captureAfterListing``; nil: never listed).
    public static func yearlyGold(of source: IntakeSource, yearIndex index: Int, listingYearIndex: Int? = nil) -> (delivered: Double, upstreamLost: Double) {
        func value(_ list: [Double]) -> Double { list.isEmpty ? 0 : list[min(index, list.count - 1)] }
        if let tonnes = source.goldTonnesPerYear { return (value(tonnes), 0) }
        if let supply = source.supply {
            return (value(supply.availableTonnesPerYear) * supply.capture(yearIndex: index, listingYearIndex: listingYearIndex), 0)
        }
        if let ore = source.ore {
            let contained = value(ore.oreTonnesPerYear) * ore.gradeGramsPerTonne / 1_000_000
            return (contained * ore.upstreamRecovery, contained * (1 - ore.upstreamRecovery))
        }
        return (0, 0)
    }

    /// The lots `source` makes in horizon year `yearIndex`, as a Double: it can be
    /// astronomically large for a scenario validation then refuses. The brand is listed from
    /// horizon year `listingYearIndex` (nil: never).
    public static func lotCount(of source: IntakeSource, yearIndex: Int, listingYearIndex: Int? = nil) -> Double {
        let goldKg = yearlyGold(of: source, yearIndex: yearIndex, listingYearIndex: listingYearIndex).delivered * 1000
        let goldPerLot = source.lotGrossMassKg * source.assay.gold
        guard goldKg > 0, goldPerLot > 0 else { return 0 }
        let quotient = goldKg / goldPerLot
        return quotient.isFinite ? quotient.rounded(.up) : .infinity
    }

    /// The lots `source` makes over the first `years` horizon years (see
    /// ``lotCount(of:yearIndex:listingYearIndex:)``), the brand listed from `listingYearIndex`.
    public static func generatedLotCount(of source: IntakeSource, years: Int, listingYearIndex: Int? = nil) -> Double {
        // After the longest yearly list every year repeats the last values: count those at once,
        // so an absurd horizon (validation refuses it) costs no time.
        let listed = [source.goldTonnesPerYear?.count, source.supply?.availableTonnesPerYear.count,
                      source.supply?.capture.count, source.ore?.oreTonnesPerYear.count,
                      source.supply?.captureAfterListing == nil ? nil : listingYearIndex.map { min(max(0, $0), 200) + 1 }].compactMap { $0 }.max() ?? 1
        let distinct = min(max(0, years), max(1, listed))
        guard distinct > 0 else { return 0 }
        let first = (0..<distinct).reduce(0.0) { $0 + lotCount(of: source, yearIndex: $1, listingYearIndex: listingYearIndex) }
        let repeated = Double(max(0, years) - distinct) * lotCount(of: source, yearIndex: distinct - 1, listingYearIndex: listingYearIndex)
        return first + (repeated.isNaN ? 0 : repeated)
    }

    /// Every lot of the scenario, sorted by arrival (then by id). Throws, before allocating,
    /// when the lots would exceed ``ScenarioLimits/maximumLots`` (validation refuses such a
    /// scenario first).
    public static func lots(for scenario: Scenario) throws(ScenarioError) -> [IntakeLot] {
        guard (1...100).contains(scenario.horizon.years) else {
            throw .invalid([ScenarioProblem(path: "horizon.years", value: "\(scenario.horizon.years)", message: "is not a number of years in 1...100")])
        }
        var expected = Double(scenario.intake.lots.count)
        let listing = scenario.economics?.terms.yearsToAccreditation
        for source in scenario.intake.sources { expected += generatedLotCount(of: source, years: scenario.horizon.years, listingYearIndex: listing) }
        guard expected <= Double(ScenarioLimits.maximumLots) else {
            throw .invalid([ScenarioProblem(path: "intake", value: nil, message: "makes \(JSONValue.format(expected.rounded())) lots over the horizon; at most \(ScenarioLimits.maximumLots) are modelled: use larger lots")])
        }
        var lots: [IntakeLot] = []
        for (yearIndex, year) in scenario.horizon.calendarYears.enumerated() {
            let yearStart = CivilDate(year: year, month: 1, day: 1).dayNumber
            for (sourceIndex, source) in scenario.intake.sources.enumerated() {
                let (tonnes, upstreamLost) = yearlyGold(of: source, yearIndex: yearIndex, listingYearIndex: listing)
                let goldKg = tonnes * 1000
                let goldPerLot = source.lotGrossMassKg * source.assay.gold
                guard goldKg > 0, goldPerLot > 0 else { continue }
                let fullLots: Int
                do {
                    fullLots = try Int(checked: goldKg / goldPerLot, rounding: .down,
                                       path: "intake.sources[\(sourceIndex)].lotGrossMassKg", what: "the number of lots in \(year)")
                } catch { throw ScenarioError(error) }
                let remainder = goldKg - Double(fullLots) * goldPerLot
                let count = fullLots + (remainder > goldKg * 1e-12 ? 1 : 0)
                let days = CivilDate(year: year + 1, month: 1, day: 1).dayNumber - yearStart
                let placement = ArrivalPlacement(profile: source.monthlyProfile, year: year)
                lots.reserveCapacity(lots.count + count)
                for k in 0..<count {
                    let gross = k < fullLots ? source.lotGrossMassKg : remainder / source.assay.gold
                    let dayOffset = min(days - 1, placement.dayOffset(forCumulativeShare: (Double(k) + 0.5) / Double(count)))
                    lots.append(IntakeLot(
                        id: "\(source.id)-\(year)-\(k + 1)", source: source.id, kind: source.kind,
                        arrivalDay: yearStart + dayOffset, dueDay: nil, grossMassKg: gross, assay: source.assay,
                        upstreamGoldLostKg: upstreamLost * 1000 * (gross * source.assay.gold) / goldKg))
                }
            }
        }
        for lot in scenario.intake.lots {
            guard let arrival = CivilDate(parsing: lot.arrival) else { continue }
            lots.append(IntakeLot(
                id: lot.id, source: lot.source, kind: lot.kind, arrivalDay: arrival.dayNumber,
                dueDay: lot.due.flatMap(CivilDate.init(parsing:))?.dayNumber, grossMassKg: lot.grossMassKg,
                assay: lot.assay, upstreamGoldLostKg: 0))
        }
        lots.sort { $0.arrivalDay != $1.arrivalDay ? $0.arrivalDay < $1.arrivalDay : $0.id < $1.id }
        return lots
    }
}

/// Maps a cumulative share of a year's deliveries to a day of that year, following the
/// monthly profile (even within each month).
struct ArrivalPlacement {
    private var cumulative: [Double] // cumulative share at the end of each month
    private var monthStarts: [Int]   // day offset of each month's first day
    private var monthDays: [Int]

    init(profile: [Double]?, year: Int) {
        let weights = (profile?.count == 12 && (profile?.reduce(0, +) ?? 0) > 0)
            ? profile!
            : (1...12).map { Double(CivilDate.daysIn(month: $0, year: year)) }
        let total = weights.reduce(0, +)
        var running = 0.0
        cumulative = weights.map { running += $0 / total; return running }
        monthDays = (1...12).map { CivilDate.daysIn(month: $0, year: year) }
        var start = 0
        monthStarts = monthDays.map { let s = start; start += $0; return s }
    }

    func dayOffset(forCumulativeShare share: Double) -> Int {
        var previous = 0.0
        for month in 0..<12 {
            let end = cumulative[month]
            if share <= end || month == 11 {
                let width = end - previous
                let within = width > 0 ? (share - previous) / width : 0
                return monthStarts[month] + Int(clamping: within * Double(monthDays[month]), to: 0...(monthDays[month] - 1))
            }
            previous = end
        }
        return 364
    }
}
