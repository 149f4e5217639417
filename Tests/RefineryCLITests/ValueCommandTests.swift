import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// `refinery-cli value` and the valuation parts of `run`.
@Suite struct ValueCommandTests {
    @Test func textReportLeadsWithTheHeadline() {
        let run = runCLI(["value", "--draws", "50"])
        #expect(run.status == .success && run.err.isEmpty)
        let lines = run.out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Valuation of senou-base") == true)
        #expect(lines.dropFirst().first?.hasPrefix("Headline: project NPV") == true)
        for section in ["Cash flows by year", "Shareholders", "Value added over the horizon", "national capture", "Tornado: project NPV",
                        "Monte Carlo: 50 draws, seed 1"] {
            #expect(run.out.contains(section), "missing \(section)")
        }
    }

    @Test func jsonIsDeterministicAndAgreesWithTheLibrary() throws {
        let first = runCLI(["value", "--format", "json", "--draws", "40", "--seed", "9"])
        let second = runCLI(["value", "--format", "json", "--draws", "40", "--seed", "9"])
        #expect(first.status == .success && first.out == second.out)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.out.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == RunReport.schemaVersion)
        let summary = try #require((json["valuation"] as? [String: Any])?["summary"] as? [String: Any])
        let npv = try #require(summary["projectNPVUsd"] as? Double)
        let expected = try CashFlowModel(scenario: .senouBase).valuation().summary.projectNPVUsd
        // The CLI prints the library's double exactly (shortest round-trip digits, checked below);
        // Foundation's JSONSerialization may parse such digits one ulp off.
        #expect(abs(npv - expected) <= 1e-15 * abs(expected))
        #expect(first.out.contains("\"projectNPVUsd\" : \(expected)"))
        #expect((json["ownership"] as? [Any])?.count == 2)
        let monteCarlo = try #require(json["monteCarlo"] as? [String: Any])
        #expect(monteCarlo["draws"] as? Int == 40)
        #expect((monteCarlo["npvs"] as? [Any])?.isEmpty == true)
    }

    @Test func runCarriesTheValuation() throws {
        let text = runCLI(["run"])
        #expect(text.out.contains("Valuation (nominal USD"))
        // The headline in CFA francs and euros, recomputed here at 565 XOF/USD and the peg.
        let npv = try CashFlowModel(scenario: .senouBase).valuation().summary.projectNPVUsd
        let xof = Formatting.number(npv * 565 / 1e9, decimals: 1), eur = Formatting.number(npv * 565 / 655.957 / 1e6, decimals: 1)
        let line = try #require(text.out.split(separator: "\n").first { $0.hasPrefix("In XOF and EUR at 565.0 XOF/USD and 655.957 XOF/EUR (fixed peg): project NPV ") })
        #expect(line.contains("(\(xof) bn XOF, \(eur) M EUR)"), "\(line)")
        #expect(line.contains("state net cash NPV") && line.contains("net gain to Mali (PV)"))
        let json = runCLI(["run", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["valuation"] != nil && object["ownership"] != nil && object["valueAdded"] != nil)
    }

    @Test func scenariosWithoutEconomicsAreRefusedByValue() throws {
        var scenario = Scenario.senouBase
        scenario.economics = nil
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-economics-\(UUID().uuidString).json")
        try JSONEncoder().encode(scenario).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let run = runCLI(["value", url.path])
        #expect(run.status == .invalidData && run.out.isEmpty)
        #expect(run.err.contains("has no economics section"))
        // run still works, without a valuation.
        let plain = runCLI(["run", url.path])
        #expect(plain.status == .success && !plain.out.contains("Valuation"))
    }

    @Test func badDrawsAreUsageErrors() {
        #expect(runCLI(["value", "--draws", "-3"]).status == .usage)
        #expect(runCLI(["value", "--seed", "x"]).status == .usage)
    }
}
