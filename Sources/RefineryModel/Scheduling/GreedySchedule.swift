/// A feasible schedule built without a solver, to start GLPK's branch-and-cut from a good
/// incumbent (GLPK's own heuristics find none on a year's campaign in 20 s).
///
/// Period by period, tasks in network order (tasks that must keep a minimum share of a flow
/// first, the alternatives they compete with after them), every free unit starts as much as
/// its input stock allows: a fixed batch per lot, or the stock spread over as few batches as
/// fit, never below the unit's minimum. Outputs are released after their delays; every
/// batch completes within the horizon. Receipts are never refused. Due dates are not sought:
/// the schedule may miss milestones (then it is no start for a model that enforces them).
/// Before a ``StateTaskNetwork/Frozen`` period it runs exactly the frozen batches.
public enum GreedySchedule {
    /// The greedy schedule of `network`.
    public static func build(_ network: StateTaskNetwork) -> STNSchedule {
        // Without a deadline the build always finishes.
        build(network, deadline: .none) ?? STNSchedule(batches: [])
    }

    /// The greedy schedule of `network`, or `nil` when `deadline` passes first (it is checked
    /// at every period, so the build stops within one period's work of it).
    public static func build(_ network: StateTaskNetwork, deadline: SolveDeadline) -> STNSchedule? {
        build(network, deadline: deadline, first: [])
    }

    /// The best of several greedy schedules of `network` by `objective`: the plain one, and
    /// one for each task that shares a unit with other tasks, run with that task ahead of the
    /// others (at a saturated unit the plain order never lets a later task in, though its
    /// batches may carry more value per hour). Only schedules the ``ScheduleChecker`` finds
    /// valid compete; ties keep the plain one.
    ///
    /// The variants are tried only when the plain schedule saturates a shared unit (uses at
    /// least ``saturatedUtilization`` of its capacity, ``utilization(of:in:)``): below that the
    /// order of the tasks does not decide what gets done, and the variants would cost a few
    /// tenths of a second for nothing. The choice depends on the schedule, never on the clock,
    /// so the same request gives the same start on any machine. `deadline` only stops the
    /// variants early (the best so far is kept); `nil` only when the plain schedule itself does
    /// not finish in time.
    public static func best(_ network: StateTaskNetwork, objective: STNObjective = .terminalValue,
                            deadline: SolveDeadline = .none) -> STNSchedule? {
        guard let plain = build(network, deadline: deadline, first: []) else { return nil }
        let competing = competingTasks(network)
        let sharedUnits = Set(competing.flatMap { network.tasks[$0].units })
        let usage = utilization(of: plain, in: network)
        guard sharedUnits.contains(where: { (usage[$0] ?? 0) >= saturatedUtilization }) else { return plain }
        let checker = ScheduleChecker(network: network)
        func score(_ schedule: STNSchedule) -> Double? {
            let check = checker.check(schedule)
            return check.isValid ? value(of: schedule, network: network, objective: objective, stock: check.stock) : nil
        }
        guard var bestValue = score(plain) else { return plain }
        var best = plain
        for i in competing {
            guard !deadline.hasExpired, let variant = build(network, deadline: deadline, first: [i]), let v = score(variant) else { continue }
            if v > bestValue + 1e-9 * max(1, abs(bestValue)) { best = variant; bestValue = v }
        }
        return best
    }

    /// The share of its capacity a shared unit must use in the plain greedy schedule before
    /// ``best(_:objective:deadline:)`` tries the variants: 0.85. Measured on stress-300t's 2031
    /// campaign (BENCHMARKS.md, "Saturated years"): the Miller's use in the plain schedule is
    /// 0.61 at 150 t/yr, 0.80 at 200, 0.874 at 230 and stays at 0.876 from 250 to 300 t/yr
    /// (a full year's use, given the batches it can fill); the default year's busiest unit
    /// uses 0.45.
    public static let saturatedUtilization = 0.85

