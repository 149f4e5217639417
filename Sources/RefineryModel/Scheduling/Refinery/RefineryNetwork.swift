/// The State-Task Network of a scenario's refinery for one scheduling window.
///
/// **Lots and per-lot stages.** Lots are grouped into classes of identical lots (kind, gross
/// mass, assay). Each lot arrives as a receipt of one *lot* into its class's waiting state;
/// per-lot stages (receiving, pre-melting, the sampling melt) run fixed batches of one lot,
/// so lots are never mixed before their assay. A lot above a unit's largest charge takes
/// ⌈mass ÷ max⌉ charges in a row on one unit, as in the throughput model. The last per-lot stage releases the lot's gold
/// (kg) into the kind's assayed stock after its cycle and the assay wait.
///
/// **Pooled stages** (Miller, Wohlwill, casting) take any amount of gold within the units'
/// batch range (gross kg, through each task's gross-per-gold `sizeFactor`). Their states form
/// a tree of route paths: `after miller`, then `after miller → wohlwill`, each route ending in
/// its product. Where routes part, a ``StateTaskNetwork/Split`` keeps at least the planned
/// share of the gold on the smaller routes. Miller batches hold one material kind.
///
/// **By-products.** What a stage diverts (chloride slag, anode slimes) goes to one
/// by-product state; the by-product stage turns it into refined silver and returns its gold
/// to the first pooled state. Compositions of pooled states are the expected mix of the
/// window's lots. The by-product's gold is tracked in a second state (kg of gold) beside its
/// gross mass: the by-product stage takes gold at the stream's expected share, but only gold
/// that came in, so the gold in by-products is never negative even when the schedule's mix of
/// Miller slag (with gold) and anode slimes (without) differs from the expected one.
///
/// **Lot-tracked lots.** In a detailed window, lots with their own due date within it (the
/// scenario's or the plant state's, not a turnaround target; up to ``trackedLotLimit``)
/// have states of their own after their assay and copies of the pooled tasks that ride the
/// pooled batches (``StateTaskNetwork/Task/host``), so their own gold must be refined by their
/// due date; other due dates are pooled (cumulative gold owed by each date).
///
/// Quantities: lots in per-lot states, kg of gold in gold states, gross kg in the by-product
/// state, kg of silver in refined silver. ``goldPerUnit`` converts each state to kg of gold.
public struct RefineryNetwork: Sendable {
    /// A lot in the window, with where it enters the network.
    public struct WindowLot: Codable, Sendable, Equatable {
        /// The lot's id, as in the throughput model's lots.
        public var id: String
        /// The kind of material (it decides the lot's routes).
        public var kind: MaterialKind
        /// The id of the source it comes from, if any.
        public var source: String?
        /// Gross mass as received, kg.
        public var grossMassKg: Double
        /// Fine gold in the lot, kg.
        public var goldKg: Double
        /// Index into the network's receipts.
        public var receipt: Int
        /// The period of the window the lot arrives in, from 0 at the window's start.
        public var arrivalPeriod: Int
        /// The period by which its gold is due refined, if it has a due date (the scenario's, or
        /// arrival + the request's turnaround target).
        public var duePeriod: Int?
    }

    /// The scenario whose plant and intake the network models.
    public let scenario: Scenario
    /// The window, grid and goal the network was built for.
    public let request: RefineryScheduleRequest
    /// The State-Task Network itself, ready for ``STNScheduler``.
    public private(set) var network: StateTaskNetwork
    /// The objective weights derived from the request's goal.
    public let objective: STNObjective
    /// The lots of the window, in arrival order.
    public private(set) var lots: [WindowLot] = []
    /// Day number (days since 1970-01-01) of the window's first day.
    public let startDay: Int
    /// The plant configuration's year.
    public let year: Int
    /// kg of gold per unit of each state, by state.
    public private(set) var goldPerUnit: [Double] = []
    /// States whose stock is refined product (gold bars), by name.
    public private(set) var goldProducts: [String] = []
    /// The stage id each task runs, by task.
    public private(set) var taskStage: [String] = []
    /// Stage ids that are per-lot (lots, not kg, are their batches).
    public private(set) var perLotTasks: Set<String> = []
    /// Gold lost per unit of batch of each task (kg), from the stage's gold recovery.
    public private(set) var goldLossPerUnit: [Double] = []
    /// Gold sent to the by-product stream per unit of batch of each task (kg).
    public private(set) var goldToByproductPerUnit: [Double] = []
    /// The smallest share of a lot's gold that reaches a product along any of its routes.
    public private(set) var leastYield: [MaterialKind: Double] = [:]
    /// Notes for people about choices made building the network.
    public private(set) var notes: [String] = []
    /// The plant state the window starts from, if any.
    public let plantState: PlantState?

    /// The prefix of the per-lot waiting states' names, followed by the lot class's label.
    public static let waitingPrefix = "waiting: "
    /// The label of the makespan goal's milestone: every lot of the window refined by its end.
    public static let wholeWindowLabel = "all lots of the window"
    /// The value of gold part-way through the plant per kg, at its deepest, relative to
    /// refined gold (see the objective).
    public static let progressCredit = 0.001
    /// The name of the by-product state: chloride slag and anode slimes, gross kg.
    public static let byproductState = "by-product (gross kg)"
    /// The gold in the by-product stream, tracked beside its gross mass: by-products of
    /// different stages and lots carry different shares of gold, so the by-product stage may
    /// take out only gold that came in (a stock, never negative).
    public static let byproductGoldState = "by-product gold (kg gold)"
    /// The name of the refined-silver state, kg of silver.
    public static let silverState = "refined silver"

