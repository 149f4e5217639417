extension RefineryScheduleReport {
    /// Why a lot's gold is not all refined by the end of the window.
    public enum LeftOverReason: String, Codable, Sendable, CaseIterable {
        /// It arrived too late: even on an empty plant, its shortest route (cycles and assay
        /// waits) ends after the window (`earliestCompletion` is past it).
        case leadTime
        /// A stage on its remaining route (`stage`) ran at its capacity: at least
        /// ``LeftOverLot/saturatedShare`` of the batches its units can start in the window's
        /// buckets. With intake above what that stage can carry, some lots must wait for
        /// next year whatever the schedule.
        case stageCapacity
        /// Its gold waits for a stage (`stage`) whose stock at the end is less than one
        /// minimum batch (a Miller charge of 100 kg gross takes twenty 5 kg artisanal lots).
        case minimumBatch
        /// Its gold waits for a stage (`stage`, the Miller for a kind's lots) whose last batch
        /// that could still be refined in the window (started by ``LeftOverLot/lastUsefulStart``)
        /// could not be filled: from the stage's last batch of that material to that start, the
        /// gold waiting for it never reached one minimum batch — too few lots of its kind were
        /// ready early enough after the last batch.
        case lastBatchNotFilled
        /// Its gold reached the pooled stage it waits for (`stage`) only after the last period a
        /// batch there could start and still be refined in the window
        /// (``LeftOverLot/lastUsefulStart``): released by an earlier stage near the end.
        case reachedStageTooLate
        /// No stage on its remaining route was saturated, its stage's stock fills a batch and
        /// it could have been refined in time: the schedule (within its gap of the best
        /// possible) left it.
        case schedule
    }

    /// A lot whose gold is not all refined at the end of the window: left for next year.
    public struct LeftOverLot: Codable, Sendable, Equatable {
        /// The share of a stage's startable batches (unit time in whole batches per bucket)
        /// above which the stage is called saturated: 95%.
        public static let saturatedShare = 0.95

        /// The lot's id.
        public var id: String
        /// The kind of material.
        public var kind: MaterialKind
        /// Fine gold in the lot as received, kg.
        public var goldKg: Double
        /// The period it arrives in.
        public var arrival: Int
        /// Its gold not yet in a product at the end, kg of the lot's received gold (pool
        /// accounting, first in first out).
        public var unrefinedGoldKg: Double
        /// The stage that holds most of its unrefined gold at the end: the stage running a
        /// batch of it, or the next stage of the stock it waits in.
        public var waitingAt: String?
        /// Why it is left over.
        public var reason: LeftOverReason
        /// For ``LeftOverReason/stageCapacity``: the saturated stage (the most saturated on
        /// the lot's remaining route); for ``LeftOverReason/minimumBatch``: the stage whose
        /// minimum batch its stock does not fill.
        public var stage: String?
        /// The earliest period its gold could all be refined on an empty plant (arrival plus
        /// its route's shortest lead time); nil when no route reaches a product.
        public var earliestCompletion: Int?
        /// For ``LeftOverReason/lastBatchNotFilled`` and ``LeftOverReason/reachedStageTooLate``:
        /// the last period a batch of `stage` could start and still reach a product within the window.
        public var lastUsefulStart: Int?
        /// For ``LeftOverReason/lastBatchNotFilled``: the most gold that waited for `stage`, in
        /// the periods a batch could start from its last batch of that material to
        /// ``lastUsefulStart``, kg; when all the gold that could reach it by then (every lot
        /// as early as its route allows) is less, that amount.
        public var availableGoldKg: Double?
        /// One minimum batch of `stage`, kg of gold (for ``LeftOverReason/lastBatchNotFilled``).
        public var minimumBatchGoldKg: Double?
    }

    /// Left-over lots grouped by reason and stage: how many and how much gold.
    public struct LeftOverGroup: Codable, Sendable, Equatable {
        /// Why the lots are left over.
        public var reason: LeftOverReason
        /// The saturated stage (``LeftOverReason/stageCapacity``) or the stage whose minimum
        /// batch is not filled (``LeftOverReason/minimumBatch``).
        public var stage: String?
        /// How many lots.
        public var lots: Int
        /// Their unrefined gold, kg.
        public var unrefinedGoldKg: Double
        /// The first and last of them by arrival, lot ids.
        public var firstLot: String
        /// The last of them by arrival.
        public var lastLot: String
    }

    /// ``leftOver`` grouped by reason and stage, in the order of ``LeftOverReason``'s cases.
    public var leftOverGroups: [LeftOverGroup] {
        var groups: [LeftOverGroup] = []
        for lot in leftOver {
            if let k = groups.firstIndex(where: { $0.reason == lot.reason && $0.stage == lot.stage }) {
                groups[k].lots += 1
                groups[k].unrefinedGoldKg += lot.unrefinedGoldKg
                groups[k].lastLot = lot.id
            } else {
                groups.append(.init(reason: lot.reason, stage: lot.stage, lots: 1, unrefinedGoldKg: lot.unrefinedGoldKg, firstLot: lot.id, lastLot: lot.id))
            }
        }
        let order = LeftOverReason.allCases
        return groups.sorted { (order.firstIndex(of: $0.reason)!, $0.stage ?? "") < (order.firstIndex(of: $1.reason)!, $1.stage ?? "") }
    }
}

