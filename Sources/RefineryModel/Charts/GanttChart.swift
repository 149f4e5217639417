/// A schedule as a Gantt chart: one lane per unit, one bar per batch from its start for its
/// duration on a real time axis (hours, or days for long horizons, with the calendar dates
/// under the ticks), bars coloured and hatched by lot class and named in the legend, and due
/// dates marked with a diamond and a dashed line.
///
/// Times are hours from the schedule's start, which is midnight of ``startDate`` when given.
public struct GanttChart: Chart {
    /// One batch on one unit.
    public struct Bar: Sendable, Equatable {
        /// The lane (unit) the batch runs on; a name from ``GanttChart/lanes``.
        public var lane: String
        /// What runs (a task or a batch name), written in the bar when it fits.
        public var label: String
        /// The lot class, which picks the colour; a name from ``GanttChart/classes``.
        public var lotClass: String
        /// The start, in hours from the schedule's start.
        public var startHours: Double
        /// The duration in hours.
        public var durationHours: Double

        /// A batch.
        public init(lane: String, label: String, lotClass: String, startHours: Double, durationHours: Double) {
            self.lane = lane
            self.label = label
            self.lotClass = lotClass
            self.startHours = startHours
            self.durationHours = durationHours
        }
    }

    /// A due date: a time by which something must be done, on one lane or on the whole chart.
    public struct DueDate: Sendable, Equatable {
        /// What is due (a lot's name).
        public var label: String
        /// When, in hours from the schedule's start.
        public var hours: Double
        /// The lane it concerns, or nil for the whole chart.
        public var lane: String?

        /// A due date.
        public init(label: String, hours: Double, lane: String? = nil) {
            self.label = label
            self.hours = hours
            self.lane = lane
        }
    }

    /// The chart's words.
    public var text: ChartText
    /// The lanes, top first: one per unit.
    public var lanes: [String]
    /// The lot classes, in legend order (colours follow this order).
    public var classes: [String]
    /// The batches.
    public var bars: [Bar]
    /// The due dates.
    public var dueDates: [DueDate]
    /// The calendar date of hour 0, for the dates under the axis (nil for none).
    public var startDate: CivilDate?
    /// The picture's width in pixels (the height follows from the lanes).
    public var width: Double

    /// A Gantt chart.
    public init(text: ChartText, lanes: [String], classes: [String], bars: [Bar], dueDates: [DueDate] = [],
                startDate: CivilDate? = nil, width: Double = 960) {
        self.text = text
        self.lanes = lanes
        self.classes = classes
        self.bars = bars
        self.dueDates = dueDates
        self.startDate = startDate
        self.width = width
    }

    /// The last hour the axis must show: the latest batch end or due date (at least 1).
    public var horizonHours: Double {
        let ends = bars.map { $0.startHours + $0.durationHours } + dueDates.map(\.hours)
        return max(ends.filter(\.isFinite).max() ?? 1, 1)
    }

    /// The tick step in hours: the smallest of 1, 2, 3, 4, 6, 12 h or 1, 2, 7, 14, 30 days
    /// that leaves at least `minimumTickSpacing` pixels between ticks.
    static func tickStep(horizon: Double, plotWidth: Double) -> Double {
        let candidates: [Double] = [1, 2, 3, 4, 6, 12, 24, 48, 168, 336, 720, 2160, 8760]
        let minimumTickSpacing = 56.0
        return candidates.first { plotWidth / (horizon / $0) >= minimumTickSpacing } ?? candidates.last!
    }

    /// The time axis for a plot spanning `left...right` pixels.
    public func timeScale(left: Double, right: Double) -> LinearScale {
        let step = Self.tickStep(horizon: horizonHours, plotWidth: right - left)
        return LinearScale(from: 0, through: horizonHours, step: step, range: (left, right))
    }

    /// The layout: the plot area inside the picture.
    func plotArea() -> PlotArea {
        let labelWidth = min((lanes.map { TextMetrics.width($0) }.max() ?? 40) + 16, width * 0.3)
        return PlotArea(left: labelWidth, top: 40, width: width - labelWidth - 24, height: 28 * Double(max(lanes.count, 1)))
    }

