import Testing
@testable import RefineryModel

@Suite("Chart geometry")
struct ChartGeometryTests {
    /// The y of the zero line: the bottom of a positive bar.
    static func baseline(_ bars: [XMLNode]) -> Double {
        bars.map { $0.number("y") + $0.number("height") }.max()!
    }

    @Test("bar heights are proportional to their values")
    func barHeights() throws {
        let chart = ChartGallery.barChart(.en)
        let svg = try XMLNode.parse(chart.figure(in: .en).svg)
        let bars = svg.elements("rect", class: "bar")
        #expect(bars.count == chart.categories.count)
        let values = chart.series[0].values
        let ratio = bars[0].number("height") / values[0]
        for (bar, value) in zip(bars, values) {
            #expect(approximately(bar.number("height") / value, ratio, relative: 0.01), "\(value)")
        }
        // Bars stand on a common baseline and go left to right in category order.
        let base = Self.baseline(bars)
        #expect(bars.allSatisfy { approximately($0.number("y") + $0.number("height"), base, absolute: 0.02) })
        #expect(zip(bars, bars.dropFirst()).allSatisfy { $0.number("x") < $1.number("x") })
        // The capacity levels sit at their values on the same scale.
        let limits = svg.elements("line", class: "limit")
        #expect(limits.count == chart.limit!.values.count)
        for (line, value) in zip(limits, chart.limit!.values) {
            #expect(approximately(base - line.number("y1"), value! * ratio, absolute: 0.05))
        }
        // The bottleneck marks are there, in words.
        #expect(svg.elements("path", class: "marker").count == chart.markers.count)
    }

    @Test("stacked bars stack: each stack's height is proportional to its total")
    func stackedBars() throws {
        let chart = ChartGallery.stackedChart(.en)
        let bars = try XMLNode.parse(chart.figure(in: .en).svg).elements("rect", class: "bar")
        #expect(bars.count == chart.categories.count * chart.series.count)
        var totals: [Double] = []
        var heights: [Double] = []
        for category in chart.categories.indices {
            let stack = bars.filter { $0.attributes["data-category"] == String(category) }
            totals.append(chart.series.map { $0.values[category] }.reduce(0, +))
            heights.append(stack.map { $0.number("height") }.reduce(0, +))
            // Each piece starts where the one below it ends.
            for (lower, upper) in zip(stack, stack.dropFirst()) {
                #expect(approximately(upper.number("y") + upper.number("height"), lower.number("y"), absolute: 0.02))
            }
        }
        let ratio = heights[0] / totals[0]
        #expect(zip(heights, totals).allSatisfy { approximately($0 / $1, ratio, relative: 0.01) })
    }

    @Test("negative bars hang below the zero line")
    func negativeBars() throws {
        let chart = ChartGallery.cashFlowChart(.en)
        let bars = try XMLNode.parse(chart.figure(in: .en).svg).elements("rect", class: "bar")
        let capex = bars.filter { $0.attributes["data-series"] == "2" }
        let revenue = bars.filter { $0.attributes["data-series"] == "0" }
        let zero = capex[0].number("y")  // capex hangs from zero
        #expect(revenue.dropFirst().allSatisfy { approximately($0.number("y") + $0.number("height"), zero, absolute: 0.02) })
        #expect(approximately(capex[0].number("height") / 150, revenue[1].number("height") / 40, relative: 0.01))
    }

