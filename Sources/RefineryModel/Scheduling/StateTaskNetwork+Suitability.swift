import Foundation

extension StateTaskNetwork {
    /// How one task runs on one unit type, when that differs from the unit's defaults: batch
    /// limits for this task alone, a processing time that grows with the batch (α + β·B, rounded
    /// up to whole periods), and what each batch costs.
    ///
    /// A task that names a unit type in `units` without a suitability entry for it runs with the
    /// unit's `minBatch … maxBatch`, the task's `duration` and no cost.
    public struct Suitability: Codable, Sendable, Equatable {
        /// The unit type this entry is for (one of the task's `units`).
        public var unit: String
        /// The smallest batch of this task on this unit type, in the unit's measure (bounds
        /// `sizeFactor × batch`); nil for the unit's `minBatch`.
        public var minBatch: Double?
        /// The largest batch of this task on this unit type, in the unit's measure; nil for the
        /// unit's `maxBatch`.
        public var maxBatch: Double?
        /// Processing time α in periods; nil for the task's `duration` (and `timePerAmount` is
        /// then ignored). A batch of B holds the unit ⌈α + β·B⌉ periods, at least 1.
        public var baseTime: Double?
        /// Processing time β in periods per unit of batch (the task's measure); nil for 0.
        public var timePerAmount: Double?
        /// Cost of starting one batch, in the objective's value unit; nil for 0.
        public var fixedCost: Double?
        /// Cost per unit of batch processed (the task's measure), in the objective's value
        /// unit; nil for 0.
        public var variableCost: Double?

        /// An entry for `unit`; every field left nil keeps the unit's or the task's default.
        public init(unit: String, minBatch: Double? = nil, maxBatch: Double? = nil, baseTime: Double? = nil, timePerAmount: Double? = nil,
                    fixedCost: Double? = nil, variableCost: Double? = nil) {
            self.unit = unit
            self.minBatch = minBatch
            self.maxBatch = maxBatch
            self.baseTime = baseTime
            self.timePerAmount = timePerAmount
            self.fixedCost = fixedCost
            self.variableCost = variableCost
        }
    }

    /// One way a batch of a task can run on a unit type: it holds the unit `duration` periods
    /// and processes between `least` and `most` per batch (the task's measure). A processing
    /// time α + β·B gives one mode per whole number of periods the batch can last.
    public struct Mode: Sendable, Equatable {
        /// Periods the unit is held.
        public var duration: Int
        /// The smallest batch in this mode, in the task's measure.
        public var least: Double
        /// The largest batch in this mode, in the task's measure.
        public var most: Double
    }
}

extension StateTaskNetwork.Task {
    /// The suitability entry for `unit`, if any.
    public func suitability(for unit: String) -> StateTaskNetwork.Suitability? {
        suitability?.first { $0.unit == unit }
    }

    /// The period after the start by which every output of a batch lasting `duration` periods
    /// has been released and the unit freed.
    public func completion(duration: Int) -> Int {
        max(duration, outputs.map { $0.release(afterDuration: duration) }.max() ?? 0)
    }

    /// Whether the processing time on `unit` is set by its suitability entry (α + β·B), so that
    /// batches say their own duration.
    public func hasOwnTime(on unit: String) -> Bool { suitability(for: unit)?.baseTime != nil }

    /// Periods a batch of `amount` (the task's measure, one batch) holds `unit`: ⌈α + β·amount⌉
    /// (at least 1) when the suitability entry sets a processing time, else `duration`.
    public func requiredDuration(on unit: String, amount: Double) -> Int {
        guard let rule = suitability(for: unit), let base = rule.baseTime else { return duration }
        let time = base + (rule.timePerAmount ?? 0) * max(0, amount)
        guard time.isFinite else { return Int.max / 4 }
        return max(1, Int(clamping: time - 1e-9, to: 1...(Int.max / 4), rounding: .up))
    }

    /// Periods `batch` holds its unit: the duration it states, else the time its size
    /// requires (α + β·B for an even split over its `count` units), else the task's `duration`.
    public func heldDuration(_ batch: STNSchedule.Batch) -> Int {
        if let duration = batch.duration { return duration }
        guard hasOwnTime(on: batch.unit) else { return duration }
        return requiredDuration(on: batch.unit, amount: batch.amount / Double(max(batch.count, 1)))
    }

