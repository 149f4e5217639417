import Foundation
import Testing
@testable import refinery_cli
import RefineryModel

/// The command line behaves the same everywhere (issue 12, item 4), checked on the built binary:
/// scenario names where files go, near-miss suggestions, usage lines, shared options.
@Suite(.enabled(if: Subprocess.binary != nil, "the refinery-cli binary is not built"))
struct ConsistencyTests {
    /// The commands that load a scenario, with the arguments that make them quick.
    static let scenarioCommands: [(name: String, quick: [String])] = [
        ("run", ["--no-schedule", "--format", "csv"]), ("schedule", ["--days", "1"]), ("value", ["--draws", "0"]),
        ("validate", []), ("sweep", ["--vary", "plant.calendar.shiftsPerDay=2", "--no-schedule"]), ("compare", ["--no-schedule"]),
    ]

    @Test func aScenarioNameWorksWhereverAFileDoes() throws {
        let byName = try Subprocess.cli(["run", "senou-base", "--no-schedule", "--format", "csv"])
        let byFile = try Subprocess.cli(["run", Paths.data("scenarios/senou-base.json"), "--no-schedule", "--format", "csv"])
        #expect(byName.status == 0 && byName.err.isEmpty && byName.out == byFile.out && !byName.out.isEmpty)
        let validate = try Subprocess.cli(["validate", "senou-base"])
        #expect(validate.status == 0 && validate.out == "senou-base: valid scenario 'senou-base' (2 sources, 0 lots, 7 stages, 4 routes)\n")
        let value = try Subprocess.cli(["value", "stress-300t", "--draws", "0", "--format", "json"])
        #expect(value.status == 0 && value.out.contains("stress-300t"))
        let compare = try Subprocess.cli(["compare", "senou-base", "mali-own-supply", "--no-schedule"])
        #expect(compare.status == 0 && compare.out.hasPrefix("A: senou-base (scenario senou-base)\nB: mali-own-supply (scenario mali-own-supply)\n"))
        let help = try Subprocess.cli(["--help"])
        #expect(help.out.contains("SCENARIOS\n  A scenario argument is a file ('-' reads standard input) or, when no file has that\n  name, an embedded scenario: senou-base,"))
    }

    @Test func scenarioOptionWhereverAScenarioIsRead() throws {
        for command in Self.scenarioCommands {
            let run = try Subprocess.cli([command.name, "--scenario", "stress-300t"] + command.quick)
            #expect(run.status == 0, "\(command.name): \(run.err)")
        }
        let validate = try Subprocess.cli(["validate", "--scenario", "stress-300t"])
        #expect(validate.out.hasPrefix("stress-300t (embedded): valid scenario 'stress-300t'"))
        // compare: --scenario stands for A; B is then the argument, or A again.
        let compare = try Subprocess.cli(["compare", "--scenario", "senou-base", "stress-300t", "--no-schedule", "--format", "json"])
        #expect(compare.status == 0 && compare.out.contains(#""label":"stress-300t""#) && compare.out.contains(#""label":"senou-base""#))
        let both = try Subprocess.cli(["compare", "a.json", "b.json", "--scenario", "senou-base"])
        #expect(both.status == 64 && both.err.hasPrefix("Error: give A as a file or --scenario, not both\n"))
    }

    /// The rule: a file of that name wins when it exists; a name is read as an embedded
    /// scenario only when no such file exists.
    @Test func aFileOfThatNameWins() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var document = try ScenarioLoader.embeddedDocument(named: "senou-base")
        document = try document.setting(.string("from-the-file"), at: JSONPath(parsing: "name"))
        try Data(document.serialized(sortedKeys: true).utf8).write(to: URL(fileURLWithPath: scratch.file("senou-base")))
        let inside = try Subprocess.run(["/bin/sh", "-c", #"cd "$1" && exec "$0" validate senou-base"#, Subprocess.binary!, scratch.path])
        #expect(inside.status == 0 && inside.out.contains("valid scenario 'from-the-file'"), "\(inside.err)")
        let outside = try Subprocess.cli(["validate", "senou-base"])
        #expect(outside.out.contains("valid scenario 'senou-base'"))
    }

    @Test func nearMissesAreSuggested() throws {
        let command = try Subprocess.cli(["rnu"])
        #expect(command.status == 64 && command.err.hasPrefix("Error: unknown command 'rnu' (did you mean 'run'?)\n"))
        let version = try Subprocess.cli(["--versoin"])
        #expect(version.status == 64 && version.err.hasPrefix("Error: unknown option '--versoin' (did you mean '--version'?)\n"))
        let help = try Subprocess.cli(["help", "NOSUCH"])
        #expect(help.status == 64 && help.out.isEmpty && help.err.hasPrefix("Error: unknown command 'NOSUCH'\nUsage: "))
        let helpSlip = try Subprocess.cli(["help", "valdiate"])
        #expect(helpSlip.status == 64 && helpSlip.err.hasPrefix("Error: unknown command 'valdiate' (did you mean 'validate'?)\n"))
        let file = try Subprocess.cli(["validate", "senou-bsae"])
        #expect(file.status == 66 && file.err == "Error: cannot read senou-bsae: no such file or directory (did you mean the embedded scenario 'senou-base'?)\n")
        let option = try Subprocess.cli(["run", "--scenario", "stres-300t"])
        #expect(option.status == 64 && option.err.hasPrefix("Error: option '--scenario': 'stres-300t' is not an embedded scenario (did you mean 'stress-300t'?); available: senou-base,"))
        let far = try Subprocess.cli(["validate", "nothing-like-it"])
        #expect(far.status == 66 && far.err == "Error: cannot read nothing-like-it: no such file or directory\n")
    }

    /// Every option is in the usage line, which the parser prints under a usage error.
    @Test func usageLinesListEveryOption() throws {
        for command in RefineryCLI.commands {
            let usage = command.spec.usage
            for option in command.spec.options {
                #expect(usage.contains("--\(option.long)"), "\(command.spec.name): --\(option.long) is not in its usage line")
            }
            let error = try Subprocess.cli([command.spec.name, "--no-such-option"])
            #expect(error.status == 64 && error.err.hasSuffix("Usage: \(usage)\n"))
        }
        #expect(SweepCommand.spec.usage.contains(" --vary PATH=FROM:TO:STEPS [--scenario NAME]"), "a required option is shown without brackets")
    }

    /// The options the README calls shared, one definition, accepted by every command that loads a scenario.
    @Test func sharedOptionsAreAcceptedByEveryScenarioCommand() throws {
        let shared = ScenarioInput.options + [Output.option] + RunOptions.shared
        for command in Self.scenarioCommands {
            let spec = try #require(RefineryCLI.command(named: command.name)).spec
            for option in shared {
                let own = spec.option(named: option.long)
                #expect(own?.help == option.help && own?.short == option.short && own?.valueName == option.valueName,
                        "\(command.name) --\(option.long) is not the shared definition")
            }
            let arguments = [command.name, "senou-base", "--seed", "3", "--time-limit", "20", "-v", "--timings",
                             "--set", "plant.calendar.shiftsPerDay=2"] + command.quick
            let run = try Subprocess.cli(arguments)
            #expect(run.status == 0, "\(arguments): \(run.err)")
        }
        let readme = try String(contentsOf: Paths.root.appendingPathComponent("README.md"), encoding: .utf8)
        for option in ["--scenario NAME", "--set PATH=VALUE", "--output FILE", "--time-limit", "--seed N", "--verbose", "-v"] {
            #expect(readme.contains(option), "the README's shared options name \(option)")
        }
    }

