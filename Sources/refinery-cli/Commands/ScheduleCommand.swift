import Foundation
import RefineryModel

/// `refinery-cli schedule`: a detailed (hourly) or campaign (daily) batch schedule from GLPK.
enum ScheduleCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "schedule",
        summary: "Optimize the batch schedule: a detailed week by the hour, or a year's campaign by the day.",
        options: ScenarioInput.options + [
            .value("horizon", "KIND", help: "detailed (default: hourly grid, 1–14 days) or campaign (daily buckets, up to 366 days)."),
            .value("days", "N", help: "Days in the window (default 7 detailed, 365 campaign)."),
            .value("period-hours", "H", help: "Grid period in hours (default 1 detailed, 24 campaign)."),
            .value("start", "DATE", help: "First day of the window, YYYY-MM-DD (default 1 January of --year)."),
            .value("year", "YEAR", help: "Plant configuration and intake of this year (default: the scenario's first year)."),
            .value("intake", "TONNES", help: "Scale the intake to this many tonnes of gold a year (e.g. 200)."),
            .value("goal", "GOAL", help: "workInProcess (default: refine early), throughput, value or makespan."),
            .value("turnaround-target", "DAYS", help: "Due date for every lot: arrival + DAYS."),
            .value("state", "FILE", help: "Plan a detailed window from the plant's state (stocks, lots in process, units busy or down; `refinery-cli schema plant-state`). With --replan-from, only its units apply."),
            .value("replan-from", "HOUR", help: "Re-plan the --previous schedule from this hour of its window: batches started before it are kept, the rest is solved again."),
            .value("previous", "REPORT.json", help: "The schedule to re-plan (schedule --format json), with --replan-from."),
            .value("gap", "FRACTION", help: "Stop when the relative gap is at most this (default 0.01 detailed, 0.005 campaign)."),
            .value("format", "FORMAT", help: "text (default), json (the full schedule report), csv (the schedule_batches table: one row per batch line and lot) or html (a page with the Gantt chart)."),
            HTMLOutput.languageOption,
            .value("export-model", "FILE", help: "Also write the MILP in CPLEX LP format (for glpsol --lp FILE)."),
            Output.option,
        ] + RunOptions.shared,
        positionals: [PositionalSpec(name: "SCENARIO.json", optional: true, help: ScenarioInput.positionalHelp)],
        discussion: """
        Exit status 2 when no schedule meets every due date (the report explains which lots block and still gives the relaxed schedule) or when the time limit passes before any schedule is found.
        """)

    enum Format: String, CaseIterable { case text, json, csv, html }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let format = try arguments.choice("format", as: Format.self) ?? .text
        let language = try HTMLOutput.language(arguments, html: format == .html)
        let kind = try arguments.choice("horizon", as: RefineryScheduleRequest.Kind.self) ?? .detailed
        let scenario = try ScenarioInput.load(arguments)
        let detailed = kind == .detailed
        var request = RefineryScheduleRequest(
            kind: kind, startDate: arguments.value("start"), days: try arguments.integer("days") ?? (detailed ? 7 : 365),
            periodHours: try arguments.double("period-hours") ?? (detailed ? 1 : 24), year: try arguments.integer("year"),
            intakeTonnesPerYear: try arguments.double("intake"), goal: try arguments.choice("goal", as: RefineryScheduleRequest.Goal.self) ?? .workInProcess)
        request.turnaroundTargetDays = try arguments.double("turnaround-target")
        var state: PlantState?
        if let path = arguments.value("state") {
            let data = try ScenarioInput.read(path)
            do { state = try PlantStateLoader.load(data: data) } catch {
                if case .unreadable = error { throw FileError.noInput(error.description) }
                throw CommandError.invalidData(error.problems.map { "\(path): \($0)" })
            }
            if request.startDate == nil { request.startDate = state?.startDate }
        }
        let replanFrom = try arguments.double("replan-from", range: 0...(14 * 24))
        var previous: RefineryScheduleReport?
        if let path = arguments.value("previous") {
            guard replanFrom != nil else { throw UsageError(message: "option '--previous' needs --replan-from HOUR") }
            let data = try ScenarioInput.read(path)
            do { previous = try ReportJSON.decode(RefineryScheduleReport.self, from: data) } catch {
                throw CommandError.invalidData(["\(path): not a schedule report (schedule --format json): \(error)"])
            }
            if previous?.request.kind != .detailed { throw CommandError.invalidData(["\(path): re-planning needs a detailed schedule"]) }
        } else if replanFrom != nil {
            throw UsageError(message: "option '--replan-from' needs --previous REPORT.json, the schedule to re-plan")
        }
        if let previous { request = previous.request }
        let problems = request.problems(for: scenario)
        if let problem = problems.first {
            let option = ["days": "days", "periodHours": "period-hours", "startDate": "start", "year": "year",
                          "intakeTonnesPerYear": "intake", "turnaroundTargetDays": "turnaround-target"][problem.path] ?? problem.path
            throw UsageError(message: "option '--\(option)': \(problem.value ?? "") \(problem.message)")
        }
        var options = RefineryScheduler.recommendedOptions(for: kind)
        if let limit = try arguments.double("time-limit", range: 0.001...86_400) { options.timeLimit = limit }
        if let gap = try arguments.double("gap", range: 0...1) { options.relativeGap = gap }
        if arguments.has("verbose") { options.log = .standardError }
        var report: RefineryScheduleReport
        do {
            let deadline = SolveDeadline(seconds: options.timeLimit) // --time-limit covers the network's construction too
            let instance = if let previous, let replanFrom {
                try RefineryScheduler.replanNetwork(scenario, previous: previous, fromHour: replanFrom, holds: state?.units ?? [])
            } else {
                try RefineryNetwork(scenario: scenario, request: request, state: state)
            }
            if let path = arguments.value("export-model") {
                do { try GLPKSolver().write(STNFormulation(instance.network, objective: instance.objective).program, format: .cplexLP, to: path) } catch {
                    throw CommandError.failure(String(describing: error))
                }
            }
            let progress = ProgressLine(console: console, label: "schedule: solving (time limit \(ProgressLine.seconds(options.timeLimit ?? 0)))")
            defer { progress.finish() }
            let result = try RefineryScheduler.solve(instance, options: options, deadline: deadline,
                                                     start: previous.map(RefineryScheduler.startSchedule))
            progress.finish()
            report = RefineryScheduler.report(instance: instance, result: result)
            if !arguments.has("timings") { report.timings = nil }
        } catch let error as SchedulingError {
            switch error {
            case .invalidRequest(let problems), .invalidNetwork(let problems): throw CommandError.invalidData(problems.map(\.description))
            case .solver(let error): throw CommandError.failure(error.description)
            }
        }
        let output: String
        switch format {
        case .json: output = try ReportJSON.encode(report)
        case .csv: output = CSVTable.scheduleBatches(report.batches, startDate: report.startDate, periodHours: report.request.periodHours).csv
        case .text: output = ScheduleText.render(report, timeLimit: options.timeLimit, requestedGap: options.relativeGap)
        case .html: output = report.page(in: language, scenario: scenario.name).html
        }
        try Output.emit(output, arguments, console: console)
        if !report.violations.isEmpty { console.error("Error: the schedule check found \(report.violations.count) violation(s)\n") }
        return report.exitStatus
    }
}
