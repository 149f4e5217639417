@testable import RefineryModel

/// Valuation models of the embedded scenarios, built once.
enum EmbeddedModels {
    static let all: [String: CashFlowModel] = {
        var models: [String: CashFlowModel] = [:]
        for name in Scenario.embeddedNames {
            do { models[name] = try CashFlowModel(scenario: ScenarioLoader.embedded(named: name)) } catch { preconditionFailure("\(name): \(error)") }
        }
        return models
    }()

    static var base: CashFlowModel { all[Scenario.defaultName]! }
}
