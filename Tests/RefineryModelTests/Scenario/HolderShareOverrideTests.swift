import Foundation
import Testing
import RefineryModel

/// Setting one holder's share rebalances the others pro rata (issue 13, item 6).
@Suite struct HolderShareOverrideTests {
    let base = try! ScenarioLoader.embeddedDocument(named: "senou-base")
    var quick: RunOptions { var options = RunOptions(); options.schedule = false; return options }

    func shares(_ overrides: [String]) throws -> [Double] {
        let scenario = try ScenarioLoader.load(json: base, overrides: overrides.map { try ScenarioOverride(parsing: $0) })
        return scenario.ownership?.holders.map(\.share) ?? []
    }

    @Test func oneShareRebalancesTheOthersProRata() throws {
        // Base: Malian state 0.62, Yadran and partners 0.38.
        let set = try shares(["ownership.holders[0].share=0.51"])
        #expect(set[0] == 0.51)
        #expect(abs(set[1] - 0.49) < 1e-12)
        #expect(abs(set.reduce(0, +) - 1) < 1e-12)
        let byID = try shares(["ownership.holders[id=yadran-partners].share=0.2"])
        #expect(abs(byID[0] - 0.8) < 1e-12 && byID[1] == 0.2)
        // The run goes through, and the state's share of the dividends follows.
        let scenario = try ScenarioLoader.load(json: base, overrides: [try ScenarioOverride(parsing: "ownership.holders[0].share=0.51")])
        _ = try ScenarioRun.perform(scenario, options: quick)
    }

    @Test func threeHoldersKeepTheirProportions() throws {
        let document = try base.setting(.array([
            .object([("id", .string("a")), ("share", .number(0.5))]),
            .object([("id", .string("b")), ("share", .number(0.3))]),
            .object([("id", .string("c")), ("share", .number(0.2))]),
        ]), at: JSONPath(parsing: "ownership.holders"))
        let (changed, problems) = document.applying([try ScenarioOverride(parsing: "ownership.holders[id=a].share=0.75")])
        #expect(problems.isEmpty)
        let values = (0..<3).map { changed.value(at: try! JSONPath(parsing: "ownership.holders[\($0)].share")) }
        guard case let .number(b)? = values[1], case let .number(c)? = values[2] else { Issue.record("no shares"); return }
        #expect(values[0] == .number(0.75) && abs(b - 0.15) < 1e-12 && abs(c - 0.1) < 1e-12)
    }

    @Test func settingSeveralSharesStaysStrict() throws {
        #expect(throws: ScenarioError.self) { try shares(["ownership.holders[0].share=0.51", "ownership.holders[1].share=0.4"]) }
        #expect(try shares(["ownership.holders[0].share=0.6", "ownership.holders[1].share=0.4"]) == [0.6, 0.4])
    }

    @Test func otherHoldersWithNoShareCannotBeRebalanced() throws {
        let (_, problems) = base.applying([
            try ScenarioOverride(parsing: "ownership.holders[1].share=0"),
        ])
        #expect(problems.isEmpty, "one share set: the other gets 1")
        let zeroed = try base.setting(.number(0), at: JSONPath(parsing: "ownership.holders[1].share"))
        let (_, refused) = zeroed.applying([try ScenarioOverride(parsing: "ownership.holders[0].share=0.3")])
        #expect(refused.map(\.path) == ["ownership.holders[0].share"])
        #expect(refused.first?.message.contains("the other holders' shares are all 0") == true)
        // Out of [0, 1]: set as given, and the checks say what is allowed.
        #expect(throws: ScenarioError.self) { try shares(["ownership.holders[0].share=1.2"]) }
    }

    @Test func aSweepOfOneShareRunsEveryPoint() throws {
        let sweep = try Sweep(document: base, variations: [try Sweep.Variation(specification: "ownership.holders[0].share=0.51:1:5")], options: quick)
        let rows = sweep.run(jobs: 2)
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0.error == nil }, "\(rows.compactMap(\.error))")
    }
}
