/// Checks a decoded ``Scenario`` for every semantic problem: values out of range, references
/// to unknown ids, duplicate ids, inconsistent shares and dates. Structural problems (wrong
/// types, unknown or missing fields) are found earlier, against the JSON Schema.
public struct ScenarioValidator {
    /// At most this many problems are listed; a last one counts the rest.
    public static let maximumProblems = 200

    private var problems: [ScenarioProblem] = []
    private var omitted = 0

    /// Every problem of `scenario`, in document order (capped at ``maximumProblems``).
    public static func problems(in scenario: Scenario) -> [ScenarioProblem] {
        var validator = ScenarioValidator()
        validator.check(scenario)
        if validator.omitted > 0 {
            validator.problems.append(ScenarioProblem(path: "", value: nil, message: "\(validator.omitted) more problems not listed"))
        }
        return validator.problems
    }

    private mutating func report(_ path: String, _ value: String?, _ message: String) {
        if problems.count < Self.maximumProblems {
            problems.append(ScenarioProblem(path: path, value: value, message: message))
        } else {
            omitted += 1
        }
    }

    private static func show(_ value: Double) -> String { JSONValue.format(value) }

    // MARK: Rules

    private mutating func fraction(_ value: Double, _ path: String, openAtZero: Bool = false, openAtOne: Bool = false) {
        let aboveZero = openAtZero ? value > 0 : value >= 0
        let belowOne = openAtOne ? value < 1 : value <= 1
        if !(aboveZero && belowOne) {
            report(path, Self.show(value), "is not a fraction in \(openAtZero ? "(" : "[")0, 1\(openAtOne ? ")" : "]")")
        }
    }

    private mutating func nonNegative(_ value: Double, _ path: String, unit: String) {
        if !(value >= 0 && value.isFinite) { report(path, Self.show(value), "is not a number of \(unit) ≥ 0") }
    }

    /// `value` within `limit`, else a problem that states the interval and its reason.
    private mutating func within(_ value: Double, _ path: String, _ limit: Limit) {
        if !limit.contains(value) { report(path, Self.show(value), limit.message) }
    }

