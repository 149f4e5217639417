import Foundation
import Testing
@testable import RefineryModel

/// A detailed week planned from a plant state, and re-planned from an hour of a running
/// schedule: the independent checker passes, held units stay idle, nothing starts before the
/// state's hour, frozen batches are kept.
@Suite struct ScheduleStateTests {
    /// The library's own detailed settings (1% gap, pseudo-cost branching), as the CLI uses them.
    static let options = RefineryScheduler.recommendedOptions(for: .detailed)

    @Test func aWeekFromTheMidWeekState() throws {
        let state = try PlantStateLoader.load(contentsOf: PlantStateTests.example)
        let request = RefineryScheduleRequest.detailed(startDate: state.startDate)
        let instance = try RefineryNetwork(scenario: .senouBase, request: request, state: state)
        let report = RefineryScheduler.report(instance: instance, result: try RefineryScheduler.solve(instance, options: Self.options))
        #expect(report.status == .optimal || report.status == .feasible)
        RefineryScheduleTests.checkInvariants(report, instance: instance, context: "mid-week state")
        // Nothing starts before the state's hour.
        #expect(report.batches.allSatisfy { $0.start >= 60 })
        // The Miller is down 60–70 h, and its one unit is the furnace: no batch overlaps.
        for batch in report.batches where batch.stage == "miller" { #expect(batch.start >= 70 || batch.end <= 60, "\(batch.task) at \(batch.start)") }
        // One Wohlwill cell relined 60–84 h and one holding lot DORE-W1-12 (30 h + 48 h = 78 h): at most one more.
        for t in 60..<78 {
            let busy = report.batches.filter { $0.stage == "wohlwill" && $0.start <= t && t < $0.end }.reduce(0) { $0 + $1.count }
            #expect(busy <= 1, "t=\(t): \(busy) cells")
        }
        // The lots in process are traced: the one in the Wohlwill cell reaches a product.
        let lots = Dictionary(uniqueKeysWithValues: report.lots.map { ($0.id, $0) })
        for id in ["DORE-W2-07", "ART-W2-31", "ART-W2-32", "DORE-W1-12"] { #expect(lots[id] != nil, "\(id)") }
        #expect(lots["DORE-W1-12"]?.completed != nil)
        // DORE-W2-07 is due at 144 h: lot-tracked, its own gold rides the Miller's batches and is
        // refined by then.
        #expect(lots["DORE-W2-07"]?.onTime == true)
        #expect(report.batches.contains { $0.rides == "miller [dore]" && $0.task.hasSuffix("[lot DORE-W2-07]") })
        // Stocks and lots in process enter the gold balance.
        let stockGold = state.openingStock.reduce(0) { $0 + $1.kg }
        #expect(report.goldBalance!.receivedKg >= stockGold)
    }

    @Test func aUnitHeldIsNeverUsedAndTheCheckerSaysSo() throws {
        var network = StateTaskNetwork(states: [.init(name: "a", initialStock: 10), .init(name: "b", value: 1)],
                                       tasks: [.init(name: "t", inputs: ["a": 1], outputs: [.init(state: "b", fraction: 1, delay: 2)], duration: 2, units: ["u"])],
                                       units: [.init(name: "u", count: 1, maxBatch: 5)], horizon: 8)
        network.units[0].held = [0, 0, 1, 1, 0, 0, 0, 0]
        let result = try STNScheduler.solve(network, options: SolverOptions(timeLimit: 5))
        #expect(result.violations.isEmpty)
        for batch in result.schedule!.batches { #expect(batch.start + 2 <= 2 || batch.start >= 4, "\(batch.start)") }
        let clash = STNSchedule(batches: [.init(task: "t", unit: "u", start: 1, count: 1, amount: 5)])
        #expect(ScheduleChecker(network: network).check(clash).violations.map(\.kind).contains(.unitUnavailable))
    }

    @Test func replanningKeepsTheBatchesBeforeTheHour() throws {
        let previous = try RefineryScheduler.schedule(.senouBase, request: .detailed(days: 7, year: 2030, intakeTonnesPerYear: 200), options: Self.options)
        #expect(previous.violations.isEmpty)
        let hold = PlantState.UnitHold(stage: "miller", from: 60, until: 90, reason: .breakdown)
        let instance = try RefineryScheduler.replanNetwork(.senouBase, previous: previous, fromHour: 60, holds: [hold])
        let result = try RefineryScheduler.solve(instance, options: Self.options, start: RefineryScheduler.startSchedule(previous))
        let report = RefineryScheduler.report(instance: instance, result: result)
        RefineryScheduleTests.checkInvariants(report, instance: instance, context: "replan")
        struct Line: Hashable { var task: String; var start: Int; var count: Int }
        let kept = Set(previous.batches.filter { $0.start < 60 }.map { Line(task: $0.task, start: $0.start, count: $0.count) })
        #expect(!kept.isEmpty)
        #expect(Set(report.batches.filter { $0.start < 60 }.map { Line(task: $0.task, start: $0.start, count: $0.count) }) == kept)
        // One Miller furnace is down 60–90 h: the others only.
        let millers = try #require(instance.network.units.first { $0.name == "miller" }).count
        for t in 60..<90 {
            let busy = report.batches.filter { $0.stage == "miller" && $0.start <= t && t < $0.end }.reduce(0) { $0 + $1.count }
            #expect(busy <= millers - 1, "t=\(t): \(busy) of \(millers) furnaces")
        }
        // The checker refuses a schedule that moves a frozen batch.
        var moved = RefineryScheduler.startSchedule(report)
        let first = try #require(moved.batches.firstIndex { $0.start < 60 })
        moved.batches[first].start += 1
        #expect(ScheduleChecker(network: instance.network).check(moved).violations.map(\.kind).contains(.frozenBatch))
    }

    /// A 5 kg artisanal lot due within the week, its assay ending at hour 10: far below the
    /// Miller's 100 kg smallest charge, its own gold rides a batch of the pool's (150 kg of
    /// assayed artisanal gold in stock) and is out by its date.
    static func smallLot(due: Double) -> PlantState {
        PlantState(startDate: "2030-01-07", hour: 10, openingStock: [.init(state: "assayed artisanal (kg gold)", kg: 150)],
                   lotsInProcess: [.init(id: "ART-5KG", kind: .artisanal, stage: "melt-sample", grossKg: 5, goldKg: 4.6,
                                         silverKg: 0.2, startedAtHour: -40, dueHour: due)])
    }

    @Test func aSmallLotsOwnGoldRidesAPooledBatchAndIsOnTime() throws {
        let state = Self.smallLot(due: 150)
        let instance = try RefineryNetwork(scenario: .senouBase, request: .detailed(startDate: state.startDate), state: state)
        #expect(instance.network.milestones.contains { $0.label == "ART-5KG" && $0.states.allSatisfy { $0.contains("[lot ART-5KG]") } })
        let report = RefineryScheduler.report(instance: instance, result: try RefineryScheduler.solve(instance, options: Self.options))
        RefineryScheduleTests.checkInvariants(report, instance: instance, context: "small lot")
        let lot = try #require(report.lots.first { $0.id == "ART-5KG" })
        #expect(lot.onTime == true, "\(lot)")
        let rider = try #require(report.batches.first { $0.task == "miller [artisanal] [lot ART-5KG]" })
        #expect(rider.rides == "miller [artisanal]")
        // It shares the host's charge: together within the Miller's 100–250 kg gross.
        let host = try #require(report.batches.first { $0.task == "miller [artisanal]" && $0.start == rider.start })
        let gross = try #require(instance.network.tasks.first { $0.name == host.task }).sizeFactor * (host.amount + rider.amount)
        #expect(gross >= 100 * Double(host.count) - 1e-6 && gross <= 250 * Double(host.count) + 1e-6)
    }

    @Test func aLotsOwnDueDateThatCannotBeMetIsExplainedByItsId() throws {
        let state = Self.smallLot(due: 12) // the Miller alone takes 6 h
        let report = try RefineryScheduler.schedule(.senouBase, request: .detailed(startDate: state.startDate), state: state,
                                                    options: SolverOptions(timeLimit: 10, relativeGap: 0.01))
        #expect(report.status == .infeasible)
        #expect(report.explanation?.misses.map(\.label) == ["ART-5KG"])
    }
}

extension ScheduleStateTests {
    @Test func aRiderNeedsAHostWithItsUnitsAndDuration() {
        let network = StateTaskNetwork(states: [.init(name: "a", initialStock: 10), .init(name: "b")],
                                       tasks: [.init(name: "t", inputs: ["a": 1], outputs: [.init(state: "b", fraction: 1, delay: 2)], duration: 2, units: ["u"]),
                                               .init(name: "r", inputs: ["a": 1], outputs: [.init(state: "b", fraction: 1, delay: 1)], duration: 1, units: ["u"], host: "t"),
                                               .init(name: "s", inputs: ["a": 1], outputs: [], duration: 2, units: ["u"], host: "nothing")],
                                       units: [.init(name: "u", maxBatch: 5)], horizon: 8)
        let paths = network.problems().map(\.path)
        #expect(paths.contains("tasks[1].host"))
        #expect(paths.contains("tasks[2].host"))
    }
}