/// Finds the left-over lots of a schedule and says why.
enum LeftOverAnalysis {
    /// Left-over lots in arrival order, from the trace's end state.
    static func lots(instance: RefineryNetwork, trace: LotTrace, schedule: STNSchedule, stock: [[Double]],
                     stages: [RefineryScheduleReport.StageUse]) -> [RefineryScheduleReport.LeftOverLot] {
        let network = instance.network
        let H = network.horizon
        let products = Set(instance.goldProducts.compactMap { network.stateIndex[$0] })
        let lead = shortestLeadTimes(network, products: products)
        let saturation = stageSaturation(network, stages: stages)
        let stateIndex = network.stateIndex
        var result: [RefineryScheduleReport.LeftOverLot] = []
        var lastBatch = LastBatchCheck(instance: instance, schedule: schedule, stock: stock, leadToProducts: lead)
        for (l, lot) in instance.lots.enumerated() where trace.completion[l] == nil {
            let receiptState = stateIndex[network.receipts[lot.receipt].state]
            let earliest = receiptState.flatMap { lead[$0] }.map { lot.arrivalPeriod + $0 }
            let waiting = trace.whereAtEnd[l].max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            let (first, remaining) = waiting.map { downstream(from: $0, instance: instance) } ?? (nil, [])
            let limiting = remaining.compactMap { stage in saturation[stage].map { (stage, $0) } }.max { $0.1 < $1.1 }
            var reason: RefineryScheduleReport.LeftOverReason = .schedule
            var stage: String?
            var unfilled: LastBatchCheck.Unfilled?
            if let earliest, earliest > H {
                reason = .leadTime
            } else if let limiting, limiting.1 >= RefineryScheduleReport.LeftOverLot.saturatedShare {
                reason = .stageCapacity
                stage = limiting.0
            } else if case let .state(s) = waiting, let i = first, let j = network.unitIndex[network.tasks[i].units.first ?? ""],
                      network.tasks[i].fixedBatch == nil, trace.endStock[s] * network.tasks[i].sizeFactor < network.units[j].minBatch - 1e-9 {
                reason = .minimumBatch
                stage = instance.taskStage[i]
            } else if let place = waiting, let found = lastBatch.unfilled(from: place, lot: lot) {
                reason = found.tooLate ? .reachedStageTooLate : .lastBatchNotFilled
                stage = instance.taskStage[found.task]
                unfilled = found
            }
            let unrefined = max(0, 1 - trace.refinedShare[l]) * lot.goldKg
            result.append(.init(id: lot.id, kind: lot.kind, goldKg: lot.goldKg, arrival: lot.arrivalPeriod, unrefinedGoldKg: unrefined,
                                waitingAt: first.map { instance.taskStage[$0] }, reason: reason, stage: stage, earliestCompletion: earliest,
                                lastUsefulStart: unfilled?.lastUsefulStart, availableGoldKg: unfilled?.availableGoldKg,
                                minimumBatchGoldKg: unfilled?.minimumBatchGoldKg))
        }
        return result
    }

    /// The first task that takes material from a place, and the stages from there on along
    /// every route it can feed (the by-product loop aside).
    static func downstream(from place: LotTrace.Place, instance: RefineryNetwork) -> (first: Int?, stages: [String]) {
        let tasks = downstreamTasks(from: place, instance: instance)
        var stages: [String] = []
        for i in tasks where !stages.contains(instance.taskStage[i]) { stages.append(instance.taskStage[i]) }
        return (tasks.first, stages)
    }

