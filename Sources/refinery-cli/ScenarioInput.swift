import Foundation
import RefineryModel

/// Reads the scenario a command works on: a file, an embedded scenario by name, or the default.
enum ScenarioInput {
    static let options: [OptionSpec] = [
        .value("scenario", "NAME", help: "Use an embedded scenario: \(Scenario.embeddedNames.joined(separator: ", ")).")
    ]

    static func load(path: String?, embeddedName: String?) throws -> Scenario {
        do {
            if let path {
                if embeddedName != nil { throw UsageError(message: "give a scenario file or --scenario, not both") }
                return try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: path))
            }
            return try ScenarioLoader.embedded(named: embeddedName ?? Scenario.defaultName)
        } catch let error as ScenarioError {
            if case .unreadable = error { throw CommandError.failure(error.description) }
            throw CommandError.invalidData(error.problems.map(\.description))
        }
    }
}
