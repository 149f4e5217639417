/// The throughput model's tables (``ThroughputReport``): one row per year, per stage and year,
/// per product and year, per route and year, and per lot.
extension CSVTable {
    /// `throughput_by_year`: what came in, where the plant chokes, and where the gold and
    /// silver went, one row per year (the JSON's `throughput.years`).
    public static func throughputByYear(_ years: [YearThroughput]) -> CSVTable {
        typealias Column = TableColumn<YearThroughput>
        let columns: [Column] = [
            .integer("year", "Calendar year.") { $0.year },
            .number("nameplate_t_per_year", "Announced capacity in force (after expansions), t of gross material a year.") { $0.nameplateTonnes },
            .text("phase", "The expansion phase in force.") { $0.phase },
            .integer("intake_lots", "Lots received in the year.") { $0.intake.lots },
            .number("intake_gross_kg", "Gross mass received, kg.") { $0.intake.grossKg },
            .number("intake_gold_kg", "Gold contained in the intake, kg.") { $0.intake.goldKg },
            .number("intake_silver_kg", "Silver contained in the intake, kg.") { $0.intake.silverKg },
            .number("upstream_gold_lost_kg", "Gold in ore lost before the refinery (ore sources only), kg.") { $0.intake.upstreamGoldLostKg },
            .text("bottleneck", "The stage that limits the plant at this year's mix (empty when nothing comes in).") { $0.bottleneck },
            .number("sustainable_gold_intake_t_per_year", "The largest yearly gold intake the plant sustains at this year's mix (the bottleneck's capacity), t a year.") { $0.sustainableIntakeTonnes },
            .number("gold_opening_kg", "Clients' gold in the plant at the start of the year (in process and backlog), kg.") { $0.gold.opening },
            .number("gold_intake_kg", "Gold received, kg.") { $0.gold.intake },
            .number("gold_refined_kg", "Gold refined into products, kg.") { $0.gold.refined },
            .number("gold_lost_kg", "Gold lost in refining, kg.") { $0.gold.lost },
            .number("gold_closing_in_process_kg", "Gold being processed at year end, kg.") { $0.gold.closingInProcess },
            .number("gold_closing_backlog_kg", "Gold received but not started at year end, kg.") { $0.gold.closingBacklog },
            .number("gold_imbalance_kg", "opening + intake − refined − lost − closing, kg (0 to rounding).") { $0.gold.imbalance },
            .number("silver_opening_kg", "Clients' silver in the plant at the start of the year, kg.") { $0.silver.opening },
            .number("silver_intake_kg", "Silver received, kg.") { $0.silver.intake },
            .number("silver_refined_kg", "Silver recovered by the silver branch, kg.") { $0.silver.refined },
            .number("silver_in_gold_product_kg", "Silver left in the gold product, kg.") { $0.silver.inOtherProduct },
            .number("silver_lost_kg", "Silver lost, kg.") { $0.silver.lost },
            .number("silver_closing_in_process_kg", "Silver being processed at year end, kg.") { $0.silver.closingInProcess },
            .number("silver_closing_backlog_kg", "Silver received but not started at year end, kg.") { $0.silver.closingBacklog },
            .number("silver_imbalance_kg", "The silver balance's residual, kg (0 to rounding).") { $0.silver.imbalance },
            .number("average_gold_in_process_kg", "Average gold inside the plant (flow × residence time), kg.") { $0.averageGoldInProcessKg },
            .number("locked_gold_kg", "The plant's own gold held in units (e.g. Wohlwill electrolyte), kg.") { $0.lockedGoldKg },
        ]
        return CSVTable(name: "throughput_by_year", description: "One row per year: intake, bottleneck, gold and silver balances.", columns, rows: years)
    }

    /// `intake_by_source_and_year`: the gold received from each source, one row per source
    /// and year (sources in id order; lots without a source under an empty id).
    public static func intakeBySourceAndYear(_ years: [YearThroughput]) -> CSVTable {
        typealias Row = (year: Int, source: String, goldKg: Double)
        let columns: [TableColumn<Row>] = [
            .integer("year", "Calendar year.") { $0.year },
            .text("source", "The source's id (empty for lots without one).") { $0.source },
            .number("gold_kg", "Gold received from the source, kg.") { $0.goldKg },
        ]
        let rows = years.flatMap { year in year.intake.goldKgBySource.sorted { $0.key < $1.key }.map { (year: year.year, source: $0.key, goldKg: $0.value) } }
        return CSVTable(name: "intake_by_source_and_year", description: "One row per source and year: gold received.", columns, rows: rows)
    }

    /// `intake_by_kind_and_year`: the gold and gross mass received of each material kind, one
    /// row per kind and year (kinds in name order).
    public static func intakeByKindAndYear(_ years: [YearThroughput]) -> CSVTable {
        typealias Row = (year: Int, kind: String, intake: IntakeSummary)
        let columns: [TableColumn<Row>] = [
            .integer("year", "Calendar year.") { $0.year },
            .text("kind", "The material kind.") { $0.kind },
            .number("gold_kg", "Gold received of this kind, kg.") { $0.intake.goldKgByKind[$0.kind] },
            .number("gross_kg", "Gross mass received of this kind, kg.") { $0.intake.grossKgByKind[$0.kind] },
        ]
        let rows = years.flatMap { year in
            Set(year.intake.goldKgByKind.keys).union(year.intake.grossKgByKind.keys).sorted().map { (year: year.year, kind: $0, intake: year.intake) }
        }
        return CSVTable(name: "intake_by_kind_and_year", description: "One row per material kind and year: gold and gross mass received.", columns, rows: rows)
    }

