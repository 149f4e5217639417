@testable import RefineryModel

/// Seeded random scenarios for property tests: random sources, assays, stages, recoveries,
/// routes and lots, sometimes far above capacity.
enum RandomScenarios {
    static func make(seed: UInt64) -> Scenario {
        var random = SplitMix64(seed: seed)
        func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
        func fractions() -> ElementFractions {
            ElementFractions(gold: uniform(0.99...1), silver: uniform(0.9...1), other: uniform(0...1))
        }
        let stageCount = Int.random(in: 2...6, using: &random)
        var stages: [Stage] = (0..<stageCount).map { i in
            let maximum = uniform(5...500)
            return Stage(
                id: "s\(i)", name: "stage \(i)", kind: .other, units: Int.random(in: 1...4, using: &random),
                batchMinKg: 0, batchMaxKg: maximum, cycleHours: uniform(0.2...48), availability: uniform(0.5...1),
                batching: Bool.random(using: &random) ? .pooled : .perLot, waitDays: uniform(0...3),
                fixedGoldPerUnitKg: uniform(0...5), recovery: fractions(),
                toByproduct: ElementFractions(gold: uniform(0...0.01), silver: uniform(0...1), other: uniform(0...1)),
                calendar: Bool.random(using: &random) ? OperatingCalendar(operatingDaysPerYear: 365, shiftsPerDay: 1, hoursPerShift: 24) : nil)
        }
        let withByproduct = Bool.random(using: &random)
        if withByproduct {
            stages.append(Stage(id: "bp", name: "by-products", kind: .silverRecovery, units: 1, batchMinKg: 0, batchMaxKg: 100,
                                cycleHours: 4, availability: 0.9, recovery: fractions()))
        }
        let mainStages = stages.prefix(stageCount).map(\.id)
        let routeCount = Int.random(in: 1...3, using: &random)
        var routes: [Route] = []
        var remaining = (dore: 1.0, artisanal: 1.0, ore: 1.0)
        for r in 0..<routeCount {
            let last = r == routeCount - 1
            let picked = mainStages.filter { _ in Bool.random(using: &random) }
            let share = (dore: last ? remaining.dore : remaining.dore * uniform(0...1),
                         artisanal: last ? remaining.artisanal : remaining.artisanal * uniform(0...1),
                         ore: last ? remaining.ore : remaining.ore * uniform(0...1))
            remaining = (remaining.dore - share.dore, remaining.artisanal - share.artisanal, remaining.ore - share.ore)
            routes.append(Route(id: "r\(r)", name: "route \(r)", stages: picked.isEmpty ? [mainStages[0]] : picked,
                                shares: KindShares(dore: share.dore, artisanal: share.artisanal, ore: share.ore),
                                product: Product(name: "p\(r)", fineness: 0.995, barGrossKg: Bool.random(using: &random) ? 12.5 : nil)))
        }
        let years = Int.random(in: 1...5, using: &random)
        var sources: [IntakeSource] = []
        for i in 0..<Int.random(in: 1...3, using: &random) {
            let kind = MaterialKind.allCases.randomElement(using: &random)!
            let gold = uniform(0.6...0.98)
            let assay = Assay(gold: gold, silver: uniform(0...(1 - gold)))
            let tonnes = (0..<Int.random(in: 1...years, using: &random)).map { _ in uniform(0...40) }
            sources.append(IntakeSource(
                id: "src\(i)", name: "source \(i)", kind: kind,
                goldTonnesPerYear: kind == .ore ? nil : tonnes,
                ore: kind == .ore ? OreFeed(oreTonnesPerYear: tonnes.map { $0 * 10_000 }, gradeGramsPerTonne: 100, upstreamRecovery: uniform(0.5...1)) : nil,
                assay: assay, lotGrossMassKg: uniform(1...400),
                monthlyProfile: Bool.random(using: &random) ? (0..<12).map { _ in uniform(0...1) } : nil))
        }
        let lots = (0..<Int.random(in: 0...30, using: &random)).map { i in
            let gold = uniform(0.5...0.99)
            return Lot(id: "lot\(i)", source: sources.randomElement(using: &random)!.id,
                       kind: MaterialKind.allCases.randomElement(using: &random)!,
                       arrival: CivilDate(dayNumber: CivilDate(year: 2030, month: 1, day: 1).dayNumber + Int.random(in: 0..<(365 * years), using: &random)).description,
                       grossMassKg: uniform(0.1...800), assay: Assay(gold: gold, silver: uniform(0...(1 - gold))))
        }
        let plant = Plant(nameplateTonnesPerYear: 100,
                          calendar: OperatingCalendar(operatingDaysPerYear: uniform(200...350), shiftsPerDay: Double(Int.random(in: 1...3, using: &random)), hoursPerShift: 8),
                          stages: stages, routes: routes, byproductStage: withByproduct ? "bp" : nil)
        return Scenario(name: "random-\(seed)", horizon: Horizon(firstYear: 2030, years: years),
                        intake: Intake(sources: sources, lots: lots), plant: plant)
    }
}
