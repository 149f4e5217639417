extension StateTaskNetwork {
    /// Everything wrong with the network, each with its path (`tasks[2].outputs[0].state`),
    /// value and what is allowed. Checked before any model is built, so GLPK never sees a
    /// value it would reject.
    public func problems() -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        func add(_ path: String, _ value: Any?, _ message: String) {
            problems.append(ScenarioProblem(path: path, value: value.map { "\($0)" }, message: message))
        }
        func finite(_ path: String, _ value: Double, atLeast lower: Double = 0) {
            if !value.isFinite || value < lower { add(path, value, "must be a finite number ≥ \(lower)") }
        }
        if horizon < 1 || horizon > 1_000_000 { add("horizon", horizon, "must be between 1 and 1,000,000 periods") }
        if !periodHours.isFinite || periodHours <= 0 { add("periodHours", periodHours, "must be a positive number of hours") }
        var seen = Set<String>()
        for (s, state) in states.enumerated() {
            if !seen.insert("state:" + state.name).inserted { add("states[\(s)].name", state.name, "is used by another state") }
            finite("states[\(s)].initialStock", state.initialStock)
            if let capacity = state.capacity {
                finite("states[\(s)].capacity", capacity)
                if state.initialStock > capacity { add("states[\(s)].initialStock", state.initialStock, "exceeds the capacity \(capacity)") }
            }
            if !state.value.isFinite { add("states[\(s)].value", state.value, "must be finite") }
        }
        let stateNames = Set(states.map(\.name)), unitNames = Set(units.map(\.name))
        for (j, unit) in units.enumerated() {
            if !seen.insert("unit:" + unit.name).inserted { add("units[\(j)].name", unit.name, "is used by another unit type") }
            if unit.count < 1 || unit.count > 1_000_000 { add("units[\(j)].count", unit.count, "must be between 1 and 1,000,000") }
            finite("units[\(j)].minBatch", unit.minBatch)
            finite("units[\(j)].maxBatch", unit.maxBatch)
            if unit.maxBatch <= 0 || unit.minBatch > unit.maxBatch { add("units[\(j)].maxBatch", unit.maxBatch, "must be positive and at least minBatch (\(unit.minBatch))") }
            if let held = unit.held {
                if held.count != horizon { add("units[\(j)].held", held.count, "must have one entry per period (\(horizon))") }
                for (t, h) in held.enumerated() where !(h >= 0 && h <= unit.count) { add("units[\(j)].held[\(t)]", h, "must be 0…\(unit.count), the units of the type") }
            }
            if let availability = unit.availability {
                if availability.count != horizon { add("units[\(j)].availability", availability.count, "must have one entry per period (\(horizon))") }
                for (t, a) in availability.enumerated() where !(a >= 0 && a <= 1) { add("units[\(j)].availability[\(t)]", a, "must be a share in [0, 1]") }
            }
        }
        for (i, task) in tasks.enumerated() {
            let path = "tasks[\(i)]"
            if !seen.insert("task:" + task.name).inserted { add("\(path).name", task.name, "is used by another task") }
            if task.duration < 0 || (timing == .discrete && task.duration < 1) { add("\(path).duration", task.duration, "must be at least 1 period") }
            if let occupancy = task.occupancy, !(occupancy > 0 && occupancy.isFinite) { add("\(path).occupancy", occupancy, "must be a positive number of periods") }
            if !(task.sizeFactor > 0 && task.sizeFactor.isFinite) { add("\(path).sizeFactor", task.sizeFactor, "must be positive") }
            if let fixed = task.fixedBatch, !(fixed > 0 && fixed.isFinite) { add("\(path).fixedBatch", fixed, "must be positive") }
            if task.units.isEmpty { add("\(path).units", nil, "must name at least one unit type") }
            if let hostName = task.host {
                if let host = tasks.first(where: { $0.name == hostName }) {
                    if host.host != nil { add("\(path).host", "\"\(hostName)\"", "rides another task's batches itself; a host must have batches of its own") }
                    if host.units != task.units || host.duration != task.duration {
                        add("\(path).host", "\"\(hostName)\"", "must have the rider's unit types and duration (\(task.units), \(task.duration))")
                    }
                    if task.fixedBatch != nil || task.suitability != nil || host.fixedBatch != nil || host.suitability != nil {
                        add("\(path).host", "\"\(hostName)\"", "riders and hosts take any amount within the unit's limits: no fixedBatch nor suitability")
                    }
                } else {
                    add("\(path).host", "\"\(hostName)\"", "is not a task")
                }
            }
            for (k, name) in task.units.enumerated() {
                guard unitNames.contains(name) else { add("\(path).units[\(k)]", "\"\(name)\"", "is not a unit type"); continue }
                if let fixed = task.fixedBatch, let unit = units.first(where: { $0.name == name }) {
                    let size = fixed * task.sizeFactor
                    if size < unit.minBatch - 1e-9 || size > unit.maxBatch + 1e-9 {
                        add("\(path).fixedBatch", fixed, "needs \(size) of \(name)'s capacity, outside its batch range \(unit.minBatch)…\(unit.maxBatch)")
                    }
                }
            }
            problems += suitabilityProblems(task: i)
            for (name, fraction) in task.inputs.sorted(by: { $0.key < $1.key }) {
                if !stateNames.contains(name) { add("\(path).inputs.\(name)", nil, "is not a state") }
                finite("\(path).inputs.\(name)", fraction)
            }
            for (k, output) in task.outputs.enumerated() {
                if !stateNames.contains(output.state) { add("\(path).outputs[\(k)].state", "\"\(output.state)\"", "is not a state") }
                finite("\(path).outputs[\(k)].fraction", output.fraction)
                if output.delay < 0 { add("\(path).outputs[\(k)].delay", output.delay, "must be ≥ 0") }
                if timing == .discrete && output.delay < 1 { add("\(path).outputs[\(k)].delay", output.delay, "must be ≥ 1 in discrete timing") }
            }
        }
        for (r, receipt) in receipts.enumerated() {
            if !stateNames.contains(receipt.state) { add("receipts[\(r)].state", "\"\(receipt.state)\"", "is not a state") }
            if receipt.time < 0 || receipt.time > horizon { add("receipts[\(r)].time", receipt.time, "must be in 0…\(horizon)") }
            finite("receipts[\(r)].amount", receipt.amount)
        }
        for (m, milestone) in milestones.enumerated() {
            for (k, name) in milestone.states.enumerated() where !stateNames.contains(name) { add("milestones[\(m)].states[\(k)]", "\"\(name)\"", "is not a state") }
            if milestone.time < 0 || milestone.time > horizon { add("milestones[\(m)].time", milestone.time, "must be in 0…\(horizon)") }
            finite("milestones[\(m)].amount", milestone.amount)
        }
        let taskNames = Set(tasks.map(\.name))
        for (k, split) in splits.enumerated() {
            if !(split.share >= 0 && split.share <= 1) { add("splits[\(k)].share", split.share, "must be a share in [0, 1]") }
            for name in split.tasks + split.alternatives where !taskNames.contains(name) { add("splits[\(k)]", "\"\(name)\"", "is not a task") }
        }
        return problems
    }
}