    /// `stages_by_year`: each stage's capacity and load, one row per stage and year (long
    /// format: filter or pivot on `stage`).
    public static func stagesByYear(_ years: [YearThroughput]) -> CSVTable {
        typealias Row = (year: YearThroughput, stage: StageThroughput)
        let columns: [TableColumn<Row>] = [
            .integer("year", "Calendar year.") { $0.year.year },
            .text("stage", "The stage's id.") { $0.stage.id },
            .integer("units", "Units of the stage in service.") { $0.stage.units },
            .number("available_hours_per_unit", "Working hours a unit is available in the year, h.") { $0.stage.availableHoursPerUnit },
            .number("capacity_batches", "Batches all units can run in the year.") { $0.stage.capacityBatches },
            .number("capacity_gross_kg", "Gross kg all units can process in the year (full batches).") { $0.stage.capacityGrossKg },
            .number("load_batches", "Batches the year's intake needs.") { $0.stage.loadBatches },
            .number("load_gross_kg", "Gross kg the year's intake brings to the stage.") { $0.stage.loadGrossKg },
            .number("utilization_fraction", "Load ÷ capacity (a fraction; above 1 the stage cannot keep up).") { $0.stage.utilization },
            .number("capacity_gold_t_per_year", "The gold intake this stage could take at this year's mix, t a year (empty with no load).") { $0.stage.capacityGoldTonnes },
            .boolean("bottleneck", "Whether this stage is the year's bottleneck.") { $0.year.bottleneck == $0.stage.id },
        ]
        let rows = years.flatMap { year in year.stages.map { (year: year, stage: $0) } }
        return CSVTable(name: "stages_by_year", description: "One row per stage and year: capacity, load and utilization.", columns, rows: rows)
    }

    /// `products_by_year`: refined gold by route and product, one row per product and year.
    public static func productsByYear(_ years: [YearThroughput]) -> CSVTable {
        typealias Row = (year: Int, product: ProductOutput)
        let columns: [TableColumn<Row>] = [
            .integer("year", "Calendar year.") { $0.year },
            .text("route", "The refining route.") { $0.product.route },
            .text("product", "The product.") { $0.product.product },
            .number("fine_gold_kg", "Fine gold refined into the product, kg.") { $0.product.fineGoldKg },
            .number("bars", "Bars cast (a year's share, so fractional; empty for products not cast as bars).") { $0.product.bars },
        ]
        let rows = years.flatMap { year in year.products.map { (year: year.year, product: $0) } }
        return CSVTable(name: "products_by_year", description: "One row per product and year: fine gold and bars.", columns, rows: rows)
    }

    /// `turnaround_by_year`: days from arrival to refined metal, one row per route and year
    /// (routes in name order; a saturated year has none).
    public static func turnaroundByYear(_ years: [YearThroughput]) -> CSVTable {
        typealias Row = (year: Int, route: String, days: Double)
        let columns: [TableColumn<Row>] = [
            .integer("year", "Calendar year.") { $0.year },
            .text("route", "The refining route.") { $0.route },
            .number("turnaround_days", "Days from arrival to refined metal when the plant is not saturated.") { $0.days },
        ]
        let rows = years.flatMap { year in year.turnaroundDays.sorted { $0.key < $1.key }.map { (year: year.year, route: $0.key, days: $0.value) } }
        return CSVTable(name: "turnaround_by_year", description: "One row per route and year: turnaround in days.", columns, rows: rows)
    }

    /// `throughput_lots`: what became of each lot in the throughput model, one row per lot.
    public static func throughputLots(_ lots: [LotOutcome]) -> CSVTable {
        let columns: [TableColumn<LotOutcome>] = [
            .text("lot_id", "The lot's id.") { $0.id },
            .text("source", "The lot's source id (empty when none).") { $0.source },
            .text("kind", "The material kind.") { $0.kind.rawValue },
            .date("arrival_date", "Arrival date.") { $0.arrival },
            .date("start_date", "When the plant started on it (after any backlog).") { $0.start },
            .date("finish_date", "When its last route finished (empty when not within the horizon).") { $0.finish },
            .number("gold_kg", "Gold in the lot, kg.") { $0.goldKg },
            .number("refined_gold_kg", "Gold refined, kg.") { $0.refinedGoldKg },
            .number("lost_gold_kg", "Gold lost, kg.") { $0.lostGoldKg },
            .number("held_gold_kg", "Gold not refined by the end of the horizon, kg.") { $0.heldGoldKg },
            .number("silver_kg", "Silver in the lot, kg.") { $0.silverKg },
            .number("refined_silver_kg", "Silver recovered, kg.") { $0.refinedSilverKg },
            .number("silver_in_gold_product_kg", "Silver left in the gold product, kg.") { $0.silverInGoldProductKg },
            .number("lost_silver_kg", "Silver lost, kg.") { $0.lostSilverKg },
            .number("held_silver_kg", "Silver not recovered by the end of the horizon, kg.") { $0.heldSilverKg },
            .boolean("late", "Whether it finished after its due date.") { $0.late },
        ]
        return CSVTable(name: "throughput_lots", description: "One row per lot: dates and what became of its gold and silver.", columns, rows: lots)
    }
}
