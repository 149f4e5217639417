/// The MILP of a ``StateTaskNetwork`` (Shah, Pantelides & Sargent 1993), with identical units
/// aggregated into integer counts:
///
/// - `W[i,j,t]` ∈ {0…count_j}: batches of task i started on unit type j at time t, only where
///   the batch completes within the horizon (and, in discrete timing, the units are available);
/// - `B[i,j,t]` ≥ 0: the total amount they process, `minBatch·W ≤ sizeFactor·B ≤ maxBatch·W`,
///   or `B = fixedBatch·W`;
/// - `S[s,t]` ∈ [0, capacity_s]: stock after the receipts and withdrawals of time t;
/// - occupancy, discrete: for every unit type and period, Σᵢ Σ_{t−p_i < t' ≤ t} W[i,j,t'] ≤ count_j − held_j(t);
///   bucketed: Σᵢ occupancy_i·W[i,j,t] ≤ (count_j − held_j(t))·availability_j(t);
/// - riders (``StateTaskNetwork/Task/host``): no occupancy; W_r ≤ W_host at the same unit type
///   and time; minBatch·W_host ≤ sizeFactor·(B_host + Σ B_r) ≤ maxBatch·W_host;
/// - frozen (re-planning): before ``StateTaskNetwork/Frozen/before`` only the frozen batches'
///   variables exist, their counts fixed and their amounts fixed to within 10⁻⁷;
/// - balance: S[s,t] = S[s,t−1] + receipts + Σ outputs released at t − Σ inputs taken at t;
/// - milestones: Σ_{s∈M} S[s,t_M] ≥ amount_M; splits: Σ_{A} B + R ≥ share·(Σ_{A∪A'} B + R), R the reserve's final stock;
/// - makespan (when weighted): binaries z_t, z_t ≥ z_{t+1}, W[i,j,t] ≤ count_j·z_{t+c_i−1}.
///
/// In **elastic** form the receipts may be refused and the milestones missed, each through a
/// slack variable, and the objective is to minimize their total: the model is always
/// feasible, and its answer says which receipts and milestones block.
public struct STNFormulation: Sendable {
    /// The network formulated.
    public let network: StateTaskNetwork
    /// The objective weights.
    public let objective: STNObjective
    /// Whether receipts may be refused and milestones missed through slack variables.
    public let isElastic: Bool
    /// The MILP, ready for ``GLPKSolver``.
    public private(set) var program: LinearProgram
    /// Start variables by (task, unit type, time).
    public private(set) var starts: [Key: Variable] = [:]
    /// Batch-amount variables by (task, unit type, time).
    public private(set) var amounts: [Key: Variable] = [:]
    /// Stock variables: stock[s][t].
    public private(set) var stock: [[Variable]] = []
    /// Elastic form: the amount of each receipt refused, by receipt.
    public private(set) var refused: [Variable?] = []
    /// Elastic form: the shortfall of each milestone, by milestone.
    public private(set) var shortfall: [Variable?] = []
    /// Elastic form: the excess over each exact milestone, by milestone (nil for ≥ milestones).
    public private(set) var excess: [Variable?] = []
    /// The keys in creation order (task, unit, time), for stable decoding.
    public private(set) var keys: [Key] = []

    /// Where a batch runs: task, unit type and start period, by index in the network.
    public struct Key: Hashable, Sendable, Comparable {
        /// The task's index in ``StateTaskNetwork/tasks``.
        public var task: Int
        /// The unit type's index in ``StateTaskNetwork/units``.
        public var unit: Int
        /// The start period.
        public var time: Int
        /// Periods the batches hold the unit: the task's duration, or one of its
        /// ``StateTaskNetwork/Mode``s when the processing time grows with the batch.
        public var duration: Int

        public static func < (a: Key, b: Key) -> Bool { (a.time, a.task, a.unit, a.duration) < (b.time, b.task, b.unit, b.duration) }
    }

