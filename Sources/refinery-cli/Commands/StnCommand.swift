import Foundation
import RefineryModel

/// `refinery-cli stn FILE`: solve any State-Task Network given as a JSON file, check the
/// schedule independently, and report it.
enum StnCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "stn",
        summary: "Solve a State-Task Network file (any batch plant), check the schedule and report it.",
        options: [
            .value("format", "FORMAT", help: "text (default: summary, Gantt, batches), json (the report with the checker's verdict) or csv (one row per batch)."),
            .value("time-limit", "SECONDS", help: "Stop the solver after this long (default 60); the whole solve, every phase, keeps to it."),
            .value("gap", "FRACTION", help: "Stop when the relative gap is at most this (default 0: proven optimal)."),
            .flag("greedy-start", help: "Hand GLPK the greedy schedule as a start (off by default: tuned to the refinery, it slowed the Kondili proofs)."),
            .flag("verbose", short: "v", help: "Show GLPK's log on stderr."),
            .flag("timings", help: "Include the solve time (it varies, so output is no longer byte-identical)."),
            Output.option,
        ],
        positionals: [PositionalSpec(name: "FILE.json", optional: false, help: "A State-Task Network file (format: data/schema/stn.schema.json; examples in data/stn/); '-' for stdin.")],
        discussion: """
            Maximizes the value of the stocks at the horizon less the batch costs. Exits 0 with a
            checked schedule, 2 when no schedule meets every demand (the report explains which) or
            none was found in the time limit, 1 when the independent check rejects the schedule,
            65 when the file has problems (each listed with its JSON path), 66 when it cannot be read.
            """)

    enum Format: String, CaseIterable { case text, json, csv }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let format = try arguments.choice("format", as: Format.self) ?? .text
        var options = STNRun.defaultOptions
        if let limit = try arguments.double("time-limit", range: 0.001...86_400) { options.timeLimit = limit }
        if let gap = try arguments.double("gap", range: 0...1) { options.relativeGap = gap }
        if arguments.has("verbose") { options.log = .standardError }
        let path = arguments.positionals[0]
        let data = try ScenarioInput.read(path)
        let document: STNDocument
        do { document = try STNDocumentLoader.load(data: data) } catch {
            if case .unreadable = error { throw FileError.noInput(error.description) }
            throw CommandError.invalidData(error.problems.map(\.description))
        }
        let run: STNRun
        do { run = try STNRun.solve(document, options: options, greedyStart: arguments.has("greedy-start")) } catch let error as SchedulingError {
            switch error {
            case .invalidRequest(let problems), .invalidNetwork(let problems): throw CommandError.invalidData(problems.map(\.description))
            case .solver(let error): throw CommandError.failure(error.description)
            }
        }
        var report = run.report
        if !arguments.has("timings") { report.solveSeconds = nil }
        let output: String
        switch format {
        case .json: output = try ReportJSON.encode(report)
        case .csv: output = STNText.csv(report)
        case .text: output = STNText.render(report, network: run.network, timeLimit: options.timeLimit, requestedGap: options.relativeGap)
        }
        try Output.emit(output, arguments, console: console)
        if let check = report.check, !check.valid {
            console.error("Error: the schedule check found \(check.violations.count) violation(s)\n")
            return .failure
        }
        switch report.status {
        case .optimal, .feasible: return .success
        case .infeasible, .noSolution: return .noSolution
        }
    }
}