    private mutating func identifier(_ id: String, _ path: String) {
        let allowed = id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0) }
        if id.isEmpty || id.count > 64 || !allowed {
            report(path, "\"\(id)\"", "is not an id of 1 to 64 letters, digits, '-', '_' or '.'")
        }
    }

    private mutating func yearly(_ values: [Double], _ path: String, limit: Limit? = nil) {
        if values.isEmpty { report(path, "[]", "must list at least one year's value") }
        for (index, value) in values.enumerated() {
            if let limit { within(value, "\(path)[\(index)]", limit) } else { fraction(value, "\(path)[\(index)]") }
        }
    }

    private mutating func assay(_ assay: Assay, _ path: String) {
        fraction(assay.gold, "\(path).gold", openAtZero: true)
        fraction(assay.silver, "\(path).silver", openAtOne: true)
        let sum = assay.gold + assay.silver
        if sum > 1 + 1e-12 {
            report(path, "{gold \(Self.show(assay.gold)), silver \(Self.show(assay.silver))}", "has parts that sum to \(Self.show(sum)), above 1")
        }
    }

    private mutating func calendar(_ calendar: OperatingCalendar, _ path: String) {
        let days = calendar.operatingDaysPerYear
        if !(days >= 1 && days <= 366) { report("\(path).operatingDaysPerYear", Self.show(days), "is not a number of days in 1...366") }
        if !(calendar.shiftsPerDay >= 1 && calendar.shiftsPerDay <= 24) {
            report("\(path).shiftsPerDay", Self.show(calendar.shiftsPerDay), "is not a number of shifts in 1...24")
        }
        if !ScenarioLimits.hoursPerShift.contains(calendar.hoursPerShift) {
            within(calendar.hoursPerShift, "\(path).hoursPerShift", ScenarioLimits.hoursPerShift)
        } else if calendar.shiftsPerDay * calendar.hoursPerShift > 24 + 1e-9 {
            report(path, "\(Self.show(calendar.shiftsPerDay)) shifts of \(Self.show(calendar.hoursPerShift)) h",
                   "make more than 24 hours a day")
        }
    }

    private mutating func elementFractions(_ fractions: ElementFractions, _ path: String) {
        fraction(fractions.gold, "\(path).gold")
        fraction(fractions.silver, "\(path).silver")
        fraction(fractions.other, "\(path).other")
    }

    private mutating func uniqueIDs(_ ids: [String], _ path: String) {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let first = seen[id] {
                report("\(path)[\(index)].id", "\"\(id)\"", "duplicates the id of \(path)[\(first)]")
            } else {
                seen[id] = index
            }
        }
    }

    // MARK: Scenario

    private mutating func check(_ scenario: Scenario) {
        if scenario.schemaVersion != Scenario.currentSchemaVersion {
            report("schemaVersion", "\(scenario.schemaVersion)", "is not supported; this version reads schemaVersion \(Scenario.currentSchemaVersion)")
        }
        identifier(scenario.name, "name")
        let horizon = scenario.horizon
        if !(1900...2200).contains(horizon.firstYear) { report("horizon.firstYear", "\(horizon.firstYear)", "is not a year in 1900...2200") }
        if !(1...100).contains(horizon.years) { report("horizon.years", "\(horizon.years)", "is not a number of years in 1...100") }
        checkPlant(scenario.plant, horizon: horizon)
        checkIntake(scenario.intake, horizon: horizon, plant: scenario.plant, listingYearIndex: scenario.economics?.terms.yearsToAccreditation)
        for problem in EconomicsValidator.problems(in: scenario) { report(problem.path, problem.value, problem.message) }
    }

    private mutating func checkIntake(_ intake: Intake, horizon: Horizon, plant: Plant, listingYearIndex: Int?) {
        let problemsBefore = problems.count + omitted
        if intake.sources.isEmpty && intake.lots.isEmpty { report("intake", nil, "has no sources and no lots") }
        uniqueIDs(intake.sources.map(\.id), "intake.sources")
        for (index, source) in intake.sources.enumerated() {
            let path = "intake.sources[\(index)]"
            identifier(source.id, "\(path).id")
            let quantities = [source.goldTonnesPerYear != nil, source.supply != nil, source.ore != nil].filter { $0 }.count
            if quantities > 1 { report(path, nil, "gives more than one of goldTonnesPerYear, supply and ore") }
            if let tonnes = source.goldTonnesPerYear { yearly(tonnes, "\(path).goldTonnesPerYear", limit: ScenarioLimits.goldTonnesPerYear) }
            if let supply = source.supply {
                yearly(supply.availableTonnesPerYear, "\(path).supply.availableTonnesPerYear", limit: ScenarioLimits.goldTonnesPerYear)
                yearly(supply.capture, "\(path).supply.capture")
                if let after = supply.captureAfterListing { fraction(after, "\(path).supply.captureAfterListing") }
            }
            if let ore = source.ore {
                if source.kind != .ore { report("\(path).ore", nil, "is only allowed for sources of kind \"ore\" (this one is \"\(source.kind.rawValue)\")") }
                yearly(ore.oreTonnesPerYear, "\(path).ore.oreTonnesPerYear", limit: ScenarioLimits.oreTonnesPerYear)
                within(ore.gradeGramsPerTonne, "\(path).ore.gradeGramsPerTonne", ScenarioLimits.gradeGramsPerTonne)
                fraction(ore.upstreamRecovery, "\(path).ore.upstreamRecovery", openAtZero: true)
            } else if source.kind == .ore && quantities > 0 {
                report("\(path).ore", nil, "is required for a source of kind \"ore\" that delivers every year (grade and upstream recovery)")
            }
            assay(source.assay, "\(path).assay")
            within(source.lotGrossMassKg, "\(path).lotGrossMassKg", ScenarioLimits.lotGrossMassKg)
            if let profile = source.monthlyProfile {
                if profile.count != 12 { report("\(path).monthlyProfile", "an array of \(profile.count)", "must have 12 monthly weights") }
                for (month, weight) in profile.enumerated() { within(weight, "\(path).monthlyProfile[\(month)]", ScenarioLimits.monthlyWeight) }
                if profile.count == 12 && profile.allSatisfy(ScenarioLimits.monthlyWeight.contains) && profile.reduce(0, +) <= 0 {
                    report("\(path).monthlyProfile", nil, "has no positive weight")
                }
            }
        }
        let deliveringSources = intake.sources.filter { $0.goldTonnesPerYear != nil || $0.supply != nil || $0.ore != nil }
        let kinds = Set(deliveringSources.map(\.kind)).union(intake.lots.map(\.kind))
        for kind in kinds.sorted() {
            let total = plant.routes.reduce(0) { $0 + $1.shares[kind] }
            if abs(total - 1) > 1e-9 {
                report("plant.routes", nil, "shares for \"\(kind.rawValue)\" add up to \(Self.show(total)); material of that kind comes in, so they must add up to 1")
            }
        }

        // Counted only when every quantity is in range, so the count is the problem to fix.
        if problems.count + omitted == problemsBefore && (1...100).contains(horizon.years) { lotCount(intake, horizon: horizon, listingYearIndex: listingYearIndex) }

        uniqueIDs(intake.lots.map(\.id), "intake.lots")
        let sourceIDs = Set(intake.sources.map(\.id))
        let horizonStart = CivilDate(year: horizon.firstYear, month: 1, day: 1)
        let horizonEnd = CivilDate(year: horizon.firstYear + horizon.years - 1, month: 12, day: 31)
        for (index, lot) in intake.lots.enumerated() {
            let path = "intake.lots[\(index)]"
            identifier(lot.id, "\(path).id")
            if let source = lot.source, !sourceIDs.contains(source) {
                report("\(path).source", "\"\(source)\"", "is not the id of a source in intake.sources")
            }
            within(lot.grossMassKg, "\(path).grossMassKg", ScenarioLimits.lotGrossMassKg)
            assay(lot.assay, "\(path).assay")
            let arrival = CivilDate(parsing: lot.arrival)
            if arrival == nil {
                report("\(path).arrival", "\"\(lot.arrival)\"", "is not a date YYYY-MM-DD")
            } else if let arrival, arrival < horizonStart || arrival > horizonEnd {
                report("\(path).arrival", "\"\(lot.arrival)\"", "is outside the horizon \(horizonStart)...\(horizonEnd)")
            }
            if let dueText = lot.due {
                if let due = CivilDate(parsing: dueText) {
                    if let arrival, due < arrival { report("\(path).due", "\"\(dueText)\"", "is before the arrival \(lot.arrival)") }
                } else {
                    report("\(path).due", "\"\(dueText)\"", "is not a date YYYY-MM-DD")
                }
            }
        }
    }

    /// The lots the sources generate, counted before any is made: at most
    /// ``ScenarioLimits/maximumLots`` with the explicit lots (one lot is a few hundred bytes, and
    /// every stage's load is computed lot by lot).
    private mutating func lotCount(_ intake: Intake, horizon: Horizon, listingYearIndex: Int?) {
        var total = Double(intake.lots.count)
        var largest: (index: Int, count: Double)?
        for (index, source) in intake.sources.enumerated() {
            guard ScenarioLimits.lotGrossMassKg.contains(source.lotGrossMassKg), source.assay.gold > 0, source.assay.gold <= 1 else { continue }
            let count = LotGenerator.generatedLotCount(of: source, years: horizon.years, listingYearIndex: listingYearIndex)
            total += count
            if largest == nil || count > largest!.count { largest = (index, count) }
        }
        guard total > Double(ScenarioLimits.maximumLots), let largest else { return }
        let source = intake.sources[largest.index]
        report("intake.sources[\(largest.index)].lotGrossMassKg", Self.show(source.lotGrossMassKg),
               "makes \(Self.show(largest.count.rounded())) lots over the horizon (\(Self.show(total.rounded())) with every source and explicit lot); "
               + "at most \(ScenarioLimits.maximumLots) lots are modelled: use larger lots")
    }

    private mutating func checkPlant(_ plant: Plant, horizon: Horizon) {
        within(plant.nameplateTonnesPerYear, "plant.nameplateTonnesPerYear", ScenarioLimits.nameplateTonnesPerYear)
        calendar(plant.calendar, "plant.calendar")
        if plant.stages.isEmpty { report("plant.stages", "[]", "must list at least one stage") }
        uniqueIDs(plant.stages.map(\.id), "plant.stages")
        for (index, stage) in plant.stages.enumerated() {
            let path = "plant.stages[\(index)]"
            identifier(stage.id, "\(path).id")
            if stage.units < 1 || stage.units > 10_000 { report("\(path).units", "\(stage.units)", "is not a number of units in 1...10000") }
            within(stage.batchMaxKg, "\(path).batchMaxKg", ScenarioLimits.batchKg)
            nonNegative(stage.batchMinKg, "\(path).batchMinKg", unit: "kg")
            if stage.batchMinKg > stage.batchMaxKg {
                report("\(path).batchMinKg", Self.show(stage.batchMinKg), "exceeds batchMaxKg \(Self.show(stage.batchMaxKg))")
            }
            within(stage.cycleHours, "\(path).cycleHours", ScenarioLimits.cycleHours)
            within(stage.availability, "\(path).availability", ScenarioLimits.availability)
            within(stage.waitDays, "\(path).waitDays", ScenarioLimits.waitDays)
            within(stage.fixedGoldPerUnitKg, "\(path).fixedGoldPerUnitKg", ScenarioLimits.fixedGoldPerUnitKg)
            elementFractions(stage.recovery, "\(path).recovery")
            elementFractions(stage.toByproduct, "\(path).toByproduct")
            // Stages on the gold line must pass gold on: a recovery of 0 (or a full diversion
            // to the by-product) leaves nothing to refine downstream.
            if stage.id != plant.byproductStage {
                if (0...1).contains(stage.recovery.gold) { within(stage.recovery.gold, "\(path).recovery.gold", ScenarioLimits.routeGoldRecovery) }
                if (0...1).contains(stage.toByproduct.gold) { within(stage.toByproduct.gold, "\(path).toByproduct.gold", ScenarioLimits.routeGoldToByproduct) }
            }
            if let own = stage.calendar { calendar(own, "\(path).calendar") }
        }
        let stageIDs = Set(plant.stages.map(\.id))
        if let byproduct = plant.byproductStage, !stageIDs.contains(byproduct) {
            report("plant.byproductStage", "\"\(byproduct)\"", "is not the id of a stage in plant.stages")
        }
        if plant.routes.isEmpty { report("plant.routes", "[]", "must list at least one route") }
        uniqueIDs(plant.routes.map(\.id), "plant.routes")
        for (index, route) in plant.routes.enumerated() {
            let path = "plant.routes[\(index)]"
            identifier(route.id, "\(path).id")
            if route.stages.isEmpty { report("\(path).stages", "[]", "must list at least one stage") }
            var seen = Set<String>()
            for (position, id) in route.stages.enumerated() {
                if !stageIDs.contains(id) {
                    report("\(path).stages[\(position)]", "\"\(id)\"", "is not the id of a stage in plant.stages")
                } else if id == plant.byproductStage {
                    report("\(path).stages[\(position)]", "\"\(id)\"", "is the by-product stage, which treats by-products only")
                } else if !seen.insert(id).inserted {
                    report("\(path).stages[\(position)]", "\"\(id)\"", "appears twice in the route")
                }
            }
            for kind in MaterialKind.allCases {
                let share = route.shares[kind]
                fraction(share, "\(path).shares.\(kind.rawValue)")
            }
            if !(route.product.fineness > 0.5 && route.product.fineness <= 1) {
                report("\(path).product.fineness", Self.show(route.product.fineness), "is not a fineness in (0.5, 1]")
            }
            if let bar = route.product.barGrossKg { within(bar, "\(path).product.barGrossKg", ScenarioLimits.barGrossKg) }
        }
        var previousYear = Int.min
        let lastYear = horizon.firstYear + horizon.years - 1
        for (index, expansion) in plant.expansions.enumerated() {
            let path = "plant.expansions[\(index)]"
            if expansion.year <= previousYear {
                report("\(path).year", "\(expansion.year)", "is not after the previous expansion's year \(previousYear): expansions must be in year order")
            }
            if expansion.year < horizon.firstYear || expansion.year > lastYear {
                report("\(path).year", "\(expansion.year)", "is outside the horizon \(horizon.firstYear)...\(lastYear)")
            }
            previousYear = expansion.year
            within(expansion.nameplateTonnesPerYear, "\(path).nameplateTonnesPerYear", ScenarioLimits.nameplateTonnesPerYear)
            for (id, count) in expansion.units.sorted(by: { $0.key < $1.key }) {
                if !stageIDs.contains(id) { report("\(path).units.\(id)", nil, "names no stage in plant.stages") }
                if count < 1 || count > 10_000 { report("\(path).units.\(id)", "\(count)", "is not a number of units in 1...10000") }
            }
        }
    }
}
