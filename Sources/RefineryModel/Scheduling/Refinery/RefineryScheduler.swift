import Foundation

/// Schedules a scenario's refinery: builds its ``RefineryNetwork``, solves it with
/// ``STNScheduler``, and turns the batches into a ``RefineryScheduleReport`` with lots traced.
///
/// ```swift
/// let report = try RefineryScheduler.schedule(Scenario.senouBase, request: .detailed(days: 7),
///                                            options: SolverOptions(timeLimit: 30, relativeGap: 0.01))
/// print(report.status, report.summary?.refinedGoldKg ?? 0)
/// ```
public enum RefineryScheduler {
    /// The solver settings that meet the benchmarks, measured on the default plant (see
    /// BENCHMARKS.md):
    /// - detailed week: a 1% gap within 30 s, pseudo-cost branching (GLPK's default
    ///   Driebeck–Tomlin rule stalls at a 5% gap after 30 s; pseudo-costs reach 1% in about a
    ///   second);
    /// - year's campaign: a 0.5% gap within 10 s; the greedy start is first checked against the
    ///   interior-point bound (``SolverOptions/certifyStart``: 0.3 s instead of 1.1 s for the
    ///   simplex); then all four cut families, which tighten the bound (an overloaded year's
    ///   gap from 10.5% to 1.5% in 10 s), and Driebeck–Tomlin branching, because pseudo-cost
    ///   initialization on 5,000 integer variables ignores the time limit (23 s for 10 s) and
    ///   improved nothing.
    public static func recommendedOptions(for kind: RefineryScheduleRequest.Kind) -> SolverOptions {
        switch kind {
        case .detailed:
            var options = SolverOptions(timeLimit: 30, relativeGap: 0.01)
            options.branching = .pseudocost
            return options
        case .campaign:
            var options = SolverOptions(timeLimit: 10, relativeGap: 0.005, cuts: .all)
            options.certifyStart = true
            options.branching = .driebeckTomlin
            return options
        }
    }

    /// Schedules `scenario`'s refinery for `request`, from the plant as `state` describes it
    /// (nil: an empty plant at the window's start; see ``PlantState``). ``SolverOptions/timeLimit``
    /// bounds the whole call, the network's construction included (one deadline, set when the
    /// call starts).
    public static func schedule(_ scenario: Scenario, request: RefineryScheduleRequest, state: PlantState? = nil,
                                options: SolverOptions? = nil) throws -> RefineryScheduleReport {
        let options = options ?? recommendedOptions(for: request.kind)
        let deadline = SolveDeadline(seconds: options.timeLimit)
        let instance = try RefineryNetwork(scenario: scenario, request: request, state: state)
        return report(instance: instance, result: try solve(instance, options: options, deadline: deadline))
    }

    /// The network to re-plan `previous` (a detailed schedule of `scenario`, as
    /// ``schedule(_:request:state:options:)`` or `refinery-cli schedule --format json` gave it)
    /// from `hour`: the batches it starts before `hour` are frozen (they run as planned, no
    /// other batch starts before it) and the rest is planned again, with `holds` (a breakdown,
    /// maintenance; clipped to start at `hour`) taken into account.
    public static func replanNetwork(_ scenario: Scenario, previous: RefineryScheduleReport, fromHour hour: Double,
                                     holds: [PlantState.UnitHold] = []) throws -> RefineryNetwork {
        let request = previous.request
        let windowHours = Double(request.days) * 24
        guard request.kind == .detailed, hour >= 0, hour < windowHours else {
            throw SchedulingError.invalidRequest([ScenarioProblem(path: "replanFromHour", value: JSONValue.format(hour),
                                                                  message: "must be an hour of the detailed window, in [0, \(JSONValue.format(windowHours)))")])
        }
        let before = Int(clamping: hour / request.periodHours - 1e-9, to: 0...(request.days * 96), rounding: .up)
        let frozen = StateTaskNetwork.Frozen(before: before, batches: previous.batches.filter { $0.start < before }.map {
            STNSchedule.Batch(task: $0.task, unit: $0.stage, start: $0.start, count: $0.count, amount: $0.amount)
        })
        let clipped = holds.map { hold -> PlantState.UnitHold in
            var hold = hold
            hold.from = max(hold.from ?? hour, hour)
            return hold
        }
        let state = clipped.isEmpty ? nil : PlantState(startDate: previous.startDate, hour: 0, units: clipped.filter { $0.until > $0.from ?? hour })
        var instance = try RefineryNetwork(scenario: scenario, request: request, state: state, frozen: frozen)
        instance.addNote("re-planned from hour \(JSONValue.format(hour)): \(frozen.batches.count) batch line(s) started before it are kept as planned")
        return instance
    }

