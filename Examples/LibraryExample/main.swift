import Foundation
import RefineryModel

/// A key result for people: the number with its unit, or the name (a stage).
func show(_ metric: KeyMetric) -> String {
    switch metric.value {
    case let .number(number): return String(format: "%.*f", metric.decimals, number) + " " + metric.unit
    case let .text(name): return name
    case .none: return "-"
    }
}

// The default scenario end to end, as `refinery-cli run` makes it: the throughput model year
// by year, the peak year's campaign schedule (a GLPK model), the valuation and Mali's share.
let base = try ScenarioLoader.embedded(named: "senou-base")
let run = try ScenarioRun.perform(base)
for metric in KeyResults.of(run) where KeyResults.headline.contains(metric.id) {
    print("\(metric.label): \(show(metric))")
}
// Its report, byte for byte what `refinery-cli run --format json` prints.
try RunReport(run: run).json().write(toFile: "run.json", atomically: true, encoding: .utf8)

// One parameter swept, as `refinery-cli sweep --vary plant.calendar.shiftsPerDay=1,2,3
// --no-schedule --format json` does: the points run in parallel, the rows come back in grid
// order, and a point that fails is a row with its error.
var quick = RunOptions()
quick.schedule = false // throughput and valuation, no campaign schedule
let sweep = try Sweep(document: ScenarioLoader.embeddedDocument(named: "senou-base"),
                      variations: [Sweep.Variation(specification: "plant.calendar.shiftsPerDay=1,2,3")], options: quick)
let rows = sweep.run()
for row in rows {
    let refined = (try? row.outcome.get())?.metrics.first { $0.id == "refinedGoldTonnes" }
    print(sweep.label(of: row.point), "→", refined.map(show) ?? "\(row.error!)")
}
try sweep.jsonLines(rows).write(toFile: "sweep.jsonl", atomically: true, encoding: .utf8)

// Two scenarios side by side, as `refinery-cli compare senou-base stress-300t --no-schedule`.
let stress = try ScenarioLoader.embedded(named: "stress-300t")
let comparison = try Comparison.perform(base, labeled: "senou-base", stress, labeled: "stress-300t", options: quick)
for row in comparison.rows where ["bottleneck", "finalBacklogTonnes"].contains(row.a.id) {
    print("\(row.a.label): \(show(row.a)) → \(show(row.b))")
}
try comparison.json().write(toFile: "compare.json", atomically: true, encoding: .utf8)

// The valuation alone: cash flows, NPV and IRR, holders, value added, a Monte Carlo.
let model = try CashFlowModel(scenario: base) // runs the throughput model once
let valuation = model.valuation()
let irr = valuation.summary.projectIRR // every rate, or none, with a note that says which
print("project NPV:", String(format: "%.1f M USD,", valuation.summary.projectNPVUsd / 1e6),
      "IRR:", irr.unique.map { String(format: "%.1f%%", $0 * 100) } ?? irr.note)
let draws = MonteCarlo(model: model, draws: 1_000, seed: 1) // parallel, reproducible from the seed
print("NPV P10–P90:", String(format: "%.1f to %.1f M USD", draws.projectNPV.p10 / 1e6, draws.projectNPV.p90 / 1e6))

// Optimization: a solver-independent model, solved by GLPK, checked without GLPK.
var lp = LinearProgram(name: "furnaces")
let x = lp.addVariable("batches_a", kind: .integer, upperBound: 10)
let y = lp.addVariable("batches_b", kind: .integer, upperBound: 10)
lp.addConstraint(3 * x + 2 * y <= 18, name: "hours")
lp.maximize(5 * x + 4 * y)
let solution = try GLPKSolver().solve(lp, options: SolverOptions(timeLimit: 10))
print("furnaces:", solution.values, "objective:", solution.objective ?? .nan,
      "largest violation:", lp.check(solution.values).maximumViolation)
