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
    static func lots(instance: RefineryNetwork, trace: LotTrace, stages: [RefineryScheduleReport.StageUse]) -> [RefineryScheduleReport.LeftOverLot] {
        let network = instance.network
        let H = network.horizon
        let products = Set(instance.goldProducts.compactMap { network.stateIndex[$0] })
        let lead = shortestLeadTimes(network, products: products)
        let saturation = stageSaturation(network, stages: stages)
        let stateIndex = network.stateIndex
        var result: [RefineryScheduleReport.LeftOverLot] = []
        for (l, lot) in instance.lots.enumerated() where trace.completion[l] == nil {
            let receiptState = stateIndex[network.receipts[lot.receipt].state]
            let earliest = receiptState.flatMap { lead[$0] }.map { lot.arrivalPeriod + $0 }
            let waiting = trace.whereAtEnd[l].max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            let (first, remaining) = waiting.map { downstream(from: $0, instance: instance) } ?? (nil, [])
            let limiting = remaining.compactMap { stage in saturation[stage].map { (stage, $0) } }.max { $0.1 < $1.1 }
            var reason: RefineryScheduleReport.LeftOverReason = .schedule
            var stage: String?
            if let earliest, earliest > H {
                reason = .leadTime
            } else if let limiting, limiting.1 >= RefineryScheduleReport.LeftOverLot.saturatedShare {
                reason = .stageCapacity
                stage = limiting.0
            } else if case let .state(s) = waiting, let i = first, let j = network.unitIndex[network.tasks[i].units.first ?? ""],
                      network.tasks[i].fixedBatch == nil, trace.endStock[s] * network.tasks[i].sizeFactor < network.units[j].minBatch - 1e-9 {
                reason = .minimumBatch
                stage = instance.taskStage[i]
            }
            let unrefined = max(0, 1 - trace.refinedShare[l]) * lot.goldKg
            result.append(.init(id: lot.id, kind: lot.kind, goldKg: lot.goldKg, arrival: lot.arrivalPeriod, unrefinedGoldKg: unrefined,
                                waitingAt: first.map { instance.taskStage[$0] }, reason: reason, stage: stage, earliestCompletion: earliest))
        }
        return result
    }

    /// The first task that takes material from a place, and the stages from there on along
    /// every route it can feed (the by-product loop aside).
    static func downstream(from place: LotTrace.Place, instance: RefineryNetwork) -> (first: Int?, stages: [String]) {
        let network = instance.network
        let stateIndex = network.stateIndex
        let skipped: Set<String> = [RefineryNetwork.byproductState, RefineryNetwork.byproductGoldState]
        func consumers(_ state: String) -> [Int] { network.tasks.indices.filter { network.tasks[$0].inputs[state] != nil } }
        var queue: [Int]
        switch place {
        case let .task(i): queue = [i]
        case let .state(s): queue = consumers(network.states[s].name)
        }
        let first = queue.first
        var seen = Set(queue), stages: [String] = []
        while !queue.isEmpty {
            let i = queue.removeFirst()
            if !stages.contains(instance.taskStage[i]) { stages.append(instance.taskStage[i]) }
            for output in network.tasks[i].outputs where !skipped.contains(output.state) {
                guard let s = stateIndex[output.state], instance.goldPerUnit[s] > 0 else { continue }
                for k in consumers(output.state) where !seen.contains(k) {
                    seen.insert(k)
                    queue.append(k)
                }
            }
        }
        return (first, stages)
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
