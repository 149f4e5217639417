import Testing
@testable import RefineryModel

/// The options a caller gets by passing none (issue 15, item 1): chosen from the network, they
/// prove the published Kondili optimum, and they differ between a literature-sized network and
/// a year-long one as ``SolverOptions/recommended(for:timeLimit:relativeGap:)`` documents.
@Suite struct RecommendedOptionsTests {
    /// `STNScheduler.solve` with nothing but the network: recommended options, automatic start.
    @Test func defaultsProveKondiliAtTenHours() throws {
        let network = KondiliTests.network()
        let result = try STNScheduler.solve(network)
        #expect(result.status == .optimal)
        #expect(approximately(try #require(result.objective), 2744.375, relative: 1e-6))
        #expect(result.violations.isEmpty)
        // The greedy schedule is far below the relaxation's bound here, so no start was used.
        let greedy = GreedySchedule.build(network)
        let formulation = STNFormulation(network)
        let values = formulation.values(for: greedy)
        #expect(try !STNScheduler.isTrusted(values, in: formulation.program, options: SolverOptions(), deadline: .none))
    }

    /// Through the file path: the shipped example, no options given.
    @Test func fileDefaultsProveKondili() throws {
        let document = try STNDocumentLoader.load(contentsOf: DataFiles.data.appendingPathComponent("stn/kondili.json"))
        let report = try STNRun.solve(document).report
        #expect(report.status == .optimal)
        #expect(approximately(try #require(report.check?.objective), 2744.375, relative: 1e-6))
    }

    /// Kondili (155 batch counts at 20 h) gets pseudo-cost branching without cuts; the same
    /// network over a long horizon (more than `largeNetworkIntegerVariables` counts) gets
    /// Driebeck–Tomlin branching and every cut family, as measured on the refinery's years.
    @Test func optionsFollowTheNetworksSize() {
        let small = SolverOptions.recommended(for: KondiliTests.network(horizon: 20))
        #expect(small.branching == .pseudocost)
        #expect(small.cuts.isEmpty)
        #expect(small.presolve)
        #expect(small.timeLimit == 60)
        #expect(small.relativeGap == 0)

        let long = KondiliTests.network(horizon: 400)
        #expect(long.estimatedIntegerVariables > SolverOptions.largeNetworkIntegerVariables)
        let large = SolverOptions.recommended(for: long, timeLimit: 10, relativeGap: 0.01)
        #expect(large.branching == .driebeckTomlin)
        #expect(large.cuts == .all)
        #expect(large.timeLimit == 10)
        #expect(large.relativeGap == 0.01)
    }

    /// The estimate bounds the model's real count of batch-count variables from above.
    @Test(arguments: [10, 20, 48])
    func integerEstimateBoundsTheModel(horizon: Int) {
        let network = KondiliTests.network(horizon: horizon)
        #expect(STNFormulation(network).program.size.integerVariables <= network.estimatedIntegerVariables)
    }
}
