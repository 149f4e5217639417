/// Verifies a schedule against its network, without the MILP: the answer is trusted because
/// this plain simulation agrees with it, not because a solver said so.
///
/// It replays the batches period by period — receipts in, inputs taken at the start, outputs
/// released after their delays — and checks every rule of the network: eligible unit types,
/// completion within the horizon, unit availability, occupancy (units busy at once, or unit
/// time per bucket), batch sizes, stocks never negative nor above capacity, milestones and
/// splits. The stocks it computes are what reports show.
public struct ScheduleChecker: Sendable {
    /// The network schedules are checked against.
    public let network: StateTaskNetwork
    /// Absolute tolerance on amounts, scaled by the size of the numbers compared.
    public var tolerance: Double

    /// Creates a checker for `network`; `tolerance` is the absolute slack on amounts, scaled
    /// by the size of the numbers compared.
    public init(network: StateTaskNetwork, tolerance: Double = 1e-6) {
        self.network = network
        self.tolerance = tolerance
    }

    /// One rule a schedule breaks.
    public struct Violation: Codable, Sendable, Equatable, CustomStringConvertible {
        /// Which rule is broken.
        public enum Kind: String, Codable, Sendable {
            /// In the order of the cases: a name not in the network, a unit type that cannot run
            /// the task, a batch outside the horizon, a unit not available, more units busy than
            /// exist, a batch too small or large, a stock below zero or above its capacity, a
            /// milestone missed, a split's share not kept, a receipt refused.
            case unknownName, ineligibleUnit, outsideHorizon, unitUnavailable, occupancy, batchSize,
                 negativeStock, storageExceeded, milestoneMissed, splitBroken, refusedReceipt
            /// A batch before the frozen period that the earlier plan does not have, or a frozen
            /// batch missing or changed (``StateTaskNetwork/Frozen``).
            case frozenBatch
            /// A batch holds its unit for less time than its size needs (α + β·B), or a batch of
            /// a fixed-time task states another duration.
            case processingTime
        }

        /// Which rule is broken.
        public var kind: Kind
        /// The period concerned; nil for a rule over the whole horizon (a split).
        public var time: Int?
        /// What is wrong, in words, with the names of the task, unit or state.
        public var message: String

        public var description: String { time.map { "t=\($0): \(message)" } ?? message }
    }

    /// What the check found, with the stocks it computed.
    public struct Result: Sendable, Equatable {
        /// Every rule broken; empty for a valid schedule.
        public var violations: [Violation]
        /// stock[s][t], after the receipts, withdrawals and releases of time t.
        public var stock: [[Double]]
        /// By milestone: how much is missing at its due time (0 when met).
        public var milestoneShortfall: [Double]
        /// By milestone: how much an exact milestone is exceeded at its due time (0 otherwise).
        public var milestoneExcess: [Double] = []
        /// Whether the schedule breaks no rule.
        public var isValid: Bool { violations.isEmpty }
    }

