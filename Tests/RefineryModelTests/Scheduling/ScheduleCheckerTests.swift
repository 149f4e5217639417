import Testing
@testable import RefineryModel

/// The checker must catch every kind of broken schedule, or "the checker found nothing"
/// would prove nothing.
@Suite struct ScheduleCheckerTests {
    /// Raw → (cook, 2 periods, one oven of 10–50 kg) → done (capacity 60); 100 kg arrive at 0.
    static let network = StateTaskNetwork(
        states: [.init(name: "raw"), .init(name: "done", capacity: 60, value: 1)],
        tasks: [.init(name: "cook", inputs: ["raw": 1], outputs: [.init(state: "done", fraction: 1, delay: 2)], duration: 2, units: ["oven"])],
        units: [.init(name: "oven", count: 1, minBatch: 10, maxBatch: 50, availability: [1, 1, 1, 1, 0, 1])],
        horizon: 6, receipts: [.init(state: "raw", time: 0, amount: 100, label: "lot A")],
        milestones: [.init(states: ["done"], time: 4, amount: 40, label: "lot A")])

    func kinds(_ batches: [STNSchedule.Batch], relaxed: Bool = false) -> Set<ScheduleChecker.Violation.Kind> {
        Set(ScheduleChecker(network: Self.network).check(STNSchedule(batches: batches), allowRelaxation: relaxed).violations.map(\.kind))
    }

    @Test func acceptsAValidSchedule() {
        #expect(kinds([.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 45)]).isEmpty)
    }

    @Test func catchesEachRule() {
        #expect(kinds([.init(task: "bake", unit: "oven", start: 0, count: 1, amount: 45)]).contains(.unknownName))
        #expect(kinds([.init(task: "cook", unit: "oven", start: 5, count: 1, amount: 45)]).contains(.outsideHorizon))
        #expect(kinds([.init(task: "cook", unit: "oven", start: 3, count: 1, amount: 45)]).contains(.unitUnavailable))
        #expect(kinds([.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 45),
                       .init(task: "cook", unit: "oven", start: 1, count: 1, amount: 20)]).contains(.occupancy))
        #expect(kinds([.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 55)]).contains(.batchSize))
        #expect(kinds([.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 5)]).contains(.batchSize))
        #expect(kinds([.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 50),
                       .init(task: "cook", unit: "oven", start: 2, count: 1, amount: 50),
                       .init(task: "cook", unit: "oven", start: 4, count: 1, amount: 10)]).contains(.negativeStock))
        #expect(kinds([.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 40),
                       .init(task: "cook", unit: "oven", start: 2, count: 1, amount: 30)]).contains(.storageExceeded))
        #expect(kinds([.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 30)]).contains(.milestoneMissed))
        #expect(!kinds([.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 30)], relaxed: true).contains(.milestoneMissed))
    }

    @Test func catchesABrokenSplit() {
        var network = Self.network
        network.tasks.append(.init(name: "fry", inputs: ["raw": 1], outputs: [.init(state: "done", fraction: 1, delay: 1)], duration: 1, units: ["oven"]))
        network.splits = [.init(tasks: ["fry"], alternatives: ["cook"], share: 0.5)]
        let check = ScheduleChecker(network: network).check(STNSchedule(batches: [.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 45)]))
        #expect(check.violations.map(\.kind) == [.splitBroken])
    }

    @Test func stocksAreReplayed() {
        let check = ScheduleChecker(network: Self.network).check(STNSchedule(batches: [.init(task: "cook", unit: "oven", start: 0, count: 1, amount: 45)]))
        #expect(check.stock[0] == [55, 55, 55, 55, 55, 55, 55])
        #expect(check.stock[1] == [0, 0, 45, 45, 45, 45, 45])
    }
}
