/// Computes what a refinery can take in and refine, where it chokes, and where the metal goes.
///
/// **Capacity.** A stage's units run batches of at most `batchMaxKg` every `cycleHours` during
/// their available hours (`calendar hours × availability`). Pooled stages fill batches
/// completely; per-lot stages (receiving, sampling melts) need ⌈lot mass / batchMaxKg⌉
/// batches per lot, so many small artisanal lots load them far more than their mass suggests.
/// A stage's utilization is the batches the year's intake needs over the batches it can run;
/// the bottleneck is the stage with the smallest capacity ÷ load, and that ratio times the
/// intake is the largest sustainable intake at that year's mix.
///
/// **Flow.** Lots are served first come, first served at the bottleneck's rate (the
/// sustainable intake spread over the calendar year): a lot starts when it arrives or when the
/// plant has worked off the lots before it, takes its gold ÷ rate, and its metal is refined a
/// route's turnaround later. Above capacity the start slips and a backlog grows; the model
/// never refines gold it cannot.
///
/// **Metal.** Each lot's metal is split over routes by the route shares; ``RouteYield`` says
/// where each element ends. Year by year, for gold and silver: opening + intake = refined +
/// lost + in process + backlog (+ silver left in gold bars), closing to rounding.
///
/// **Inventory.** The average gold inside the plant follows Little's law (flow through each
/// stage × the time material spends there: cycle time stretched over the working calendar,
/// plus waiting days); the turnaround of a route is the sum of its stages' residence times.
/// Queueing delays below saturation are not modelled.
public struct ThroughputModel: Sendable {
    /// The scenario the model evaluates.
    public let scenario: Scenario

    /// Prepares the model for `scenario` (a validated one); ``evaluate()`` does the work.
    public init(scenario: Scenario) { self.scenario = scenario }

    /// Unit counts by stage id in force in `year`, with the expansion's name and nameplate.
    public func configuration(in year: Int) -> (units: [String: Int], phase: String, nameplateTonnes: Double) {
        var units = Dictionary(uniqueKeysWithValues: scenario.plant.stages.map { ($0.id, $0.units) })
        var phase = "initial"
        var nameplate = scenario.plant.nameplateTonnesPerYear
        for expansion in scenario.plant.expansions where expansion.year <= year {
            for (id, count) in expansion.units { units[id] = count }
            phase = expansion.name
            nameplate = expansion.nameplateTonnesPerYear
        }
        return (units, phase, nameplate)
    }

    /// Calendar days a batch spends at a stage: its cycle stretched over the stage's working
    /// calendar, plus waiting days.
    public func residenceDays(of stage: Stage) -> Double {
        let calendar = stage.calendar ?? scenario.plant.calendar
        let workingHoursPerCalendarDay = calendar.hoursPerYear * stage.availability / 365
        return stage.cycleHours / workingHoursPerCalendarDay + stage.waitDays
    }

    /// Throws ``ScenarioError/invalid(_:)`` when the scenario's numbers are out of proportion
    /// (too many lots, a lot that would start millions of years from now): validated scenarios
    /// are bounded so this does not happen, but nothing traps when it does.
    public func evaluate() throws(ScenarioError) -> ThroughputReport {
        do {
            return try ThroughputComputation(scenario: scenario, model: self).run()
        } catch let error as ScenarioError {
            throw error
        } catch let error as ConversionError {
            throw ScenarioError(error)
        } catch {
            throw .invalid([ScenarioProblem(path: "", value: nil, message: "could not be evaluated: \(error)")])
        }
    }
}

/// The working state of one evaluation.
private struct ThroughputComputation {
    let scenario: Scenario
    let model: ThroughputModel
    let plant: Plant
    let stageIndex: [String: Int]
    let routes: [Route]
    let yields: [RouteYield]
    let routeStageIndices: [[Int]]
    let byproductIndex: Int?
    let turnaround: [Double]
    let years: [Int]
    let yearStarts: [Int] // day numbers of Jan 1 of each year, plus the end of the horizon

    init(scenario: Scenario, model: ThroughputModel) {
        self.scenario = scenario
        self.model = model
        plant = scenario.plant
        stageIndex = Dictionary(uniqueKeysWithValues: plant.stages.enumerated().map { ($1.id, $0) })
        routes = plant.routes
        yields = routes.map { RouteYield(route: $0, plant: scenario.plant) }
        let index = stageIndex
        routeStageIndices = routes.map { $0.stages.compactMap { index[$0] } }
        byproductIndex = plant.byproductStage.flatMap { index[$0] }
        turnaround = routeStageIndices.map { stages in stages.reduce(0) { $0 + model.residenceDays(of: scenario.plant.stages[$1]) } }
        years = scenario.horizon.calendarYears
        yearStarts = (years + [years.last! + 1]).map { CivilDate(year: $0, month: 1, day: 1).dayNumber }
    }