    /// The chart drawn in `language`.
    public func figure(in language: ReportLanguage) -> ChartFigure {
        let format = language.format
        let strings = language.strings
        var plot = plotArea()
        var entryNames: [(name: String, swatch: Legend.Swatch)] = classes.map { ($0, .box(fill: "")) }
        if !dueDates.isEmpty { entryNames.append((strings[.dueDate], .dashed(color: ChartPalette.highlight))) }
        // The legend's height (which does not depend on the swatches) sets where the lanes start.
        plot.top = 16 + Legend(entryNames).draw(x: plot.left, y: 16, width: plot.width).height + 10
        let height = plot.bottom + (startDate == nil ? 44 : 58)
        var svg = SVGDocument(id: text.id, width: width, height: height, title: text.title, description: text.description)
        var patterns = Set<Int>()
        var entries: [(name: String, swatch: Legend.Swatch)] = classes.indices.map {
            (classes[$0], .box(fill: ChartPalette.fill($0, in: &svg, defined: &patterns)))
        }
        if !dueDates.isEmpty { entries.append((strings[.dueDate], .dashed(color: ChartPalette.highlight))) }
        let legend = Legend(entries).draw(x: plot.left, y: 16, width: plot.width)
        svg.add(legend.elements)

        let scale = timeScale(left: plot.left, right: plot.right)
        let inDays = scale.step >= 24
        let laneHeight = plot.height / Double(max(lanes.count, 1))
        for (index, lane) in lanes.enumerated() {
            let y = plot.top + laneHeight * Double(index)
            if index % 2 == 1 { svg.add(.rect(x: plot.left, y: y, width: plot.width, height: laneHeight, fill: "#F4F4F4")) }
            svg.add(.text(TextMetrics.fitting(lane, width: plot.left - 12), x: plot.left - 8, y: y + laneHeight / 2 + 4,
                          anchor: "end", extra: [("fill", ChartPalette.ink)]))
        }
        // Ticks, with the date of each midnight tick on a second row.
        for tick in scale.ticks {
            let x = scale.position(tick)
            let isMidnight = tick.truncatingRemainder(dividingBy: 24) == 0
            svg.add(.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: isMidnight ? "#BBBBBB" : ChartPalette.grid))
            svg.add(.line(x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + 4, stroke: ChartPalette.ink))
            let label = inDays ? format.number(tick / 24) : format.number(tick) + "\u{00A0}" + strings[.hourUnit]
            svg.add(.text(label, x: x, y: plot.bottom + 16, anchor: "middle", extra: [("font-size", "11"), ("fill", ChartPalette.ink)]))
            if let startDate, isMidnight {
                let date = CivilDate(dayNumber: startDate.dayNumber + Int(tick / 24))
                svg.add(.text(format.shortDate(date), x: x, y: plot.bottom + 30, anchor: "middle",
                              extra: [("font-size", "11"), ("fill", "#555555"), ("class", "date")]))
            }
        }
        svg.add(.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartPalette.ink))
        let axisTitle = inDays ? AxisLabel(strings[.days]) : AxisLabel(strings[.hours], unit: strings[.hourUnit])
        let since = startDate.map { " · 0 = " + format.longDate($0) } ?? ""
        svg.add(.text(axisTitle.text + since, x: plot.left + plot.width / 2, y: height - 6, anchor: "middle",
                      extra: [("fill", ChartPalette.ink), ("class", "axis-title")]))

        for bar in bars {
            guard let lane = lanes.firstIndex(of: bar.lane), bar.startHours.isFinite, bar.durationHours.isFinite else { continue }
            let classIndex = classes.firstIndex(of: bar.lotClass) ?? classes.count
            let x = scale.position(bar.startHours)
            let barWidth = scale.position(bar.startHours + bar.durationHours) - x
            let y = plot.top + laneHeight * Double(lane) + 4
            let tip = "\(bar.lane) · \(bar.label) (\(bar.lotClass)): \(format.number(bar.startHours, fractionDigits: 1))–"
                + "\(format.number(bar.startHours + bar.durationHours, fractionDigits: 1)) \(strings[.hourUnit])"
            svg.add(SVGElement("rect", [("class", "gantt-bar"), ("x", SVGDocument.coordinate(x)), ("y", SVGDocument.coordinate(y)),
                                        ("width", SVGDocument.coordinate(max(barWidth, 1))),
                                        ("height", SVGDocument.coordinate(laneHeight - 8)),
                                        ("fill", ChartPalette.fill(classIndex, in: &svg, defined: &patterns)),
                                        ("stroke", "#FFFFFF"), ("stroke-width", "0.5")],
                               children: [.tooltip(tip)]))
            if TextMetrics.width(bar.label, fontSize: 10) + 6 <= barWidth {
                svg.add(.text(bar.label, x: x + 3, y: y + (laneHeight - 8) / 2 + 4,
                              extra: [("font-size", "10"), ("fill", ChartPalette.ink), ("font-weight", "bold"),
                                      ("stroke", "#FFFFFF"), ("stroke-width", "3"), ("paint-order", "stroke")]))
            }
        }
        for due in dueDates where due.hours.isFinite {
            let x = scale.position(due.hours)
            let lane = due.lane.flatMap { lanes.firstIndex(of: $0) }
            let top = lane.map { plot.top + laneHeight * Double($0) } ?? plot.top
            let bottom = lane.map { plot.top + laneHeight * Double($0 + 1) } ?? plot.bottom
            svg.add(.line(x1: x, y1: top, x2: x, y2: bottom, stroke: ChartPalette.highlight, width: 1.5,
                          extra: [("stroke-dasharray", "3 2"), ("class", "due-date")]))
            svg.add(SVGElement("path", [("d", "M\(SVGDocument.coordinate(x)),\(SVGDocument.coordinate(top - 1)) l-4,-5 l4,-5 l4,5 z"),
                                        ("fill", ChartPalette.highlight)],
                               children: [.tooltip("\(strings[.dueDate]): \(due.label), \(format.number(due.hours, fractionDigits: 1)) \(strings[.hourUnit])")]))
        }

        let hour = strings[.hourUnit]
        var rows = bars.map { bar in
            [bar.lane, bar.label, bar.lotClass, format.number(bar.startHours, fractionDigits: 1),
             format.number(bar.durationHours, fractionDigits: 1)]
        }
        rows += dueDates.map { [$0.lane ?? "", $0.label, strings[.dueDate], format.number($0.hours, fractionDigits: 1), ""] }
        let table = DataTable(columns: [strings[.unit], strings[.batch], strings[.lotClass], "\(strings[.start]) (\(hour))",
                                        "\(strings[.duration]) (\(hour))"], rows: rows, numericColumns: [3, 4])
        return ChartFigure(text: text, svg: svg.markup, table: table, language: language)
    }
}