    /// Checks `schedule`. With `allowRelaxation`, refused receipts and missed milestones are
    /// measured but not violations (an elastic schedule that explains an infeasibility).
    public func check(_ schedule: STNSchedule, allowRelaxation: Bool = false) -> Result {
        let H = network.horizon
        var violations: [Violation] = []
        let stateIndex = network.stateIndex, unitIndex = network.unitIndex, taskIndex = network.taskIndex
        var change = Array(repeating: Array(repeating: 0.0, count: H + 1), count: network.states.count)
        var scale = Array(repeating: 1.0, count: network.states.count)
        for (s, state) in network.states.enumerated() {
            change[s][0] += state.initialStock
            scale[s] = max(scale[s], abs(state.initialStock))
        }
        for (r, receipt) in network.receipts.enumerated() {
            guard let s = stateIndex[receipt.state], (0...H).contains(receipt.time) else {
                violations.append(Violation(kind: .unknownName, time: receipt.time, message: "receipt \(r) into unknown state '\(receipt.state)' or outside the horizon"))
                continue
            }
            let refused = r < schedule.refused.count ? schedule.refused[r] : 0
            if refused > tolerance, !allowRelaxation {
                violations.append(Violation(kind: .refusedReceipt, time: receipt.time, message: "receipt \(receipt.label ?? String(r)) refused \(refused)"))
            }
            change[s][receipt.time] += receipt.amount - refused
            scale[s] = max(scale[s], receipt.amount)
        }
        // Unit occupancy: busy[j][t] = units (discrete) or unit time (bucketed) in use.
        var busy = Array(repeating: Array(repeating: 0.0, count: max(H, 1)), count: network.units.count)
        var processed = Array(repeating: 0.0, count: network.tasks.count)
        // Riders' sizes by their host batch (host task, unit, start): they count within its limits.
        struct Slot: Hashable { var task: String; var unit: String; var start: Int }
        var riding: [Slot: Double] = [:]
        var hostCounts: [Slot: Int] = [:]
        for batch in schedule.batches {
            guard let i = taskIndex[batch.task] else { continue }
            if let host = network.tasks[i].host {
                riding[Slot(task: host, unit: batch.unit, start: batch.start), default: 0] += network.tasks[i].sizeFactor * batch.amount
            } else {
                hostCounts[Slot(task: batch.task, unit: batch.unit, start: batch.start), default: 0] += batch.count
            }
        }
        for batch in schedule.batches {
            guard let i = taskIndex[batch.task], let j = unitIndex[batch.unit] else {
                violations.append(Violation(kind: .unknownName, time: batch.start, message: "batch of unknown task '\(batch.task)' or unit type '\(batch.unit)'"))
                continue
            }
            let task = network.tasks[i], unit = network.units[j]
            let label = "\(batch.count)× \(task.name) on \(unit.name) at \(batch.start)"
            guard task.units.contains(unit.name) else {
                violations.append(Violation(kind: .ineligibleUnit, time: batch.start, message: "\(label): task cannot run on this unit type"))
                continue
            }
            let held = task.heldDuration(batch)
            let completion = task.completion(duration: held)
            guard batch.count >= 1, batch.start >= 0, batch.start < H, batch.start + completion <= H else {
                violations.append(Violation(kind: .outsideHorizon, time: batch.start, message: "\(label): must start at or after 0 and complete by \(H) (completes at \(batch.start + completion))"))
                continue
            }
            if task.hasOwnTime(on: unit.name) {
                let needed = task.requiredDuration(on: unit.name, amount: batch.amount * (1 - tolerance) / Double(batch.count))
                if held < needed {
                    violations.append(Violation(kind: .processingTime, time: batch.start, message: "\(label): held \(held) period(s), its batch of \(batch.amount / Double(batch.count)) needs \(needed)"))
                }
            } else if batch.duration.map({ $0 != task.duration }) == true {
                violations.append(Violation(kind: .processingTime, time: batch.start, message: "\(label): lasts \(held) period(s), the task takes \(task.duration)"))
            }
            processed[i] += batch.amount
            if let host = task.host {
                // A rider holds no unit: it needs a host batch as large as its own count, and its
                // size is checked with the host's.
                let hosting = hostCounts[Slot(task: host, unit: unit.name, start: batch.start)] ?? 0
                if hosting < batch.count {
                    violations.append(Violation(kind: .batchSize, time: batch.start, message: "\(label): rides \(hosting) batch(es) of \(host), needs \(batch.count)"))
                }
            } else {
            switch network.timing {
            case .discrete:
                for t in batch.start..<(batch.start + held) {
                    if unit.available(at: t) < 1 - 1e-9 {
                        violations.append(Violation(kind: .unitUnavailable, time: t, message: "\(label): \(unit.name) is not available at \(t)"))
                    }
                    busy[j][t] += Double(batch.count)
                }
            case .bucketed:
                busy[j][batch.start] += Double(batch.count) * task.bucketOccupancy
            }
            }
            let riders = riding[Slot(task: batch.task, unit: unit.name, start: batch.start)] ?? 0
            let least = task.host == nil ? unit.minBatch : 0
            let size = task.sizeFactor * batch.amount + riders
            let relative = tolerance * max(1, size)
            if let fixed = task.fixedBatch, abs(batch.amount - fixed * Double(batch.count)) > tolerance * max(1, batch.amount) {
                violations.append(Violation(kind: .batchSize, time: batch.start, message: "\(label): amount \(batch.amount) is not \(batch.count) × \(fixed)"))
            }
            if task.suitability(for: unit.name) != nil {
                let range = task.batchRange(on: unit), each = batch.amount / Double(batch.count)
                if each < range.lowerBound - tolerance * max(1, each) || each > range.upperBound + tolerance * max(1, each) {
                    violations.append(Violation(kind: .batchSize, time: batch.start, message: "\(label): \(each) per batch is outside \(range.lowerBound)…\(range.upperBound)"))
                }
            } else if size < least * Double(batch.count) - relative || size > unit.maxBatch * Double(batch.count) + relative {
                violations.append(Violation(kind: .batchSize, time: batch.start,
                                            message: "\(label): \(size)\(riders > 0 ? " with its riders" : "") is outside \(least * Double(batch.count))…\(unit.maxBatch * Double(batch.count))"))
            }
            for (name, fraction) in task.sortedInputs {
                guard let s = stateIndex[name] else { continue }
                change[s][batch.start] -= fraction * batch.amount
                scale[s] = max(scale[s], batch.amount)
            }
            for output in task.outputs {
                guard let s = stateIndex[output.state] else { continue }
                change[s][batch.start + output.release(afterDuration: held)] += output.fraction * batch.amount
                scale[s] = max(scale[s], batch.amount)
            }
        }
        for (j, unit) in network.units.enumerated() {
            for t in 0..<H {
                let capacity = network.timing == .discrete ? Double(unit.count - unit.held(at: t)) : Double(unit.count - unit.held(at: t)) * unit.available(at: t)
                let full = network.timing == .discrete ? Double(unit.count) : Double(unit.count) * unit.available(at: t)
                if busy[j][t] > full + 1e-9 {
                    violations.append(Violation(kind: .occupancy, time: t, message: "\(unit.name): \(busy[j][t]) in use, \(full) available"))
                } else if busy[j][t] > capacity + 1e-9 {
                    violations.append(Violation(kind: .unitUnavailable, time: t, message: "\(unit.name): \(busy[j][t]) in use, but \(unit.held(at: t)) of \(unit.count) unit(s) are held outside the schedule (under way, maintenance or a breakdown)"))
                }
            }
        }
        if let frozen = network.frozen { violations += frozenViolations(schedule, frozen: frozen) }
        // Stocks.
        var stock = Array(repeating: Array(repeating: 0.0, count: H + 1), count: network.states.count)
        for (s, state) in network.states.enumerated() {
            var level = 0.0
            let slack = tolerance * scale[s]
            for t in 0...H {
                level += change[s][t]
                stock[s][t] = level
                if level < -slack {
                    violations.append(Violation(kind: .negativeStock, time: t, message: "\(state.name): stock \(level) < 0"))
                }
                if let capacity = state.capacity, level > capacity + slack {
                    violations.append(Violation(kind: .storageExceeded, time: t, message: "\(state.name): stock \(level) > capacity \(capacity)"))
                }
            }
        }
        // Milestones.
        var shortfall = Array(repeating: 0.0, count: network.milestones.count)
        var excess = Array(repeating: 0.0, count: network.milestones.count)
        for (m, milestone) in network.milestones.enumerated() {
            let t = min(max(milestone.time, 0), H)
            let reached = milestone.states.compactMap { stateIndex[$0] }.reduce(0) { $0 + stock[$1][t] }
            let missing = milestone.amount - reached
            if missing > tolerance * max(1, milestone.amount) {
                shortfall[m] = missing
                if !allowRelaxation {
                    violations.append(Violation(kind: .milestoneMissed, time: t, message: "\(milestone.label ?? "milestone \(m)"): \(reached) of \(milestone.amount) by \(t)"))
                }
            }
            if milestone.exact == true, -missing > tolerance * max(1, milestone.amount) {
                excess[m] = -missing
                if !allowRelaxation {
                    violations.append(Violation(kind: .milestoneMissed, time: t, message: "\(milestone.label ?? "milestone \(m)"): \(reached) at \(t), not exactly \(milestone.amount)"))
                }
            }
        }
        // Splits.
        for split in network.splits {
            let reserved = split.reserve.flatMap { stateIndex[$0] }.map { stock[$0][H] } ?? 0
            let chosen = split.tasks.compactMap { taskIndex[$0] }.reduce(0) { $0 + processed[$1] } + reserved
            let others = split.alternatives.compactMap { taskIndex[$0] }.reduce(0) { $0 + processed[$1] }
            if chosen < split.share * (chosen + others) - tolerance * max(1, chosen + others) {
                violations.append(Violation(kind: .splitBroken, time: nil,
                                            message: "\(split.tasks.joined(separator: "+")) took \(chosen) of \(chosen + others), below the share \(split.share)"))
            }
        }
        return Result(violations: violations, stock: stock, milestoneShortfall: shortfall, milestoneExcess: excess)
    }
}

