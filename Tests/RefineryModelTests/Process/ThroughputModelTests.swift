import Testing
@testable import RefineryModel

@Suite struct ThroughputModelTests {
    /// A plant with one pooled stage and one per-lot stage, whose capacities are easy to work
    /// out by hand.
    static func tinyScenario(goldTonnes: Double, lotGrossKg: Double = 100) -> Scenario {
        let calendar = OperatingCalendar(operatingDaysPerYear: 250, shiftsPerDay: 2, hoursPerShift: 8) // 4,000 h
        let stages = [
            Stage(id: "sample", name: "sample", kind: .melting, units: 2, batchMinKg: 0, batchMaxKg: 50, cycleHours: 2,
                  availability: 0.9, batching: .perLot, recovery: .all),
            Stage(id: "refine", name: "refine", kind: .miller, units: 1, batchMinKg: 0, batchMaxKg: 20, cycleHours: 4,
                  availability: 0.8, recovery: ElementFractions(gold: 0.999, silver: 0.9, other: 0.5),
                  toByproduct: ElementFractions(gold: 0, silver: 0.5, other: 1)),
        ]
        let route = Route(id: "main", name: "main", stages: ["sample", "refine"], shares: KindShares(dore: 1),
                          product: Product(name: "bar", fineness: 0.995, barGrossKg: 12.5))
        let source = IntakeSource(id: "mine", name: "mine", kind: .dore, goldTonnesPerYear: [goldTonnes],
                                  assay: Assay(gold: 0.8, silver: 0.1), lotGrossMassKg: lotGrossKg)
        return Scenario(name: "tiny", horizon: Horizon(firstYear: 2030, years: 3), intake: Intake(sources: [source]),
                        plant: Plant(nameplateTonnesPerYear: 10, calendar: calendar, stages: stages, routes: [route]))
    }

    @Test func capacityMatchesAHandComputation() throws {
        // 10 t of gold at 80% in 100 kg lots: 12,500 kg gross, 125 lots.
        let report = try ThroughputModel(scenario: Self.tinyScenario(goldTonnes: 10)).evaluate()
        let year = report.years[0]
        #expect(year.intake.lots == 125)
        let sample = try #require(year.stages.first { $0.id == "sample" })
        let refine = try #require(year.stages.first { $0.id == "refine" })
        // sample: 2 units × 4,000 h × 0.9 / 2 h = 3,600 batches; each 100 kg lot needs ⌈100/50⌉ = 2.
        #expect(approximately(sample.capacityBatches, 3600))
        #expect(approximately(sample.loadBatches, 250))
        // refine: 1 × 4,000 × 0.8 / 4 = 800 batches of 20 kg = 16,000 kg. What reaches it:
        // 12,500 kg gross (the sampling stage loses nothing) → 625 batch-equivalents.
        #expect(approximately(refine.capacityGrossKg, 16_000))
        #expect(approximately(refine.loadGrossKg, 12_500))
        #expect(approximately(refine.utilization, 625.0 / 800))
        // The bottleneck is the smaller capacity ÷ load: refine 800/625 = 1.28 < sample 3600/250 = 14.4.
        #expect(year.bottleneck == "refine")
        #expect(approximately(year.sustainableIntakeTonnes!, 10 * 1.28))
    }

    @Test func perLotStagesAreLoadedByLotCountNotMass() throws {
        // The same gold in 1 kg lots instead of 100 kg lots: 100 times the lots, each a whole batch.
        let coarse = try ThroughputModel(scenario: Self.tinyScenario(goldTonnes: 1, lotGrossKg: 100)).evaluate().years[0]
        let fine = try ThroughputModel(scenario: Self.tinyScenario(goldTonnes: 1, lotGrossKg: 1)).evaluate().years[0]
        let coarseSample = coarse.stages[0], fineSample = fine.stages[0]
        // 1,250 kg gross: twelve 100 kg lots of 2 batches each, and one 50 kg lot of 1 batch.
        #expect(approximately(coarseSample.loadBatches, 25))
        #expect(approximately(fineSample.loadBatches, 1250))
        #expect(approximately(coarse.stages[1].loadBatches, fine.stages[1].loadBatches)) // pooled: same mass, same load
    }

    @Test func routeYieldAccountsForEveryElement() {
        for seed in UInt64(1)...40 {
            let scenario = RandomScenarios.make(seed: seed)
            for route in scenario.plant.routes {
                let y = RouteYield(route: route, plant: scenario.plant)
                #expect(approximately(y.product.gold + y.byproductRecovered.gold + y.lost.gold, 1, absolute: 1e-12))
                #expect(approximately(y.product.silver + y.byproductRecovered.silver + y.lost.silver, 1, absolute: 1e-12))
                #expect(y.lost.gold >= -1e-15 && y.goldRefined <= 1 + 1e-15)
            }
        }
    }

