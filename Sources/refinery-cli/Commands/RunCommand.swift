import Foundation
import RefineryModel

/// `refinery-cli run`: the scenario end to end (the throughput model, and the valuation when
/// the scenario has economics).
enum RunCommand {
    static let command = Command(spec: spec, run: run)

    static let formats: [OutputFormat] = [.text, .json, .csv, .html]

    static let spec = CommandSpec(
        name: "run",
        summary: "Run a scenario end to end and report (the default command).",
        options: ScenarioInput.options + [
            OutputFormat.option(formats, help: "text (default, for people), json (the full report, for tools; see 'refinery-cli schema report'), csv (the key results) or html (one self-contained page with charts)."),
            Output.option,
            CSVDirectory.option,
            HTMLOutput.languageOption,
            .flag("include-lots", help: "Include every lot's outcome (throughput model and campaign schedule) in the JSON report and the --csv-dir tables."),
            .flag("include-batches", help: "Include the campaign schedule's batches in the JSON report."),
        ] + RunOptions.options,
        positionals: [PositionalSpec(name: "SCENARIO.json", optional: true, help: ScenarioInput.positionalHelp)],
        discussion: """
            Computes capacity, bottleneck, utilization, metal balances and inventory year by year;
            schedules the year of peak gold intake as a campaign in daily buckets with GLPK (to a
            1% gap, within --time-limit, default 10 s); and values the project, its holders and
            the value added in Mali. The JSON report holds the effective scenario (after --set)
            and is byte-identical for the same input and seed (unless --timings).
            Exit status 2 when the campaign has no schedule (infeasible due dates, or none found
            within the time limit); the report is still written and says so.
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let format = try OutputFormat.parse(arguments, allowed: formats)
        let language = try HTMLOutput.language(arguments, html: format == .html)
        let options = try RunOptions(arguments)
        let csvDirectory = try CSVDirectory.path(arguments)
        let scenario = try ScenarioInput.load(arguments)
        let progress = ProgressLine(console: console, label: "run: \(options.schedule ? "the campaign schedule (time limit \(ProgressLine.seconds(ScenarioRun.campaignOptions(options).timeLimit ?? 10)))" : "the model")")
        defer { progress.finish() }
        let run = try CommandError.mapping { () throws(StudyError) in try ScenarioRun.perform(scenario, options: options) }
        progress.finish()
        let output: String
        switch format {
        case .json: output = try RunReport(run: run, includeBatches: arguments.has("include-batches"), includeLots: arguments.has("include-lots")).json()
        case .text: output = RunText.render(run)
        case .csv: output = CSVTable.keyResults(KeyResults.of(run)).csv
        case .html: output = RunReport(run: run, includeLots: true).page(in: language).html
        }
        try Output.emit(output, arguments, console: console)
        if let csvDirectory { try CSVDirectory.write(run.csvTables(includeLots: arguments.has("include-lots")), to: csvDirectory, input: arguments.positionals.first, console: console) }
        if let failure = run.campaign.failure { console.error("Warning: campaign schedule skipped: \(failure)\n") }
        if let message = run.statusMessage { console.error("Error: \(message)\n") }
        return run.status
    }
}

/// The text report of a run: the headline and key results first, then each part's detail.
enum RunText {
    /// The check of the valuation's gold in process against the campaign schedule's.
    static func workingCapitalLine(_ check: ScheduledWorkingCapital) -> String {
        "Gold in process in \(check.year): \(Formatting.number(check.scheduleGoldInProcessKg, decimals: 0)) kg on average in the campaign schedule, "
            + "\(Formatting.number(check.throughputGoldInProcessKg, decimals: 0)) kg in the throughput model the valuation uses; "
            + "valued with the schedule's, the project NPV would be \(ValuationText.millions(check.projectNPVUsd)) M USD "
            + "(\(check.projectNPVChangeUsd >= 0 ? "+" : "")\(Formatting.number(check.projectNPVChangeUsd / 1e6, decimals: 2)) M USD).\n"
    }

    static func render(_ run: ScenarioRun) -> String {
        ThroughputText.render(scenario: run.scenario, report: run.throughput, keyResults: KeyResults.of(run))
            + campaign(run.campaign)
            + (run.valuation.map { "\n" + ValuationText.headline($0.result, model: $0.model) + "(refinery-cli value: the full valuation)\n" } ?? "")
            + (run.scheduledWorkingCapital.map(workingCapitalLine) ?? "")
            + (run.scenario.economics?.rangeWideningNotes ?? []).map { "Note: \($0)\n" }.joined()
    }
}

extension RunText {
    /// The campaign schedule's part: solver line, headline, stage use, months, gold balance.
    static func campaign(_ campaign: ScenarioRun.Campaign) -> String {
        switch campaign {
        case let .scheduled(report, options):
            return "\nCampaign schedule of the peak year (GLPK; refinery-cli schedule --horizon campaign --year \(report.year): the batches)\n"
                + ScheduleText.render(report, timeLimit: options.timeLimit, requestedGap: options.relativeGap)
        case let .skipped(reason):
            return "\nCampaign schedule skipped: \(reason)\n"
        }
    }
}

/// The throughput part of the text report.
enum ThroughputText {
    static func render(scenario: Scenario, report: ThroughputReport, keyResults: [KeyMetric] = []) -> String {
        var text = "Scenario \(scenario.name): \(scenario.description ?? "")\n"
        text += "Horizon \(scenario.horizon.firstYear)–\(scenario.horizon.firstYear + scenario.horizon.years - 1), "
        text += "nameplate \(Formatting.number(scenario.plant.nameplateTonnesPerYear)) t/yr"
        if let last = scenario.plant.expansions.last { text += " (\(Formatting.number(last.nameplateTonnesPerYear)) t/yr from \(last.year))" }
        text += "\n\n"

        if let peak = report.peakIntakeYear, let bottleneck = peak.bottleneck,
           let sustainable = peak.sustainableIntakeTonnes {
            let row = peak.stages.first { $0.id == bottleneck }!
            text += "Headline: at its peak intake (\(Formatting.tonnes(peak.intake.goldKg)) t of gold in \(peak.year)) the busiest stage, \(bottleneck), "
            text += "runs at \(Formatting.percent(row.utilization)) of its capacity; with that mix of material the plant could take "
            text += "\(Formatting.number(sustainable)) t of gold a year before \(bottleneck) saturates.\n\n"
        }
        if !keyResults.isEmpty {
            text += "Key results\n" + KeyResultsText.table(keyResults) + "\n"
        }

        text += "Gold by year (t, except where stated; bottleneck: the first stage to saturate as intake grows)\n"
        let header = ["year", "phase", "intake", "lots", "bottleneck", "util.", "max intake", "refined", "lost kg", "in process", "backlog", "avg WIP kg"]
        let rows = report.years.map { year -> [String] in
            let bottleneckRow = year.bottleneck.flatMap { id in year.stages.first { $0.id == id } }
            return [
                String(year.year), year.phase, Formatting.tonnes(year.intake.goldKg), Formatting.number(Double(year.intake.lots)),
                year.bottleneck ?? "-", bottleneckRow.map { Formatting.percent($0.utilization) } ?? "-",
                year.sustainableIntakeTonnes.map { Formatting.number($0, decimals: 1) } ?? "-",
                Formatting.tonnes(year.gold.refined), Formatting.number(year.gold.lost, decimals: 1),
                Formatting.tonnes(year.gold.closingInProcess, decimals: 2), Formatting.tonnes(year.gold.closingBacklog),
                Formatting.number(year.averageGoldInProcessKg),
            ]
        }
        text += TextTable.render(header: header, rows: rows)

        for year in representativeYears(report) {
            text += "\nStages in \(year.year) (\(year.phase)): capacity at that year's mix of material\n"
            let stageRows = year.stages.map { stage -> [String] in
                [stage.id, String(stage.units), Formatting.number(stage.capacityBatches), Formatting.number(stage.loadBatches),
                 Formatting.percent(stage.utilization), Formatting.tonnes(stage.capacityGrossKg),
                 stage.capacityGoldTonnes.map { Formatting.number($0) } ?? "-"]
            }
            text += TextTable.render(header: ["stage", "units", "batches/yr", "needed", "util.", "gross t/yr", "gold t/yr"], rows: stageRows)
        }

        if let last = report.years.last {
            text += "\nTurnaround (days from arrival to refined metal, below saturation): "
            text += last.turnaroundDays.sorted { $0.key < $1.key }.map { "\($0.key) \(Formatting.number($0.value, decimals: 1))" }.joined(separator: ", ") + "\n"
            text += "Plant gold locked in units (e.g. Wohlwill electrolyte) in \(last.year): \(Formatting.number(last.lockedGoldKg)) kg\n"
            let silver = report.years.reduce(0) { $0 + $1.silver.refined }
            text += "Silver refined over the horizon: \(Formatting.tonnes(silver)) t\n"
        }
        if !report.findings.isEmpty {
            text += "\nFindings\n" + report.findings.map { "- \($0)\n" }.joined()
        }
        return text
    }

    /// The first year and the first year of each expansion.
    static func representativeYears(_ report: ThroughputReport) -> [YearThroughput] {
        var seen = Set<String>()
        return report.years.filter { seen.insert($0.phase).inserted }
    }
}