    /// Each stage's busy time over the unit time its units can fill with whole batches: per
    /// bucket, ⌊count·availability ÷ occupancy⌋ batches of its shortest task (campaigns), or
    /// its available unit-hours (detailed windows).
    static func stageSaturation(_ network: StateTaskNetwork, stages: [RefineryScheduleReport.StageUse]) -> [String: Double] {
        var saturation: [String: Double] = [:]
        for use in stages {
            guard let j = network.units.firstIndex(where: { $0.name == use.stage }) else { continue }
            let unit = network.units[j]
            var usable = use.availableUnitHours
            if network.timing == .bucketed {
                let occupancies = network.tasks.filter { $0.units.contains(unit.name) }.map(\.bucketOccupancy).filter { $0 > 0 }
                if let least = occupancies.min() {
                    usable = (0..<network.horizon).reduce(0.0) { total, t in
                        total + (Double(unit.count) * unit.available(at: t) / least + 1e-9).rounded(.down) * least * network.periodHours
                    }
                }
            }
            saturation[use.stage] = usable > 0 ? use.busyUnitHours / usable : 0
        }
        return saturation
    }

    /// For each state, the fewest periods until material in it can reach a product, through
    /// the tasks' release delays; nil when none can.
    static func shortestLeadTimes(_ network: StateTaskNetwork, products: Set<Int>) -> [Int?] {
        let stateIndex = network.stateIndex
        var lead = network.states.indices.map { products.contains($0) ? Optional(0) : nil }
        // Bellman–Ford over the (small, acyclic but for the by-product loop) task graph.
        for _ in 0..<network.states.count {
            var changed = false
            for task in network.tasks {
                for (input, _) in task.inputs {
                    guard let s = stateIndex[input] else { continue }
                    for output in task.outputs {
                        guard let o = stateIndex[output.state], let after = lead[o] else { continue }
                        let through = output.delay + after
                        if lead[s].map({ through < $0 }) ?? true { lead[s] = through; changed = true }
                    }
                }
            }
            if !changed { break }
        }
        return lead
    }
}

/// Whether the pooled stage a lot waits for could run one more filled batch that still
/// reaches a product in the window (see ``RefineryScheduleReport/LeftOverReason/lastBatchNotFilled``
/// and ``RefineryScheduleReport/LeftOverReason/reachedStageTooLate``).
struct LastBatchCheck {
    /// A stage whose last useful batch cannot be filled.
    struct Unfilled {
        var task: Int
        var lastUsefulStart: Int
        var availableGoldKg: Double
        var minimumBatchGoldKg: Double
        /// Nothing waited for the stage in the periods it could start: the gold reached it
        /// after its last useful start.
        var tooLate: Bool
    }

    let instance: RefineryNetwork
    let schedule: STNSchedule
    /// The schedule's stocks, stock[s][t] (the checker's).
    let stock: [[Double]]
    let leadToProducts: [Int?]
    /// Per task, what the check found (it depends on the task, not the lot).
    private var cache: [Int: Unfilled?] = [:]

    init(instance: RefineryNetwork, schedule: STNSchedule, stock: [[Double]], leadToProducts: [Int?]) {
        self.instance = instance
        self.schedule = schedule
        self.stock = stock
        self.leadToProducts = leadToProducts
    }

    /// The first pooled task on the lot's remaining route (per-lot tasks run one lot a
    /// batch), if its last useful batch cannot be filled and the lot could have been in it.
    mutating func unfilled(from place: LotTrace.Place, lot: RefineryNetwork.WindowLot) -> Unfilled? {
        let network = instance.network
        let tasks = LeftOverAnalysis.downstreamTasks(from: place, instance: instance)
        guard let i = tasks.first(where: { network.tasks[$0].fixedBatch == nil }) else { return nil }
        if cache[i] == nil { cache[i] = compute(task: i) }
        guard let found = cache[i] ?? nil else { return nil }
        // The lot could have been in the batch: its receipt reaches the input by then.
        if let input = network.tasks[i].sortedInputs.first.flatMap({ network.stateIndex[$0.state] }),
           let receiptState = network.stateIndex[network.receipts[lot.receipt].state] {
            let lead = LeftOverAnalysis.shortestLeadTimes(network, products: [input])
            guard let reach = lead[receiptState], lot.arrivalPeriod + reach <= found.lastUsefulStart else { return nil }
        }
        return found
    }