    /// Builds the MILP of `network`: plain (`elastic: false`) to schedule, elastic to explain
    /// infeasibility. Validate the network first (``STNScheduler`` does).
    public init(_ network: StateTaskNetwork, objective: STNObjective = .terminalValue, elastic: Bool = false) {
        self.network = network
        self.objective = objective
        self.isElastic = elastic
        var lp = LinearProgram(name: elastic ? "stn_elastic" : "stn")
        let H = network.horizon
        let stateIndex = network.stateIndex
        let unitIndex = network.unitIndex

        // Starts and amounts.
        let modes = network.tasks.map { task in task.units.map { name in unitIndex[name].map { task.modes(on: network.units[$0]) } ?? [] } }
        var startsAt: [Key: [Key]] = [:] // (task, unit, start) with duration 0 → its keys, shortest first
        var longest = Array(repeating: Array(repeating: 0, count: network.units.count), count: network.tasks.count)
        // Hosts share their batches' limits with their riders: their size rows come after the loop.
        let hosts = Set(network.tasks.compactMap(\.host))
        for t in 0...H {
            for (i, task) in network.tasks.enumerated() {
                for (u, name) in task.units.enumerated() {
                    guard let j = unitIndex[name] else { continue }
                    let ruled = task.suitability(for: name) != nil, ownTime = task.hasOwnTime(on: name)
                    for mode in modes[i][u] {
                        guard network.canStart(task: i, unit: j, at: t, duration: mode.duration) else { continue }
                        let unit = network.units[j]
                        let most = network.timing == .discrete ? unit.free(from: t, to: t + mode.duration)
                            : Int(clamping: Double(unit.count - unit.held(at: t)) * unit.available(at: t) / task.bucketOccupancy + 1e-9, to: 0...(unit.count * 1_000_000), rounding: .down)
                        guard most > 0 else { continue }
                        let key = Key(task: i, unit: j, time: t, duration: mode.duration)
                        // Before a frozen period, only the earlier plan's batches, fixed.
                        var fixedCount: Double?, fixedAmount = 0.0
                        if let frozen = network.frozen, t < frozen.before {
                            let same = frozen.batches.filter { $0.task == task.name && $0.unit == name && $0.start == t && ($0.duration ?? task.duration) == mode.duration }
                            guard !same.isEmpty else { continue }
                            fixedCount = Double(same.reduce(0) { $0 + $1.count })
                            fixedAmount = same.reduce(0) { $0 + $1.amount }
                        }
                        let suffix = ownTime ? "_\(i)_\(j)_\(t)_\(mode.duration)" : "_\(i)_\(j)_\(t)"
                        let w = lp.addVariable("W" + suffix, kind: most == 1 && (fixedCount ?? 0) <= 1 ? .binary : .integer, lowerBound: fixedCount ?? 0, upperBound: fixedCount ?? Double(most))
                        let b = fixedCount == nil
                            ? lp.addVariable("B" + suffix, lowerBound: 0, upperBound: ruled ? mode.most * Double(most) : unit.maxBatch * Double(most) / task.sizeFactor)
                            : lp.addVariable("B" + suffix, lowerBound: max(0, fixedAmount - 1e-7 * max(1, fixedAmount)), upperBound: fixedAmount + 1e-7 * max(1, fixedAmount))
                        starts[key] = w
                        amounts[key] = b
                        keys.append(key)
                        startsAt[Key(task: i, unit: j, time: t, duration: 0), default: []].append(key)
                        longest[i][j] = max(longest[i][j], mode.duration)
                        if let fixed = task.fixedBatch {
                            lp.addConstraint(b - fixed * w == 0, name: "fix" + suffix)
                        } else if ruled {
                            lp.addConstraint(b - mode.most * w <= 0, name: "max" + suffix)
                            if mode.least > 0 { lp.addConstraint(b - mode.least * w >= 0, name: "min" + suffix) }
                        } else if !hosts.contains(task.name) {
                            lp.addConstraint(task.sizeFactor * b - unit.maxBatch * w <= 0, name: "max" + suffix)
                            if unit.minBatch > 0 && task.host == nil { lp.addConstraint(task.sizeFactor * b - unit.minBatch * w >= 0, name: "min" + suffix) }
                        }
                    }
                }
            }
        }
        // Riders: a batch only with a host batch; host and riders within the host's limits together.
        let taskIndexByName = network.taskIndex
        var riding: [Key: LinearExpression] = [:]
        for key in keys {
            let task = network.tasks[key.task]
            guard let hostName = task.host, let h = taskIndexByName[hostName] else { continue }
            let hostKey = Key(task: h, unit: key.unit, time: key.time, duration: key.duration)
            let suffix = "_\(key.task)_\(key.unit)_\(key.time)"
            if let hostStart = starts[hostKey] {
                lp.addConstraint(starts[key]! - hostStart <= 0, name: "ride" + suffix)
                riding[hostKey, default: LinearExpression()].add(task.sizeFactor, amounts[key]!)
            } else {
                lp.addConstraint(LinearExpression(starts[key]!) <= 0, name: "ride" + suffix)
            }
        }
        for key in keys where hosts.contains(network.tasks[key.task].name) && network.tasks[key.task].fixedBatch == nil
            && network.tasks[key.task].suitability(for: network.units[key.unit].name) == nil {
            let task = network.tasks[key.task], unit = network.units[key.unit]
            let suffix = "_\(key.task)_\(key.unit)_\(key.time)"
            var size = riding[key] ?? LinearExpression()
            size.add(task.sizeFactor, amounts[key]!)
            lp.addConstraint(size - unit.maxBatch * starts[key]! <= 0, name: "max" + suffix)
            if unit.minBatch > 0 { lp.addConstraint(size - unit.minBatch * starts[key]! >= 0, name: "min" + suffix) }
        }
        // Occupancy.
        for (j, unit) in network.units.enumerated() {
            let eligible = network.tasks.indices.filter { network.tasks[$0].units.contains(unit.name) && network.tasks[$0].host == nil }
            for t in 0..<max(H, 1) {
                var running = LinearExpression()
                var capacity = Double(unit.count - unit.held(at: t))
                switch network.timing {
                case .discrete:
                    for i in eligible where longest[i][j] > 0 {
                        for start in max(0, t - longest[i][j] + 1)...t {
                            for key in startsAt[Key(task: i, unit: j, time: start, duration: 0)] ?? [] where start + key.duration > t { running += starts[key]! }
                        }
                    }
                case .bucketed:
                    for i in eligible {
                        for key in startsAt[Key(task: i, unit: j, time: t, duration: 0)] ?? [] { running.add(network.tasks[i].bucketOccupancy, starts[key]!) }
                    }
                    capacity *= unit.available(at: t)
                }
                if running.terms.count > 1 || (network.timing == .bucketed || unit.held(at: t) > 0) && !running.terms.isEmpty {
                    lp.addConstraint(running <= capacity, name: "occupy_\(j)_\(t)")
                }
                if network.timing == .bucketed, let rounded = Self.roundedOccupancy(running, capacity: capacity) {
                    lp.addConstraint(rounded.expression <= rounded.capacity, name: "occupy_rounded_\(j)_\(t)")
                }
            }
        }
        // Stocks and balances.
        stock = network.states.enumerated().map { s, state in
            (0...H).map { t in lp.addVariable("S_\(s)_\(t)", lowerBound: 0, upperBound: state.capacity ?? .infinity) }
        }
        var receiptsAt = Array(repeating: Array(repeating: 0.0, count: H + 1), count: network.states.count)
        var refusedAt = Array(repeating: Array(repeating: [Variable](), count: H + 1), count: network.states.count)
        refused = Array(repeating: nil, count: network.receipts.count)
        for (r, receipt) in network.receipts.enumerated() {
            guard let s = stateIndex[receipt.state], (0...H).contains(receipt.time) else { continue }
            receiptsAt[s][receipt.time] += receipt.amount
            if elastic {
                let v = lp.addVariable("refused_\(r)", lowerBound: 0, upperBound: receipt.amount)
                refused[r] = v
                refusedAt[s][receipt.time].append(v)
            }
        }
        // Consumption and release terms, gathered per (state, time) in one pass over the batches.
        var terms = Array(repeating: Array(repeating: [(Variable, Double)](), count: H + 1), count: network.states.count)
        for key in keys {
            let task = network.tasks[key.task]
            let b = amounts[key]!
            for (name, fraction) in task.sortedInputs { if let s = stateIndex[name] { terms[s][key.time].append((b, fraction)) } }
            for output in task.outputs {
                let release = key.time + output.release(afterDuration: key.duration)
                if let s = stateIndex[output.state], release <= H { terms[s][release].append((b, -output.fraction)) }
            }
        }
        for (s, state) in network.states.enumerated() {
            for t in 0...H {
                var balance = LinearExpression(stock[s][t])
                if t > 0 { balance -= stock[s][t - 1] }
                for (v, c) in terms[s][t] { balance.add(c, v) }
                for v in refusedAt[s][t] { balance += v }
                lp.addConstraint(balance == (t == 0 ? state.initialStock : 0) + receiptsAt[s][t], name: "balance_\(s)_\(t)")
            }
        }
        // Milestones.
        shortfall = Array(repeating: nil, count: network.milestones.count)
        excess = Array(repeating: nil, count: network.milestones.count)
        for (m, milestone) in network.milestones.enumerated() {
            let t = min(max(milestone.time, 0), H)
            var reached = LinearExpression()
            for name in milestone.states { if let s = stateIndex[name] { reached += stock[s][t] } }
            if elastic {
                let v = lp.addVariable("shortfall_\(m)", lowerBound: 0, upperBound: milestone.amount)
                shortfall[m] = v
                reached += v
                if milestone.exact == true {
                    let over = lp.addVariable("excess_\(m)", lowerBound: 0)
                    excess[m] = over
                    reached -= over
                }
            }
            if milestone.exact == true {
                lp.addConstraint(reached == milestone.amount, name: "milestone_\(m)")
            } else {
                lp.addConstraint(reached >= milestone.amount, name: "milestone_\(m)")
            }
        }
        // Splits.
        let taskIndex = network.taskIndex
        for (k, split) in network.splits.enumerated() {
            let chosen = Set(split.tasks.compactMap { taskIndex[$0] })
            let others = Set(split.alternatives.compactMap { taskIndex[$0] })
            var expression = LinearExpression()
            for key in keys where chosen.contains(key.task) || others.contains(key.task) {
                expression.add((chosen.contains(key.task) ? 1 : 0) - split.share, amounts[key]!)
            }
            if let reserve = split.reserve, let r = stateIndex[reserve] { expression.add(1 - split.share, stock[r][H]) }
            if !expression.terms.isEmpty { lp.addConstraint(expression >= 0, name: "split_\(k)") }
        }
        // Objective.
        var goal = LinearExpression()
        if elastic {
            for v in refused.compactMap({ $0 }) { goal.add(1, v) }
            for v in shortfall.compactMap({ $0 }) { goal.add(1, v) }
            for v in excess.compactMap({ $0 }) { goal.add(1, v) }
            lp.minimize(goal)
        } else {
            for (s, state) in network.states.enumerated() where state.value != 0 {
                if objective.terminal != 0 { goal.add(objective.terminal * state.value, stock[s][H]) }
                if objective.cumulative != 0 { for t in 1...max(H, 1) where t <= H { goal.add(objective.cumulative * state.value, stock[s][t]) } }
            }
            for key in keys {
                let costs = network.tasks[key.task].costs(on: network.units[key.unit].name)
                if costs.fixed != 0 { goal.add(-costs.fixed, starts[key]!) }
                if costs.variable != 0 { goal.add(-costs.variable, amounts[key]!) }
            }
            if objective.makespan != 0, H > 0 {
                let z = (0..<H).map { lp.addVariable("active_\($0)", kind: .binary) }
                for t in 1..<H { lp.addConstraint(z[t] - z[t - 1] <= 0, name: "active_order_\(t)") }
                for key in keys {
                    let last = key.time + max(network.tasks[key.task].completion(duration: key.duration), 1) - 1
                    let count = lp.info(starts[key]!).upperBound
                    lp.addConstraint(starts[key]! - count * z[min(last, H - 1)] <= 0, name: "active_\(key.task)_\(key.unit)_\(key.time)")
                }
                for v in z { goal.add(-objective.makespan, v) }
            }
            lp.maximize(goal)
        }
        program = lp
    }