    /// Each unit's use of its capacity over the horizon in `schedule`, by unit name: batch
    /// occupancy (bucketed timing: batches × their share of a period; discrete: batches ×
    /// their periods) ÷ the unit's capacity (its count less units held, times its availability,
    /// summed over the periods). Units with no capacity are left out.
    public static func utilization(of schedule: STNSchedule, in network: StateTaskNetwork) -> [String: Double] {
        let H = network.horizon
        let taskIndex = network.taskIndex
        var used = [String: Double]()
        for batch in schedule.batches {
            guard let i = taskIndex[batch.task] else { continue }
            let task = network.tasks[i]
            switch network.timing {
            case .bucketed: used[batch.unit, default: 0] += Double(batch.count) * task.bucketOccupancy
            case .discrete: used[batch.unit, default: 0] += Double(batch.count * (batch.duration ?? task.duration))
            }
        }
        var result = [String: Double]()
        for unit in network.units {
            var capacity = 0.0
            for t in 0..<H {
                let count = Double(unit.count - unit.held(at: t))
                capacity += network.timing == .bucketed ? count * unit.available(at: t) : count
            }
            if capacity > 0 { result[unit.name] = (used[unit.name] ?? 0) / capacity }
        }
        return result
    }

    /// The objective `objective` gives `schedule` of `network`, whose stocks are `stock`
    /// (``ScheduleChecker/Result/stock``): the same sum the formulation maximizes.
    public static func value(of schedule: STNSchedule, network: StateTaskNetwork, objective: STNObjective, stock: [[Double]]) -> Double {
        let H = network.horizon
        var total = 0.0
        for (s, state) in network.states.enumerated() where state.value != 0 && s < stock.count {
            if objective.terminal != 0 { total += objective.terminal * state.value * stock[s][H] }
            if objective.cumulative != 0 && H >= 1 { for t in 1...H { total += objective.cumulative * state.value * stock[s][t] } }
        }
        let taskIndex = network.taskIndex
        var active = 0
        for batch in schedule.batches {
            guard let i = taskIndex[batch.task] else { continue }
            let task = network.tasks[i]
            let costs = task.costs(on: batch.unit)
            total -= costs.fixed * Double(batch.count) + costs.variable * batch.amount
            let duration = batch.duration ?? task.duration
            active = max(active, min(batch.start + max(task.completion(duration: duration), 1), H))
        }
        if objective.makespan != 0 { total -= objective.makespan * Double(active) }
        return total
    }

    /// Tasks (hosts, not riders) that share a unit with another such task.
    static func competingTasks(_ network: StateTaskNetwork) -> [Int] {
        let hosts = network.tasks.indices.filter { network.tasks[$0].host == nil }
        return hosts.filter { i in
            hosts.contains { k in k != i && !Set(network.tasks[k].units).isDisjoint(with: network.tasks[i].units) }
        }
    }

