import Testing
@testable import RefineryModel

/// A year whose intake exceeds what the plant can refine (stress-300t's 300 t/yr against a
/// Miller stage that carries about 242 t): the schedule passes the independent check, its gap
/// is honest, and the lots left for next year are listed, accounted for and explained.
@Suite struct SaturatedYearTests {
    static let request = RefineryScheduleRequest.campaign(year: 2031)

    static func stressYear() throws -> (RefineryNetwork, RefineryScheduleReport) {
        let scenario = try ScenarioLoader.embedded(named: "stress-300t")
        var options = RefineryScheduler.recommendedOptions(for: .campaign)
        options.relativeGap = 0.01
        options.timeLimit = 60 // not a timed test: the 10 s figure is in BENCHMARKS.md
        let instance = try RefineryNetwork(scenario: scenario, request: request)
        let report = RefineryScheduler.report(instance: instance, result: try RefineryScheduler.solve(instance, options: options))
        return (instance, report)
    }

    @Test func leftOverLotsAccountForTheGoldNotRefined() throws {
        let (instance, report) = try Self.stressYear()
        RefineryScheduleTests.checkInvariants(report, instance: instance, context: "stress-300t 2031")
        let balance = try #require(report.goldBalance)
        #expect(balance.receivedKg > 290_000)
        // The left-over lots are exactly the lots not completed, in arrival order.
        let notCompleted = report.lots.filter { $0.completed == nil }.map(\.id)
        #expect(report.leftOver.map(\.id) == notCompleted)
        #expect(!report.leftOver.isEmpty)
        // Their unrefined gold is the gold received and not refined (in process, in the
        // by-product stream, or lost on its way), to the stages' losses.
        let unrefined = report.leftOver.reduce(0) { $0 + $1.unrefinedGoldKg }
        let notRefined = balance.receivedKg - balance.refinedKg
        #expect(abs(unrefined - notRefined) <= 0.002 * balance.receivedKg, "unrefined \(unrefined) kg, received − refined \(notRefined) kg")
        // Left-over + refined + in process: the balance closes.
        #expect(abs(balance.refinedKg + balance.inProcessKg + balance.inByproductKg + balance.lostKg - balance.receivedKg) <= 1e-6 * balance.receivedKg)
        for lot in report.leftOver {
            #expect(lot.unrefinedGoldKg > 0 && lot.unrefinedGoldKg <= lot.goldKg + 1e-9, "\(lot.id)")
            switch lot.reason {
            case .leadTime: #expect((lot.earliestCompletion ?? .max) > report.periods, "\(lot.id)")
            case .stageCapacity, .minimumBatch: #expect(lot.stage != nil, "\(lot.id)")
            case .reachedStageTooLate: #expect(lot.stage != nil && lot.lastUsefulStart != nil, "\(lot.id)")
            case .lastBatchNotFilled:
                #expect(lot.stage != nil && (lot.availableGoldKg ?? .infinity) < (lot.minimumBatchGoldKg ?? 0), "\(lot.id)")
            case .schedule: Issue.record("\(lot.id): no saturated stage in a year 58 t over capacity")
            }
        }
        // The Miller is the stage whose capacity leaves the most gold for next year.
        let groups = report.leftOverGroups
        #expect(groups.reduce(0) { $0 + $1.lots } == report.leftOver.count)
        #expect(groups.max { $0.unrefinedGoldKg < $1.unrefinedGoldKg }?.stage == "miller")
    }

    @Test func theGapIsHonest() throws {
        let (_, report) = try Self.stressYear()
        let objective = try #require(report.objective), bound = try #require(report.bestBound), gap = try #require(report.gap)
        // Maximized: the schedule's value never exceeds the proven bound, and the gap is theirs.
        #expect(objective <= bound * (1 + 1e-9))
        #expect(abs(gap - (bound - objective) / abs(objective)) <= 1e-6)
        #expect(gap <= 0.01)
    }

    /// The rounded occupancy row: Σ ⌊oᵢ/o₀⌋·Wᵢ ≤ ⌊c/o₀⌋; nothing when it cuts nothing.
    @Test func roundedOccupancyRows() {
        var lp = LinearProgram(name: "t")
        let a = lp.addVariable("a", kind: .integer, lowerBound: 0, upperBound: 4)
        let b = lp.addVariable("b", kind: .integer, lowerBound: 0, upperBound: 4)
        var row = LinearExpression()
        row.add(0.25, a)
        row.add(0.25, b)
        let rounded = STNFormulation.roundedOccupancy(row, capacity: 2 * 0.85 * 16 / 24)
        #expect(rounded?.capacity == 4)
        #expect(rounded?.expression.terms.map(\.coefficient) == [1, 1])
        #expect(STNFormulation.roundedOccupancy(row, capacity: 1) == nil) // 1 / 0.25 = 4 exactly
        #expect(STNFormulation.roundedOccupancy(LinearExpression(terms: [.init(a, 0.25)]), capacity: 1.1) == nil)
        var mixed = LinearExpression()
        mixed.add(0.5, a)
        mixed.add(0.25, b)
        let cut = STNFormulation.roundedOccupancy(mixed, capacity: 1.1)
        #expect(cut?.capacity == 4)
        #expect(cut?.expression.terms.map(\.coefficient) == [2, 1])
    }
}