    /// In = refined + lost + held in process (+ backlog), per year and per lot, for gold and
    /// silver, on seeded random scenarios, closing to 1e-9 relative.
    @Test(arguments: UInt64(1)...60)
    func massBalanceClosesOnRandomScenarios(seed: UInt64) throws {
        let scenario = RandomScenarios.make(seed: seed)
        #expect(ScenarioValidator.problems(in: scenario).isEmpty, "generator made an invalid scenario")
        let report = try ThroughputModel(scenario: scenario).evaluate()
        for year in report.years {
            for balance in [year.gold, year.silver] {
                let scale = max(1, balance.opening + balance.intake)
                #expect(abs(balance.imbalance) <= 1e-9 * scale, "\(year.year): \(balance)")
                #expect(balance.refined >= 0 && balance.lost >= -1e-9 * scale && balance.closingBacklog >= 0)
            }
        }
        for (previous, next) in zip(report.years, report.years.dropFirst()) {
            #expect(next.gold.opening == previous.gold.closingInProcess + previous.gold.closingBacklog)
        }
        var lotsGold = 0.0
        for lot in report.lots {
            let accounted = lot.refinedGoldKg + lot.lostGoldKg + lot.heldGoldKg
            #expect(approximately(accounted, lot.goldKg, absolute: 1e-12, relative: 1e-9), "\(lot.id)")
            let silver = lot.refinedSilverKg + lot.silverInGoldProductKg + lot.lostSilverKg + lot.heldSilverKg
            #expect(approximately(silver, lot.silverKg, absolute: 1e-12, relative: 1e-9), "\(lot.id)")
            lotsGold += lot.goldKg
        }
        let intake = report.years.reduce(0) { $0 + $1.gold.intake }
        #expect(approximately(lotsGold, intake, absolute: 1e-9, relative: 1e-9))
    }

    @Test func aboveCapacityTheBacklogGrowsAndNothingExtraIsRefined() throws {
        // 10 t/yr needs 62.5% of the refine stage; 30 t/yr needs 187.5%.
        let report = try ThroughputModel(scenario: Self.tinyScenario(goldTonnes: 30)).evaluate()
        let sustainable = try #require(report.years[0].sustainableIntakeTonnes)
        #expect(approximately(sustainable, 12.8))
        var previousBacklog = 0.0
        for year in report.years {
            // What leaves the plant in a year is at most what the bottleneck can take (plus what
            // was already in process at the start).
            #expect((year.gold.refined + year.gold.lost) / 1000 <= sustainable * 1.001 + year.gold.opening / 1000)
            #expect(year.gold.closingBacklog > previousBacklog)
            previousBacklog = year.gold.closingBacklog
        }
        #expect(report.findings.count == 3)
        #expect(report.findings[0].hasPrefix("2030: intake 30 t of gold exceeds the 13 t the plant can sustain (bottleneck: refine)"))
    }

    @Test func belowCapacityEverythingIsRefinedWithinTheTurnaround() throws {
        let report = try ThroughputModel(scenario: Self.tinyScenario(goldTonnes: 5)).evaluate()
        for year in report.years { #expect(year.gold.closingBacklog == 0) }
        let turnaround = try #require(report.years[0].turnaroundDays["main"])
        // sample: 2 h over 4,000 × 0.9 h a year = 9.86 h a calendar day → 0.2 d; refine: 4 h over 8.77 h/d → 0.456 d.
        #expect(approximately(turnaround, 2 / (4000 * 0.9 / 365) + 4 / (4000 * 0.8 / 365)))
        // Gold refined per kg in: 0.999 (the route's only gold loss).
        let total = report.years.reduce(0) { $0 + $1.gold.refined }
        let lost = report.years.reduce(0) { $0 + $1.gold.lost }
        #expect(approximately(total / (total + lost), 0.999))
    }

    @Test func expansionsChangeUnitCountsFromTheirYear() throws {
        let scenario = Scenario.senouBase
        let model = ThroughputModel(scenario: scenario)
        #expect(model.configuration(in: 2029).units["miller"] == 1)
        #expect(model.configuration(in: 2030).units["miller"] == 2)
        #expect(model.configuration(in: 2030).nameplateTonnes == 200)
        let report = try model.evaluate()
        let millerBefore = report.years[2].stages.first { $0.id == "miller" }!.capacityGrossKg
        let millerAfter = report.years[3].stages.first { $0.id == "miller" }!.capacityGrossKg
        #expect(approximately(millerAfter, 2 * millerBefore))
    }

    @Test func oreSourcesReportUpstreamLosses() throws {
        let scenario = try ScenarioLoader.embedded(named: "regional-hub-200t")
        let report = try ThroughputModel(scenario: scenario).evaluate()
        // 100,000 t of concentrate at 100 g/t: 10 t contained, 95% recovered upstream → 0.5 t lost.
        let full = report.years[3]
        #expect(approximately(full.intake.goldKgByKind["ore"]!, 9_500, relative: 1e-9))
        #expect(approximately(full.intake.upstreamGoldLostKg, 500, relative: 1e-9))
    }

    @Test func stressAt300TonnesFindsTheBottleneck() throws {
        let report = try ThroughputModel(scenario: try ScenarioLoader.embedded(named: "stress-300t")).evaluate()
        let peak = try #require(report.years.first { $0.intake.goldKg >= 299_000 })
        #expect(peak.bottleneck == "miller")
        #expect(peak.sustainableIntakeTonnes! < 300)
        #expect(report.years.last!.gold.closingBacklog > 0)
        #expect(report.findings.contains { $0.contains("exceeds") })
    }
}