    /// Re-plans `previous` from `hour` (see ``replanNetwork(_:previous:fromHour:holds:)``): the
    /// earlier batches stay, the rest is solved again, starting from the previous plan when it
    /// is still valid.
    public static func replan(_ scenario: Scenario, previous: RefineryScheduleReport, fromHour hour: Double,
                              holds: [PlantState.UnitHold] = [], options: SolverOptions? = nil) throws -> RefineryScheduleReport {
        let options = options ?? recommendedOptions(for: .detailed)
        let deadline = SolveDeadline(seconds: options.timeLimit)
        let instance = try replanNetwork(scenario, previous: previous, fromHour: hour, holds: holds)
        return report(instance: instance, result: try solve(instance, options: options, deadline: deadline, start: startSchedule(previous)))
    }

    /// A report's batches as a schedule of its network (to start a re-plan from).
    public static func startSchedule(_ report: RefineryScheduleReport) -> STNSchedule {
        STNSchedule(batches: report.batches.map { STNSchedule.Batch(task: $0.task, unit: $0.stage, start: $0.start, count: $0.count, amount: $0.amount) })
    }

    /// Solves a network the caller built (``STNScheduler/solve(_:objective:options:start:greedyStart:deadline:)``)
    /// and names the model's numerical problems by the scenario's stages: extreme stage values
    /// (a recovery of 5e-324, a cycle of 10³⁰⁰ hours) give coefficients or bounds GLPK cannot
    /// scale, which the solver reports by model row and column (`max_13_5_1`, `B_13_5_1`); they
    /// become ``SchedulingError/invalidRequest(_:)`` problems at `plant.stages[id=…]`.
    /// A valid `start` (a previous plan, say) is handed to GLPK as its first incumbent;
    /// without one, the best of the greedy variants is.
    public static func solve(_ instance: RefineryNetwork, options: SolverOptions,
                             deadline: SolveDeadline = .none, start: STNSchedule? = nil) throws -> STNScheduleResult {
        do {
            // Without a plan to start from, the best greedy variant by the objective
            // (``GreedySchedule/best(_:objective:deadline:)``); when it runs out of time the
            // scheduler tries its own and reports that the start took the time.
            let greedy = start == nil ? GreedySchedule.best(instance.network, objective: instance.objective, deadline: deadline.capped(at: options.timeLimit)) : nil
            return try STNScheduler.solve(instance.network, objective: instance.objective, options: options, start: start ?? greedy,
                                          greedyStart: greedy == nil, deadline: deadline)
        } catch let SchedulingError.solver(.invalidModel(issues)) {
            let problems = scenarioProblems(instance: instance, issues: issues)
            guard !problems.isEmpty else { throw SchedulingError.solver(.invalidModel(issues)) }
            throw SchedulingError.invalidRequest(problems)
        }
    }

    /// One problem per stage whose tasks' rows or columns (`B_i_…`, `W_i_…`, `max_i_…`,
    /// `min_i_…`, `fix_i_…`, for task i) have issues, quoting the first. The cause can sit
    /// upstream: a miller's recovery of 5e-324 shows in the casting stage's batch sizes.
    static func scenarioProblems(instance: RefineryNetwork, issues: [ModelIssue]) -> [ScenarioProblem] {
        var stages: [String] = []
        var first: [String: (ModelIssue, Int)] = [:]
        for issue in issues {
            let name: String
            switch issue.subject {
            case let .variable(_, variable): name = variable
            case let .constraint(_, constraint): name = constraint
            case .model, .objective: continue
            }
            let parts = name.split(separator: "_")
            guard parts.count >= 2, ["B", "W", "max", "min", "fix"].contains(String(parts[0])), let task = Int(parts[1]),
                  task >= 0, task < instance.taskStage.count else { continue }
            let stage = instance.taskStage[task]
            if let (issue, count) = first[stage] { first[stage] = (issue, count + 1) } else { first[stage] = (issue, 1); stages.append(stage) }
        }
        return stages.map { stage in
            let (issue, count) = first[stage]!
            return ScenarioProblem(path: "plant.stages[id=\(stage)]", value: nil,
                                   message: "gives the schedule's model numbers GLPK cannot solve with (\(count) issue\(count == 1 ? "" : "s"), first: \(issue)); check the recovery, cycle hours, availability and batch sizes of this stage and of those upstream of it")
        }
    }

