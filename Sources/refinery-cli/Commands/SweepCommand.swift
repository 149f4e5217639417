import Foundation
import RefineryModel

/// `refinery-cli sweep`: runs a grid of variations of one scenario, in parallel, and prints one
/// row of key results per point.
enum SweepCommand {
    static let command = Command(spec: spec, run: run)
    static let formats: [OutputFormat] = [.text, .csv, .json]
    static let maximumPoints = 100_000

    static let spec = CommandSpec(
        name: "sweep",
        summary: "Run a grid of variations of a scenario, one row of key results per point.",
        usage: "refinery-cli sweep [SCENARIO.json] --vary PATH=FROM:TO:STEPS [--vary ...] [--scenario NAME] [--set PATH=VALUE]... [--metrics ID,...] [--jobs N] [--format text|csv|json] [--output FILE]",
        options: ScenarioInput.options + [
            .value("vary", "PATH=SPEC", repeatable: true, help: "A field to vary: FROM:TO:STEPS (STEPS evenly spaced values, ends included) or a list V1,V2,... or [JSON,...]. Repeat for a grid."),
            .value("metrics", "ID,...", help: "The key results to show (default: all for csv and json, the headline for text); listed above."),
            .value("jobs", short: "j", "N", help: "Points run at once (default: the number of cores)."),
            OutputFormat.option(formats, help: "text (an aligned table, default), csv, or json (JSON lines: one object per point)."),
            Output.option,
        ] + RunOptions.options,
        positionals: [PositionalSpec(name: "SCENARIO.json", optional: true, help: "A scenario file (- reads standard input); without one, the embedded default (senou-base).")],
        discussion: """
            Each point is the scenario with --set overrides, then one value of each --vary, checked
            like a file; rows come in grid order (the first --vary varies slowest) whatever the
            parallelism. Progress goes to stderr when it is a terminal. Example:
              refinery-cli sweep --vary 'plant.stages[id=melt-sample].cycleHours=1:4:4' --vary 'plant.calendar.shiftsPerDay=1,2,3'
            Key results (ID and unit), for --metrics:
            \(KeyResults.catalog.map { "  \($0.id.padding(toLength: 32, withPad: " ", startingAt: 0))\($0.unit.isEmpty ? "text" : $0.unit)" }.joined(separator: "\n"))
            """)

    /// One `--vary`: a path and the values it takes.
    struct Variation: Sendable, Equatable {
        var path: JSONPath
        var values: [JSONValue]

        init(path: JSONPath, values: [JSONValue]) {
            self.path = path
            self.values = values
        }

        /// Parses `PATH=FROM:TO:STEPS`, `PATH=V1,V2,...` or `PATH=[JSON,...]`.
        init(parsing text: String) throws(UsageError) {
            func fail(_ message: String) -> UsageError { UsageError(message: "option '--vary': '\(text)' \(message)", usage: SweepCommand.spec.usage) }
            let assignment: ScenarioOverride
            do { assignment = try ScenarioOverride(parsing: text) } catch {
                throw UsageError(message: "option '--vary': '\(error.path)' \(error.message)", usage: SweepCommand.spec.usage)
            }
            path = assignment.path
            switch assignment.value {
            case let .array(list):
                guard !list.isEmpty else { throw fail("has an empty list of values") }
                values = list
            case let .string(spec) where spec.contains(":"):
                let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 3, let from = Double(parts[0]), let to = Double(parts[1]), from.isFinite, to.isFinite else {
                    throw fail("is not PATH=FROM:TO:STEPS with numbers FROM and TO (e.g. units=1:4:4)")
                }
                guard let steps = Int(parts[2]), steps >= 1, steps <= SweepCommand.maximumPoints else {
                    throw fail("has STEPS '\(parts[2])'; it is the number of values, a whole number in 1...\(SweepCommand.maximumPoints)")
                }
                guard steps > 1 || from == to else { throw fail("has 1 step from \(parts[0]) to \(parts[1]); use at least 2 steps, or FROM = TO") }
                values = (0..<steps).map { index in
                    let raw = steps == 1 ? from : from + (to - from) * Double(index) / Double(steps - 1)
                    // 0.1:0.3:3 gives 0.2, not 0.20000000000000004.
                    let cleaned = abs(raw) < 1e6 ? (raw * 1e9).rounded() / 1e9 : raw
                    return .number(cleaned)
                }
            case let .string(list) where list.contains(","):
                values = list.split(separator: ",", omittingEmptySubsequences: false).map { JSONValue(commandLineText: String($0)) }
            case let single:
                values = [single]
            }
        }
    }

    /// One point of the grid: its index and the value of each variation.
    struct Point: Sendable {
        var index: Int
        var values: [JSONValue]
    }

