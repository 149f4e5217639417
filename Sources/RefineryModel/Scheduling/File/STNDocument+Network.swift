import Foundation

extension STNDocument {
    /// The most periods a grid may have (horizon ÷ period).
    public static let maximumPeriods = 100_000

    /// Everything wrong with the document beyond its structure, each with its JSON path in the
    /// file (`tasks[2].units[0].maxBatch`), the value and what is allowed.
    public func problems() -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        func add(_ path: String, _ value: Any?, _ message: String) {
            problems.append(ScenarioProblem(path: path, value: value.map { "\($0)" }, message: message))
        }
        func number(_ path: String, _ value: Double?, atLeast lower: Double = 0, positive: Bool = false) {
            guard let value else { return }
            if !value.isFinite || value < lower || (positive && value <= 0) {
                add(path, JSONValue.format(value), positive ? "must be a positive number" : "must be a number ≥ \(JSONValue.format(lower))")
            }
        }
        if schemaVersion != 1 { add("schemaVersion", schemaVersion, "is not a supported version (1)") }
        number("grid.periodHours", grid.periodHours, positive: true)
        number("grid.horizonHours", grid.horizonHours, positive: true)
        let periods = grid.periodHours > 0 && grid.periodHours.isFinite ? grid.horizonHours / grid.periodHours : .nan
        // Times on the grid: whole multiples of the period, within 1e-6 of one.
        func onGrid(_ path: String, _ hours: Double) -> Bool {
            guard periods.isFinite else { return false }
            let p = hours / grid.periodHours
            if !(abs(p - p.rounded()) <= 1e-6 * max(1, abs(p))) {
                add(path, JSONValue.format(hours), "is not a whole number of periods of \(JSONValue.format(grid.periodHours)) h")
                return false
            }
            return true
        }
        if periods.isFinite, onGrid("grid.horizonHours", grid.horizonHours), !(1...Double(Self.maximumPeriods)).contains(periods.rounded()) {
            add("grid.horizonHours", JSONValue.format(grid.horizonHours), "must span 1 to \(Self.maximumPeriods) periods (it spans \(JSONValue.format(periods.rounded())))")
        }
        var stateNames = Set<String>()
        for (s, state) in states.enumerated() {
            let path = "states[\(s)]"
            if state.name.isEmpty || !stateNames.insert(state.name).inserted { add("\(path).name", "\"\(state.name)\"", state.name.isEmpty ? "must not be empty" : "is used by another state") }
            number("\(path).initialStock", state.initialStock)
            number("\(path).capacity", state.capacity)
            if let price = state.price, !price.isFinite { add("\(path).price", price, "must be finite") }
            if let capacity = state.capacity, let stock = state.initialStock, stock > capacity {
                add("\(path).initialStock", JSONValue.format(stock), "exceeds the capacity \(JSONValue.format(capacity))")
            }
            for (d, demand) in (state.demands ?? []).enumerated() {
                number("\(path).demands[\(d)].amount", demand.amount)
                number("\(path).demands[\(d)].timeHours", demand.timeHours)
                if demand.timeHours.isFinite, demand.timeHours >= 0, onGrid("\(path).demands[\(d)].timeHours", demand.timeHours), demand.timeHours > grid.horizonHours + 1e-9 {
                    add("\(path).demands[\(d)].timeHours", JSONValue.format(demand.timeHours), "is after the horizon (\(JSONValue.format(grid.horizonHours)) h)")
                }
            }
        }
        var unitNames = Set<String>()
        for (j, unit) in units.enumerated() {
            if unit.name.isEmpty || !unitNames.insert(unit.name).inserted { add("units[\(j)].name", "\"\(unit.name)\"", unit.name.isEmpty ? "must not be empty" : "is used by another unit type") }
            if let count = unit.count, !(1...1_000).contains(count) { add("units[\(j)].count", count, "must be between 1 and 1,000") }
        }
        var taskNames = Set<String>()
        for (i, task) in tasks.enumerated() {
            let path = "tasks[\(i)]"
            if task.name.isEmpty || !taskNames.insert(task.name).inserted { add("\(path).name", "\"\(task.name)\"", task.name.isEmpty ? "must not be empty" : "is used by another task") }
            var inputStates = Set<String>()
            for (k, input) in task.inputs.enumerated() {
                if !stateNames.contains(input.state) { add("\(path).inputs[\(k)].state", "\"\(input.state)\"", "is not a state") }
                if !inputStates.insert(input.state).inserted { add("\(path).inputs[\(k)].state", "\"\(input.state)\"", "is already an input of this task") }
                number("\(path).inputs[\(k)].fraction", input.fraction, positive: true)
            }
            let inputSum = task.inputs.reduce(0) { $0 + $1.fraction }
            if !task.inputs.isEmpty, inputSum.isFinite, abs(inputSum - 1) > 1e-6 { add("\(path).inputs", nil, "fractions add up to \(JSONValue.format(inputSum)); they must add up to 1") }
            for (k, output) in task.outputs.enumerated() {
                if !stateNames.contains(output.state) { add("\(path).outputs[\(k)].state", "\"\(output.state)\"", "is not a state") }
                number("\(path).outputs[\(k)].fraction", output.fraction, positive: true)
                if let delay = output.delayHours {
                    if !(delay.isFinite && delay > 0) { add("\(path).outputs[\(k)].delayHours", JSONValue.format(delay), "must be a positive number of hours") } else { _ = onGrid("\(path).outputs[\(k)].delayHours", delay) }
                }
            }
            let outputSum = task.outputs.reduce(0) { $0 + $1.fraction }
            if !task.outputs.isEmpty, outputSum.isFinite, abs(outputSum - 1) > 1e-6 {
                add("\(path).outputs", nil, "fractions add up to \(JSONValue.format(outputSum)); they must add up to 1 (send losses to a waste state)")
            }
            if task.inputs.isEmpty && task.outputs.isEmpty { add("\(path)", nil, "needs at least one input or output") }
            var seen = Set<String>()
            for (k, rule) in task.units.enumerated() {
                let rulePath = "\(path).units[\(k)]"
                if !unitNames.contains(rule.unit) { add("\(rulePath).unit", "\"\(rule.unit)\"", "is not a unit type") }
                if !seen.insert(rule.unit).inserted { add("\(rulePath).unit", "\"\(rule.unit)\"", "is listed twice for this task") }
                number("\(rulePath).minBatch", rule.minBatch)
                number("\(rulePath).maxBatch", rule.maxBatch, positive: true)
                if let least = rule.minBatch, least.isFinite, rule.maxBatch.isFinite, least > rule.maxBatch {
                    add("\(rulePath).minBatch", JSONValue.format(least), "exceeds maxBatch (\(JSONValue.format(rule.maxBatch)))")
                }
                number("\(rulePath).processingHours", rule.processingHours)
                number("\(rulePath).processingHoursPerAmount", rule.processingHoursPerAmount)
                for (field, value) in [("fixedCost", rule.fixedCost), ("variableCost", rule.variableCost)] {
                    if let value, !value.isFinite { add("\(rulePath).\(field)", value, "must be finite") }
                }
                let longest = rule.processingHours + (rule.processingHoursPerAmount ?? 0) * rule.maxBatch
                if longest.isFinite, rule.processingHours.isFinite, rule.processingHours >= 0, longest <= 0 {
                    add("\(rulePath).processingHours", JSONValue.format(rule.processingHours), "must be positive when processingHoursPerAmount is 0")
                } else if longest.isFinite, grid.periodHours > 0, longest > grid.horizonHours * 10 + grid.periodHours {
                    add("\(rulePath).processingHoursPerAmount", rule.processingHoursPerAmount.map { JSONValue.format($0) }, "makes the largest batch last \(JSONValue.format(longest)) h, over ten horizons")
                }
            }
            if task.units.isEmpty { add("\(path).units", nil, "must name at least one unit type") }
        }
        return problems
    }

    /// The network this document describes, on its grid: ready for ``STNScheduler``. Call on a
    /// document without ``problems()`` (as ``STNDocumentLoader`` returns).
    ///
    /// Every task runs with per-unit ``StateTaskNetwork/Suitability`` entries (batch limits,
    /// α and β in periods, costs); outputs without `delayHours` are released at the end of
    /// the batch; demands become milestones on their state.
    public func network() -> StateTaskNetwork {
        let period = grid.periodHours
        func periods(_ hours: Double) -> Int { Int(clamping: hours / period, to: 0...Self.maximumPeriods * 10, rounding: .toNearestOrAwayFromZero) }
        let horizon = periods(grid.horizonHours)
        var milestones: [StateTaskNetwork.Milestone] = []
        let networkStates = states.map { state in
            for demand in state.demands ?? [] {
                milestones.append(StateTaskNetwork.Milestone(states: [state.name], time: periods(demand.timeHours), amount: demand.amount,
                                                             label: "\(state.name) \(demand.exact == true ? "=" : "≥") \(JSONValue.format(demand.amount)) at \(JSONValue.format(demand.timeHours)) h",
                                                             exact: demand.exact == true ? true : nil))
            }
            return StateTaskNetwork.State(name: state.name, initialStock: state.initialStock ?? 0, capacity: state.capacity, value: state.price ?? 0, measure: measure ?? "kg")
        }
        var largest: [String: Double] = [:]
        let networkTasks = tasks.map { task in
            let rules = task.units.map { rule in
                StateTaskNetwork.Suitability(unit: rule.unit, minBatch: rule.minBatch ?? 0, maxBatch: rule.maxBatch, baseTime: rule.processingHours / period,
                                             timePerAmount: rule.processingHoursPerAmount.map { $0 / period }, fixedCost: rule.fixedCost, variableCost: rule.variableCost)
            }
            for rule in task.units { largest[rule.unit] = max(largest[rule.unit] ?? 0, rule.maxBatch) }
            // The task's nominal duration (for outputs released at the end): its shortest batch on any unit.
            var probe = StateTaskNetwork.Task(name: task.name, inputs: [:], outputs: [], duration: 1, units: task.units.map(\.unit), suitability: rules)
            let shortest = task.units.map { probe.requiredDuration(on: $0.unit, amount: $0.minBatch ?? 0) }.min() ?? 1
            probe.duration = shortest
            probe.inputs = Dictionary(task.inputs.map { ($0.state, $0.fraction) }, uniquingKeysWith: +)
            probe.outputs = task.outputs.map { output in
                if let delay = output.delayHours { return StateTaskNetwork.Output(state: output.state, fraction: output.fraction, delay: periods(delay)) }
                return StateTaskNetwork.Output(state: output.state, fraction: output.fraction, delay: shortest, atEnd: true)
            }
            return probe
        }
        let networkUnits = units.map { unit in
            StateTaskNetwork.Unit(name: unit.name, count: unit.count ?? 1, minBatch: 0, maxBatch: max(largest[unit.name] ?? 1, 1e-9))
        }
        return StateTaskNetwork(states: networkStates, tasks: networkTasks, units: networkUnits, horizon: horizon, timing: .discrete,
                                periodHours: period, milestones: milestones)
    }
}
