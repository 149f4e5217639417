import Foundation

/// The answer to a State-Task Network file: what the solver proved, the schedule in hours, the
/// stocks at the end, and the independent checker's verdict with the objective it recomputes
/// from the batches alone. `refinery-cli stn --format json` writes exactly this.
public struct STNReport: Codable, Sendable {
    /// One batch (or `count` identical batches started together on a unit type).
    public struct Batch: Codable, Sendable, Equatable {
        /// The task.
        public var task: String
        /// The unit type.
        public var unit: String
        /// How many units run it at once.
        public var count: Int
        /// Start, in hours from hour 0.
        public var startHours: Double
        /// When the unit is free again, in hours.
        public var endHours: Double
        /// The total amount processed, in the document's measure.
        public var amount: Double
        /// What the batches cost (fixed + variable), in the value unit.
        public var cost: Double
    }

    /// A state's stock at the horizon.
    public struct FinalStock: Codable, Sendable, Equatable {
        /// The state.
        public var state: String
        /// Stock at the horizon, in the document's measure (recomputed by the checker).
        public var amount: Double
        /// Its value at the state's price, in the value unit.
        public var value: Double
    }

    /// The checker's verdict.
    public struct Check: Codable, Sendable, Equatable {
        /// True when the schedule keeps every rule of the network.
        public var valid: Bool
        /// The rules it breaks (empty when valid).
        public var violations: [ScheduleChecker.Violation]
        /// Σ price × stock at the horizon − Σ batch costs, recomputed from the batches alone.
        public var objective: Double
    }

    /// The report format version (1).
    public var schemaVersion = 1
    /// The network's name.
    public var name: String
    /// The measure of amounts.
    public var measure: String
    /// The money unit of values and costs.
    public var valueUnit: String?
    /// The grid.
    public var horizonHours: Double
    /// Hours per period.
    public var periodHours: Double
    /// What the solver found: optimal, feasible (stopped early), infeasible or noSolution.
    public var status: STNScheduleResult.Status
    /// Why the solver stopped (optimal, gap reached, time limit…).
    public var termination: TerminationReason
    /// The solver's objective (the checker recomputes it in `check.objective`).
    public var objective: Double?
    /// The best bound the solver proved.
    public var bestBound: Double?
    /// Relative gap between objective and bound; 0 when proven optimal.
    public var gap: Double?
    /// The batches, by start then task order.
    public var batches: [Batch]
    /// Stocks at the horizon, in the document's state order.
    public var finalStock: [FinalStock]
    /// The checker's verdict; nil when there is no schedule.
    public var check: Check?
    /// When no schedule meets every demand: which demands block, from the elastic model.
    public var explanation: InfeasibilityExplanation?
    /// The size of the MILP.
    public var model: ModelSize
    /// Seconds spent building and solving (they vary; the CLI omits them unless --timings).
    public var solveSeconds: Double?
}

/// Solves a State-Task Network document and reports it: ``STNDocument/network()``, then
/// ``STNScheduler/solve(_:objective:options:start:greedyStart:deadline:)``, then the report
/// in hours with the checker's verdict.
///
/// ```swift
/// let document = try STNDocumentLoader.load(contentsOf: url)
/// let report = try STNRun.solve(document).report
/// print(report.check?.objective ?? .nan)
/// ```
public struct STNRun: Sendable {
    /// The document solved.
    public var document: STNDocument
    /// The network it maps to.
    public var network: StateTaskNetwork
    /// The scheduler's result.
    public var result: STNScheduleResult
    /// The report.
    public var report: STNReport

    /// The options ``solve(_:options:greedyStart:)`` used before they were chosen from the
    /// problem: a 60 s time limit, proven optimal (no gap), pseudo-cost branching. Kept for
    /// callers that named it; `solve` now uses
    /// ``SolverOptions/recommended(for:timeLimit:relativeGap:)`` unless told otherwise.
    public static var defaultOptions: SolverOptions {
        var options = SolverOptions(timeLimit: 60, relativeGap: 0)
        options.branching = .pseudocost
        return options
    }

    /// Solves `document`; throws a ``SchedulingError`` when the solver cannot run.
    /// ``SolverOptions/timeLimit`` bounds the whole call. `options` `nil` (the default) means
    /// ``SolverOptions/recommended(for:timeLimit:relativeGap:)`` for the document's network
    /// (60 s, proven optimal); `greedyStart` `nil` (the default) lets the scheduler decide
    /// (the greedy schedule only when it is near the LP bound, see
    /// ``STNScheduler/solve(_:objective:options:start:greedyStart:deadline:)``).
    public static func solve(_ document: STNDocument, options: SolverOptions? = nil, greedyStart: Bool? = nil) throws -> STNRun {
        let network = document.network()
        let options = options ?? .recommended(for: network)
        var result = try STNScheduler.solve(network, options: options, greedyStart: greedyStart)
        // With a minimum batch of 0 the solver may "start" empty batches (W = 1, B = 0): they
        // change nothing, so they are dropped and the rest checked again.
        if var schedule = result.schedule, schedule.batches.contains(where: { $0.amount <= 1e-9 }) {
            schedule.batches.removeAll { $0.amount <= 1e-9 }
            let check = ScheduleChecker(network: network).check(schedule, allowRelaxation: result.status == .infeasible)
            result.schedule = schedule
            result.stock = check.stock
            result.violations = check.violations
        }
        return STNRun(document: document, network: network, result: result, report: report(document: document, network: network, result: result))
    }

    static func report(document: STNDocument, network: StateTaskNetwork, result: STNScheduleResult) -> STNReport {
        let period = network.periodHours
        let taskIndex = network.taskIndex
        var batches: [STNReport.Batch] = []
        var costs = 0.0
        for batch in result.schedule?.batches ?? [] {
            guard let i = taskIndex[batch.task] else { continue }
            let task = network.tasks[i]
            let cost = task.costs(on: batch.unit)
            let spent = cost.fixed * Double(batch.count) + cost.variable * batch.amount
            costs += spent
            batches.append(STNReport.Batch(task: batch.task, unit: batch.unit, count: batch.count, startHours: Double(batch.start) * period,
                                           endHours: Double(batch.start + task.heldDuration(batch)) * period, amount: batch.amount, cost: spent))
        }
        var finalStock: [STNReport.FinalStock] = []
        var check: STNReport.Check?
        if let stock = result.stock, result.schedule != nil {
            var value = 0.0
            for (s, state) in network.states.enumerated() {
                let amount = stock[s][network.horizon]
                finalStock.append(STNReport.FinalStock(state: state.name, amount: amount, value: state.value * amount))
                value += state.value * amount
            }
            check = STNReport.Check(valid: result.violations.isEmpty, violations: result.violations, objective: value - costs)
        }
        return STNReport(name: document.name, measure: document.measure ?? "kg", valueUnit: document.valueUnit, horizonHours: document.grid.horizonHours,
                         periodHours: period, status: result.status, termination: result.termination, objective: result.objective,
                         bestBound: result.bestBound, gap: result.gap, batches: batches, finalStock: finalStock, check: check,
                         explanation: result.explanation, model: result.model, solveSeconds: result.buildSeconds + result.solveSeconds)
    }
}
