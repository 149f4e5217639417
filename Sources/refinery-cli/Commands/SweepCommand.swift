import Foundation
import RefineryModel

/// `refinery-cli sweep`: runs a grid of variations of one scenario, in parallel, and prints one
/// row of key results per point.
enum SweepCommand {
    static let command = Command(spec: spec, run: run)
    static let formats: [OutputFormat] = [.text, .csv, .json]

    static let spec = CommandSpec(
        name: "sweep",
        summary: "Run a grid of variations of a scenario, one row of key results per point.",
        options: ScenarioInput.options + [
            .value("vary", "PATH=FROM:TO:STEPS", repeatable: true, required: true, help: "A field to vary: FROM:TO:STEPS (STEPS evenly spaced values, ends included) or a list V1,V2,... or [JSON,...]. Repeat for a grid."),
            .value("metrics", "ID,...", help: "The key results to show (default: all for csv and json, the headline for text); listed above."),
            .value("jobs", short: "j", "N", help: "Points run at once (default: the number of cores)."),
            OutputFormat.option(formats, help: "text (an aligned table, default), csv, or json (JSON lines: one object per point)."),
            Output.option,
        ] + RunOptions.options,
        positionals: [PositionalSpec(name: "SCENARIO.json", optional: true, help: ScenarioInput.positionalHelp)],
        discussion: """
            Each point is the scenario with --set overrides, then one value of each --vary, checked
            like a file; rows come in grid order (the first --vary varies slowest) whatever the
            parallelism. Progress goes to stderr when it is a terminal. A point that fails (e.g.
            a value out of range) is a row with its error (an error column in text and CSV, an
            "error" object in JSON lines) and the other points still run; the exit status is then
            65 if some point is invalid data, else 1 if some point failed otherwise (the solver),
            else 2 if some point's campaign has no schedule. Example:
              refinery-cli sweep --vary 'plant.stages[id=melt-sample].cycleHours=1:4:4' --vary 'plant.calendar.shiftsPerDay=1,2,3'
            Key results (ID and unit), for --metrics:
            \(metricList)
            """)

    /// The key results with their units, for the help: a column as wide as the longest id and
    /// two spaces, so that an id and its unit never run into each other.
    static var metricList: String {
        let width = (KeyResults.catalog.map(\.id.count).max() ?? 0) + 2
        return KeyResults.catalog.map { "  " + $0.id.padding(toLength: width, withPad: " ", startingAt: 0) + ($0.unit.isEmpty ? "text" : $0.unit) }
            .joined(separator: "\n")
    }

    /// One `--vary` (the library's ``Sweep/Variation``).
    typealias Variation = Sweep.Variation
    /// One point of the grid.
    typealias Point = Sweep.Point