    @Test("Gantt bars start and end where their hours fall on the time axis")
    func ganttBars() throws {
        let chart = ChartGallery.gantt(.fr)
        let svg = try XMLNode.parse(chart.figure(in: .fr).svg)
        let rects = svg.elements("rect", class: "gantt-bar")
        #expect(rects.count == chart.bars.count)
        let plot = chart.plotArea()
        let scale = chart.timeScale(left: plot.left, right: plot.right)
        for (rect, bar) in zip(rects, chart.bars) {
            #expect(approximately(rect.number("x"), scale.position(bar.startHours), absolute: 0.01))
            #expect(approximately(rect.number("width"), scale.position(bar.durationHours) - scale.position(0), absolute: 0.02))
        }
        // Each lane's bars share a row; lanes go top to bottom in order.
        let yByLane = Dictionary(grouping: zip(rects, chart.bars), by: { $0.1.lane }).mapValues { Set($0.map { $0.0.number("y") }) }
        #expect(yByLane.values.allSatisfy { $0.count == 1 })
        let laneYs = chart.lanes.map { yByLane[$0]!.first! }
        #expect(laneYs == laneYs.sorted())
        // Due dates are marked at their hour, and the axis carries calendar dates.
        let due = svg.elements("line", class: "due-date")
        #expect(due.count == chart.dueDates.count)
        for (line, date) in zip(due, chart.dueDates) { #expect(approximately(line.number("x1"), scale.position(date.hours), absolute: 0.01)) }
        #expect(svg.elements("text", class: "date").contains { $0.text == "1er mars" })
        #expect(svg.elements("text", class: "date").contains { $0.text == "3 mars" })
    }

    @Test("the Gantt axis ticks hours for a short schedule and days for a long one")
    func ganttUnits() {
        #expect(GanttChart.tickStep(horizon: 48, plotWidth: 800) == 4)
        #expect(GanttChart.tickStep(horizon: 24 * 14, plotWidth: 800) == 24)
        #expect(GanttChart.tickStep(horizon: 24 * 30, plotWidth: 800) == 168)
        #expect(GanttChart.tickStep(horizon: 24 * 365, plotWidth: 800) == 720)
    }

    @Test("histogram bins span their edges and percentile lines sit at their values")
    func histogram() throws {
        let chart = ChartGallery.histogram(.en)
        #expect(chart.bins.map(\.count).reduce(0, +) == 2000)
        let svg = try XMLNode.parse(chart.figure(in: .en).svg)
        let x = chart.valueScale(left: 70, right: chart.width - 20)
        let lines = svg.elements("line", class: "percentile")
        #expect(lines.count == 3)
        for (line, percentile) in zip(lines, chart.percentiles) {
            #expect(approximately(line.number("x1"), x.position(percentile.value), absolute: 0.01))
        }
        let bins = svg.elements("rect", class: "bin")
        #expect(bins.count == chart.bins.count)
        for (rect, bin) in zip(bins, chart.bins) {
            #expect(approximately(rect.number("x"), x.position(bin.lower), absolute: 0.01))
        }
        let tallest = bins.max { $0.number("height") < $1.number("height") }!
        let most = chart.bins.max { $0.count < $1.count }!
        #expect(approximately(tallest.number("x"), x.position(most.lower), absolute: 0.01))
    }

    @Test("binning counts every finite draw once, the largest in the last bin")
    func binning() {
        let bins = Histogram.bins(of: [0, 1, 2, 3, 4, .nan, 10], count: 5)
        #expect(bins.map(\.count) == [2, 2, 1, 0, 1])  // 0 1 | 2 3 | 4 | | 10
        #expect(bins.first?.lower == 0 && bins.last?.upper == 10)
        #expect(Histogram.bins(of: [], count: 5).isEmpty)
    }

    @Test("waterfall steps float from the running total and end at the last total")
    func waterfall() throws {
        let chart = ChartGallery.waterfall(.en)
        let spans = chart.spans
        #expect(spans[1] == (100, 78) && spans[2] == (78, 66) && spans[5] == (0, 61))
        let rects = try XMLNode.parse(chart.figure(in: .en).svg).elements("rect", class: "step")
        #expect(rects.count == chart.steps.count)
        let ratio = rects[0].number("height") / 100
        #expect(approximately(rects[1].number("height"), 22 * ratio, absolute: 0.05))
        // The first decrease's top is the first total's top.
        #expect(approximately(rects[1].number("y"), rects[0].number("y"), absolute: 0.02))
        #expect(approximately(rects[5].number("height"), 61 * ratio, absolute: 0.05))
    }

    @Test("tornado bars run from the base to each end")
    func tornado() throws {
        let chart = ChartGallery.tornado(.en)
        let svg = try XMLNode.parse(chart.figure(in: .en).svg)
        let base = svg.elements("line", class: "base")[0].number("x1")
        let low = svg.elements("rect", class: "low"), high = svg.elements("rect", class: "high")
        #expect(low.count == chart.rows.count && high.count == chart.rows.count)
        let ratio = low[0].number("width") / abs(chart.rows[0].lowValue - chart.base)
        for (rect, row) in zip(low, chart.rows) {
            #expect(approximately(rect.number("width"), abs(row.lowValue - chart.base) * ratio, absolute: 0.05))
            let end = row.lowValue < chart.base ? rect.number("x") : rect.number("x") + rect.number("width")
            #expect(approximately(end, base + (row.lowValue - chart.base) * ratio, absolute: 0.05))
        }
        for (rect, row) in zip(high, chart.rows) {
            #expect(approximately(rect.number("width"), abs(row.highValue - chart.base) * ratio, absolute: 0.05))
        }
    }

    @Test("heat-map cells: one per value, saturated ones outlined, every value written")
    func heatMap() throws {
        let chart = ChartGallery.heatMap(.fr)
        let svg = try XMLNode.parse(chart.figure(in: .fr).svg)
        let cells = svg.elements("rect", class: "cell")
        #expect(cells.count == chart.rows.count * chart.columns.count)
        let saturated = chart.values.flatMap { $0 }.filter { ($0 ?? 0) >= 1 }.count
        #expect(saturated == 4)
        #expect(svg.elements("rect", class: "saturated").count == saturated)
        #expect(svg.elements("text").contains { $0.text == "100\u{00A0}%" })
        // Darker means more: the 100 % cell is darker than the 50 % one.
        let ramp = ChartPalette.sequential
        let melt = cells.filter { $0.children.first?.text.hasPrefix("melt-sample") == true }
        #expect(ramp.firstIndex(of: melt[0].attributes["fill"]!)! < ramp.firstIndex(of: melt[3].attributes["fill"]!)!)
    }

    @Test("line chart points follow the values, and a gap breaks the line")
    func lineChart() throws {
        let chart = ChartGallery.lineChart(.en)
        let svg = try XMLNode.parse(chart.figure(in: .en).svg)
        let lines = svg.elements("polyline", class: "line")
        #expect(lines.count == 3)  // refined, and in-process broken by its gap into two runs
        let refined = lines[0].attributes["points"]!.split(separator: " ").map { $0.split(separator: ",").map { Double($0)! } }
        #expect(refined.count == 12)
        // 8 t and 11 t: the higher value is drawn higher (smaller y).
        #expect(refined[4][1] < refined[0][1])
        #expect(svg.elements("polyline", class: "cumulative").count == 1)
    }
}