    /// The greedy schedule with the tasks `first` ahead of all others (in network order).
    static func build(_ network: StateTaskNetwork, deadline: SolveDeadline, first: [Int]) -> STNSchedule? {
        let H = network.horizon
        let stateIndex = network.stateIndex, unitIndex = network.unitIndex, taskIndex = network.taskIndex
        var stock = network.states.map(\.initialStock)
        var arrivals = Array(repeating: [(Int, Double)](), count: H + 1)
        for receipt in network.receipts { if let s = stateIndex[receipt.state] { arrivals[receipt.time].append((s, receipt.amount)) } }
        // Order: chosen tasks of a split before its alternatives.
        var order = network.tasks.indices.filter { network.tasks[$0].host == nil } // riders go with their hosts
        let ridersOf = network.tasks.map { host in network.tasks.indices.filter { network.tasks[$0].host == host.name } }
        for split in network.splits {
            let chosen = split.tasks.compactMap { taskIndex[$0] }
            guard let lastChosen = chosen.compactMap({ order.firstIndex(of: $0) }).max() else { continue }
            for name in split.alternatives {
                guard let i = taskIndex[name], let position = order.firstIndex(of: i), position < lastChosen else { continue }
                order.remove(at: position)
                order.insert(i, at: order.firstIndex(of: chosen.compactMap { c in order.firstIndex(of: c).map { (c, $0) } }.max { $0.1 < $1.1 }!.0)! + 1)
            }
        }
        order = first.filter(order.contains) + order.filter { !first.contains($0) }
        var splitTotals = Array(repeating: (chosen: 0.0, others: 0.0), count: network.splits.count)
        let chosenIn = network.tasks.map { task in network.splits.indices.filter { network.splits[$0].tasks.contains(task.name) } }
        let alternativeIn = network.tasks.map { task in network.splits.indices.filter { network.splits[$0].alternatives.contains(task.name) } }
        var busyUntil = Array(repeating: [Int](), count: network.units.count) // discrete: the period each busy unit frees
        var bucketUse = Array(repeating: Array(repeating: 0.0, count: max(H, 1)), count: network.units.count)
        var release = Array(repeating: [(Int, Double)](), count: H + 1)
        var batches: [STNSchedule.Batch] = []

        for t in 0...H {
            if deadline.hasExpired { return nil }
            for (s, amount) in arrivals[t] { stock[s] += amount }
            for (s, amount) in release[t] { stock[s] += amount }
            guard t < H else { break }
            // Before a frozen period, exactly the earlier plan's batches.
            if let frozen = network.frozen, t < frozen.before {
                for batch in frozen.batches where batch.start == t {
                    guard let i = taskIndex[batch.task], let j = unitIndex[batch.unit] else { continue }
                    let task = network.tasks[i], duration = batch.duration ?? task.duration
                    for (input, fraction) in task.sortedInputs { if let s = stateIndex[input] { stock[s] -= fraction * batch.amount } }
                    for output in task.outputs {
                        guard let s = stateIndex[output.state] else { continue }
                        let delay = output.release(afterDuration: duration)
                        if delay == 0 { stock[s] += output.fraction * batch.amount } else if t + delay <= H { release[t + delay].append((s, output.fraction * batch.amount)) }
                    }
                    for k in chosenIn[i] { splitTotals[k].chosen += batch.amount }
                    for k in alternativeIn[i] { splitTotals[k].others += batch.amount }
                    switch network.timing {
                    case .discrete: busyUntil[j] += Array(repeating: t + duration, count: batch.count)
                    case .bucketed: bucketUse[j][t] += Double(batch.count) * task.bucketOccupancy
                    }
                    batches.append(batch)
                }
                continue
            }
            for i in order {
                let task = network.tasks[i]
                for name in task.units {
                    guard let j = unitIndex[name], network.canStart(task: i, unit: j, at: t) else { continue }
                    let unit = network.units[j]
                    var free: Int
                    switch network.timing {
                    case .discrete:
                        busyUntil[j].removeAll { $0 <= t }
                        free = unit.free(from: t, to: t + task.duration) - busyUntil[j].count
                    case .bucketed:
                        let left = Double(unit.count - unit.held(at: t)) * unit.available(at: t) - bucketUse[j][t]
                        free = Int(clamping: left / task.bucketOccupancy + 1e-9, to: 0...(unit.count * 1_000_000), rounding: .down)
                    }
                    guard free > 0 else { continue }
                    var available = Double.infinity
                    for (input, fraction) in task.sortedInputs where fraction > 0 {
                        guard let s = stateIndex[input] else { available = 0; continue }
                        available = min(available, max(0, stock[s]) / fraction)
                    }
                    if !available.isFinite { available = 0 }
                    // Never overfill a limited output state: its stock plus everything still to
                    // be released into it stays within its capacity.
                    for output in task.outputs where output.fraction > 0 {
                        guard let s = stateIndex[output.state], let capacity = network.states[s].capacity else { continue }
                        let pending = (t + 1...H).reduce(0.0) { total, time in total + release[time].filter { $0.0 == s }.reduce(0) { $0 + $1.1 } }
                        available = min(available, max(0, capacity - stock[s] - pending) / output.fraction)
                    }
                    for k in alternativeIn[i] where network.splits[k].share > 0 {
                        let split = network.splits[k]
                        // Keep the split at every step: others + a ≤ (chosen + reserve after)·(1 − share)/share.
                        let reserve = split.reserve.flatMap { stateIndex[$0] }.map { max(0, stock[$0]) } ?? 0
                        let consumesReserve = split.reserve.map { task.inputs[$0] ?? 0 } ?? 0
                        let limit = (splitTotals[k].chosen + reserve) * (1 - split.share) - splitTotals[k].others * split.share
                        available = min(available, max(0, limit / (split.share + (1 - split.share) * consumesReserve)))
                    }
                    var count: Int, amount: Double
                    if let fixed = task.fixedBatch {
                        count = Int(clamping: available / fixed + 1e-9, to: 0...free, rounding: .down)
                        amount = Double(count) * fixed
                    } else {
                        let most = unit.maxBatch / task.sizeFactor, least = unit.minBatch / task.sizeFactor
                        amount = min(available, most * Double(free))
                        count = most > 0 ? Int(clamping: amount / most - 1e-9, to: 0...free, rounding: .up) : 0
                        if count > 0 && amount < least * Double(count) - 1e-9 { count = Int(clamping: amount / max(least, 1e-12) + 1e-9, to: 0...count, rounding: .down); amount = min(amount, most * Double(count)) }
                    }
                    guard count > 0, amount > 1e-9 else { continue }
                    for (input, fraction) in task.sortedInputs { if let s = stateIndex[input] { stock[s] -= fraction * amount } }
                    for output in task.outputs {
                        guard let s = stateIndex[output.state] else { continue }
                        if output.delay == 0 { stock[s] += output.fraction * amount } else { release[t + output.delay].append((s, output.fraction * amount)) }
                    }
                    for k in chosenIn[i] { splitTotals[k].chosen += amount }
                    for k in alternativeIn[i] { splitTotals[k].others += amount }
                    switch network.timing {
                    case .discrete: busyUntil[j] += Array(repeating: t + task.duration, count: count)
                    case .bucketed: bucketUse[j][t] += Double(count) * task.bucketOccupancy
                    }
                    batches.append(STNSchedule.Batch(task: task.name, unit: unit.name, start: t, count: count, amount: amount))
                    // Riders fill the room left in the host's batches with their own input.
                    var room = unit.maxBatch * Double(count) - task.sizeFactor * amount
                    for r in ridersOf[i] where room > 1e-9 {
                        let rider = network.tasks[r]
                        var take = room / rider.sizeFactor
                        for (input, fraction) in rider.sortedInputs where fraction > 0 {
                            take = min(take, stateIndex[input].map { max(0, stock[$0]) / fraction } ?? 0)
                        }
                        guard take > 1e-9 else { continue }
                        for (input, fraction) in rider.sortedInputs { if let s = stateIndex[input] { stock[s] -= fraction * take } }
                        for output in rider.outputs {
                            guard let s = stateIndex[output.state] else { continue }
                            if output.delay == 0 { stock[s] += output.fraction * take } else { release[t + output.delay].append((s, output.fraction * take)) }
                        }
                        room -= rider.sizeFactor * take
                        let riderCount = min(count, max(1, Int(clamping: rider.sizeFactor * take / unit.maxBatch - 1e-9, to: 0...count, rounding: .up)))
                        batches.append(STNSchedule.Batch(task: rider.name, unit: unit.name, start: t, count: riderCount, amount: take))
                    }
                }
            }
        }
        // Merge batches of the same task, unit and start, in the formulation's order.
        var merged: [STNSchedule.Batch] = []
        for batch in batches.sorted(by: { ($0.start, taskIndex[$0.task]!, unitIndex[$0.unit]!) < ($1.start, taskIndex[$1.task]!, unitIndex[$1.unit]!) }) {
            if let last = merged.last, last.start == batch.start, last.task == batch.task, last.unit == batch.unit {
                merged[merged.count - 1].count += batch.count
                merged[merged.count - 1].amount += batch.amount
            } else {
                merged.append(batch)
            }
        }
        return STNSchedule(batches: merged)
    }
}