    /// The report of a solved network (for callers that build the network themselves).
    public static func report(instance: RefineryNetwork, result: STNScheduleResult) -> RefineryScheduleReport {
        let network = instance.network
        let H = network.horizon, Δ = network.periodHours
        var report = RefineryScheduleReport(
            request: instance.request, year: instance.year, startDate: CivilDate(dayNumber: instance.startDay).description, periods: H,
            status: result.status, termination: result.termination, objective: result.objective, bestBound: result.bestBound,
            gap: result.gap, model: result.model, timings: .init(buildSeconds: result.buildSeconds, solveSeconds: result.solveSeconds),
            branchAndBoundNodes: result.branchAndBoundNodes, startCertified: result.startCertified, summary: nil, batches: [], lots: [], stages: [], intervals: [],
            goldBalance: nil, violations: result.violations, explanation: result.explanation, notes: instance.notes)
        report.ending = .init(phase: result.endedIn, startReturned: result.startReturned, cutsStoppedForTime: result.cutsStoppedForTime,
                              relaxationBound: result.relaxationBound)
        guard let schedule = result.schedule, let stock = result.stock else { return report }
        let trace = LotTrace(instance: instance, schedule: schedule)
        let taskIndex = network.taskIndex, stateIndex = network.stateIndex
        // Batches.
        for (b, batch) in schedule.batches.enumerated() {
            let i = taskIndex[batch.task]!
            let task = network.tasks[i]
            let input = task.sortedInputs.first.flatMap { stateIndex[$0.state] }
            let end = batch.start + (network.timing == .discrete ? task.duration : 1)
            report.batches.append(.init(task: batch.task, stage: instance.taskStage[i], start: batch.start, end: end,
                                        release: batch.start + task.completion, startTime: time(instance, period: batch.start),
                                        count: batch.count, amount: batch.amount, measure: input.map { network.states[$0].measure ?? "" } ?? "",
                                        goldKg: batch.amount * (input.map { instance.goldPerUnit[$0] } ?? 0), lots: trace.batchLots[b], rides: task.host))
        }
        // Lots.
        var turnarounds: [Double] = []
        var late = 0
        for (l, lot) in instance.lots.enumerated() {
            let done = trace.completion[l]
            let hours = done.map { Double($0 - lot.arrivalPeriod) * Δ }
            if let hours { turnarounds.append(hours) }
            let onTime = lot.duePeriod.map { due in done.map { $0 <= due } ?? false }
            if onTime == false { late += 1 }
            report.lots.append(.init(id: lot.id, kind: lot.kind, goldKg: lot.goldKg, arrival: lot.arrivalPeriod, due: lot.duePeriod,
                                     completed: done, turnaroundHours: hours, onTime: onTime))
        }
        // Stage use.
        for (j, unit) in network.units.enumerated() {
            let mine = schedule.batches.filter { network.tasks[taskIndex[$0.task]!].units.first == unit.name && network.tasks[taskIndex[$0.task]!].host == nil }
            let busy = mine.reduce(0.0) { total, batch in
                let task = network.tasks[taskIndex[batch.task]!]
                return total + Double(batch.count) * (network.timing == .discrete ? Double(task.duration) : task.bucketOccupancy) * Δ
            }
            let available = (0..<H).reduce(0.0) { $0 + Double(unit.count) * unit.available(at: $1) * Δ }
            report.stages.append(.init(stage: network.units[j].name, units: unit.count, batches: mine.reduce(0) { $0 + $1.count },
                                       busyUnitHours: busy, availableUnitHours: available, utilization: available > 0 ? busy / available : 0))
        }
        // Gold balance and gold in process over time.
        let products = Set(instance.goldProducts.compactMap { stateIndex[$0] })
        let byproduct = stateIndex[RefineryNetwork.byproductState]
        let silver = network.states.firstIndex { $0.name.hasPrefix(RefineryNetwork.silverState) }
        let received = network.receipts.enumerated().reduce(0.0) { total, pair in
            let refused = pair.offset < schedule.refused.count ? schedule.refused[pair.offset] : 0
            return total + (pair.element.amount - refused) * instance.goldPerUnit[stateIndex[pair.element.state]!]
        }
        var lost = 0.0, toByproduct = 0.0
        for batch in schedule.batches {
            let i = taskIndex[batch.task]!
            lost += batch.amount * instance.goldLossPerUnit[i]
            toByproduct += batch.amount * instance.goldToByproductPerUnit[i]
        }
        // Gold inside the plant at each time point: received so far minus refined and lost,
        // counting batches under way (material leaves its state when a batch starts).
        var receivedUpTo = Array(repeating: 0.0, count: H + 1), lostUpTo = Array(repeating: 0.0, count: H + 1)
        for (r, receipt) in network.receipts.enumerated() {
            let refused = r < schedule.refused.count ? schedule.refused[r] : 0
            receivedUpTo[receipt.time] += (receipt.amount - refused) * instance.goldPerUnit[stateIndex[receipt.state]!]
        }
        for batch in schedule.batches { lostUpTo[batch.start + network.tasks[taskIndex[batch.task]!].completion] += batch.amount * instance.goldLossPerUnit[taskIndex[batch.task]!] }
        var inPlant = Array(repeating: 0.0, count: H + 1), refinedAt = Array(repeating: 0.0, count: H + 1)
        var cumulativeReceived = 0.0, cumulativeLost = 0.0
        for t in 0...H {
            cumulativeReceived += receivedUpTo[t]
            cumulativeLost += lostUpTo[t]
            refinedAt[t] = products.reduce(0) { $0 + stock[$1][t] }
            inPlant[t] = cumulativeReceived - cumulativeLost - refinedAt[t]
        }
        let refined = refinedAt[H]
        var inProcess = 0.0
        for (s, _) in network.states.enumerated() where !products.contains(s) && s != byproduct && s != silver {
            inProcess += stock[s][H] * instance.goldPerUnit[s]
        }
        // The by-product's gold is a stock the network keeps ≥ 0; a sum of batches can still
        // come out a rounding error below zero, which is no gold.
        if toByproduct < 0 && toByproduct > -1e-9 * max(1, received) { toByproduct = 0 }
        let accounted: Double = refined + inProcess + toByproduct + lost
        report.goldBalance = .init(receivedKg: received, refinedKg: refined, inProcessKg: inProcess, inByproductKg: toByproduct,
                                   lostKg: lost, residualKg: received - accounted)
        // Intervals: days for a detailed window, months for a campaign.
        let periodsPerDay = Int(clamping: 24 / Δ, to: 1...96, rounding: .toNearestOrAwayFromZero)
        var bounds: [(String, Int, Int)] = []
        if instance.request.kind == .detailed {
            for d in 0..<instance.request.days { bounds.append((CivilDate(dayNumber: instance.startDay + d).description, d * periodsPerDay, (d + 1) * periodsPerDay)) }
        } else {
            var d = 0
            while d < instance.request.days {
                let date = CivilDate(dayNumber: instance.startDay + d)
                let length = min(CivilDate.daysIn(month: date.month, year: date.year) - date.day + 1, instance.request.days - d)
                bounds.append((String(date.description.prefix(7)), d * periodsPerDay, (d + length) * periodsPerDay))
                d += length
            }
        }
        for (label, from, to) in bounds {
            let average = (from..<to).reduce(0.0) { $0 + inPlant[$1] } / Double(max(1, to - from))
            report.intervals.append(.init(label: label, refinedGoldKg: refinedAt[min(to, H)] - refinedAt[from], averageGoldInProcessKg: average))
        }
        report.leftOver = LeftOverAnalysis.lots(instance: instance, trace: trace, schedule: schedule, stock: stock, stages: report.stages)
        let completed: Int = trace.completion.compactMap { $0 }.count
        let intake: Double = instance.lots.reduce(0.0) { $0 + $1.goldKg }
        let refinedSilver: Double = silver.map { stock[$0][H] } ?? 0
        let averageInPlant: Double = inPlant.reduce(0, +) / Double(H + 1)
        let meanTurnaround: Double? = turnarounds.isEmpty ? nil : turnarounds.reduce(0, +) / Double(turnarounds.count)
        let busiest: String? = report.stages.max { $0.utilization < $1.utilization }?.stage
        report.summary = RefineryScheduleReport.Summary(
            lotsReceived: instance.lots.count, lotsCompleted: completed, lotsLate: late, intakeGoldKg: intake, refinedGoldKg: refined,
            refinedSilverKg: refinedSilver, goldInProcessAtEndKg: inPlant[H], averageGoldInProcessKg: averageInPlant,
            meanTurnaroundHours: meanTurnaround, maxTurnaroundHours: turnarounds.max(), busiestStage: busiest)
        return report
    }