    /// The batch limits of this task on `unit`, in the task's measure (per batch).
    public func batchRange(on unit: StateTaskNetwork.Unit) -> ClosedRange<Double> {
        let rule = suitability(for: unit.name)
        let least = (rule?.minBatch ?? unit.minBatch) / sizeFactor, most = (rule?.maxBatch ?? unit.maxBatch) / sizeFactor
        return min(least, most)...most
    }

    /// The ways a batch can run on `unit`: one mode (the task's duration, the batch limits)
    /// unless the processing time grows with the batch, then one per whole number of periods,
    /// each with the batch sizes that take exactly that long.
    public func modes(on unit: StateTaskNetwork.Unit) -> [StateTaskNetwork.Mode] {
        let range = batchRange(on: unit)
        guard let rule = suitability(for: unit.name), rule.baseTime != nil else {
            return [StateTaskNetwork.Mode(duration: duration, least: range.lowerBound, most: range.upperBound)]
        }
        let shortest = requiredDuration(on: unit.name, amount: range.lowerBound)
        let longest = requiredDuration(on: unit.name, amount: range.upperBound)
        let base = rule.baseTime ?? 0, slope = rule.timePerAmount ?? 0
        guard slope > 0, longest > shortest else {
            return [StateTaskNetwork.Mode(duration: shortest, least: range.lowerBound, most: range.upperBound)]
        }
        var modes: [StateTaskNetwork.Mode] = []
        for d in shortest...min(longest, shortest + 1_000_000) {
            let least = d == shortest ? range.lowerBound : max(range.lowerBound, (Double(d - 1) - base) / slope)
            let most = d == longest ? range.upperBound : min(range.upperBound, (Double(d) - base) / slope)
            if most >= least { modes.append(StateTaskNetwork.Mode(duration: d, least: least, most: most)) }
        }
        return modes
    }

    /// Fixed and per-amount batch costs on `unit` (0 when not set).
    public func costs(on unit: String) -> (fixed: Double, variable: Double) {
        let rule = suitability(for: unit)
        return (rule?.fixedCost ?? 0, rule?.variableCost ?? 0)
    }
}

extension StateTaskNetwork {
    /// The problems of task `i`'s suitability entries, each with its path
    /// (`tasks[1].suitability[0].maxBatch`).
    func suitabilityProblems(task i: Int) -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        let task = tasks[i]
        var seen = Set<String>()
        for (k, rule) in (task.suitability ?? []).enumerated() {
            let path = "tasks[\(i)].suitability[\(k)]"
            func add(_ field: String, _ value: Any?, _ message: String) {
                problems.append(ScenarioProblem(path: "\(path).\(field)", value: value.map { "\($0)" }, message: message))
            }
            if !task.units.contains(rule.unit) { add("unit", "\"\(rule.unit)\"", "is not one of the task's unit types (\(task.units.joined(separator: ", ")))") }
            if !seen.insert(rule.unit).inserted { add("unit", "\"\(rule.unit)\"", "has another suitability entry") }
            for (field, value) in [("minBatch", rule.minBatch), ("maxBatch", rule.maxBatch), ("timePerAmount", rule.timePerAmount)] {
                if let value, !(value.isFinite && value >= 0) { add(field, value, "must be a finite number ≥ 0") }
            }
            for (field, value) in [("fixedCost", rule.fixedCost), ("variableCost", rule.variableCost)] {
                if let value, !value.isFinite { add(field, value, "must be finite") }
            }
            if let base = rule.baseTime, !(base.isFinite && base >= 0 && base <= 1_000_000) { add("baseTime", base, "must be a number of periods in 0…1,000,000") }
            if rule.timePerAmount != nil && rule.baseTime == nil { add("timePerAmount", rule.timePerAmount, "needs baseTime (the processing time is baseTime + timePerAmount × batch)") }
            if rule.baseTime != nil && timing == .bucketed { add("baseTime", rule.baseTime, "is for discrete timing only") }
            guard let unit = units.first(where: { $0.name == rule.unit }) else { continue }
            let least = rule.minBatch ?? unit.minBatch, most = rule.maxBatch ?? unit.maxBatch
            if most <= 0 || least > most { add("maxBatch", most, "must be positive and at least minBatch (\(least))") }
            if rule.baseTime != nil, task.requiredDuration(on: unit.name, amount: most / task.sizeFactor) > 1_000_000 {
                add("timePerAmount", rule.timePerAmount, "makes the largest batch last more than 1,000,000 periods")
            }
        }
        return problems
    }
}
