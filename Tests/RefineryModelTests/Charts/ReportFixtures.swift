import Foundation
@testable import RefineryModel

/// The runs the page tests draw, made once: the default scenario with and without its
/// campaign schedule, its valuation (a small Monte Carlo), a detailed schedule with due
/// dates, and a comparison with the stress scenario.
enum ReportFixtures {
    static let run = Result { try ScenarioRun.perform(try ScenarioLoader.embedded(named: "senou-base")) }
    static let runWithoutSchedule = Result {
        var options = RunOptions()
        options.schedule = false
        return try ScenarioRun.perform(try ScenarioLoader.embedded(named: "senou-base"), options: options)
    }
    static let valuation = Result { try ValuationRun.perform(try ScenarioLoader.embedded(named: "senou-base"), draws: 400, seed: 1) }
    static let schedule = Result { () throws -> RefineryScheduleReport in
        let scenario = try ScenarioLoader.embedded(named: "senou-base")
        var request = RefineryScheduleRequest(kind: .detailed, startDate: nil, days: 7, periodHours: 1, year: nil,
                                              intakeTonnesPerYear: nil, goal: .workInProcess)
        request.turnaroundTargetDays = 3
        return try RefineryScheduler.schedule(scenario, request: request, options: RefineryScheduler.recommendedOptions(for: .detailed))
    }
    static let comparison = Result { () throws -> Comparison in
        var options = RunOptions()
        options.schedule = false
        let stress = try ScenarioRun.perform(try ScenarioLoader.embedded(named: "stress-300t"), options: options)
        return Comparison(try run.get(), labeled: "senou-base", stress, labeled: "stress-300t")
    }

    /// The default run's page, as the CLI draws it (with the campaign's lots).
    static func runPage(_ language: ReportLanguage, schedule: Bool = true) throws -> ReportPage {
        RunReport(run: try (schedule ? run : runWithoutSchedule).get(), includeLots: true).page(in: language)
    }

    /// The valuation page with its draws.
    static func valuationPage(_ language: ReportLanguage) throws -> ReportPage {
        let value = try valuation.get()
        return ValuationReport(value).page(in: language, npvDraws: value.monteCarlo?.npvs ?? [])
    }

    /// Every page in `language`, named.
    static func pages(_ language: ReportLanguage) throws -> [(name: String, page: ReportPage)] {
        [("run", try runPage(language)), ("run --no-schedule", try runPage(language, schedule: false)),
         ("value", try valuationPage(language)), ("schedule", try schedule.get().page(in: language, scenario: "senou-base")),
         ("compare", try comparison.get().page(in: language))]
    }
}