    static func grid(_ variations: [Variation]) -> [Point] {
        var combinations: [[JSONValue]] = [[]]
        for variation in variations {
            combinations = combinations.flatMap { prefix in variation.values.map { prefix + [$0] } }
        }
        return combinations.enumerated().map { Point(index: $0.offset, values: $0.element) }
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let format = try OutputFormat.parse(arguments, allowed: formats)
        let options = try RunOptions(arguments)
        let variations = try arguments.all("vary").map { text throws(UsageError) in try Variation(parsing: text) }
        guard !variations.isEmpty else { throw UsageError(message: "give at least one --vary PATH=FROM:TO:STEPS", usage: spec.usage) }
        let size = variations.reduce(1.0) { $0 * Double($1.values.count) }
        guard size <= Double(maximumPoints) else {
            throw UsageError(message: "the grid has \(Formatting.number(size)) points; at most \(Formatting.number(Double(maximumPoints))) are run", usage: spec.usage)
        }
        let jobs = try arguments.integer("jobs", range: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        let base = try ScenarioInput.overrides(arguments)
        let document = try ScenarioInput.document(path: arguments.positionals.first, embeddedName: arguments.value("scenario"))
        let points = grid(variations)
        let all = KeyResults.catalog.map(\.id)
        let selected = try selectedMetrics(arguments.value("metrics"), available: all, default: format == .text ? KeyResults.headline : all)

        let results = evaluate(points, jobs: jobs, console: console) { point in
            let overrides = base + zip(variations, point.values).map { ScenarioOverride(path: $0.path, value: $1) }
            let scenario = try ScenarioInput.load(document, overrides: overrides)
            let run = try ScenarioRun.perform(scenario, options: options)
            return (KeyResults.of(run), run.status)
        }

        // Any invalid point: list each one's problems (exit 65); nothing is printed on stdout.
        var problems: [String] = []
        for (point, result) in zip(points, results) {
            guard case let .failure(error) = result else { continue }
            let label = describe(point, variations)
            if case let CommandError.invalidData(lines) = error {
                problems += lines.map { "point \(point.index + 1) (\(label)): \($0)" }
            } else {
                throw CommandError.failure("point \(point.index + 1) (\(label)): \(error)")
            }
        }
        if !problems.isEmpty { throw CommandError.invalidData(problems) }

        var rows: [[KeyMetric]] = []
        var statuses: [ExitStatus] = []
        for case let .success((metrics, status)) in results {
            rows.append(selected.compactMap { id in metrics.first { $0.id == id } })
            statuses.append(status)
        }
        let columns: [KeyMetric] = rows.first ?? []
        let text: String
        switch format {
        case .text:
            let header = variations.map(\.path.description) + columns.map(\.column)
            var body: [[String]] = []
            for (point, row) in zip(points, rows) { body.append(point.values.map(cellText) + row.map(\.formatted)) }
            let alignments: [TextTable.Alignment] = variations.map { _ in .right } + columns.map { $0.unit.isEmpty ? .left : .right }
            text = TextTable.render(header: header, rows: body, alignments: alignments)
        case .csv:
            let header = variations.map(\.path.description) + columns.map(\.id)
            var body: [[String]] = []
            for (point, row) in zip(points, rows) { body.append(point.values.map(CSV.cell) + row.map { CSV.cell($0.json) }) }
            text = CSV.render(header: header, rows: body)
        case .json:
            var lines = ""
            for (point, row) in zip(points, rows) {
                let set = JSONValue.object(zip(variations, point.values).map { (key: $0.path.description, value: $1) })
                let results = JSONValue.object(row.map { (key: $0.id, value: $0.json) })
                let line = JSONValue.object([(key: "point", value: .number(Double(point.index + 1))), (key: "set", value: set), (key: "results", value: results)])
                lines += line.serialized(sortedKeys: true) + "\n"
            }
            text = lines
        }
        try Output.emit(text, arguments, console: console)
        return statuses.first { $0 != .success } ?? .success
    }

    static func selectedMetrics(_ list: String?, available: [String], default: [String]) throws(UsageError) -> [String] {
        guard let list else { return `default` }
        let ids = list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        for id in ids where !available.contains(id) {
            throw UsageError(message: "option '--metrics': '\(id)' is not a key result; available: \(available.joined(separator: ", "))", usage: spec.usage)
        }
        guard !ids.isEmpty else { throw UsageError(message: "option '--metrics': give at least one key result", usage: spec.usage) }
        return ids
    }

    static func cellText(_ value: JSONValue) -> String {
        if case let .number(number) = value { return JSONValue.format(number) }
        return CSV.cell(value)
    }

    static func describe(_ point: Point, _ variations: [Variation]) -> String {
        zip(variations, point.values).map { "\($0.path)=\($1.serialized())" }.joined(separator: ", ")
    }

    /// Evaluates every point on at most `jobs` threads; results come back in point order.
    static func evaluate<Row: Sendable>(_ points: [Point], jobs: Int, console: Console,
                                        _ body: @escaping @Sendable (Point) throws -> Row) -> [Result<Row, any Error>] {
        let state = SweepState<Row>(count: points.count)
        let progress = console.errorIsTerminal
        DispatchQueue.concurrentPerform(iterations: min(jobs, points.count)) { _ in
            while let index = state.claim() {
                let result = Result { try body(points[index]) }
                let done = state.store(result, at: index)
                if progress { console.progress("\rsweep: \(done)/\(points.count) points") }
            }
        }
        if progress { console.progress("\r\u{1B}[K") }
        return state.results
    }
}

/// The shared state of a sweep's workers: the next point to claim and the results so far.
private final class SweepState<Row: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private var slots: [Result<Row, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ result: Result<Row, any Error>, at index: Int) -> Int {
        lock.withLock {
            slots[index] = result
            done += 1
            return done
        }
    }

    var results: [Result<Row, any Error>] { lock.withLock { slots.map { $0! } } }
}