    /// The Chvátal–Gomory rounding of a bucket's occupancy row Σ oᵢ·Wᵢ ≤ c (W integer, o > 0):
    /// divided by the least occupancy o₀ and rounded down, Σ ⌊oᵢ/o₀⌋·Wᵢ ≤ ⌊c/o₀⌋. With one
    /// occupancy it says "at most ⌊c/o⌋ batches in the bucket, whatever the tasks" — the LP
    /// relaxation alone lets c/o (4.53 Miller batches a day, 13% more than any schedule can
    /// start), which is what kept an overloaded year's bound loose. Nil when it cuts nothing.
    static func roundedOccupancy(_ row: LinearExpression, capacity: Double) -> (expression: LinearExpression, capacity: Double)? {
        guard let least = row.terms.map(\.coefficient).min(), least > 0, capacity >= 0 else { return nil }
        let ratio = capacity / least
        let bound = (ratio + 1e-9).rounded(.down)
        guard ratio - bound > 1e-6 else { return nil }
        var rounded = LinearExpression()
        for term in row.terms {
            let coefficient = (term.coefficient / least + 1e-9).rounded(.down)
            if coefficient > 0 { rounded.add(coefficient, term.variable) }
        }
        // A single term is the variable's own upper bound (set to the same ⌊c/o⌋).
        guard rounded.terms.count > 1 else { return nil }
        return (rounded, bound)
    }
}