    static func grid(_ variations: [Variation]) -> [Point] { Sweep.grid(variations) }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let format = try OutputFormat.parse(arguments, allowed: formats)
        let options = try RunOptions(arguments)
        let variations = try arguments.all("vary").map { text throws(UsageError) in try Variation(parsing: text) }
        guard !variations.isEmpty else { throw UsageError(message: "give at least one --vary PATH=FROM:TO:STEPS", usage: spec.usage) }
        let size = variations.reduce(1.0) { $0 * Double($1.values.count) }
        guard size <= Double(Sweep.maximumPoints) else {
            throw UsageError(message: "the grid has \(Formatting.number(size)) points; at most \(Formatting.number(Double(Sweep.maximumPoints))) are run", usage: spec.usage)
        }
        let jobs = try arguments.integer("jobs", range: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        let base = try ScenarioInput.overrides(arguments)
        let document = try ScenarioInput.document(arguments)
        let sweep: Sweep
        do { sweep = try Sweep(document: document, overrides: base, variations: variations, options: options) } catch {
            throw UsageError(message: error.description, usage: spec.usage)
        }
        let all = KeyResults.catalog.map(\.id)
        let selected = try selectedMetrics(arguments.value("metrics"), available: all, default: format == .text ? KeyResults.headline : all)

        // Progress on stderr, when it is a terminal, with an estimate of the time left.
        let progress = ProgressLine(console: console, label: "sweep", unit: "points")
        let rows = sweep.run(jobs: jobs, progress: progress.callback)
        progress.finish()

        let columns = selected.compactMap { id in KeyResults.catalog.first { $0.id == id } }
        // A column for the failing points' errors, only when some point failed.
        let failed = rows.contains { $0.error != nil }
        let text: String
        switch format {
        case .text:
            let header = variations.map(\.path.description) + columns.map(\.column) + (failed ? ["error"] : [])
            var body: [[String]] = []
            for row in rows {
                let cells: [String]
                switch row.outcome {
                case let .success(result): cells = result.selecting(selected).map { $0.formatted } + (failed ? [""] : [])
                case let .failure(error): cells = columns.map { _ in "-" } + [error.description]
                }
                body.append(row.point.values.map(cellText) + cells)
            }
            let alignments: [TextTable.Alignment] = variations.map { _ in .right } + columns.map { $0.unit.isEmpty ? .left : .right } + (failed ? [.left] : [])
            text = TextTable.render(header: header, rows: body, alignments: alignments)
        case .csv:
            let header = variations.map(\.path.description) + columns.map(\.id) + (failed ? ["error"] : [])
            var body: [[String]] = []
            for row in rows {
                let cells: [String]
                switch row.outcome {
                case let .success(result): cells = result.selecting(selected).map { CSV.cell($0.json) } + (failed ? [""] : [])
                case let .failure(error): cells = columns.map { _ in "" } + [error.description]
                }
                body.append(row.point.values.map(CSV.cell) + cells)
            }
            text = CSV.render(header: header, rows: body)
        case .json, .html: // html is not one of sweep's formats (parse refuses it)
            text = sweep.jsonLines(rows, metrics: selected)
        }
        try Output.emit(text, arguments, console: console)
        return report(rows, of: sweep, console: console)
    }

    /// Says on stderr which points failed and returns the sweep's exit status: 65 when some
    /// point's scenario is invalid, else 1 when some point failed otherwise (the solver, or a
    /// schedule the check rejects), else 2 when some point's campaign has no schedule, else 0.
    static func report(_ rows: [Sweep.Row], of sweep: Sweep, console: Console) -> ExitStatus {
        var problems: [String] = []
        var statuses: [ExitStatus] = []
        for row in rows {
            switch row.outcome {
            case let .success(result):
                statuses.append(ExitStatus(result.campaignProblem))
            case let .failure(error) where error.isInvalidData:
                problems += error.problems.map { "point \(row.point.index + 1) (\(sweep.label(of: row.point))): \($0)" }
                statuses.append(.invalidData)
            case let .failure(error):
                console.error("Error: point \(row.point.index + 1) (\(sweep.label(of: row.point))): \(error)\n")
                statuses.append(.failure)
            }
        }
        if !problems.isEmpty {
            console.error("Error: invalid scenario (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n")
            // One line per problem, whatever its value holds (a raw line break would split it).
            for problem in problems { console.error("  \(TerminalText.escapingControlCharacters("\(problem)", keepingNewlines: false))\n") }
        }
        let failures = rows.filter { $0.error != nil }.count
        if failures > 0 { console.error("sweep: \(failures) of \(rows.count) points failed; their rows carry the error\n") }
        for status in [ExitStatus.invalidData, .failure, .noSolution] where statuses.contains(status) { return status }
        return .success
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
}

extension Sweep.Variation {
    /// Parses a `--vary` value; a malformed one is a usage error (exit 64).
    init(parsing text: String) throws(UsageError) {
        do { try self.init(specification: text) } catch {
            throw UsageError(message: "option '--vary': \(error)", usage: SweepCommand.spec.usage)
        }
    }
}