extension ScheduleChecker {
    /// The batches before the frozen period that differ from the earlier plan's: extra ones,
    /// and frozen ones missing or changed (count, amount or duration).
    func frozenViolations(_ schedule: STNSchedule, frozen: StateTaskNetwork.Frozen) -> [Violation] {
        struct Slot: Hashable { var task: String; var unit: String; var start: Int; var duration: Int? }
        func totals(_ batches: [STNSchedule.Batch]) -> [Slot: (count: Int, amount: Double)] {
            var result: [Slot: (count: Int, amount: Double)] = [:]
            for batch in batches where batch.start < frozen.before {
                let slot = Slot(task: batch.task, unit: batch.unit, start: batch.start, duration: batch.duration)
                let sum = result[slot] ?? (0, 0)
                result[slot] = (sum.count + batch.count, sum.amount + batch.amount)
            }
            return result
        }
        let planned = totals(frozen.batches), found = totals(schedule.batches)
        var violations: [Violation] = []
        for slot in Set(planned.keys).union(found.keys).sorted(by: { ($0.start, $0.task, $0.unit) < ($1.start, $1.task, $1.unit) }) {
            let want = planned[slot] ?? (0, 0), got = found[slot] ?? (0, 0)
            if want.count != got.count || abs(want.amount - got.amount) > tolerance * max(1, want.amount) * 10 {
                violations.append(Violation(kind: .frozenBatch, time: slot.start,
                                            message: "\(slot.task) on \(slot.unit) at \(slot.start), before the frozen period's end \(frozen.before): the earlier plan has \(want.count) batch(es) of \(want.amount), the schedule \(got.count) of \(got.amount)"))
            }
        }
        return violations
    }
}