    /// `YYYY-MM-DDTHH:MM` of a period's start.
    static func time(_ instance: RefineryNetwork, period: Int) -> String {
        let minutes = Int(clamping: Double(period) * instance.network.periodHours * 60, to: 0...(1 << 52), rounding: .toNearestOrAwayFromZero)
        let date = CivilDate(dayNumber: instance.startDay + minutes / 1440)
        let within = minutes % 1440
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(within / 60)):\(two(within % 60))"
    }
}

/// Follows each lot's material through a schedule, first in first out within every state
/// (pool accounting: refined gold is fungible, a client is credited by assay), to say which
/// lots are in each batch and when each lot's last gold reaches a product.
struct LotTrace {
    /// Where a lot's material is at the end: waiting in a state, or in a batch of a task whose
    /// outputs are released after the window.
    enum Place: Hashable, Comparable {
        case state(Int)
        case task(Int)
    }

    var batchLots: [[String]]
    var completion: [Int?]
    /// The share of each lot that reached a product within the window (1 when completed).
    var refinedShare: [Double]
    /// Each lot's unrefined share at the end, by where it is.
    var whereAtEnd: [[Place: Double]]
    /// What each state holds at the end (in its own measure), tracked or not.
    var endStock: [Double]

    private struct Parcel { var lot: Int; var quantity: Double; var share: Double } // share of the lot per unit quantity