    private func compute(task i: Int) -> Unfilled? {
        let network = instance.network
        let task = network.tasks[i]
        guard task.host == nil, let unitName = task.units.first, let j = network.unitIndex[unitName],
              network.units[j].minBatch > 0, task.sizeFactor > 0,
              let input = task.sortedInputs.first.flatMap({ network.stateIndex[$0.state] }) else { return nil }
        let H = network.horizon
        // The last start whose outputs can still reach a product by the end.
        var after: Int?
        for output in task.outputs {
            guard let o = network.stateIndex[output.state], let lead = leadToProducts[o], instance.goldPerUnit[o] > 0 else { continue }
            after = min(after ?? Int.max, output.delay + lead)
        }
        guard let after, H - after >= 0 else { return nil }
        let last = H - after
        let perUnit = instance.goldPerUnit[input]
        guard perUnit > 0, input < stock.count, stock[input].count > last else { return nil }
        let least = network.units[j].minBatch / task.sizeFactor
        // Even at best: everything that can reach the input by `last` (receipts and opening
        // stock, in the input's measure, no losses), less what the schedule's batches took.
        let leadToInput = LeftOverAnalysis.shortestLeadTimes(network, products: [input])
        var reachable = 0.0
        for (s, state) in network.states.enumerated() where state.initialStock > 0 {
            if let lead = leadToInput[s], lead <= last { reachable += state.initialStock * instance.goldPerUnit[s] / perUnit }
        }
        for receipt in network.receipts {
            guard let s = network.stateIndex[receipt.state], let lead = leadToInput[s], receipt.time + lead <= last else { continue }
            reachable += receipt.amount * instance.goldPerUnit[s] / perUnit
        }
        let inputName = network.states[input].name
        let taken = schedule.batches.filter { $0.start <= last }.reduce(0.0) { total, batch in
            total + (network.taskIndex[batch.task].flatMap { network.tasks[$0].inputs[inputName] } ?? 0) * batch.amount
        }
        let atBest = max(0, reachable - taken)
        if atBest < least - 1e-9 {
            return Unfilled(task: i, lastUsefulStart: last, availableGoldKg: atBest * perUnit, minimumBatchGoldKg: least * perUnit, tooLate: false)
        }
        // In the schedule: the most that waited for the task from its last batch up to `last`
        // (the stock after each period's batches), in the periods a batch of it could start.
        let lastBatch = schedule.batches.filter { $0.task == task.name && $0.start <= last }.map(\.start).max() ?? 0
        let waited = (lastBatch...last).filter { network.canStart(task: i, unit: j, at: $0) }.reduce(0.0) { max($0, stock[input][$1]) }
        guard waited < least - 1e-9 else { return nil }
        return Unfilled(task: i, lastUsefulStart: last, availableGoldKg: waited * perUnit, minimumBatchGoldKg: least * perUnit,
                        tooLate: waited <= 1e-9 * max(1, least))
    }
}

extension LeftOverAnalysis {
    /// The tasks along every route from a place (the first task taking from it, then those
    /// downstream), the by-product loop aside, in breadth-first order.
    static func downstreamTasks(from place: LotTrace.Place, instance: RefineryNetwork) -> [Int] {
        let network = instance.network
        let stateIndex = network.stateIndex
        let skipped: Set<String> = [RefineryNetwork.byproductState, RefineryNetwork.byproductGoldState]
        func consumers(_ state: String) -> [Int] { network.tasks.indices.filter { network.tasks[$0].inputs[state] != nil } }
        var queue: [Int]
        switch place {
        case let .task(i): queue = [i]
        case let .state(s): queue = consumers(network.states[s].name)
        }
        var seen = Set(queue), order: [Int] = []
        while !queue.isEmpty {
            let i = queue.removeFirst()
            order.append(i)
            for output in network.tasks[i].outputs where !skipped.contains(output.state) {
                guard let s = stateIndex[output.state], instance.goldPerUnit[s] > 0 else { continue }
                for k in consumers(output.state) where !seen.contains(k) {
                    seen.insert(k)
                    queue.append(k)
                }
            }
        }
        return order
    }
}
