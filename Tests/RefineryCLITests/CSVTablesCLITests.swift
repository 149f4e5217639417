import Foundation
import Testing
import RefineryModel
@testable import refinery_cli

/// The CLI's CSV is the library's: `--format csv` and every file of `--csv-dir` equal the
/// library's ``CSVTable/csv`` byte for byte, and Python's csv module reads them back.
extension ExecutableTests {
    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func contents(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func runCSVDirectoryIsTheLibrarysTablesAndPythonReadsThem() throws {
        let parent = try Self.temporaryDirectory("tables")
        defer { try? FileManager.default.removeItem(at: parent) }
        let directory = parent.appendingPathComponent("run") // created by the command
        let cli = try execute(["run", "--csv-dir", directory.path, "--include-lots", "--format", "csv"])
        #expect(cli.status == .success)
        #expect(cli.err.hasSuffix("and index.csv to \(directory.path)\n"))

        let tables = try ScenarioRun.perform(Self.senouBase).csvTables(includeLots: true)
        #expect(cli.out == tables.first { $0.name == "key_results" }?.csv, "--format csv still prints the key results")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == (tables.map(\.fileName) + ["index.csv"]).sorted())
        for table in tables { #expect(Self.contents(directory.appendingPathComponent(table.fileName)) == table.csv, "\(table.fileName)") }
        #expect(Self.contents(directory.appendingPathComponent("index.csv")) == CSVTable.index(of: tables).csv)

        // Python's csv module, an independent reader: equal field counts, finite numbers in the
        // numeric columns, and the refined gold by year adds up to the key result.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        var numeric: [String: [String]] = [:]
        for table in tables { numeric[table.fileName] = table.columns.filter { $0.kind == .number }.map(\.name) }
        let columns = try JSONEncoder().encode(numeric)
        let script = """
            import csv, json, math, os, sys
            directory, numeric = sys.argv[1], json.loads(sys.argv[2])
            for name in sorted(os.listdir(directory)):
                with open(os.path.join(directory, name), newline="", encoding="utf-8") as f:
                    rows = list(csv.reader(f, strict=True))
                header = rows[0]
                assert all(len(row) == len(header) for row in rows), name
                for column in numeric.get(name, []):
                    i = header.index(column)
                    for row in rows[1:]:
                        assert row[i] == "" or math.isfinite(float(row[i])), (name, column, row[i])
            with open(os.path.join(directory, "throughput_by_year.csv"), newline="") as f:
                refined = sum(float(r["gold_refined_kg"]) for r in csv.DictReader(f))
            with open(os.path.join(directory, "key_results.csv"), newline="") as f:
                total = next(float(r["value"]) for r in csv.DictReader(f) if r["metric"] == "refinedGoldTonnes")
            assert abs(refined / 1000 - total) <= 1e-9 * total, (refined, total)
            print("read", len(os.listdir(directory)), "files")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, directory.path, String(decoding: columns, as: UTF8.self)]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(error)")
        #expect(output == "read \(tables.count + 1) files\n", "\(output)\(error)")
    }

    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func valueCSVIsTheLibrarysTables() throws {
        let directory = try Self.temporaryDirectory("value")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cli = try execute(["value", "--format", "csv", "--draws", "200", "--seed", "5", "--csv-dir", directory.path, "--include-draws"])
        #expect(cli.status == .success)
        let value = try ValuationRun.perform(Self.senouBase, draws: 200, seed: 5)
        #expect(cli.out == CSVTable.cashFlowsByYear(value.valuation.years).csv)
        #expect(cli.out.hasPrefix("year,operating,volume_scale_fraction,gold_intake_kg,"))
        let tables = value.csvTables(includeDraws: true)
        #expect(tables.map(\.name).contains("monte_carlo_draws") && tables.map(\.name).contains("tornado"))
        for table in tables + [CSVTable.index(of: tables)] {
            #expect(Self.contents(directory.appendingPathComponent(table.fileName)) == table.csv, "\(table.fileName)")
        }
        let without = try execute(["value", "--draws", "200", "--seed", "5", "--csv-dir", directory.path + "/again", "--format", "json"])
        #expect(without.status == .success)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/again/monte_carlo_draws.csv"), "draws only on request")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/again/monte_carlo_percentiles.csv"))
    }

    @Test(.enabled(if: binary != nil, "the refinery-cli binary is not built"))
    func scheduleCSVIsTheLibrarysBatchTable() throws {
        let cli = try execute(["schedule", "--year", "2030", "--days", "2", "--format", "csv"])
        #expect(cli.status == .success)
        let report = try RefineryScheduler.schedule(Self.senouBase, request: .detailed(days: 2, year: 2030))
        #expect(cli.out == CSVTable.scheduleBatches(report.batches, startDate: report.startDate, periodHours: report.request.periodHours).csv)
    }
}

/// `--csv-dir`: created when missing, refused (exit 73) when it is not a directory, before any work.
@Suite struct CSVDirectoryTests {
    @Test func aPathThatIsNotADirectoryIsRefusedAndLeftAsItIs() throws {
        let parent = try ExecutableTests.temporaryDirectory("refused")
        defer { try? FileManager.default.removeItem(at: parent) }
        let file = parent.appendingPathComponent("report.csv")
        try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = runCLI(["run", "--no-schedule", "--csv-dir", file.path])
        #expect(refused.status == .cannotCreate && refused.out.isEmpty)
        #expect(refused.err == "Error: cannot write the tables into \(file.path): it is not a directory\n")
        #expect(ExecutableTests.contents(file) == "keep me\n")

        let orphan = parent.appendingPathComponent("no/such/dir").path
        let missing = runCLI(["value", "--draws", "0", "--csv-dir", orphan, "--format", "json"])
        #expect(missing.status == .cannotCreate)
        #expect(missing.err.hasSuffix("Error: cannot create the directory \(orphan): its parent directory does not exist\n"))

        #expect(runCLI(["run", "--no-schedule", "--csv-dir", ""]).status == .usage)
        #expect(runCLI(["schedule", "--csv-dir", parent.path]).status == .usage, "schedule has --format csv, not --csv-dir")
    }

    @Test func aMissingDirectoryIsCreatedAndAnExistingOneUpdated() throws {
        let parent = try ExecutableTests.temporaryDirectory("created")
        defer { try? FileManager.default.removeItem(at: parent) }
        let directory = parent.appendingPathComponent("tables").path
        let first = runCLI(["run", "--no-schedule", "--csv-dir", directory + "/", "--format", "json"])
        #expect(first.status == .success)
        let index = ExecutableTests.contents(URL(fileURLWithPath: directory + "/index.csv")) ?? ""
        #expect(index.hasPrefix("table,file,rows,columns,description\nkey_results,key_results.csv,34,3,"))
        #expect(!index.contains("schedule_"), "no campaign, no schedule tables")
        try "stale\n".write(toFile: directory + "/holders.csv", atomically: true, encoding: .utf8)
        #expect(runCLI(["run", "--no-schedule", "--csv-dir", directory, "--format", "json"]).status == .success)
        #expect(ExecutableTests.contents(URL(fileURLWithPath: directory + "/holders.csv"))?.hasPrefix("holder_id,name,share_fraction,") == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".rfm-") }
        #expect(leftovers.isEmpty, "no temporary files left")
    }

    @Test func theScenarioBeingReadIsNeverWrittenOver() throws {
        let directory = try ExecutableTests.temporaryDirectory("input")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = directory.appendingPathComponent("holders.csv").path // a scenario file with a table's name
        try ScenarioLoader.embeddedDocument(named: "senou-base").serialized().write(toFile: scenario, atomically: true, encoding: .utf8)
        let before = ExecutableTests.contents(URL(fileURLWithPath: scenario))
        let refused = runCLI(["value", scenario, "--draws", "0", "--format", "json", "--csv-dir", directory.path])
        #expect(refused.status == .usage)
        #expect(refused.err.hasPrefix("Error: --csv-dir would write \(directory.path)/holders.csv over the scenario being read (\(scenario))"))
        #expect(ExecutableTests.contents(URL(fileURLWithPath: scenario)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["holders.csv"], "nothing was written")
    }
}
