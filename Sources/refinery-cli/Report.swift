import Foundation
import RefineryModel

/// The versioned JSON report that `run --format json` prints and other tools read.
/// Deterministic: the same input gives byte-identical output (sorted keys, no timestamps).
struct Report: Encodable {
    static let schemaVersion = 1

    struct Tool: Encodable {
        var name = "refinery-cli"
        var version = RefineryCLI.version
        var glpk = GLPKSolver.version
    }

    var schemaVersion = Report.schemaVersion
    var tool = Tool()
    var scenario: Scenario
    var throughput: ThroughputReport
    /// The campaign schedule of the peak year; absent with `--no-schedule` or when the
    /// scenario cannot be scheduled (`notes` says why).
    var schedule: ScheduleSection? = nil
    /// What the solver proved about the campaign schedule; absent with the schedule.
    var solver: SolverSection? = nil
    /// Headline figures and yearly cash flows; absent when the scenario has no economics.
    var valuation: ValuationSection? = nil
    /// The holder table; absent when the scenario has no economics or ownership.
    var ownership: [HolderResult]? = nil
    /// Value added and national capture; absent when the scenario has no economics.
    var valueAdded: ValueAddedReport? = nil
    /// What the run left out and why (e.g. the schedule was skipped).
    var notes: [String] = []

    func json() throws -> String { try ReportJSON.encode(self) }
}

/// How every JSON report is written: sorted keys, pretty, non-finite numbers as strings, so
/// the same input gives byte-identical output.
enum ReportJSON {
    static func encode(_ value: some Encodable) throws -> String {
        try requireFinite(value)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

extension ReportJSON {
    /// Refuses a report holding NaN or infinity (exit 65, naming the number's JSON path):
    /// reports in every format are checked before they are written.
    static func requireFinite(_ value: some Encodable, report: String = "the report") throws {
        do { try FiniteNumbers.check(value, report: report) } catch { throw CommandError.invalidData([error.description]) }
    }
}

extension Report {
    /// The report of a run (each part of the run fills its section).
    init(run: ScenarioRun, includeBatches: Bool = false, includeLots: Bool = false) {
        self.init(scenario: run.scenario, throughput: run.throughput)
        switch run.campaign {
        case let .scheduled(report, options):
            schedule = ScheduleSection(report, includeBatches: includeBatches, includeLots: includeLots)
            solver = SolverSection(report, options: options)
        case let .skipped(reason):
            notes.append("campaign schedule skipped: \(reason)")
        }
        if let valuation = run.valuation {
            self.valuation = ValuationSection(valuation.result)
            ownership = valuation.result.holders
            valueAdded = valuation.result.valueAdded
        }
    }
}
