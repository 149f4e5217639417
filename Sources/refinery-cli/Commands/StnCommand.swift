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
            .value("horizon", "HOURS", help: "Solve over this horizon instead of the file's grid.horizonHours (a whole number of periods; demands past it are kept at the horizon)."),
            .value("export-model", "FILE", help: "Also write the MILP in CPLEX LP format (for glpsol --lp FILE, CBC or HiGHS)."),
            .value("gap", "FRACTION", help: "Stop when the relative gap is at most this (default 0: proven optimal)."),
            .value("start", "RULE", help: "auto (default: the greedy schedule only when it is within 10% of the LP bound), greedy or none."),
            .flag("greedy-start", help: "Same as --start greedy."),
            .value("cuts", "LIST", help: "GLPK's cut families instead of the recommended ones: none, all, or a comma-separated list of gomory, mir, cover, clique."),
            .value("branching", "RULE", help: "GLPK's branching rule instead of the recommended one: pseudocost, driebeckTomlin, mostFractional, firstFractional or lastFractional."),
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
    enum StartRule: String, CaseIterable { case auto, greedy, none }

    static func cuts(_ list: String) throws -> SolverOptions.Cuts {
        let names: [String: SolverOptions.Cuts] = ["none": [], "all": .all, "gomory": .gomory, "mir": .mixedIntegerRounding, "cover": .cover, "clique": .clique]
        var cuts: SolverOptions.Cuts = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let family = names[name] else {
                throw UsageError(message: "option '--cuts': '\(name)' is not one of none, all, gomory, mir, cover, clique")
            }
            cuts.formUnion(family)
        }
        return cuts
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let format = try arguments.choice("format", as: Format.self) ?? .text
        let path = arguments.positionals[0]
        let data = try ScenarioInput.read(path)
        var document: STNDocument
        do { document = try STNDocumentLoader.load(data: data) } catch {
            if case .unreadable = error { throw FileError.noInput(error.description) }
            throw CommandError.invalidData(error.problems.map(\.description))
        }
        if let hours = try arguments.double("horizon", range: 0.001...1_000_000) {
            document.grid.horizonHours = hours
            let problems = document.problems()
            guard problems.isEmpty else { throw CommandError.invalidData(problems.map { "--horizon \(hours): " + $0.description }) }
        }
        if let path = arguments.value("export-model") {
            let network = document.network()
            let problems = network.problems()
            guard problems.isEmpty else { throw CommandError.invalidData(problems.map(\.description)) }
            do { try GLPKSolver().write(STNFormulation(network).program, format: .cplexLP, to: path) } catch {
                throw CommandError.failure(String(describing: error))
            }
        }
        var options = SolverOptions.recommended(for: document.network())
        if let limit = try arguments.double("time-limit", range: 0.001...86_400) { options.timeLimit = limit }
        if let gap = try arguments.double("gap", range: 0...1) { options.relativeGap = gap }
        if arguments.has("verbose") { options.log = .standardError }
        if let cuts = arguments.value("cuts") { options.cuts = try Self.cuts(cuts) }
        if let rule = try arguments.choice("branching", as: SolverOptions.Branching.self) { options.branching = rule }
        let start = try arguments.choice("start", as: StartRule.self) ?? (arguments.has("greedy-start") ? .greedy : .auto)
        let greedyStart: Bool? = switch start { case .auto: nil; case .greedy: true; case .none: false }
        let run: STNRun
        do { run = try STNRun.solve(document, options: options, greedyStart: greedyStart) } catch let error as SchedulingError {
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