    func yearIndex(ofDay day: Double) -> Int {
        var index = 0
        while index + 1 < yearStarts.count - 1 && Double(yearStarts[index + 1]) <= day { index += 1 }
        return index
    }

    /// A lot's metal on one route.
    struct Part {
        var lot: Int
        var route: Int
        var masses: ElementMasses
    }

    /// The path of the stage that limits year `y` (where a lot's late start comes from).
    func limitingPath(_ bottleneck: String?) -> String {
        bottleneck.flatMap { stageIndex[$0] }.map { "plant.stages[\($0)].cycleHours" } ?? "plant.stages"
    }

    func run() throws -> ThroughputReport {
        let lots = try LotGenerator.lots(for: scenario)
        let stageCount = plant.stages.count
        let yearCount = years.count

        // 1. Parts, and each year's load on each stage.
        var parts: [Part] = []
        parts.reserveCapacity(lots.count * 2)
        var loadGross = [[Double]](repeating: [Double](repeating: 0, count: stageCount), count: yearCount)
        var loadBatches = loadGross
        var lotYear = [Int](repeating: 0, count: lots.count)
        var perLotGross = [Double](repeating: 0, count: stageCount)
        for (lotNumber, lot) in lots.enumerated() {
            let y = max(0, min(yearCount - 1, yearIndex(ofDay: Double(lot.arrivalDay))))
            lotYear[lotNumber] = y
            let masses = lot.masses
            for s in 0..<stageCount { perLotGross[s] = 0 }
            for (r, route) in routes.enumerated() {
                let share = route.shares[lot.kind]
                guard share > 0 else { continue }
                let partMasses = share * masses
                parts.append(Part(lot: lotNumber, route: r, masses: partMasses))
                for (position, s) in routeStageIndices[r].enumerated() {
                    perLotGross[s] += (partMasses * yields[r].enteringStage[position]).gross
                }
                if let b = byproductIndex { perLotGross[b] += (partMasses * yields[r].byproduct).gross }
            }
            for s in 0..<stageCount where perLotGross[s] > 0 {
                let stage = plant.stages[s]
                loadGross[y][s] += perLotGross[s]
                loadBatches[y][s] += stage.batching == .perLot
                    ? (perLotGross[s] / stage.batchMaxKg).rounded(.up)
                    : perLotGross[s] / stage.batchMaxKg
            }
        }

        // 2. Capacity, utilization and the bottleneck, year by year.
        var intakeGold = [Double](repeating: 0, count: yearCount)
        for (lotNumber, lot) in lots.enumerated() { intakeGold[lotYear[lotNumber]] += lot.grossMassKg * lot.assay.gold }
        var stageRows: [[StageThroughput]] = []
        var bottlenecks: [String?] = []
        var sustainable: [Double?] = []
        for y in 0..<yearCount {
            let units = model.configuration(in: years[y]).units
            var rows: [StageThroughput] = []
            var tightest: (ratio: Double, id: String)?
            for (s, stage) in plant.stages.enumerated() {
                let calendar = stage.calendar ?? plant.calendar
                let hours = calendar.hoursPerYear * stage.availability
                let count = units[stage.id] ?? stage.units
                let batches = Double(count) * hours / stage.cycleHours
                let load = loadBatches[y][s]
                let ratio = load > 0 ? batches / load : nil
                if let ratio, tightest == nil || ratio < tightest!.ratio { tightest = (ratio, stage.id) }
                rows.append(StageThroughput(
                    id: stage.id, units: count, availableHoursPerUnit: hours, capacityBatches: batches,
                    capacityGrossKg: batches * stage.batchMaxKg, loadBatches: load, loadGrossKg: loadGross[y][s],
                    utilization: batches > 0 ? load / batches : .infinity,
                    capacityGoldTonnes: ratio.map { $0 * intakeGold[y] / 1000 }))
            }
            stageRows.append(rows)
            bottlenecks.append(tightest?.id)
            sustainable.append(tightest.map { $0.ratio * intakeGold[y] / 1000 })
        }

        // 3. First come, first served at the bottleneck's rate (kg of gold per calendar day).
        var rate = [Double](repeating: 0, count: yearCount)
        var lastRate = Double.infinity
        for y in 0..<yearCount {
            let days = Double(yearStarts[y + 1] - yearStarts[y])
            if let tonnes = sustainable[y], tonnes > 0 { lastRate = tonnes * 1000 / days }
            rate[y] = lastRate
        }
        var starts = [Double](repeating: 0, count: lots.count)
        var serviceEnds = [Double](repeating: 0, count: lots.count)
        var plantFree = -Double.infinity
        for (lotNumber, lot) in lots.enumerated() {
            let start = max(Double(lot.arrivalDay), plantFree)
            let y = max(0, min(yearCount - 1, yearIndex(ofDay: start)))
            let service = rate[y].isFinite && rate[y] > 0 ? lot.masses.gold / rate[y] : 0
            starts[lotNumber] = start
            serviceEnds[lotNumber] = start + service
            plantFree = start + service
        }

        // 4. Metal accounting: each part's metal is refined or lost in the year it finishes,
        //    in process or in backlog at every year end before.
        var gold = [MetalBalance](repeating: MetalBalance(opening: 0, intake: 0, refined: 0, inOtherProduct: 0, lost: 0, closingInProcess: 0, closingBacklog: 0, imbalance: 0), count: yearCount)
        var silver = gold
        var productKg = [[Double]](repeating: [Double](repeating: 0, count: routes.count), count: yearCount)
        var outcomes: [LotOutcome] = []
        outcomes.reserveCapacity(lots.count)
        for (lotNumber, lot) in lots.enumerated() {
            let startDay = try Int(checked: starts[lotNumber], rounding: .down, path: limitingPath(bottlenecks[lotYear[lotNumber]]),
                                   what: "the start day of lot \(lot.id)")
            outcomes.append(LotOutcome(
                id: lot.id, source: lot.source, kind: lot.kind, arrival: CivilDate(dayNumber: lot.arrivalDay).description,
                start: CivilDate(dayNumber: startDay).description, finish: nil,
                goldKg: lot.masses.gold, refinedGoldKg: 0, lostGoldKg: 0, heldGoldKg: 0, silverKg: lot.masses.silver,
                refinedSilverKg: 0, silverInGoldProductKg: 0, lostSilverKg: 0, heldSilverKg: 0, late: false))
        }
        var latestFinish = [Double](repeating: -.infinity, count: lots.count)
        let horizonEnd = Double(yearStarts[yearCount])
        for part in parts {
            let arrivalYear = lotYear[part.lot]
            let start = starts[part.lot]
            // Refined when the lot's service at the bottleneck ends plus its route's turnaround.
            let finish = serviceEnds[part.lot] + turnaround[part.route]
            let yieldShares = yields[part.route]
            let goldRefined = part.masses.gold * yieldShares.goldRefined
            let goldLost = part.masses.gold - goldRefined
            let silverRefined = part.masses.silver * yieldShares.byproductRecovered.silver
            let silverInGold = part.masses.silver * yieldShares.product.silver
            let silverLost = part.masses.silver - silverRefined - silverInGold
            gold[arrivalYear].intake += part.masses.gold
            silver[arrivalYear].intake += part.masses.silver
            // Year ends this part lives through, from its arrival year on.
            for y in arrivalYear..<yearCount {
                let yearEnd = Double(yearStarts[y + 1])
                if finish < yearEnd {
                    gold[y].refined += goldRefined
                    gold[y].lost += goldLost
                    silver[y].refined += silverRefined
                    silver[y].inOtherProduct += silverInGold
                    silver[y].lost += silverLost
                    productKg[y][part.route] += goldRefined
                    break
                }
                if start < yearEnd {
                    gold[y].closingInProcess += part.masses.gold
                    silver[y].closingInProcess += part.masses.silver
                } else {
                    gold[y].closingBacklog += part.masses.gold
                    silver[y].closingBacklog += part.masses.silver
                }
            }
            if finish < horizonEnd {
                outcomes[part.lot].refinedGoldKg += goldRefined
                outcomes[part.lot].lostGoldKg += goldLost
                outcomes[part.lot].refinedSilverKg += silverRefined
                outcomes[part.lot].silverInGoldProductKg += silverInGold
                outcomes[part.lot].lostSilverKg += silverLost
            } else {
                outcomes[part.lot].heldGoldKg += part.masses.gold
                outcomes[part.lot].heldSilverKg += part.masses.silver
            }
            latestFinish[part.lot] = max(latestFinish[part.lot], finish)
        }
        for (lotNumber, lot) in lots.enumerated() where latestFinish[lotNumber] > -.infinity {
            if latestFinish[lotNumber] < horizonEnd {
                let finishDay = try Int(checked: latestFinish[lotNumber], rounding: .down, path: limitingPath(bottlenecks[lotYear[lotNumber]]),
                                        what: "the finish day of lot \(lot.id)")
                outcomes[lotNumber].finish = CivilDate(dayNumber: finishDay).description
            }
            if let due = lot.dueDay { outcomes[lotNumber].late = latestFinish[lotNumber] > Double(due + 1) }
        }
        for y in 0..<yearCount {
            if y > 0 {
                gold[y].opening = gold[y - 1].closingInProcess + gold[y - 1].closingBacklog
                silver[y].opening = silver[y - 1].closingInProcess + silver[y - 1].closingBacklog
            }
            gold[y].imbalance = Self.imbalance(gold[y])
            silver[y].imbalance = Self.imbalance(silver[y])
        }

        // 5. Yearly rows.
        var summaries = [IntakeSummary](repeating: IntakeSummary(lots: 0, grossKg: 0, goldKg: 0, silverKg: 0, goldKgBySource: [:], goldKgByKind: [:], upstreamGoldLostKg: 0), count: yearCount)
        var routeGold = [[Double]](repeating: [Double](repeating: 0, count: routes.count), count: yearCount)
        for (lotNumber, lot) in lots.enumerated() {
            let y = lotYear[lotNumber]
            let masses = lot.masses
            summaries[y].lots += 1
            summaries[y].grossKg += lot.grossMassKg
            summaries[y].goldKg += masses.gold
            summaries[y].silverKg += masses.silver
            summaries[y].goldKgBySource[lot.source ?? "", default: 0] += masses.gold
            summaries[y].goldKgByKind[lot.kind.rawValue, default: 0] += masses.gold
            summaries[y].grossKgByKind[lot.kind.rawValue, default: 0] += lot.grossMassKg
            summaries[y].upstreamGoldLostKg += lot.upstreamGoldLostKg
            for (r, route) in routes.enumerated() { routeGold[y][r] += route.shares[lot.kind] * masses.gold }
        }
        var rows: [YearThroughput] = []
        var findings: [String] = []
        for y in 0..<yearCount {
            let configuration = model.configuration(in: years[y])
            let summary = summaries[y]
            let products = routes.enumerated().map { r, route in
                ProductOutput(route: route.id, product: route.product.name, fineGoldKg: productKg[y][r],
                              bars: route.product.barGrossKg.map { productKg[y][r] / ($0 * route.product.fineness) })
            }
            // Little's law: gold flowing through each stage per day × days spent there.
            let processedShare = min(1, (sustainable[y] ?? 0) * 1000 / max(summary.goldKg, 1e-300))
            var inProcess = 0.0
            for r in routes.indices {
                let perDay = routeGold[y][r] * processedShare / Double(yearStarts[y + 1] - yearStarts[y])
                for (position, s) in routeStageIndices[r].enumerated() {
                    inProcess += perDay * yields[r].enteringStage[position].gold * model.residenceDays(of: plant.stages[s])
                }
            }
            let locked = plant.stages.reduce(0.0) { $0 + $1.fixedGoldPerUnitKg * Double(configuration.units[$1.id] ?? $1.units) }
            rows.append(YearThroughput(
                year: years[y], nameplateTonnes: configuration.nameplateTonnes, phase: configuration.phase, intake: summary,
                stages: stageRows[y], bottleneck: bottlenecks[y], sustainableIntakeTonnes: sustainable[y],
                gold: gold[y], silver: silver[y], products: products, averageGoldInProcessKg: inProcess,
                lockedGoldKg: locked,
                turnaroundDays: Dictionary(uniqueKeysWithValues: routes.enumerated().map { ($1.id, turnaround[$0]) })))
            if let limit = sustainable[y], summary.goldKg > limit * 1000 * (1 + 1e-9) {
                findings.append("\(years[y]): intake \(Self.tonnes(summary.goldKg)) t of gold exceeds the \(Self.tonnes(limit * 1000)) t the plant can sustain (bottleneck: \(bottlenecks[y]!)); the backlog reaches \(Self.tonnes(gold[y].closingBacklog)) t at year end")
            } else if let id = bottlenecks[y], let row = stageRows[y].first(where: { $0.id == id }), row.utilization > 0.85 {
                findings.append("\(years[y]): \(id) runs at \(JSONValue.format((row.utilization * 100).rounded()))% of its capacity")
            }
        }
        return ThroughputReport(scenario: scenario.name, years: rows, lots: outcomes, findings: findings)
    }

    static func imbalance(_ b: MetalBalance) -> Double {
        (b.opening + b.intake) - (b.refined + b.inOtherProduct + b.lost + b.closingInProcess + b.closingBacklog)
    }

    static func tonnes(_ kg: Double) -> String {
        let t = kg / 1000
        return t >= 10 ? JSONValue.format(t.rounded()) : String((t * 10).rounded() / 10)
    }
}