    @Test func scheduleRefusesAWindowOutsideTheHorizon() throws {
        let year = try Subprocess.cli(["schedule", "--year", "2050"])
        #expect(year.status == 64 && year.out.isEmpty && year.err.hasPrefix("Error: option '--year': 2050 is outside the scenario's horizon 2027...2041\n"))
        let start = try Subprocess.cli(["schedule", "--start", "2020-01-01"])
        #expect(start.status == 64 && start.err.hasPrefix("Error: option '--start': 2020-01-01 is outside the scenario's horizon 2027-01-01...2041-12-31\n"))
    }

    /// The text report says when a solve stopped at its time limit (run's campaign, schedule).
    @Test func theTextReportSaysWhenASolveStoppedAtItsTimeLimit() throws {
        let run = try Subprocess.cli(["run", "stress-300t", "--time-limit", "1"])
        #expect(run.out.contains("\nSolver: feasible") && run.out.contains("\nEnded: the solve ended at the time limit of 1.0 s, "))
        let schedule = try Subprocess.cli(["schedule", "--year", "2030", "--intake", "300", "--days", "14", "--period-hours", "0.25", "--time-limit", "1"])
        #expect(schedule.out.contains("\nEnded: the solve ended at the time limit of 1.0 s"))
        // …and in which phase: building the greedy start, bounding it, the LP relaxation, branch-and-cut.
        let phases = [", while the greedy start was being built", ", while the interior-point method bounded the greedy start",
                      ", while the simplex method solved the LP relaxation (before branch-and-cut)", ", in branch-and-cut"]
        #expect(phases.contains { schedule.out.contains("\nEnded: the solve ended at the time limit of 1.0 s\($0)") }, "\(schedule.out.prefix(400))")
        #expect(phases.contains { run.out.contains("\nEnded: the solve ended at the time limit of 1.0 s\($0)") }, "\(run.out.prefix(600))")
        let quick = try Subprocess.cli(["schedule", "--days", "1"])
        #expect(quick.status == 0 && !quick.out.contains("time limit"), "a solve that finishes says nothing of it")
    }

    /// An option name longer than the help's name column gets a line of its own.
    @Test func helpColumnsDoNotRunIntoEachOther() throws {
        let help = try Subprocess.cli(["sweep", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("      --vary PATH=FROM:TO:STEPS\n" + String(repeating: " ", count: HelpText.nameWidth + 2) + "A field to vary"))
        let metrics = help.out.split(separator: "\n").filter { line in KeyResults.catalog.contains { line.hasPrefix("  \($0.id) ") } }
        #expect(metrics.count == KeyResults.catalog.count)
        for command in RefineryCLI.commands {
            let text = try Subprocess.cli([command.spec.name, "--help"]).out
            let options = text.components(separatedBy: "\nOPTIONS\n").last?.components(separatedBy: "\n\n").first ?? ""
            for line in options.split(separator: "\n").map(Array.init) where line.count > HelpText.nameWidth + 2 && line[2] != " " || line[4...5] == ["-", "-"] {
                // The help column starts at nameWidth + 2, after at least two spaces; or the name stands alone.
                let column = HelpText.nameWidth + 2
                #expect(line.count <= column - 2 || line[(column - 2)..<column] == [" ", " "], "\(command.spec.name): \(String(line))")
            }
        }
    }
}
