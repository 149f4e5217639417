/// Every table of a report, in the order `refinery-cli run --csv-dir` and `value --csv-dir`
/// write them, and the index that lists them.
extension CSVTable {
    /// `key_results`: the run's key results (``KeyResults``), one row per metric:
    /// `metric,unit,value`, what `refinery-cli run --format csv` prints. `value` is a number
    /// in `unit`, or a name when `unit` is empty (the bottleneck stage), or empty when the
    /// metric is not defined for the run.
    public static func keyResults(_ metrics: [KeyMetric]) -> CSVTable {
        let columns: [TableColumn<KeyMetric>] = [
            .text("metric", "The metric's stable id, with its unit in the name (see `refinery-cli sweep --help`).") { $0.id },
            .text("unit", "The unit of value (`t`, `t/yr`, `kg`, `%`, `days`, `year`, `M USD`…); empty for a name.") { $0.unit },
            TableColumn(column: .init(name: "value", kind: .text, description: "A number in unit; a name when unit is empty; empty when not defined.")) { metric in
                switch metric.value {
                case let .number(number): return .number(number)
                case let .text(text): return .text(text)
                case .none: return .empty
                }
            },
        ]
        return CSVTable(name: "key_results", description: "One row per key result: the headline numbers of the run.", columns, rows: metrics)
    }

    /// `index`: one row per table of `tables`, with its file, size and what a row is.
    public static func index(of tables: [CSVTable]) -> CSVTable {
        let columns: [TableColumn<CSVTable>] = [
            .text("table", "The table's name.") { $0.name },
            .text("file", "Its file, next to the index.") { $0.fileName },
            .integer("rows", "Rows below the header.") { $0.rows.count },
            .integer("columns", "Columns.") { $0.columns.count },
            .text("description", "What one row is.") { $0.description },
        ]
        return CSVTable(name: "index", description: "One row per table written with it.", columns, rows: tables)
    }
}

extension RunReport {
    /// The report's tables: the throughput model's (by year, intake by source and by kind,
    /// stages, products, turnaround and, when the report has them, lots), the campaign
    /// schedule's (batches and lots when the report has them, stages, months) and the
    /// valuation's (summary, cash flows, other opex, holders, holder flows, value added by year
    /// and in total). A part the report lacks has no table.
    public var csvTables: [CSVTable] {
        var tables = [CSVTable.throughputByYear(throughput.years), CSVTable.intakeBySourceAndYear(throughput.years),
                      CSVTable.intakeByKindAndYear(throughput.years), CSVTable.stagesByYear(throughput.years),
                      CSVTable.productsByYear(throughput.years), CSVTable.turnaroundByYear(throughput.years)]
        if !throughput.lots.isEmpty { tables.append(CSVTable.throughputLots(throughput.lots)) }
        if let schedule {
            if let batches = schedule.batches {
                tables.append(CSVTable.scheduleBatches(batches, startDate: schedule.startDate, periodHours: schedule.request.periodHours))
            }
            if let lots = schedule.lots {
                tables.append(CSVTable.scheduleLots(lots, startDate: schedule.startDate, periodHours: schedule.request.periodHours))
            }
            tables += [CSVTable.scheduleStages(schedule.stages), CSVTable.scheduleIntervals(schedule.months), CSVTable.scheduleLeftOver(schedule.leftOver)]
            if let lots = schedule.leftOverLots {
                tables.append(CSVTable.scheduleLeftOverLots(lots, startDate: schedule.startDate, periodHours: schedule.request.periodHours))
            }
        }
        if let valuation {
            tables += [CSVTable.valuationSummary(valuation.summary), CSVTable.cashFlowsByYear(valuation.years), CSVTable.otherOpexByYear(valuation.years)]
            if let ownership { tables += [CSVTable.holders(ownership), CSVTable.holderFlowsByYear(ownership, years: valuation.years)] }
        }
        if let valueAdded { tables += [CSVTable.valueAddedByYear(valueAdded), CSVTable.valueAddedTotals(valueAdded)] }
        if let fiscal { tables += [CSVTable.fiscalSummary(fiscal), CSVTable.fiscalByYear(fiscal)] }
        return tables
    }
}

extension ValuationReport {
    /// The report's tables: the summary, cash flows, other opex, holders, holder flows, value
    /// added by year and in total, the tornado and (with draws) the Monte Carlo's percentiles.
    public var csvTables: [CSVTable] {
        var tables = [CSVTable.valuationSummary(valuation.summary), CSVTable.cashFlowsByYear(valuation.years), CSVTable.otherOpexByYear(valuation.years),
                      CSVTable.holders(ownership), CSVTable.holderFlowsByYear(ownership, years: valuation.years),
                      CSVTable.valueAddedByYear(valueAdded), CSVTable.valueAddedTotals(valueAdded)]
        if let fiscal { tables += [CSVTable.fiscalSummary(fiscal), CSVTable.fiscalByYear(fiscal)] }
        tables.append(CSVTable.tornado(tornado))
        if let monteCarlo { tables += [CSVTable.monteCarloPercentiles(monteCarlo), CSVTable.monteCarloGovernmentTake(monteCarlo)] }
        return tables
    }
}

extension ScenarioRun {
    /// Every table of the run, as `refinery-cli run --csv-dir` writes them: the key results,
    /// then the tables of its report (``RunReport/csvTables``) with the campaign's batches and,
    /// when `includeLots`, the lots of the throughput model and of the campaign.
    public func csvTables(includeLots: Bool = false) -> [CSVTable] {
        [CSVTable.keyResults(KeyResults.of(self))] + RunReport(run: self, includeBatches: true, includeLots: includeLots).csvTables
    }
}

extension ValuationRun {
    /// Every table of the valuation, as `refinery-cli value --csv-dir` writes them: the key
    /// results of the valuation, the tables of its report (``ValuationReport/csvTables``) and,
    /// when `includeDraws`, every Monte Carlo draw.
    public func csvTables(includeDraws: Bool = false) -> [CSVTable] {
        var tables = [CSVTable.keyResults(KeyResults.valuation(valuation))] + ValuationReport(self).csvTables
        if includeDraws, let monteCarlo { tables.append(CSVTable.monteCarloDraws(monteCarlo)) }
        return tables
    }
}
