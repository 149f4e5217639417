/// The schedule's tables (``RefineryScheduleReport``, and the `schedule` section of a run's
/// ``RunReport``): batches, lots, stage use and intervals. Times are the plant's local time,
/// ISO 8601 (`2030-01-01T06:00`), from the window's first day and the period length.
extension CSVTable {
    /// `schedule_batches`: one row per batch line and lot (a line without lots has one row with an
    /// empty `lot_id`). A batch line is `batches` batches of a task started together on a stage's
    /// units; its figures repeat on each of its lots' rows: sum them over distinct `batch_line`
    /// numbers, not over rows.
    public static func scheduleBatches(_ batches: [RefineryScheduleReport.Batch], startDate: String, periodHours: Double) -> CSVTable {
        typealias Row = (number: Int, batch: RefineryScheduleReport.Batch, lot: String?)
        func time(_ period: Int) -> String? { periodTime(startDate: startDate, periodHours: periodHours, period: period) }
        let columns: [TableColumn<Row>] = [
            .integer("batch_line", "The batch line's number in the schedule, from 1 (the same on each of its lots' rows).") { $0.number },
            .text("stage", "The stage (the kind of unit) that runs the batch.") { $0.batch.stage },
            .text("task", "The task run.") { $0.batch.task },
            .date("start_time", "When the batch starts (local time).") { $0.batch.startTime },
            .date("end_time", "When its units are free again (local time).") { time($0.batch.end) },
            .date("release_time", "When its outputs are released, after waits such as the assay (local time).") { time($0.batch.release) },
            .integer("start_period", "The period it starts, from 0.") { $0.batch.start },
            .integer("end_period", "The period its units are free again.") { $0.batch.end },
            .integer("release_period", "The period its outputs are released.") { $0.batch.release },
            .integer("batches", "Batches of the task started together in this line, on the stage's units.") { $0.batch.count },
            .number("amount", "Amount processed by the line, in amount_unit.") { $0.batch.amount },
            .text("amount_unit", "The unit of amount: `lots`, `kg gold` or `kg gross`.") { $0.batch.measure },
            .number("gold_kg", "Gold in the line's batches, kg.") { $0.batch.goldKg },
            .integer("lots_in_line", "Lots whose material is in the line's batches.") { $0.batch.lots.count },
            .text("lot_id", "One of those lots (pool accounting, first in first out); empty when none.") { $0.lot },
        ]
        let rows = batches.enumerated().flatMap { index, batch -> [Row] in
            batch.lots.isEmpty ? [(number: index + 1, batch: batch, lot: nil)] : batch.lots.map { (number: index + 1, batch: batch, lot: $0) }
        }
        return CSVTable(name: "schedule_batches", description: "One row per batch line and lot: stage, task, start and end, batches, amount and gold.", columns, rows: rows)
    }

    /// `schedule_lots`: each lot's journey through the schedule, one row per lot.
    public static func scheduleLots(_ lots: [RefineryScheduleReport.Lot], startDate: String, periodHours: Double) -> CSVTable {
        func time(_ period: Int?) -> String? { period.flatMap { periodTime(startDate: startDate, periodHours: periodHours, period: $0) } }
        let columns: [TableColumn<RefineryScheduleReport.Lot>] = [
            .text("lot_id", "The lot's id.") { $0.id },
            .text("kind", "The material kind.") { $0.kind.rawValue },
            .number("gold_kg", "Gold in the lot, kg.") { $0.goldKg },
            .date("arrival_time", "When it arrives (local time).") { time($0.arrival) },
            .date("due_time", "When it is due (empty when it has no due date).") { time($0.due) },
            .date("completed_time", "When its last gold reaches a product (empty when not within the window).") { time($0.completed) },
            .integer("arrival_period", "The period it arrives.") { $0.arrival },
            .integer("due_period", "The period it is due.") { $0.due },
            .integer("completed_period", "The period its last gold reaches a product.") { $0.completed },
            .number("turnaround_hours", "Hours from arrival to completion.") { $0.turnaroundHours },
            .boolean("on_time", "Whether it completed by its due date (empty without one).") { $0.onTime },
        ]
        return CSVTable(name: "schedule_lots", description: "One row per lot of the schedule: arrival, due date, completion and turnaround.", columns, rows: lots)
    }

    /// `schedule_left_over`: the lots left for next year (not all refined at the window's
    /// end), one row per reason and stage.
    public static func scheduleLeftOver(_ groups: [RefineryScheduleReport.LeftOverGroup]) -> CSVTable {
        let columns: [TableColumn<RefineryScheduleReport.LeftOverGroup>] = [
            .text("reason", "Why: stageCapacity (a stage on the lots' route at capacity), leadTime (arrived too late to be refined in the window), minimumBatch (waiting to fill a minimum batch), lastBatchNotFilled (too little gold reached the stage after its last batch to fill one more that could still be refined), reachedStageTooLate (the gold reached the stage after its last useful start), schedule.") { $0.reason.rawValue },
            .text("stage", "The saturated stage (stageCapacity) or the stage whose minimum or last useful batch is not filled (minimumBatch, lastBatchNotFilled).") { $0.stage },
            .integer("lots", "Lots left over for this reason.") { $0.lots },
            .number("unrefined_gold_kg", "Their gold not yet refined at the end, kg.") { $0.unrefinedGoldKg },
            .text("first_lot_id", "The first of them by arrival.") { $0.firstLot },
            .text("last_lot_id", "The last of them by arrival.") { $0.lastLot },
        ]
        return CSVTable(name: "schedule_left_over", description: "One row per reason lots are left for next year: how many and their unrefined gold.", columns, rows: groups)
    }

