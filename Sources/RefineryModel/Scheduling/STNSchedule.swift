/// A schedule for a ``StateTaskNetwork``: the batches, by task, unit type and start. It is
/// plain data, independent of how it was found, so ``ScheduleChecker`` can verify it against
/// the network alone.
public struct STNSchedule: Codable, Sendable, Equatable {
    /// `count` identical batches of a task started together on a unit type.
    public struct Batch: Codable, Sendable, Equatable {
        /// The task's name in the network.
        public var task: String
        /// The unit type's name in the network.
        public var unit: String
        /// The period the batches start (their inputs are taken then).
        public var start: Int
        /// How many units run it at once (bucketed timing: how many batches in the bucket).
        public var count: Int
        /// The total amount processed, in the measure of the task's batch.
        public var amount: Double
        /// Periods the unit is held, when the processing time depends on the unit or the batch
        /// (``StateTaskNetwork/Suitability``); nil for the task's `duration`.
        public var duration: Int?

        /// `count` batches of `task` on `unit` from period `start`, processing `amount` in all,
        /// holding the unit `duration` periods (nil: the task's own duration).
        public init(task: String, unit: String, start: Int, count: Int, amount: Double, duration: Int? = nil) {
            self.task = task
            self.unit = unit
            self.start = start
            self.count = count
            self.amount = amount
            self.duration = duration
        }
    }

    /// The batches, by start, then task and unit position in the network.
    public var batches: [Batch]
    /// The amount of each receipt refused, by receipt (empty when all are received).
    public var refused: [Double]

    /// Creates a schedule; the parameters are the properties of the same names.
    public init(batches: [Batch], refused: [Double] = []) {
        self.batches = batches
        self.refused = refused
    }
}

extension STNFormulation {
    /// The schedule in a solution of this formulation: integer counts rounded, amounts kept.
    public func schedule(from values: [Double]) -> STNSchedule {
        var batches: [STNSchedule.Batch] = []
        for key in keys.sorted() {
            let count = Int(clamping: values[starts[key]!.index], to: 0...(1 << 52), rounding: .toNearestOrAwayFromZero)
            guard count > 0 else { continue }
            var amount = max(0, values[amounts[key]!.index])
            if let fixed = network.tasks[key.task].fixedBatch { amount = fixed * Double(count) }
            let task = network.tasks[key.task], unit = network.units[key.unit].name
            batches.append(STNSchedule.Batch(task: task.name, unit: unit, start: key.time, count: count, amount: amount,
                                             duration: task.hasOwnTime(on: unit) ? key.duration : nil))
        }
        let refusedAmounts = refused.map { $0.map { max(0, values[$0.index]) } ?? 0 }
        return STNSchedule(batches: batches, refused: refusedAmounts.contains { $0 > 0 } ? refusedAmounts : [])
    }

    /// The values of this formulation's variables for `schedule` (a starting solution):
    /// starts and amounts from the batches, stocks by simulation, slacks from the check.
    public func values(for schedule: STNSchedule) -> [Double] {
        var values = Array(repeating: 0.0, count: program.variableCount)
        let taskIndex = network.taskIndex, unitIndex = network.unitIndex
        for batch in schedule.batches {
            guard let i = taskIndex[batch.task], let j = unitIndex[batch.unit] else { continue }
            let key = Key(task: i, unit: j, time: batch.start, duration: network.tasks[i].heldDuration(batch))
            guard let w = starts[key], let b = amounts[key] else { continue }
            values[w.index] += Double(batch.count)
            values[b.index] += batch.amount
        }
        let check = ScheduleChecker(network: network).check(schedule)
        for (s, row) in stock.enumerated() { for (t, v) in row.enumerated() { values[v.index] = check.stock[s][t] } }
        for (r, v) in refused.enumerated() { if let v, r < schedule.refused.count { values[v.index] = schedule.refused[r] } }
        for (m, v) in shortfall.enumerated() { if let v { values[v.index] = check.milestoneShortfall[m] } }
        for (m, v) in excess.enumerated() { if let v { values[v.index] = check.milestoneExcess[m] } }
        if objective.makespan != 0, !isElastic {
            let last = schedule.batches.map { batch in
                let task = network.tasks[taskIndex[batch.task]!]
                return batch.start + max(task.completion(duration: task.heldDuration(batch)), 1)
            }.max() ?? 0
            for variable in program.variables where program.info(variable).name.hasPrefix("active_") {
                if let t = Int(program.info(variable).name.dropFirst("active_".count)) { values[variable.index] = t < last ? 1 : 0 }
            }
        }
        return values
    }
}