    init(instance: RefineryNetwork, schedule: STNSchedule) {
        let network = instance.network
        let H = network.horizon
        let stateIndex = network.stateIndex, taskIndex = network.taskIndex
        let products = Set(instance.goldProducts.compactMap { stateIndex[$0] })
        let untracked = Set([RefineryNetwork.byproductState].compactMap { stateIndex[$0] } + network.states.indices.filter { network.states[$0].name.hasPrefix(RefineryNetwork.silverState) })
        var queues = Array(repeating: [Parcel](), count: network.states.count)
        var heads = Array(repeating: 0, count: network.states.count)
        var pending = Array(repeating: [(state: Int, parcel: Parcel)](), count: H + 1)
        var arrived = Array(repeating: 0.0, count: instance.lots.count)
        var completion = Array(repeating: Int?.none, count: instance.lots.count)
        var lotOfReceipt = [Int: Int]()
        for (l, lot) in instance.lots.enumerated() { lotOfReceipt[lot.receipt] = l }
        var receiptsAt = Array(repeating: [Int](), count: H + 1)
        for (r, receipt) in network.receipts.enumerated() { receiptsAt[receipt.time].append(r) }
        var startsAt = Array(repeating: [Int](), count: H + 1)
        for (b, batch) in schedule.batches.enumerated() { startsAt[batch.start].append(b) }
        var batchLots = Array(repeating: [String](), count: schedule.batches.count)
        var pastEnd = Array(repeating: [Place: Double](), count: instance.lots.count)

        func deliver(_ state: Int, _ parcel: Parcel, at t: Int) {
            if products.contains(state), parcel.lot >= 0 {
                arrived[parcel.lot] += parcel.quantity * parcel.share
                if arrived[parcel.lot] >= 1 - 1e-6, completion[parcel.lot] == nil { completion[parcel.lot] = t }
            }
            queues[state].append(parcel)
        }
        for t in 0...H {
            for (state, parcel) in pending[t] { deliver(state, parcel, at: t) }
            for r in receiptsAt[t] {
                let receipt = network.receipts[r]
                let amount = receipt.amount - (r < schedule.refused.count ? schedule.refused[r] : 0)
                guard amount > 1e-12, let s = stateIndex[receipt.state] else { continue }
                deliver(s, Parcel(lot: lotOfReceipt[r] ?? -1, quantity: amount, share: 1 / receipt.amount), at: t)
            }
            // Batches in task order, so same-period flows (campaign buckets) pass downstream.
            for b in startsAt[t].sorted(by: { taskIndex[schedule.batches[$0].task]! < taskIndex[schedule.batches[$1].task]! }) {
                let batch = schedule.batches[b]
                let task = network.tasks[taskIndex[batch.task]!]
                var taken: [(lot: Int, share: Double, quantity: Double)] = []
                for (name, fraction) in task.sortedInputs {
                    guard let s = stateIndex[name] else { continue }
                    var need = fraction * batch.amount
                    while need > 1e-12 && heads[s] < queues[s].count {
                        var parcel = queues[s][heads[s]]
                        let take = min(need, parcel.quantity)
                        taken.append((parcel.lot, take * parcel.share, take))
                        parcel.quantity -= take
                        need -= take
                        if parcel.quantity <= 1e-12 { heads[s] += 1 } else { queues[s][heads[s]] = parcel }
                    }
                }
                var shares: [Int: Double] = [:], quantities: [Int: Double] = [:]
                var order: [Int] = []
                var total = 0.0
                for (lot, share, quantity) in taken {
                    total += quantity
                    guard lot >= 0 else { continue }
                    if shares[lot] == nil { order.append(lot) }
                    shares[lot, default: 0] += share
                    quantities[lot, default: 0] += quantity
                }
                batchLots[b] = order.map { instance.lots[$0].id }
                var countedPastEnd = false
                for output in task.outputs {
                    guard let s = stateIndex[output.state] else { continue }
                    let quantity = output.fraction * batch.amount
                    let release = t + output.delay
                    guard quantity > 1e-12 else { continue }
                    if release > H {
                        // Released after the window: the lots' share is still in this batch.
                        if !untracked.contains(s), !countedPastEnd {
                            countedPastEnd = true
                            for lot in order { pastEnd[lot][.task(taskIndex[batch.task]!), default: 0] += shares[lot]! }
                        }
                        continue
                    }
                    var parcels: [Parcel] = []
                    if untracked.contains(s) || total <= 0 {
                        parcels = [Parcel(lot: -1, quantity: quantity, share: 0)]
                    } else {
                        parcels = order.map { lot in
                            let q = quantity * quantities[lot]! / total
                            return Parcel(lot: lot, quantity: q, share: shares[lot]! / q)
                        }
                        let tracked = order.reduce(0.0) { $0 + quantities[$1]! }
                        if tracked < total - 1e-12 { parcels.append(Parcel(lot: -1, quantity: quantity * (1 - tracked / total), share: 0)) }
                    }
                    for parcel in parcels {
                        if output.delay == 0 { deliver(s, parcel, at: t) } else { pending[release].append((s, parcel)) }
                    }
                }
            }
        }
        // What is still queued in each state at the end, by lot.
        for s in network.states.indices where !products.contains(s) && !untracked.contains(s) {
            for parcel in queues[s][heads[s]...] where parcel.lot >= 0 && parcel.quantity > 1e-12 {
                pastEnd[parcel.lot][.state(s), default: 0] += parcel.quantity * parcel.share
            }
        }
        self.batchLots = batchLots
        self.completion = completion
        self.refinedShare = arrived.map { min(1, $0) }
        self.whereAtEnd = pastEnd
        self.endStock = network.states.indices.map { s in queues[s][heads[s]...].reduce(0) { $0 + max(0, $1.quantity) } }
    }
}