    /// `schedule_left_over_lots`: every lot left for next year and why, one row per lot.
    public static func scheduleLeftOverLots(_ lots: [RefineryScheduleReport.LeftOverLot], startDate: String, periodHours: Double) -> CSVTable {
        func time(_ period: Int?) -> String? { period.flatMap { periodTime(startDate: startDate, periodHours: periodHours, period: $0) } }
        let columns: [TableColumn<RefineryScheduleReport.LeftOverLot>] = [
            .text("lot_id", "The lot's id.") { $0.id },
            .text("kind", "The material kind.") { $0.kind.rawValue },
            .number("gold_kg", "Gold in the lot, kg.") { $0.goldKg },
            .date("arrival_time", "When it arrives (local time).") { time($0.arrival) },
            .number("unrefined_gold_kg", "Its gold not yet refined at the end, kg.") { $0.unrefinedGoldKg },
            .text("waiting_at", "The stage holding most of its unrefined gold.") { $0.waitingAt },
            .text("reason", "Why: stageCapacity, leadTime, minimumBatch, lastBatchNotFilled, reachedStageTooLate or schedule.") { $0.reason.rawValue },
            .text("stage", "The saturated stage (stageCapacity) or the stage whose minimum or last useful batch is not filled (minimumBatch, lastBatchNotFilled).") { $0.stage },
            .integer("earliest_completion_period", "The earliest period it could be refined on an empty plant.") { $0.earliestCompletion },
        ]
        return CSVTable(name: "schedule_left_over_lots", description: "One row per lot left for next year: where its gold waits and why.", columns, rows: lots)
    }

    /// `schedule_stages`: how much of each stage's unit time the schedule uses, one row per stage.
    public static func scheduleStages(_ stages: [RefineryScheduleReport.StageUse]) -> CSVTable {
        let columns: [TableColumn<RefineryScheduleReport.StageUse>] = [
            .text("stage", "The stage.") { $0.stage },
            .integer("units", "Units of the stage.") { $0.units },
            .integer("batches", "Batches run.") { $0.batches },
            .number("busy_unit_hours", "Unit-hours busy, h.") { $0.busyUnitHours },
            .number("available_unit_hours", "Unit-hours available, h.") { $0.availableUnitHours },
            .number("utilization_fraction", "Busy ÷ available (a fraction).") { $0.utilization },
        ]
        return CSVTable(name: "schedule_stages", description: "One row per stage: batches and the share of its unit-hours used.", columns, rows: stages)
    }

    /// `schedule_intervals`: refined gold and gold in process per day (a detailed schedule) or
    /// per month (a campaign), one row per interval.
    public static func scheduleIntervals(_ intervals: [RefineryScheduleReport.Interval]) -> CSVTable {
        let columns: [TableColumn<RefineryScheduleReport.Interval>] = [
            .date("interval", "The day (`YYYY-MM-DD`) or month (`YYYY-MM`).") { $0.label },
            .number("refined_gold_kg", "Gold refined in the interval, kg.") { $0.refinedGoldKg },
            .number("average_gold_in_process_kg", "Average gold in the plant over the interval, kg.") { $0.averageGoldInProcessKg },
        ]
        return CSVTable(name: "schedule_intervals", description: "One row per day or month of the schedule: gold refined and in process.", columns, rows: intervals)
    }

    /// `YYYY-MM-DDTHH:MM` of the start of `period`, periods of `periodHours` from the start of
    /// `startDate` (as the schedule reports write a batch's `startTime`); nil for a date that
    /// is not `YYYY-MM-DD`.
    static func periodTime(startDate: String, periodHours: Double, period: Int) -> String? {
        guard let start = CivilDate(parsing: startDate) else { return nil }
        let minutes = Int(clamping: Double(period) * periodHours * 60, to: 0...(1 << 52), rounding: .toNearestOrAwayFromZero)
        let date = CivilDate(dayNumber: start.dayNumber + minutes / 1440)
        let within = minutes % 1440
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(within / 60)):\(two(within % 60))"
    }
}

extension RefineryScheduleReport {
    /// The schedule's tables: batches (one row per batch and lot), lots, stages and intervals.
    public var csvTables: [CSVTable] {
        [CSVTable.scheduleBatches(batches, startDate: startDate, periodHours: request.periodHours),
         CSVTable.scheduleLots(lots, startDate: startDate, periodHours: request.periodHours),
         CSVTable.scheduleStages(stages), CSVTable.scheduleIntervals(intervals)]
    }
}
