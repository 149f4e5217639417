/// The discrete-time MILP of a ``StateTaskNetwork`` (Shah, Pantelides & Sargent 1993), with
/// identical units aggregated:
///
/// - `W[i,j,t]` ∈ {0…count_j}: batches of task i started on unit type j at time t, only where
///   the batch finishes within the horizon (t + p_i ≤ H);
/// - `B[i,j,t]` ≥ 0: the total amount they process, `minBatch·W ≤ B ≤ maxBatch·W`;
/// - `S[s,t]` ∈ [0, capacity_s]: stock after the receipts and withdrawals of time t;
/// - occupancy: for every unit type and period, Σᵢ Σ_{t−p_i < t' ≤ t} W[i,j,t'] ≤ count_j;
/// - balance: S[s,t] = S[s,t−1] + Σ outputs released at t − Σ inputs taken at t;
/// - objective: maximize Σ_s value_s · S[s,H].
public struct STNFormulation: Sendable {
    public let network: StateTaskNetwork
    public private(set) var program: LinearProgram
    /// Start variables by (task, unit type, time).
    public private(set) var starts: [Key: Variable] = [:]
    /// Batch-amount variables by (task, unit type, time).
    public private(set) var amounts: [Key: Variable] = [:]
    /// Stock variables: stock[s][t].
    public private(set) var stock: [[Variable]] = []

    public struct Key: Hashable, Sendable {
        public var task: Int
        public var unit: Int
        public var time: Int
    }

    public init(_ network: StateTaskNetwork) {
        self.network = network
        var lp = LinearProgram(name: "stn")
        let H = network.horizon
        let stateIndex = Dictionary(uniqueKeysWithValues: network.states.enumerated().map { ($1.name, $0) })
        let unitIndex = Dictionary(uniqueKeysWithValues: network.units.enumerated().map { ($1.name, $0) })

        for (i, task) in network.tasks.enumerated() {
            for name in task.units {
                guard let j = unitIndex[name] else { continue }
                let unit = network.units[j]
                for t in 0...H where t + task.duration <= H {
                    let key = Key(task: i, unit: j, time: t)
                    let w = lp.addVariable("W_\(i)_\(j)_\(t)", kind: unit.count == 1 ? .binary : .integer,
                                           lowerBound: 0, upperBound: Double(unit.count))
                    let b = lp.addVariable("B_\(i)_\(j)_\(t)", lowerBound: 0, upperBound: unit.maxBatch * Double(unit.count))
                    starts[key] = w
                    amounts[key] = b
                    lp.addConstraint(b - unit.maxBatch * w <= 0, name: "max_\(i)_\(j)_\(t)")
                    if unit.minBatch > 0 { lp.addConstraint(b - unit.minBatch * w >= 0, name: "min_\(i)_\(j)_\(t)") }
                }
            }
        }
        // Occupancy.
        for (j, unit) in network.units.enumerated() {
            for t in 0..<H {
                var running = LinearExpression()
                for (i, task) in network.tasks.enumerated() where task.units.contains(unit.name) {
                    for start in max(0, t - task.duration + 1)...t {
                        if let w = starts[Key(task: i, unit: j, time: start)] { running += w }
                    }
                }
                if !running.terms.isEmpty { lp.addConstraint(running <= Double(unit.count), name: "occupy_\(j)_\(t)") }
            }
        }
        // Stocks and balances.
        stock = network.states.enumerated().map { s, state in
            (0...H).map { t in lp.addVariable("S_\(s)_\(t)", lowerBound: 0, upperBound: state.capacity ?? .infinity) }
        }
        for (s, state) in network.states.enumerated() {
            for t in 0...H {
                var balance = LinearExpression(stock[s][t])
                if t > 0 { balance -= stock[s][t - 1] }
                for (i, task) in network.tasks.enumerated() {
                    for name in task.units {
                        guard let j = unitIndex[name] else { continue }
                        if let fraction = task.inputs[state.name], let b = amounts[Key(task: i, unit: j, time: t)] {
                            balance += fraction * b
                        }
                        for output in task.outputs where stateIndex[output.state] == s {
                            if let b = amounts[Key(task: i, unit: j, time: t - output.delay)] { balance -= output.fraction * b }
                        }
                    }
                }
                lp.addConstraint(balance == (t == 0 ? state.initialStock : 0), name: "balance_\(s)_\(t)")
            }
        }
        var objective = LinearExpression()
        for (s, state) in network.states.enumerated() where state.value != 0 { objective.add(state.value, stock[s][H]) }
        lp.maximize(objective)
        program = lp
    }
}
