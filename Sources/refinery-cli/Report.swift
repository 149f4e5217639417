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

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

extension Report {
    /// The report of a run (each part of the run fills its section).
    init(run: ScenarioRun) {
        self.init(scenario: run.scenario, throughput: run.throughput)
    }
}
