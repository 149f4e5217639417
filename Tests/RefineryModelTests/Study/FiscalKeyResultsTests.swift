import Testing
import RefineryModel

/// Sweep and compare carry the fiscal key results (issue 13, item 8).
@Suite struct FiscalKeyResultsTests {
    let base = try! ScenarioLoader.embeddedDocument(named: "senou-base")
    var quick: RunOptions { var options = RunOptions(); options.schedule = false; return options }
    let ids = ["stateNetCashNpvMillionUsd", "governmentTakePercent", "netGainToMaliNpvMillionUsd"]

    /// The three figures from the run's fiscal view (the take is undefined, nil, when the
    /// project's pre-tax net cash flow is ≤ 0, as in senou-base).
    func expected(_ run: ScenarioRun) throws -> [Double?] {
        let fiscal = try #require(run.valuation?.result.fiscal)
        return [fiscal.stateNetCashNpvUsd / 1e6, fiscal.governmentTake.map { $0 * 100 }, fiscal.doreExport.presentValue.netGainToMali / 1e6]
    }

    func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return approximately(a, b)
    }

    @Test func sweepRowsAndComparisonRowsHaveTheStatesFigures() throws {
        // A sweep of the state's share under a tax holiday (its range widens, the points run).
        let sweep = try Sweep(document: base, overrides: [try ScenarioOverride(parsing: "economics.taxes.corporateIncomeTax=0")],
                              variations: [try Sweep.Variation(specification: "ownership.holders[0].share=0.51,0.62")], options: quick)
        let rows = sweep.run(jobs: 1)
        var runs: [ScenarioRun] = []
        for row in rows {
            let metrics = try row.outcome.get().metrics
            let run = try ScenarioRun.perform(ScenarioLoader.load(json: base, overrides: sweep.overrides(for: row.point)), options: quick)
            runs.append(run)
            let values = ids.map { id in metrics.first { $0.id == id }?.number }
            for (value, want) in zip(values, try expected(run)) { #expect(same(value, want)) }
            #expect(metrics.filter { ids.contains($0.id) }.count == 3)
        }
        // No income tax at all; a smaller stake calls less equity from the state.
        let at51 = try expected(runs[0]), at62 = try expected(runs[1])
        #expect(runs.allSatisfy { $0.valuation?.result.fiscal?.total.corporateIncomeTax == 0 })
        #expect(try #require(at51[0]) > (try #require(at62[0])))

        let comparison = Comparison(runs[0], labeled: "51%", runs[1], labeled: "62%")
        for (index, id) in ids.enumerated() {
            let row = try #require(comparison.rows.first { $0.a.id == id })
            #expect(same(row.a.number, at51[index]) && same(row.b.number, at62[index]))
        }
    }
}