    /// Builds the network; throws ``SchedulingError/invalidRequest(_:)`` when the request or
    /// the scenario's routes do not allow one.
    ///
    /// A detailed window may start from a ``PlantState`` (its problems are thrown with paths
    /// `state.…`, e.g. `state.lotsInProcess[2].stage`): nothing starts before its hour, its
    /// stocks and lots are received at their hours, its units are held. `frozen` fixes the
    /// batches of an earlier plan before its hour (``RefineryScheduler/replan(_:previous:fromHour:holds:options:)``).
    public init(scenario: Scenario, request: RefineryScheduleRequest, state plantState: PlantState? = nil,
                frozen: StateTaskNetwork.Frozen? = nil) throws {
        var problems = request.problems(for: scenario)
        guard problems.isEmpty else { throw SchedulingError.invalidRequest(problems) }
        if let plantState {
            var stateProblems = plantState.problems(for: scenario, windowHours: Double(request.days) * 24)
            if request.kind != .detailed { stateProblems.insert(ScenarioProblem(path: "", value: nil, message: "a plant state applies to a detailed window only"), at: 0) }
            if !stateProblems.isEmpty { throw SchedulingError.invalidRequest(stateProblems.map(Self.statePath)) }
        }
        self.scenario = scenario
        self.request = request
        self.plantState = plantState
        let start = request.startDate.flatMap(CivilDate.init(parsing:))
        let year = request.year ?? start?.year ?? scenario.horizon.firstYear
        self.year = year
        let startDay = (start ?? CivilDate(year: year, month: 1, day: 1)).dayNumber
        self.startDay = startDay
        var notes: [String] = []
        let plant = scenario.plant
        let Δ = request.periodHours
        let periodsPerDay = Int(clamping: 24 / Δ, to: 1...96, rounding: .toNearestOrAwayFromZero)
        let H = request.days * periodsPerDay
        let units = ThroughputModel(scenario: scenario).configuration(in: year).units

        // The window's lots, from the scenario's intake for the year (scaled if asked).
        var windowLots: [PlacedLot]
        do {
            windowLots = try Self.lots(scenario: scenario, request: request, year: year, startDay: startDay)
        } catch {
            throw SchedulingError.invalidRequest(error.problems)
        }
        // From a plant state: the lots arriving before its hour are in the state already.
        let openPeriod = plantState.map { Int(clamping: $0.hour / Δ, to: 0...H, rounding: .down) } ?? 0
        if let plantState {
            windowLots.removeAll { $0.period < openPeriod }
            windowLots += Self.stateLots(plantState, plant: plant, periodHours: Δ, horizon: H, open: openPeriod)
        }

        // Routes by kind, split into the per-lot prefix and the pooled rest.
        var perLotStages: [MaterialKind: [Stage]] = [:]
        var pooledRoutes: [MaterialKind: [(route: Route, share: Double, stages: [Stage])]] = [:]
        for kind in Set(windowLots.map(\.kind)).sorted() {
            let routes = plant.routes.filter { $0.shares[kind] > 0 }
            guard !routes.isEmpty else {
                problems.append(ScenarioProblem(path: "plant.routes", value: nil, message: "no route takes \(kind.rawValue) lots"))
                continue
            }
            func split(_ route: Route) -> (prefix: [Stage], pooled: [Stage]) {
                let stages = route.stages.compactMap(plant.stage).filter { $0.id != plant.byproductStage }
                let prefix = Array(stages.prefix { $0.batching == .perLot })
                return (prefix, Array(stages.dropFirst(prefix.count)))
            }
            let prefix = split(routes[0]).prefix
            for route in routes where split(route).prefix.map(\.id) != prefix.map(\.id) {
                let index = plant.routes.firstIndex { $0.id == route.id } ?? 0
                problems.append(ScenarioProblem(path: "plant.routes[\(index)].stages", value: "\"\(route.id)\"",
                                                message: "starts with the per-lot stages \(split(route).prefix.map(\.id)), but route \"\(routes[0].id)\" of \(kind.rawValue) lots starts with \(prefix.map(\.id)): routes of one kind must share their per-lot stages to be scheduled"))
            }
            perLotStages[kind] = prefix
            pooledRoutes[kind] = routes.map { ($0, $0.shares[kind], split($0).pooled) }
        }
        guard problems.isEmpty else { throw SchedulingError.invalidRequest(problems) }

        var states: [StateTaskNetwork.State] = []
        var goldPerUnit: [Double] = []
        var depth: [Int] = []
        var stateIndex: [String: Int] = [:]
        func state(_ name: String, measure: String, gold: Double, value: Double = 0, steps: Int = 0) -> String {
            if stateIndex[name] == nil {
                stateIndex[name] = states.count
                states.append(.init(name: name, value: value, measure: measure))
                goldPerUnit.append(gold)
                depth.append(steps)
            }
            return name
        }
        var tasks: [StateTaskNetwork.Task] = []
        var taskStage: [String] = []
        var goldLoss: [Double] = []
        var goldDiverted: [Double] = []
        var perLot = Set<String>()

        func timing(_ stage: Stage) throws(SchedulingError) -> (duration: Int, occupancy: Double?, delay: Int) {
            do { return try periods(stage) } catch { throw .invalidRequest([error.problem]) }
        }
        func periods(_ stage: Stage) throws(ConversionError) -> (duration: Int, occupancy: Double?, delay: Int) {
            let hours = stage.cycleHours, total = stage.cycleHours + stage.waitDays * 24
            let path = "plant.stages[\(plant.stages.firstIndex { $0.id == stage.id } ?? 0)]"
            switch request.kind {
            case .detailed:
                let duration = max(1, try Int(checked: hours / Δ - 1e-9, rounding: .up, path: "\(path).cycleHours", what: "a batch duration in periods"))
                return (duration, nil, max(duration, try Int(checked: total / Δ - 1e-9, rounding: .up, path: "\(path).waitDays", what: "a delay in periods")))
            case .campaign:
                return (0, hours / Δ, try Int(checked: total / Δ, rounding: .toNearestOrAwayFromZero, path: "\(path).waitDays", what: "a delay in periods"))
            }
        }
        func unitName(_ stage: Stage) -> String { stage.id }

        // Expected element flows, for the compositions of pooled states and the by-product.
        var byproductFlow = ElementMasses()
        var nodeFlow: [[String]: ElementMasses] = [:]       // entering each pooled path (by the path *after* entering)
        var kindEntering: [MaterialKind: ElementMasses] = [:] // entering the first pooled stage, by kind
        var routeFlow: [[String]: Double] = [:]              // gold reaching each pooled path prefix

        // Lot classes: identical lots share their tasks.
        // A lot of a plant state is a class of its own, from the stage after the one it is in.
        struct ClassKey: Hashable { var kind: MaterialKind; var gross: Double; var gold: Double; var silver: Double; var own: String?; var skip: Int }
        var classes: [ClassKey: (label: String, lots: [Int])] = [:]
        var classOrder: [ClassKey] = []
        // Lots due within a detailed window (the first `trackedLotLimit` by due date) are lot-tracked:
        // their gold has states of its own and rides the pooled batches, so it is their own gold
        // that must be refined by their due date.
        // A campaign's due dates stay pooled (daily buckets; the year's lots are too many to track).
        // A blanket turnaround target (every lot due) stays pooled too: tracking a whole week's lots
        // would multiply the model (20 lots of a 200 t/yr week: 52,000 variables, no schedule in 30 s).
        let trackedIDs = request.kind == .campaign ? [] : Set(windowLots.enumerated().filter { $0.element.ownDueDate && ($0.element.duePeriod.map { $0 <= H } ?? false) }
            .sorted { ($0.element.duePeriod!, $0.offset) < ($1.element.duePeriod!, $1.offset) }.prefix(Self.trackedLotLimit).map(\.element.lot.id))
        let dueInWindow = windowLots.filter { $0.ownDueDate && ($0.duePeriod.map { $0 <= H } ?? false) }.count
        if request.kind == .detailed && dueInWindow > trackedIDs.count {
            notes.append("\(dueInWindow - trackedIDs.count) lot(s) due in the window beyond the first \(Self.trackedLotLimit) are not lot-tracked: their due dates are pooled")
        }
        func tracked(_ name: String, _ id: String) -> String {
            name.hasSuffix(" (kg gold)") ? String(name.dropLast(" (kg gold)".count)) + " [lot \(id)] (kg gold)" : name + " [lot \(id)]"
        }
        for (l, lot) in windowLots.enumerated() where lot.pooledStage == nil {
            let own = lot.fromState || trackedIDs.contains(lot.lot.id)
            let key = ClassKey(kind: lot.kind, gross: lot.grossMassKg, gold: lot.assay.gold, silver: lot.assay.silver,
                               own: own ? lot.lot.id : nil, skip: lot.skip)
            if classes[key] == nil {
                classes[key] = (own ? "lot \(lot.lot.id)" : "\(lot.lot.source ?? lot.kind.rawValue) \(Self.mass(lot.grossMassKg))", [])
                classOrder.append(key)
            }
            classes[key]!.lots.append(l)
        }
        var kindIntakeGold: [MaterialKind: Double] = [:]

        var receipts: [StateTaskNetwork.Receipt] = []
        var windowLotRecords: [WindowLot] = []
        var lotReceipt = Array(repeating: 0, count: windowLots.count)
        for key in classOrder {
            let (label, members) = classes[key]!
            let allStages = perLotStages[key.kind] ?? []
            let prefix = Array(allStages.dropFirst(key.skip))
            var masses = ElementMasses(grossKg: key.gross, assay: Assay(gold: key.gold, silver: key.silver))
            if key.skip > 0 { masses = Self.leaving(allStages[key.skip - 1], masses).main } // the stage the lot is in
            kindIntakeGold[key.kind, default: 0] += Double(members.count) * masses.gold
            // The pool's assayed state exists even when every lot of the kind is lot-tracked: the
            // pooled tasks (the riders' hosts) take from it.
            let pooledAssayed = state("assayed \(key.kind.rawValue) (kg gold)", measure: "kg gold", gold: 1, steps: allStages.count)
            let assayed = state(key.own.map { trackedIDs.contains($0) ? tracked(pooledAssayed, $0) : pooledAssayed } ?? pooledAssayed,
                                measure: "kg gold", gold: 1, steps: allStages.count)
            var current = prefix.isEmpty ? assayed : state(Self.waitingPrefix + label, measure: "lots", gold: masses.gold, steps: key.skip)
            let receiptAmount = prefix.isEmpty ? masses.gold : 1
            for l in members {
                lotReceipt[l] = receipts.count
                receipts.append(.init(state: current, time: windowLots[l].receiptPeriod ?? windowLots[l].period, amount: receiptAmount, label: windowLots[l].lot.id))
            }
            for (k, stage) in prefix.enumerated() {
                let entering = masses
                let divertedGold = entering.gold * stage.recovery.gold * stage.toByproduct.gold
                let diverted = ElementMasses(gold: divertedGold, silver: entering.silver * stage.recovery.silver * stage.toByproduct.silver,
                                             other: entering.other * stage.recovery.other * stage.toByproduct.other)
                masses = ElementMasses(gold: entering.gold * stage.recovery.gold - diverted.gold,
                                       silver: entering.silver * stage.recovery.silver - diverted.silver,
                                       other: entering.other * stage.recovery.other - diverted.other)
                byproductFlow += Double(members.count) * diverted
                let last = k == prefix.count - 1
                let next = last ? assayed : state("\(stage.id) done: \(label)", measure: "lots", gold: masses.gold, steps: key.skip + k + 1)
                // A lot larger than a charge is melted in ⌈mass / max⌉ charges one after the other;
                // a lot smaller than the minimum charge fills one minimum charge.
                let charges = max(1, (key.gross / stage.batchMaxKg - 1e-9).rounded(.up))
                var perCharge = stage
                perCharge.cycleHours = stage.cycleHours * charges
                let (duration, occupancy, delay) = try timing(perCharge)
                let chargeSize = min(max(key.gross / charges, stage.batchMinKg), stage.batchMaxKg)
                var outputs = [StateTaskNetwork.Output(state: next, fraction: last ? masses.gold : 1, delay: delay)]
                if diverted.gross > 0 { outputs.append(.init(state: state(Self.byproductState, measure: "kg gross", gold: 0), fraction: diverted.gross, delay: delay)) }
                if diverted.gold > 0 { outputs.append(.init(state: state(Self.byproductGoldState, measure: "kg gold", gold: 0), fraction: diverted.gold, delay: delay)) }
                let name = "\(stage.id) [\(label)]"
                tasks.append(.init(name: name, inputs: [current: 1], outputs: outputs, duration: duration, occupancy: occupancy,
                                   units: [unitName(stage)], sizeFactor: chargeSize, fixedBatch: 1))
                taskStage.append(stage.id)
                goldLoss.append(entering.gold * (1 - stage.recovery.gold))
                goldDiverted.append(diverted.gold)
                perLot.insert(name)
                current = next
            }
            kindEntering[key.kind, default: ElementMasses()] += Double(members.count) * masses
        }
        for (l, lot) in windowLots.enumerated() {
            windowLotRecords.append(WindowLot(id: lot.lot.id, kind: lot.kind, source: lot.lot.source, grossMassKg: lot.grossMassKg,
                                              goldKg: lot.grossMassKg * lot.assay.gold, receipt: lotReceipt[l], arrivalPeriod: lot.period,
                                              duePeriod: lot.duePeriod))
            // A plant state's lot in a pooled stage joins its kind's flow (its receipt comes below).
            if lot.pooledStage != nil, kindEntering[lot.kind] == nil { kindEntering[lot.kind] = ElementMasses(grossKg: lot.grossMassKg, assay: lot.assay) }
        }

        // Pooled flows: walk each kind's routes with the kind's expected composition.
        var leastYield: [MaterialKind: Double] = [:]
        for (kind, routes) in pooledRoutes.sorted(by: { $0.key < $1.key }) {
            guard let entering = kindEntering[kind], entering.gold > 0 else { continue }
            let prefixYield = entering.gold / max(kindIntakeGold[kind] ?? entering.gold, 1e-12)
            for (_, share, stages) in routes {
                var masses = share * entering
                var path: [String] = []
                var yield = prefixYield
                for stage in stages {
                    path.append(stage.id)
                    nodeFlow[path, default: ElementMasses()] += masses
                    routeFlow[path, default: 0] += masses.gold
                    let diverted = ElementMasses(gold: masses.gold * stage.recovery.gold * stage.toByproduct.gold,
                                                 silver: masses.silver * stage.recovery.silver * stage.toByproduct.silver,
                                                 other: masses.other * stage.recovery.other * stage.toByproduct.other)
                    byproductFlow += diverted
                    masses = ElementMasses(gold: masses.gold * stage.recovery.gold - diverted.gold,
                                           silver: masses.silver * stage.recovery.silver - diverted.silver,
                                           other: masses.other * stage.recovery.other - diverted.other)
                    yield *= stage.recovery.gold * (1 - stage.toByproduct.gold)
                }
                leastYield[kind] = min(leastYield[kind] ?? 1, yield)
            }
        }
        self.leastYield = leastYield

        // Pooled tasks: one per (parent path, stage); the first stage once per kind.
        let perLotSteps = perLotStages.values.map(\.count).max() ?? 0
        func pathState(_ path: [String]) -> String {
            state("after " + path.joined(separator: " → ") + " (kg gold)", measure: "kg gold", gold: 1, steps: perLotSteps + path.count)
        }
        var products: [String] = []
        var childrenTasks: [[String]: [String: [String]]] = [:] // parent path → child stage → task names
        var created = Set<String>()
        var firstPooledState: String?
        let goal = request.goal
        for (kind, routes) in pooledRoutes.sorted(by: { $0.key < $1.key }) {
            guard let entering = kindEntering[kind], entering.gold > 0 else { continue }
            for (route, _, stages) in routes {
                var path: [String] = []
                for (k, stage) in stages.enumerated() {
                    let parent = path
                    path.append(stage.id)
                    let isLast = k == stages.count - 1
                    let input = parent.isEmpty ? "assayed \(kind.rawValue) (kg gold)" : pathState(parent)
                    let taskName = parent.isEmpty ? "\(stage.id) [\(kind.rawValue)]" : "\(stage.id) [\(parent.joined(separator: " → "))]"
                    guard !created.contains(taskName) else { continue }
                    created.insert(taskName)
                    let composition = parent.isEmpty ? entering : (nodeFlow[path] ?? entering)
                    let gold = max(composition.gold, 1e-12)
                    let mainGold = stage.recovery.gold * (1 - stage.toByproduct.gold)
                    let byproductPerGold = (composition.gold * stage.recovery.gold * stage.toByproduct.gold
                        + composition.silver * stage.recovery.silver * stage.toByproduct.silver
                        + composition.other * stage.recovery.other * stage.toByproduct.other) / gold
                    let output: String
                    if isLast {
                        let premium = goal == .value && route.product.fineness >= 0.9999 ? request.kilobarPremium : 0
                        output = state(route.product.name + " (kg gold)", measure: "kg gold", gold: 1, value: 1 + premium)
                        if !products.contains(output) { products.append(output) }
                    } else {
                        output = pathState(path)
                    }
                    if parent.isEmpty, firstPooledState == nil { firstPooledState = isLast ? nil : output }
                    let (duration, occupancy, delay) = try timing(stage)
                    var outputs = [StateTaskNetwork.Output(state: output, fraction: mainGold, delay: delay)]
                    if byproductPerGold > 0 {
                        outputs.append(.init(state: state(Self.byproductState, measure: "kg gross", gold: 0), fraction: byproductPerGold, delay: delay))
                    }
                    let divertedGold = stage.recovery.gold * stage.toByproduct.gold
                    if divertedGold > 0 {
                        outputs.append(.init(state: state(Self.byproductGoldState, measure: "kg gold", gold: 0), fraction: divertedGold, delay: delay))
                    }
                    tasks.append(.init(name: taskName, inputs: [input: 1], outputs: outputs, duration: duration, occupancy: occupancy,
                                       units: [unitName(stage)], sizeFactor: composition.gross / gold))
                    taskStage.append(stage.id)
                    goldLoss.append(1 - stage.recovery.gold)
                    goldDiverted.append(stage.recovery.gold * stage.toByproduct.gold)
                    if !parent.isEmpty { childrenTasks[parent, default: [:]][stage.id, default: []].append(taskName) }
                }
            }
        }
        // Lot-tracked lots: a copy of every pooled task of their kind's routes, riding its batches,
        // from and to the lot's own states.
        let pooledProducts = products
        var trackedProducts: [String: [String]] = [:]
        for lot in windowLots where trackedIDs.contains(lot.lot.id) {
            let id = lot.lot.id
            var made = Set<String>()
            for (_, _, stages) in pooledRoutes[lot.kind] ?? [] {
                var path: [String] = []
                for stage in stages {
                    let parent = path
                    path.append(stage.id)
                    let hostName = parent.isEmpty ? "\(stage.id) [\(lot.kind.rawValue)]" : "\(stage.id) [\(parent.joined(separator: " → "))]"
                    guard made.insert(hostName).inserted, let h = tasks.firstIndex(where: { $0.name == hostName }),
                          let input = tasks[h].inputs.keys.first, let inputIndex = stateIndex[input] else { continue }
                    let host = tasks[h]
                    let trackedInput = state(tracked(input, id), measure: "kg gold", gold: 1, value: states[inputIndex].value, steps: depth[inputIndex])
                    var outputs = host.outputs
                    if let main = outputs.first, let o = stateIndex[main.state] {
                        outputs[0].state = state(tracked(main.state, id), measure: "kg gold", gold: 1, value: states[o].value, steps: depth[o])
                        if pooledProducts.contains(main.state), !(trackedProducts[id] ?? []).contains(outputs[0].state) {
                            trackedProducts[id, default: []].append(outputs[0].state)
                            products.append(outputs[0].state)
                        }
                    }
                    tasks.append(.init(name: "\(hostName) [lot \(id)]", inputs: [trackedInput: 1], outputs: outputs, duration: host.duration,
                                       occupancy: host.occupancy, units: host.units, sizeFactor: host.sizeFactor, host: hostName))
                    taskStage.append(taskStage[h])
                    goldLoss.append(goldLoss[h])
                    goldDiverted.append(goldDiverted[h])
                }
            }
        }
        // A plant state's lots in pooled stages: their gold enters the state after the stage
        // when the batch ends (on the first route of their kind through the stage).
        for (l, lot) in windowLots.enumerated() {
            guard let id = lot.pooledStage, let stage = plant.stage(id),
                  let route = pooledRoutes[lot.kind]?.first(where: { $0.stages.contains { $0.id == id } }),
                  let at = route.stages.firstIndex(where: { $0.id == id }) else { continue }
            let path = route.stages.prefix(at + 1).map(\.id)
            let output = at == route.stages.count - 1 ? state(route.route.product.name + " (kg gold)", measure: "kg gold", gold: 1) : pathState(path)
            if at == route.stages.count - 1, !products.contains(output) { products.append(output) }
            let gold = Self.leaving(stage, ElementMasses(grossKg: lot.grossMassKg, assay: lot.assay)).main.gold
            windowLotRecords[l].receipt = receipts.count
            let into = trackedIDs.contains(lot.lot.id) ? tracked(output, lot.lot.id) : output
            receipts.append(.init(state: stateIndex[into] != nil ? into : output, time: lot.receiptPeriod ?? lot.period, amount: gold, label: lot.lot.id))
        }
        // By-product treatment.
        if let id = plant.byproductStage, let stage = plant.stage(id), let byproduct = stateIndex[Self.byproductState], byproductFlow.gross > 0 {
            let gross = byproductFlow.gross
            let goldShare = byproductFlow.gold / gross, silverShare = byproductFlow.silver / gross
            goldPerUnit[byproduct] = goldShare
            let silver = state(Self.silverState + " (kg silver)", measure: "kg silver", gold: 0, value: goal == .value ? request.silverValuePerKg : 0)
            let (duration, occupancy, delay) = try timing(stage)
            var outputs = [StateTaskNetwork.Output(state: silver, fraction: silverShare * stage.recovery.silver, delay: delay)]
            if let back = firstPooledState, goldShare > 0 { outputs.append(.init(state: back, fraction: goldShare * stage.recovery.gold, delay: delay)) }
            // The by-product's gold is taken at the stream's expected share, from the gold that
            // actually came in: the stage cannot return or lose gold the stream does not hold.
            var inputs = [Self.byproductState: 1.0]
            if goldShare > 0, stateIndex[Self.byproductGoldState] != nil { inputs[Self.byproductGoldState] = goldShare }
            tasks.append(.init(name: "\(stage.id) [by-product]", inputs: inputs, outputs: outputs, duration: duration,
                               occupancy: occupancy, units: [unitName(stage)]))
            taskStage.append(stage.id)
            goldLoss.append(goldShare * (1 - stage.recovery.gold))
            goldDiverted.append(-goldShare) // what it takes out of the stream
        }
        // Splits where routes part: the smaller branches get at least their planned share.
        var splits: [StateTaskNetwork.Split] = []
        for (parent, children) in childrenTasks.sorted(by: { $0.key.joined() < $1.key.joined() }) where children.count > 1 {
            let flows = children.keys.sorted().map { ($0, routeFlow[parent + [$0]] ?? 0) }
            let total = flows.reduce(0) { $0 + $1.1 }
            guard total > 0, let largest = flows.max(by: { $0.1 < $1.1 })?.0 else { continue }
            for (child, flow) in flows where child != largest && flow > 0 {
                let others = children.filter { $0.key != child }.flatMap(\.value).sorted()
                splits.append(.init(tasks: children[child]!.sorted(), alternatives: others, share: flow / total, reserve: pathState(parent)))
            }
        }

        // Units and their calendars.
        let usedStages = Set(taskStage)
        var networkUnits: [StateTaskNetwork.Unit] = []
        for stage in plant.stages where usedStages.contains(stage.id) {
            let calendar = stage.calendar ?? plant.calendar
            let availability = (0..<H).map { p -> Double in
                let share = Self.workingShare(calendar: calendar, startDay: startDay, period: p, periodHours: Δ)
                return request.kind == .campaign ? share * stage.availability : share
            }
            networkUnits.append(.init(name: unitName(stage), count: units[stage.id] ?? stage.units, minBatch: stage.batchMinKg,
                                      maxBatch: stage.batchMaxKg, availability: availability.allSatisfy { $0 == 1 } ? nil : availability))
        }

        // A plant state's stocks, received at its hour, and its units held.
        if let plantState {
            let kg = Set(["kg gold", "kg gross"])
            let allowed = states.indices.filter { kg.contains(states[$0].measure ?? "") && !products.contains(states[$0].name) && !states[$0].name.contains(" [lot ") }
                .map { states[$0].name }
            for (k, stock) in plantState.openingStock.enumerated() where stock.kg > 0 {
                guard allowed.contains(stock.state) else {
                    problems.append(ScenarioProblem(path: "state.openingStock[\(k)].state", value: "\"\(stock.state)\"",
                                                    message: "is not a stock of this window's schedule; allowed: " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")))
                    continue
                }
                receipts.append(.init(state: stock.state, time: openPeriod, amount: stock.kg, label: "opening stock"))
            }
            if !problems.isEmpty { throw SchedulingError.invalidRequest(problems) }
            for (j, unit) in networkUnits.enumerated() {
                var held = Array(repeating: 0, count: H)
                for t in 0..<min(openPeriod, H) { held[t] = unit.count } // the past: nothing starts before the state's hour
                for hold in Self.holds(plantState, plant: plant) where hold.stage == unit.name {
                    let from = Int(clamping: (hold.from ?? plantState.hour) / Δ, to: 0...H, rounding: .down)
                    let until = Int(clamping: hold.until / Δ - 1e-9, to: 0...H, rounding: .up)
                    for t in from..<max(from, until) { held[t] = min(unit.count, held[t] + (hold.count ?? 1)) }
                }
                if held.contains(where: { $0 > 0 }) { networkUnits[j].held = held }
            }
        }

        // Due dates: cumulative gold owed by each due period, in order of due date.
        var milestones: [StateTaskNetwork.Milestone] = []
        // A lot-tracked lot's own gold in its own products by its due date.
        for lot in windowLotRecords where trackedIDs.contains(lot.id) {
            guard let due = lot.duePeriod, let states = trackedProducts[lot.id] else { continue }
            milestones.append(.init(states: states, time: max(due, 0), amount: lot.goldKg * (leastYield[lot.kind] ?? 1) * (1 - 1e-9), label: lot.id))
        }
        let due = windowLotRecords.enumerated().compactMap { l, lot in trackedIDs.contains(lot.id) ? nil : lot.duePeriod.map { (l, $0) } }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        var owed = 0.0
        var index = 0
        var beyond = 0
        while index < due.count {
            let period = due[index].1
            var ids: [String] = []
            while index < due.count && due[index].1 == period {
                let lot = windowLotRecords[due[index].0]
                owed += lot.goldKg * (leastYield[lot.kind] ?? 1) * (1 - 1e-9)
                ids.append(lot.id)
                index += 1
            }
            if period <= H { milestones.append(.init(states: pooledProducts, time: max(period, 0), amount: owed, label: ids.joined(separator: ", "))) } else { beyond += ids.count }
        }
        if beyond > 0 { notes.append("\(beyond) lot(s) are due after the window; their due dates are not enforced") }
        var objective: STNObjective
        switch goal {
        case .throughput, .value: objective = STNObjective(terminal: 1)
        case .workInProcess: objective = STNObjective(terminal: 0, cumulative: 1)
        case .makespan:
            objective = STNObjective(terminal: 0, makespan: 1)
            let all = windowLotRecords.reduce(0) { $0 + $1.goldKg * (leastYield[$1.kind] ?? 1) } * (1 - 1e-9)
            milestones.append(.init(states: products, time: H, amount: all, label: Self.wholeWindowLabel))
        }
        for (s, state) in states.enumerated() where goal == .workInProcess || goal == .throughput || goal == .makespan {
            if state.value != 0 { states[s].value = products.contains(state.name) ? 1 : 0 }
        }
        // Progress credit: gold part-way through is worth a little (at most 0.1% of refined
        // gold, growing with the steps done), so a window too short to finish anything still
        // moves lots forward instead of leaving the plant idle.
        let deepest = Double(max(1, (depth.max() ?? 0) + 1))
        for s in states.indices where !products.contains(states[s].name) && goldPerUnit[s] > 0 && depth[s] > 0 && goal != .makespan {
            states[s].value += Self.progressCredit * goldPerUnit[s] * Double(depth[s]) / deepest
        }
        self.objective = objective
        self.goldPerUnit = goldPerUnit
        self.goldProducts = products
        self.taskStage = taskStage
        self.perLotTasks = perLot
        self.goldLossPerUnit = goldLoss
        self.goldToByproductPerUnit = goldDiverted
        self.lots = windowLotRecords
        network = StateTaskNetwork(states: states, tasks: tasks, units: networkUnits, horizon: H,
                                   timing: request.kind == .detailed ? .discrete : .bucketed, periodHours: Δ,
                                   receipts: receipts, milestones: milestones, splits: splits, frozen: frozen)
        if windowLots.isEmpty { notes.append("no lot arrives in the window") }
        if plantState == nil, frozen == nil, request.kind == .detailed,
           let earlier = Self.earlierLotsNote(scenario: scenario, request: request, year: year, startDay: startDay) {
            notes.append(earlier)
        }
        if let plantState, frozen == nil {
            notes.append("planned from the plant's state at hour \(JSONValue.format(plantState.hour)): \(plantState.lotsInProcess.count) lot(s) in process, \(plantState.openingStock.count) stock(s), \(plantState.units.count) unit hold(s)")
        }
        for hold in plantState?.units ?? [] {
            notes.append("\(hold.count ?? 1) \(hold.stage) unit(s) held from hour \(JSONValue.format(hold.from ?? plantState?.hour ?? 0)) to \(JSONValue.format(hold.until)): \(hold.reason.rawValue)\(hold.note.map { " (\($0))" } ?? "")")
        }
        self.notes = notes
        // Checked here, so a problem names the scenario's stage or lot, not the network's index.
        let networkProblems = network.problems()
        if !networkProblems.isEmpty { throw SchedulingError.invalidNetwork(networkProblems.map(scenarioProblem)) }
    }

    /// A problem of the built network, with its path in the scenario: `tasks[8].sizeFactor`
    /// becomes `plant.stages[3]` (the stage running the task, named in the message),
    /// `units[2]` the stage of that unit type, `receipts[5]` the lot received.
    public func scenarioProblem(_ problem: ScenarioProblem) -> ScenarioProblem {
        let path = problem.path
        func index(after prefix: String) -> (Int, String)? {
            guard path.hasPrefix(prefix + "["), let close = path.firstIndex(of: "]"),
                  let n = Int(path[path.index(path.startIndex, offsetBy: prefix.count + 1)..<close]) else { return nil }
            return (n, String(path[path.index(after: close)...]))
        }
        func stagePath(_ id: String) -> String {
            scenario.plant.stages.firstIndex { $0.id == id }.map { "plant.stages[\($0)]" } ?? "plant.stages"
        }
        var mapped = problem
        if let (i, rest) = index(after: "tasks"), i < network.tasks.count, i < taskStage.count {
            mapped.path = stagePath(taskStage[i])
            mapped.message = "in the schedule, task \"\(network.tasks[i].name)\" (\(rest.drop { $0 == "." })): \(problem.message)"
        } else if let (j, rest) = index(after: "units"), j < network.units.count {
            mapped.path = stagePath(network.units[j].name)
            mapped.message = "in the schedule, its units (\(rest.drop { $0 == "." })): \(problem.message)"
        } else if let (r, rest) = index(after: "receipts"), r < network.receipts.count {
            mapped.path = "intake"
            mapped.message = "in the schedule, the receipt of lot \(network.receipts[r].label ?? "\(r)") (\(rest.drop { $0 == "." })): \(problem.message)"
        } else if let (s, rest) = index(after: "states"), s < network.states.count {
            mapped.path = "plant"
            mapped.message = "in the schedule, the stock \"\(network.states[s].name)\" (\(rest.drop { $0 == "." })): \(problem.message)"
        } else {
            mapped.path = "plant"
            mapped.message = "in the schedule (\(path)): \(problem.message)"
        }
        return mapped
    }

    /// The share of period `p` (from the window's start) in the calendar's working time:
    /// working days spread evenly over the year, shifts from 06:00 (an assumption).
    static func workingShare(calendar: OperatingCalendar, startDay: Int, period p: Int, periodHours Δ: Double) -> Double {
        let begin = Double(p) * Δ, end = begin + Δ
        let hours = min(24, calendar.shiftsPerDay * calendar.hoursPerShift)
        let opening = hours >= 24 ? 0.0 : 6.0
        var worked = 0.0
        for dayIndex in (Int(clamping: begin / 24, to: 0...(1 << 40), rounding: .down) - 1)...Int(clamping: end / 24, to: 0...(1 << 40), rounding: .down) {
            guard isWorkingDay(startDay + dayIndex, operatingDays: calendar.operatingDaysPerYear) else { continue }
            let from = Double(dayIndex) * 24 + opening, to = from + hours
            worked += max(0, min(end, to) - max(begin, from))
        }
        return min(1, worked / Δ)
    }

    /// Working days spread evenly: day k of the year works when ⌊(k+1)·D/365⌋ > ⌊k·D/365⌋.
    static func isWorkingDay(_ dayNumber: Int, operatingDays: Double) -> Bool {
        if operatingDays >= 365 { return true }
        let date = CivilDate(dayNumber: dayNumber)
        let k = Double(dayNumber - CivilDate(year: date.year, month: 1, day: 1).dayNumber)
        return ((k + 1) * operatingDays / 365).rounded(.down) > (k * operatingDays / 365).rounded(.down)
    }

    /// A problem of a plant state, with its path under `state.`.
    static func statePath(_ problem: ScenarioProblem) -> ScenarioProblem {
        var mapped = problem
        mapped.path = problem.path.isEmpty ? "state" : "state." + problem.path
        return mapped
    }

    /// What leaves a stage from `entering`: the main stream (recovered, less the by-product)
    /// and the by-product.
    static func leaving(_ stage: Stage, _ entering: ElementMasses) -> (main: ElementMasses, byproduct: ElementMasses) {
        let diverted = ElementMasses(gold: entering.gold * stage.recovery.gold * stage.toByproduct.gold,
                                     silver: entering.silver * stage.recovery.silver * stage.toByproduct.silver,
                                     other: entering.other * stage.recovery.other * stage.toByproduct.other)
        let main = ElementMasses(gold: entering.gold * stage.recovery.gold - diverted.gold,
                                 silver: entering.silver * stage.recovery.silver - diverted.silver,
                                 other: entering.other * stage.recovery.other - diverted.other)
        return (main, diverted)
    }

    /// The units a plant state holds: its own holds, and the unit of each lot's batch under way
    /// (a per-lot stage melts a lot larger than a charge in ⌈mass ÷ max⌉ charges one after another).
    static func holds(_ state: PlantState, plant: Plant) -> [PlantState.UnitHold] {
        var holds = state.units
        for lot in state.lotsInProcess {
            guard let started = lot.startedAtHour, let stage = plant.stage(lot.stage) else { continue }
            let charges = stage.batching == .perLot ? max(1, (lot.grossKg / stage.batchMaxKg - 1e-9).rounded(.up)) : 1
            holds.append(.init(stage: stage.id, count: 1, from: max(started, state.hour), until: started + stage.cycleHours * charges,
                               reason: .busy, note: "lot \(lot.id)"))
        }
        return holds.filter { $0.until > ($0.from ?? state.hour) }
    }

    /// A plant state's lots as window lots: a waiting lot is received at the state's hour; a
    /// lot in a stage enters the state after that stage when its batch releases it.
    static func stateLots(_ state: PlantState, plant: Plant, periodHours Δ: Double, horizon H: Int, open: Int) -> [PlacedLot] {
        func period(_ hour: Double, _ rounding: FloatingPointRoundingRule) -> Int { Int(clamping: hour / Δ, to: -(1 << 40)...(1 << 40), rounding: rounding) }
        return state.lotsInProcess.map { lot in
            let assay = Assay(gold: lot.goldKg / lot.grossKg, silver: (lot.silverKg ?? 0) / lot.grossKg)
            let intake = IntakeLot(id: lot.id, source: nil, kind: lot.kind, arrivalDay: 0, dueDay: nil, grossMassKg: lot.grossKg,
                                   assay: assay, upstreamGoldLostKg: 0)
            var placed = PlacedLot(lot: intake, period: open, duePeriod: lot.dueHour.map { period($0, .down) })
            placed.fromState = true
            placed.ownDueDate = lot.dueHour != nil
            guard let stage = plant.stage(lot.stage), let started = lot.startedAtHour else { return placed }
            placed.period = period(started, .down)
            let charges = stage.batching == .perLot ? max(1, (lot.grossKg / stage.batchMaxKg - 1e-9).rounded(.up)) : 1
            let release = started + stage.cycleHours * charges + stage.waitDays * 24
            placed.receiptPeriod = min(H, max(open, period(release - 1e-9, .up)))
            if stage.batching == .perLot {
                let route = plant.routes.first { $0.shares[lot.kind] > 0 }
                let prefix = route.map { $0.stages.compactMap(plant.stage).filter { $0.id != plant.byproductStage }.prefix { $0.batching == .perLot }.map(\.id) } ?? []
                placed.skip = (prefix.firstIndex(of: stage.id) ?? 0) + 1
            } else {
                placed.pooledStage = stage.id
            }
            return placed
        }
    }

    /// Adds a note for people to the report (a re-plan's frozen batches, say).
    public mutating func addNote(_ note: String) { notes.append(note) }

    /// The most lots due within a window that are lot-tracked (each adds a copy of its kind's
    /// pooled tasks); the others' due dates are pooled.
    public static let trackedLotLimit = 20

    /// `250 kg`, `12.5 kg`: a lot mass for labels.
    static func mass(_ kg: Double) -> String {
        let rounded = (kg * 1000).rounded() / 1000
        return "\(JSONValue.format(rounded)) kg"
    }

    struct PlacedLot {
        var lot: IntakeLot
        var period: Int
        var duePeriod: Int?
        /// A plant state's lot: per-lot stages already done (the one it is in included).
        var skip = 0
        /// Whether the lot comes from a plant state (a lot class of its own).
        var fromState = false
        /// A plant state's lot in a pooled stage: the stage.
        var pooledStage: String?
        /// When the lot enters the network, if not at `period` (a lot in a stage: when the batch ends).
        var receiptPeriod: Int?
        /// Whether `duePeriod` is the lot's own (the scenario's or the plant state's), not the
        /// request's turnaround target.
        var ownDueDate = false
        var kind: MaterialKind { lot.kind }
        var grossMassKg: Double { lot.grossMassKg }
        var assay: Assay { lot.assay }
    }

    /// A note on the lots that arrived in the week before a detailed window that starts later
    /// than 1 January (within the same year): they are not in the window, which starts from
    /// an empty plant unless a plant state is given. Nil when there are none.
    static func earlierLotsNote(scenario: Scenario, request: RefineryScheduleRequest, year: Int, startDay: Int) -> String? {
        let date = CivilDate(dayNumber: startDay)
        let days = min(7, startDay - CivilDate(year: date.year, month: 1, day: 1).dayNumber)
        guard days > 0 else { return nil }
        var before = request
        before.days = days
        guard let lots = try? Self.lots(scenario: scenario, request: before, year: year, startDay: startDay - days), !lots.isEmpty else { return nil }
        let gold = lots.reduce(0.0) { $0 + $1.lot.grossMassKg * $1.lot.assay.gold }
        return "the window starts from an empty plant: \(lots.count) lot(s) with \(JSONValue.format((gold * 10).rounded() / 10)) kg of gold that arrived in the \(days) day(s) before it are not in it (give the plant's state with --state to plan them)"
    }

    /// The lots arriving in the window, with their arrival and due periods. Lots of a day
    /// arrive spread over its working hours (from 06:00).
    static func lots(scenario: Scenario, request: RefineryScheduleRequest, year: Int, startDay: Int) throws(ScenarioError) -> [PlacedLot] {
        let lastDay = startDay + request.days - 1
        let lastYear = CivilDate(dayNumber: lastDay).year
        var windowScenario = scenario
        let firstYear = min(year, CivilDate(dayNumber: startDay).year)
        windowScenario.horizon = Horizon(firstYear: firstYear, years: max(1, lastYear - firstYear + 1))
        let index = max(0, min(year - scenario.horizon.firstYear, scenario.horizon.years - 1))
        windowScenario.intake.sources = scenario.intake.sources.map { source in
            var copy = source
            let delivered = LotGenerator.yearlyGold(of: source, yearIndex: index, listingYearIndex: scenario.economics?.terms.yearsToAccreditation).delivered
            copy.goldTonnesPerYear = [delivered]
            copy.supply = nil
            copy.ore = nil
            return copy
        }
        if let target = request.intakeTonnesPerYear {
            let total = windowScenario.intake.sources.reduce(0) { $0 + ($1.goldTonnesPerYear?.first ?? 0) }
            if total > 0 {
                for k in windowScenario.intake.sources.indices {
                    windowScenario.intake.sources[k].goldTonnesPerYear = [(windowScenario.intake.sources[k].goldTonnesPerYear?.first ?? 0) * target / total]
                }
            }
        }
        let all = try LotGenerator.lots(for: windowScenario).filter { $0.arrivalDay >= startDay && $0.arrivalDay <= lastDay }
        let Δ = request.periodHours
        let calendar = scenario.plant.calendar
        let hours = min(24, calendar.shiftsPerDay * calendar.hoursPerShift)
        let opening = hours >= 24 ? 0.0 : 6.0
        var placed: [PlacedLot] = []
        var byDay: [Int: [IntakeLot]] = [:]
        for lot in all { byDay[lot.arrivalDay, default: []].append(lot) }
        for day in byDay.keys.sorted() {
            let dayLots = byDay[day]!
            for (k, lot) in dayLots.enumerated() {
                let hour: Double = request.kind == .campaign ? 0 : opening + (Double(k) + 0.5) / Double(dayLots.count) * hours
                // Days within the horizon and validated targets keep these far inside Int.
                let period = Int(clamping: (Double(day - startDay) * 24 + hour) / Δ, to: -(1 << 40)...(1 << 40), rounding: .down)
                var due: Int?
                let own = lot.dueDay != nil
                if let dueDay = lot.dueDay {
                    due = Int(clamping: Double(dueDay - startDay + 1) * 24 / Δ, to: -(1 << 40)...(1 << 40), rounding: .down) // end of the due day
                } else if let target = request.turnaroundTargetDays {
                    due = period + Int(clamping: target * 24 / Δ, to: 0...(1 << 40), rounding: .up)
                }
                var placedLot = PlacedLot(lot: lot, period: period, duePeriod: due)
                placedLot.ownDueDate = own
                placed.append(placedLot)
            }
        }
        return placed
    }
}
