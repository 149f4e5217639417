import Foundation
import Testing
import RefineryModel // the public API only: what another tool gets

/// The tidy CSV tables: well-formed, typed as their columns say, and equal to the report's
/// JSON figure for figure.
@Suite struct CSVTableTests {
    /// The default run (campaign schedule included), computed once for the suite.
    static let run = try! ScenarioRun.perform(ScenarioLoader.embedded(named: "senou-base"))
    static let value = try! ValuationRun.perform(ScenarioLoader.embedded(named: "senou-base"), draws: 300, seed: 3)
    /// Every table of the default run (lots included) and of its valuation (draws included).
    static let tables = run.csvTables(includeLots: true) + value.csvTables(includeDraws: true)

    /// The run's JSON report (batches and lots included), read back by the library's strict
    /// parser (Foundation's JSONSerialization on Linux misreads the last digit of some numbers).
    static let json: JSONValue = try! JSONParser.parse(Array(RunReport(run: run, includeBatches: true, includeLots: true).json().utf8))

    static func table(_ name: String, in tables: [CSVTable] = CSVTableTests.tables) -> CSVTable {
        tables.first { $0.name == name }!
    }

    /// A table read back by the independent reader, as dictionaries keyed by header.
    static func records(_ table: CSVTable) -> [[String: String]] {
        guard let rows = CSVReader.records(table.csv), let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0).map { ($0, $1) }) }
    }

    static func number(_ field: String?) -> Double? { field.flatMap(Double.init) }
    static func array(_ value: JSONValue?) -> [JSONValue] { if case let .array(values) = value { return values } else { return [] } }
    static func double(_ value: JSONValue?) -> Double? { if case let .number(number) = value { return number } else { return nil } }
    static func string(_ value: JSONValue?) -> String? { if case let .string(text) = value { return text } else { return nil } }
    static func strings(_ value: JSONValue?) -> [String] { array(value).compactMap(string) }

    @Test func everyTableOfTheDefaultRunIsWellFormedAndTyped() throws {
        let expected = ["key_results", "throughput_by_year", "intake_by_source_and_year", "intake_by_kind_and_year", "stages_by_year", "products_by_year", "turnaround_by_year", "throughput_lots",
                        "schedule_batches", "schedule_lots", "schedule_stages", "schedule_intervals", "valuation_summary", "cash_flows_by_year", "other_opex_by_year",
                        "holders", "holder_flows_by_year", "value_added_by_year", "value_added_totals", "fiscal_summary", "fiscal_by_year", "tornado", "monte_carlo_percentiles",
                        "monte_carlo_draws"]
        let tables = Self.tables + [CSVTable.index(of: Self.run.csvTables())]
        #expect(Set(tables.map(\.name)).isSuperset(of: expected))
        let snake = try Regex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
        let date = try Regex(#"^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2})?)?$"#)
        for table in tables {
            #expect(!table.rows.isEmpty, "\(table.name) has rows")
            #expect(table.name.wholeMatch(of: snake) != nil)
            #expect(Set(table.header).count == table.header.count, "\(table.name): headers are unique")
            for column in table.columns { #expect(column.name.wholeMatch(of: snake) != nil, "\(table.name).\(column.name) is snake_case") }
            guard let records = CSVReader.records(table.csv) else { Issue.record("\(table.name) is not well-formed CSV"); continue }
            #expect(records.first == table.header)
            #expect(records.count == table.rows.count + 1, "\(table.name): one record per row")
            for (r, record) in records.enumerated().dropFirst() {
                guard record.count == table.columns.count else { Issue.record("\(table.name) line \(r + 1): \(record.count) fields"); break }
                for (field, column) in zip(record, table.columns) where !field.isEmpty {
                    switch column.kind {
                    case .number:
                        #expect(Double(field)?.isFinite == true, "\(table.name).\(column.name): '\(field)' is a finite number")
                        #expect(!field.contains(" ") && !field.contains("_"), "no separators")
                    case .boolean: #expect(field == "true" || field == "false", "\(table.name).\(column.name): '\(field)'")
                    case .date: #expect(field.wholeMatch(of: date) != nil, "\(table.name).\(column.name): '\(field)' is ISO 8601")
                    case .text: break
                    }
                }
            }
        }
    }

    @Test func throughputFiguresAreTheReportsJSON() throws {
        let years = Self.array(Self.json["throughput"]?["years"])
        let rows = Self.records(Self.table("throughput_by_year"))
        #expect(rows.count == years.count && !rows.isEmpty)
        for (row, year) in zip(rows, years) {
            let gold = year["gold"]
            #expect(Self.number(row["year"]) == Self.double(year["year"]))
            #expect(Self.number(row["gold_refined_kg"]) == Self.double(gold?["refined"]))
            #expect(Self.number(row["gold_closing_backlog_kg"]) == Self.double(gold?["closingBacklog"]))
            #expect(row["bottleneck"] == Self.string(year["bottleneck"]))
        }
        // The sum of refined gold by year is the report's total (the key result, in tonnes).
        let refined = rows.compactMap { Self.number($0["gold_refined_kg"]) }.reduce(0, +)
        let total = try #require(KeyResults.of(Self.run).first { $0.id == "refinedGoldTonnes" }?.number)
        #expect(abs(refined / 1000 - total) <= 1e-9 * total)
        let keyRecord = Self.records(Self.table("key_results")).first { $0["metric"] == "refinedGoldTonnes" }
        #expect(Self.number(keyRecord?["value"]) == total)

        // Intake by source and by kind add up to each year's intake.
        let bySource = Self.records(Self.table("intake_by_source_and_year"))
        let byKind = Self.records(Self.table("intake_by_kind_and_year"))
        for row in rows {
            let intake = try #require(Self.number(row["intake_gold_kg"]))
            let sources = bySource.filter { $0["year"] == row["year"] }.compactMap { Self.number($0["gold_kg"]) }.reduce(0, +)
            let kinds = byKind.filter { $0["year"] == row["year"] }.compactMap { Self.number($0["gold_kg"]) }.reduce(0, +)
            #expect(abs(sources - intake) <= 1e-9 * max(1, intake) && abs(kinds - intake) <= 1e-9 * max(1, intake))
        }

        // Stages by year: long format, one row per stage and year, the JSON's utilization.
        let stages = Self.records(Self.table("stages_by_year"))
        #expect(stages.count == years.reduce(0) { $0 + Self.array($1["stages"]).count })
        let first = Self.array(years.first?["stages"]).first
        #expect(stages.first?["stage"] == Self.string(first?["id"]))
        #expect(Self.number(stages.first?["utilization_fraction"]) == Self.double(first?["utilization"]))
        #expect(stages.filter { $0["bottleneck"] == "true" }.count == years.filter { Self.string($0["bottleneck"]) != nil }.count)

        let lots = Self.records(Self.table("throughput_lots"))
        let jsonLots = Self.array(Self.json["throughput"]?["lots"])
        #expect(lots.count == jsonLots.count)
        #expect(lots.last?["lot_id"] == Self.string(jsonLots.last?["id"]))
        #expect(Self.number(lots.last?["refined_gold_kg"]) == Self.double(jsonLots.last?["refinedGoldKg"]))
    }

    @Test func valuationFiguresAreTheReportsJSON() throws {
        let valuation = try #require(Self.json["valuation"])
        let years = Self.array(valuation["years"])
        let summary = try #require(Self.records(Self.table("valuation_summary")).first)
        #expect(Self.number(summary["project_npv_usd"]) == Self.double(valuation["summary"]?["projectNPVUsd"]))
        #expect(Self.number(summary["break_even_refining_charge_usd_per_oz_gross"]) == Self.double(valuation["summary"]?["breakEvenRefiningCharge"]?["value"]))
        #expect(summary["payback_years"] == "" && valuation["summary"]?["paybackYears"] == nil, "never paid back: an empty cell")
        let cash = Self.records(Self.table("cash_flows_by_year"))
        #expect(cash.count == years.count && !cash.isEmpty)
        for (row, year) in zip(cash, years) {
            for (column, key) in [("revenue_usd", "revenue"), ("opex_usd", "opex"), ("free_cash_flow_to_equity_usd", "freeCashFlowToEquity"),
                                  ("gold_price_usd_per_oz", "goldPriceUsdPerOz"), ("dividend_withholding_usd", "dividendWithholding")] {
                #expect(Self.number(row[column]) == Self.double(year[key]), "\(column)")
            }
            #expect(row["operating"] == (year["operating"] == .bool(true) ? "true" : "false"))
        }
        let holders = Self.records(Self.table("holders"))
        let ownership = Self.array(Self.json["ownership"])
        #expect(holders.count == ownership.count)
        for (row, holder) in zip(holders, ownership) {
            #expect(row["name"] == Self.string(holder["name"]))
            #expect(Self.number(row["npv_usd"]) == Self.double(holder["npvUsd"]))
            #expect(Self.number(row["share_fraction"]) == Self.double(holder["share"]))
        }
        // Each holder's flows by year add up to its contributions and dividends.
        let flows = Self.records(Self.table("holder_flows_by_year"))
        #expect(flows.count == holders.count * years.count)
        for holder in ownership {
            let own = flows.filter { $0["holder_id"] == Self.string(holder["id"]) }.compactMap { Self.number($0["gross_flow_usd"]) }
            let expected = (Self.double(holder["grossDividendsUsd"]) ?? .nan) - (Self.double(holder["contributionsUsd"]) ?? .nan)
            #expect(abs(own.reduce(0, +) - expected) <= 1e-6 * max(1, abs(expected)))
        }
        let valueAdded = try #require(Self.json["valueAdded"])
        let byYear = Self.records(Self.table("value_added_by_year"))
        #expect(byYear.count == Self.array(valueAdded["years"]).count)
        for (row, year) in zip(byYear, Self.array(valueAdded["years"])) {
            #expect(Self.number(row["national_capture_usd"]) == Self.double(year["nationalCapture"]))
            #expect(Self.number(row["capture_share_of_gold_fraction"]) == Self.double(year["captureShareOfGold"]))
        }
        let totals = Self.records(Self.table("value_added_totals"))
        #expect(totals.map { $0["basis"] } == ["total", "present_value"])
        #expect(Self.number(totals[0]["value_added_usd"]) == Self.double(valueAdded["total"]?["valueAdded"]))
        #expect(Self.number(totals[1]["national_capture_usd"]) == Self.double(valueAdded["presentValue"]?["nationalCapture"]))
        #expect(!byYear.contains { $0["year"] == "0" }, "totals are not rows with year 0")
    }

    @Test func theFiscalTablesAreTheReportsJSON() throws {
        let fiscal = try #require(Self.json["fiscal"])
        let years = Self.array(fiscal["years"])
        let rows = Self.records(Self.table("fiscal_by_year"))
        // Long format: one row per year and instrument, in the instruments' order.
        #expect(rows.count == years.count * FiscalInstrument.allCases.count)
        #expect(Array(rows.prefix(FiscalInstrument.allCases.count)).map { $0["instrument"] ?? "" } == FiscalInstrument.allCases.map(\.rawValue))
        for (index, year) in years.enumerated() {
            let own = rows[index * FiscalInstrument.allCases.count..<(index + 1) * FiscalInstrument.allCases.count]
            #expect(own.allSatisfy { $0["year"] == Self.double(year["year"]).map { String(Int($0)) } })
            for row in own { #expect(Self.number(row["usd"]) == Self.double(year[row["instrument"] ?? ""])) }
            let net = own.compactMap { Self.number($0["usd"]) }.reduce(0, +)
            #expect(abs(net - (Self.double(year["stateNetCash"]) ?? .nan)) <= 1e-6 * max(1, abs(net)))
        }
        let summary = Self.records(Self.table("fiscal_summary"))
        #expect(summary.count == 1)
        #expect(Self.number(summary[0]["state_net_cash_npv_usd"]) == Self.double(fiscal["stateNetCashNpvUsd"]))
        #expect(Self.number(summary[0]["net_gain_to_mali_pv_usd"]) == Self.double(fiscal["doreExport"]?["presentValue"]?["netGainToMali"]))
        // senou-base: the take is undefined, an empty field.
        #expect(summary[0]["government_take_fraction"] == "" && fiscal["governmentTake"] == nil)
    }

    @Test func tornadoAndMonteCarloAreTheValuationReportsJSON() throws {
        let text = try ValuationReport(Self.value).json()
        let json = try JSONParser.parse(Array(text.utf8))
        let tornado = try #require(json["tornado"])
        let rows = Self.records(Self.table("tornado"))
        let bars = Self.array(tornado["byNPV"])
        #expect(rows.count == bars.count && !rows.isEmpty)
        for (row, bar) in zip(rows, bars) {
            #expect(row["input"] == Self.string(bar["input"]))
            #expect(Self.number(row["npv_swing_usd"]) == Self.double(bar["npvSwingUsd"]))
            #expect(Self.number(row["capture_at_high_usd"]) == Self.double(bar["captureAtHighUsd"]))
        }
        let byCapture = Self.array(tornado["byCapture"]).compactMap { Self.string($0["input"]) }
        #expect(rows.sorted { (Self.number($0["capture_rank"]) ?? 0) < (Self.number($1["capture_rank"]) ?? 0) }.map { $0["input"] } == byCapture)

        let monteCarlo = try #require(json["monteCarlo"])
        let percentiles = Self.records(Self.table("monte_carlo_percentiles"))
        #expect(percentiles.map { $0["output"] } == ["project_npv", "national_capture", "state_net_cash_npv", "net_gain_to_mali"])
        #expect(Self.number(percentiles[2]["p10_usd"]) == Self.double(monteCarlo["stateNetCashNpv"]?["p10"]))
        #expect(Self.number(percentiles[3]["p90_usd"]) == Self.double(monteCarlo["netGainToMali"]?["p90"]))
        #expect(Self.number(percentiles[3]["probability_negative_fraction"]) == Self.double(monteCarlo["probabilityNetGainNegative"]))
        let byNetGain = Self.array(tornado["byNetGainToMali"]).compactMap { Self.string($0["input"]) }
        #expect(rows.sorted { (Self.number($0["net_gain_to_mali_rank"]) ?? 0) < (Self.number($1["net_gain_to_mali_rank"]) ?? 0) }.map { $0["input"] } == byNetGain)
        for (row, bar) in zip(rows, bars) {
            #expect(Self.number(row["state_net_cash_npv_at_low_usd"]) == Self.double(bar["stateNetCashNpvAtLowUsd"]))
        }
        let npv = monteCarlo["projectNPV"], capture = monteCarlo["nationalCapture"]
        #expect(Self.number(percentiles[0]["p50_usd"]) == Self.double(npv?["p50"]))
        #expect(Self.number(percentiles[0]["probability_negative_fraction"]) == Self.double(monteCarlo["probabilityNPVNegative"]))
        #expect(Self.number(percentiles[1]["p90_usd"]) == Self.double(capture?["p90"]))
        #expect(percentiles[0]["draws"] == "300" && percentiles[0]["seed"] == "3")
        let draws = Self.records(Self.table("monte_carlo_draws"))
        #expect(draws.count == 300)
        #expect(draws.compactMap { Self.number($0["project_npv_usd"]) } == Self.value.monteCarlo?.npvs)
        // The report's mean is the mean of the draws written.
        let mean = draws.compactMap { Self.number($0["national_capture_usd"]) }.reduce(0, +) / 300
        #expect(abs(mean - (Self.double(capture?["mean"]) ?? .nan)) <= 1e-9 * abs(mean))
    }

    @Test func scheduleTablesAreTheReportsJSON() throws {
        let schedule = try #require(Self.json["schedule"])
        let batches = Self.array(schedule["batches"])
        let rows = Self.records(Self.table("schedule_batches"))
        #expect(!batches.isEmpty)
        // One row per batch line and lot; a line's figures repeat on each of its lots' rows.
        #expect(rows.count == batches.reduce(0) { $0 + max(1, Self.strings($1["lots"]).count) })
        let lines = Dictionary(grouping: rows) { $0["batch_line"] ?? "" }
        #expect(lines.count == batches.count)
        for (number, batch) in batches.enumerated() {
            let group = lines[String(number + 1)] ?? []
            #expect(group.compactMap { $0["lot_id"] }.filter { !$0.isEmpty } == Self.strings(batch["lots"]))
            #expect(group.allSatisfy { $0["start_time"] == Self.string(batch["startTime"]) && $0["stage"] == Self.string(batch["stage"]) })
            #expect(group.allSatisfy { Self.number($0["gold_kg"]) == Self.double(batch["goldKg"]) })
            #expect(group.allSatisfy { ($0["start_time"] ?? "") <= ($0["end_time"] ?? "") && ($0["end_time"] ?? "").count == 16 })
        }
        let gold = lines.values.compactMap { Self.number($0.first?["gold_kg"]) }.reduce(0, +)
        let expected = batches.compactMap { Self.double($0["goldKg"]) }.reduce(0, +)
        #expect(abs(gold - expected) <= 1e-9 * expected)

        let lots = Self.records(Self.table("schedule_lots"))
        #expect(lots.count == Self.array(schedule["lots"]).count)
        let months = Self.records(Self.table("schedule_intervals"))
        let refined = months.compactMap { Self.number($0["refined_gold_kg"]) }.reduce(0, +)
        let summary = try #require(schedule["summary"])
        #expect(abs(refined - (Self.double(summary["refinedGoldKg"]) ?? .nan)) <= 1e-6 * refined)
        #expect(months.first?["interval"] == "2030-01")
    }

    @Test func endTimesFollowTheWindowsPeriods() throws {
        // A detailed schedule in periods of 1 h: a batch's end time is its end period's hour.
        let scenario = try ScenarioLoader.embedded(named: "senou-base")
        let report = try RefineryScheduler.schedule(scenario, request: .detailed(days: 2, year: 2030))
        let table = CSVTable.scheduleBatches(report.batches, startDate: report.startDate, periodHours: report.request.periodHours)
        let rows = Self.records(table)
        #expect(!rows.isEmpty)
        for row in rows {
            let start = Int(row["start_period"] ?? "") ?? -1, end = Int(row["end_period"] ?? "") ?? -1
            let hour = { (period: Int) in String(format: "%02d:00", period % 24) }
            #expect(row["start_time"]?.hasSuffix("T" + hour(start)) == true)
            #expect(row["end_time"]?.hasSuffix("T" + hour(end)) == true)
        }
    }

    @Test func fieldsWithCommasQuotesAndLineBreaksAreQuoted() throws {
        let names = ["plain", "a, comma", "a \"quote\"", "two\nlines", "cr\r\nlf", "\"", ",", "", " spaces ", "ünïcode €"]
        let table = CSVTable(name: "names", description: "test", columns: [.init(name: "name", kind: .text, description: ""), .init(name: "n", kind: .number, description: "")],
                             rows: names.enumerated().map { [.text($1), .number(Double($0))] })
        #expect(table.csv.hasPrefix("name,n\nplain,0\n\"a, comma\",1\n\"a \"\"quote\"\"\",2\n\"two\nlines\",3\n"))
        #expect(CSVReader.records(table.csv) == [["name", "n"]] + names.enumerated().map { [$1, String($0)] })

        // A holder's name with every special character survives the trip through holders.csv.
        var scenario = try ScenarioLoader.embedded(named: "senou-base")
        let awkward = "Société \"Or\", Mali\nBamako"
        scenario.ownership?.holders[0].name = awkward
        let value = try ValuationRun.perform(scenario, draws: 0)
        let holders = Self.records(CSVTable.holders(value.valuation.holders))
        #expect(holders.first?["name"] == awkward)
        #expect(holders.first?.count == CSVTable.holders([]).columns.count)
        #expect(!value.csvTables().contains { $0.name.hasPrefix("monte_carlo") }, "no Monte Carlo tables with zero draws")
    }

    @Test func numbersAreLocaleFreeAndReadBackExactly() {
        var generator = SplitMix64(seed: 12)
        var values: [Double] = [0, -0.0, 1, -1, 2030, 0.1, 1e-7, 123456789.125, 1e15, 9.999e14, -3.5e20, .ulpOfOne, .leastNormalMagnitude, .greatestFiniteMagnitude]
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next())
            values.append(value.isFinite ? value : 1)
        }
        for value in values where value.isFinite {
            let text = CSVTable.format(value)
            #expect(Double(text) == value, "\(text)")
            #expect(!text.contains(",") && !text.contains(" "))
        }
        #expect(CSVTable.format(2030) == "2030" && CSVTable.format(-0.0) == "0" && CSVTable.format(0.25) == "0.25")
        #expect(CSVTable.format(.nan) == "" && CSVTable.format(.infinity) == "")
        #expect(CSVTable.Cell.boolean(true).field == "true" && CSVTable.Cell.empty.field == "")
    }

    @Test func theIndexListsEveryTable() throws {
        let tables = Self.run.csvTables()
        let index = Self.records(CSVTable.index(of: tables))
        #expect(index.map { $0["file"] } == tables.map(\.fileName))
        #expect(index.map { Int($0["rows"] ?? "") } == tables.map(\.rows.count))
        #expect(!tables.contains { $0.name == "throughput_lots" || $0.name == "schedule_lots" }, "lots only on request")
        #expect(tables.first?.csv == CSVTable.keyResults(KeyResults.of(Self.run)).csv)
    }

    @Test func theDocCArticleDocumentsEveryColumn() throws {
        let article = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/RefineryModel/RefineryModel.docc/CSVTables.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        for table in Self.tables + [CSVTable.index(of: Self.tables)] {
            // The table's section: from its heading to the next one.
            guard let start = text.range(of: "### \(table.fileName)\n") else { Issue.record("no section for \(table.fileName)"); continue }
            let section = text[start.upperBound...].prefix { $0 != "#" }
            for column in table.columns {
                #expect(section.contains("| `\(column.name)` | \(column.kind.rawValue) | "), "\(table.fileName): \(column.name) is documented")
            }
            #expect(section.components(separatedBy: "\n| `").count - 1 == table.columns.count, "\(table.fileName): no column documented that the table lacks")
        }
    }
}
