import Testing
@testable import RefineryModel

/// Lots left at the end of a window get a precise reason, recomputed here from the network
/// (issue 15: "left by the schedule" without saying why), and a solve stopped by its time
/// limit says in which phase it stopped.
@Suite struct LeftOverReasonTests {
    /// The week from 2027-01-04 refines nothing: its three artisanal lots cannot fill one
    /// Miller batch between them, the two big lots arrive too late for the route's lead time,
    /// and the lots of 1–3 January are not in the window (it starts from an empty plant).
    @Test func aWeekThatRefinesNothingSaysWhy() throws {
        let request = RefineryScheduleRequest.detailed(startDate: "2027-01-04")
        let instance = try RefineryNetwork(scenario: .senouBase, request: request)
        let report = RefineryScheduler.report(instance: instance, result: try RefineryScheduler.solve(
            instance, options: RefineryScheduler.recommendedOptions(for: .detailed)))
        #expect(report.leftOver.count == report.lots.count - (report.summary?.lotsCompleted ?? 0))
        #expect(!report.leftOver.contains { $0.reason == .schedule }, "\(report.leftOver.map { "\($0.id) \($0.reason)" })")
        let network = instance.network
        for lot in report.leftOver {
            switch lot.reason {
            case .leadTime: #expect((lot.earliestCompletion ?? .max) > report.periods)
            case .lastBatchNotFilled:
                let stage = try #require(lot.stage)
                let last = try #require(lot.lastUsefulStart), available = try #require(lot.availableGoldKg)
                let least = try #require(lot.minimumBatchGoldKg)
                #expect(available < least && last >= lot.arrival && last < report.periods)
                // Independently: the gold of the lot's kind that arrives in time is less than
                // one minimum batch of the stage (no batch of it ran before its last start).
                let kindGold = report.lots.filter { $0.kind == lot.kind && $0.arrival <= last }.reduce(0) { $0 + $1.goldKg }
                #expect(available <= kindGold + 1e-9, "\(lot.id): \(available) kg available, \(kindGold) kg of \(lot.kind) arrived")
                let unit = try #require(network.units.first { $0.name == stage })
                #expect(unit.minBatch > 0 && least > 0)
            default: Issue.record("\(lot.id): \(lot.reason)")
            }
        }
        #expect(report.leftOver.contains { $0.reason == .lastBatchNotFilled && $0.stage == "miller" })
        #expect(report.notes.contains { $0.hasPrefix("the window starts from an empty plant: ") && $0.contains("in the 3 day(s) before it") })
    }

    /// A tiny time limit stops the solve, and the report says in which phase.
    @Test func aTinyTimeLimitStopsAndSaysWhere() throws {
        let scenario = try ScenarioLoader.embedded(named: "stress-300t")
        var options = RefineryScheduler.recommendedOptions(for: .campaign)
        options.timeLimit = 0.2
        let report = try RefineryScheduler.schedule(scenario, request: .campaign(year: 2031, intakeTonnesPerYear: 250), options: options)
        #expect(report.termination == .timeLimit)
        let ending = try #require(report.ending)
        let phase = try #require(ending.phase)
        switch report.status {
        case .noSolution: #expect(report.batches.isEmpty)
        case .feasible: #expect(phase == .branchAndCut || ending.startReturned, "\(phase)")
        default: Issue.record("\(report.status)")
        }
        // Ended while the start was built: either it did not finish (no schedule), or it did,
        // past the deadline, and it is the answer as it is.
        if phase == .start { #expect(report.status == .noSolution || ending.startReturned) }
    }
}
