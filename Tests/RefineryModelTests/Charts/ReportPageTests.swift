import Foundation
import Testing
@testable import RefineryModel

@Suite("Report pages", .serialized)
struct ReportPageTests {
    static func parse(_ page: ReportPage) throws -> XMLNode {
        try XMLNode.parse(String(page.html.drop { $0 != "\n" }))
    }

    /// The section ids and chart ids of the default run's page.
    static let runSections = ["key-results", "currencies", "plant", "gold", "campaign", "cash-flows", "sensitivity", "holders", "value-added", "fiscal"]
    static let runCharts = ["intake-capacity", "utilization", "gold-balance", "campaign-months", "turnaround", "cash-flows",
                            "holders", "national-capture", "state-net-cash"]

    @Test("the default run's page has every section and chart, each chart titled, described, captioned and with its data",
          arguments: ReportLanguage.allCases)
    func runPageIsComplete(language: ReportLanguage) throws {
        let page = try ReportFixtures.runPage(language)
        let root = try Self.parse(page)
        let sections = root.elements("section").compactMap { $0.attributes["id"] }
        #expect(Array(sections.prefix(Self.runSections.count)) == Self.runSections)
        #expect(page.charts.map { $0.figure(in: language).text.id } == Self.runCharts)
        #expect(root.elements("svg").compactMap { $0.attributes["id"] } == Self.runCharts)
        for figure in root.elements("figure") {
            let svg = try #require(figure.elements("svg").first)
            #expect(svg.elements("title").first.map { !$0.text.isEmpty } == true)
            #expect(svg.elements("desc").first.map { !$0.text.isEmpty } == true)
            #expect(figure.elements("figcaption").first.map { $0.all.map(\.text).joined().count > 10 } == true)
            #expect(figure.elements("details").first?.elements("tr").isEmpty == false)
        }
        // Header: scenario, date basis, currency, tool and GLPK versions, the headline.
        let s = language.strings
        #expect(root.elements("header").first?.elements("dt").map(\.text) == [s[.scenario], s[.dateBasis], s[.currency], s[.tool], s[.glpkVersion]])
        #expect(root.elements("dd").map(\.text).contains("refinery-cli \(ReportTool.packageVersion)"))
        #expect(root.elements("dd").map(\.text).contains(GLPKSolver.version))
        #expect(root.elements("p").first { $0.attributes["class"] == "subtitle" }?.text.contains("melt-sample") == true)
        // Every section shows something: a chart, a table, facts or a sentence.
        for section in root.elements("section") {
            #expect(!(section.elements("svg") + section.elements("table") + section.elements("dl") + section.elements("p")).isEmpty,
                    "empty section \(section.attributes["id"] ?? "")")
        }
    }

    @Test("with --no-schedule the campaign section says why in a sentence, and every other chart is still there",
          arguments: ReportLanguage.allCases)
    func runPageWithoutSchedule(language: ReportLanguage) throws {
        let page = try ReportFixtures.runPage(language, schedule: false)
        let root = try Self.parse(page)
        let campaign = try #require(root.elements("section").first { $0.attributes["id"] == "campaign" })
        #expect(campaign.elements("svg").isEmpty && campaign.elements("figure").isEmpty)
        #expect(campaign.elements("p").map(\.text) == [language.strings[.noScheduleRequested]])
        #expect(page.charts.map { $0.figure(in: language).text.id } == Self.runCharts.filter { !["campaign-months", "turnaround"].contains($0) })
        #expect(root.elements("section").compactMap { $0.attributes["id"] }.prefix(Self.runSections.count).elementsEqual(Self.runSections))
    }

    @Test("a valuation without its Monte Carlo says so in a sentence and keeps every other chart")
    func valuationWithoutMonteCarlo() throws {
        let value = try ReportFixtures.valuation.get()
        let page = ValuationReport(valuation: value.valuation, tornado: value.tornado, monteCarlo: nil).page(in: .fr)
        let root = try Self.parse(page)
        let section = try #require(root.elements("section").first { $0.attributes["id"] == "monte-carlo" })
        #expect(section.elements("svg").isEmpty && section.elements("p").map(\.text) == [ReportLanguage.fr.strings[.noMonteCarlo]])
        #expect(page.charts.map { $0.figure(in: .fr).text.id } == ["cash-flows", "tornado", "holders", "national-capture", "state-net-cash"])
        let full = try ReportFixtures.valuationPage(.en)
        #expect(full.charts.map { $0.figure(in: .en).text.id } == ["cash-flows", "tornado", "monte-carlo", "holders", "national-capture", "state-net-cash"])
        // The histogram's lines are the report's percentiles, its bins every draw.
        let histogram = try #require(full.charts.compactMap { $0 as? Histogram }.first)
        let percentiles = try #require(value.monteCarlo?.projectNPV)
        #expect(histogram.percentiles.map(\.value) == [percentiles.p10 / 1e6, percentiles.p50 / 1e6, percentiles.p90 / 1e6])
        #expect(histogram.bins.reduce(0) { $0 + $1.count } == value.monteCarlo?.draws)
    }

    @Test("the numbers shown are the report's: key results, the intake chart's data and the headline")
    func numbersAreTheReports() throws {
        let run = try ReportFixtures.run.get()
        let format = ReportLanguage.fr.format
        let root = try Self.parse(try ReportFixtures.runPage(.fr))
        let metrics = KeyResults.throughput(run.throughput.years) + KeyResults.valuation(run.valuation?.result)
        let tables = try #require(root.elements("section").first { $0.attributes["id"] == "key-results" }?.elements("table"))
        #expect(tables.count == 2) // the plant's, the money's
        let shown = tables.flatMap { $0.elements("tr").dropFirst().map { row in row.children.map(\.text) } }
        #expect(shown.count == metrics.count)
        for (row, metric) in zip(shown, metrics) {
            #expect(row[0] == ReportLanguage.fr.strings.label(of: metric))
            #expect(row[1] == format.value(of: metric), "\(metric.id)")
        }
        // The intake chart's data table: each year's gold intake in tonnes, as the report has it.
        let intake = try #require(root.elements("figure").first { $0.attributes["id"] == "figure-intake-capacity" })
        let rows = intake.elements("tbody").first?.elements("tr").map { $0.children.map(\.text) } ?? []
        #expect(rows.map { $0[0] } == run.throughput.years.map { String($0.year) })
        #expect(rows.map { $0[1] } == run.throughput.years.map { format.number($0.intake.goldKg / 1000, fractionDigits: 1) })
        // The waterfall ends at the report's national capture.
        let capture = try #require(run.valuation?.result.valueAdded.total.nationalCapture)
        let waterfall = try #require(ReportFixtures.runPage(.en).charts.compactMap { $0 as? WaterfallChart }.first)
        #expect(waterfall.steps.last?.value == capture / 1e6)
        #expect(abs((waterfall.spans.dropLast().last?.to ?? 0) - capture / 1e6) < 1e-6, "the parts add up to the total")
        // The headline names the peak year's bottleneck and its utilization.
        let peak = try #require(run.throughput.peakIntakeYear)
        let utilization = try #require(peak.stages.first { $0.id == peak.bottleneck }?.utilization)
        let subtitle = root.elements("p").first { $0.attributes["class"] == "subtitle" }?.text ?? ""
        #expect(subtitle.contains(format.percent(fraction: utilization)) && subtitle.contains(String(peak.year)))
    }

    @Test("every chart's axis domain contains every value it plots", arguments: ReportLanguage.allCases)
    func domainsContainValues(language: ReportLanguage) throws {
        for (name, page) in try ReportFixtures.pages(language) {
            #expect(!page.charts.isEmpty || name == "none")
            for chart in page.charts {
                let (values, domain) = Self.plotted(chart)
                #expect(!values.isEmpty, "\(name): \(type(of: chart)) plots nothing")
                for value in values {
                    #expect(domain.contains(value), "\(name): \(type(of: chart)) plots \(value) outside \(domain)")
                }
            }
        }
    }

    /// What a chart plots, and the domain of the axis it plots it on.
    static func plotted(_ chart: any Chart) -> ([Double], ClosedRange<Double>) {
        switch chart {
        case let bar as BarChart:
            return (bar.plottedValues, LinearScale(covering: bar.plottedValues, range: (300, 0)).domain)
        case let line as LineChart:
            let values = line.series.flatMap(\.values).compactMap { $0 }
            return (values, LinearScale(covering: values, including: [0], range: (300, 0)).domain)
        case let histogram as Histogram:
            let values = histogram.bins.flatMap { [$0.lower, $0.upper] } + histogram.percentiles.map(\.value)
            return (values, histogram.valueScale(left: 0, right: 600).domain)
        case let tornado as TornadoChart:
            let values = [tornado.base] + tornado.rows.flatMap { [$0.lowValue, $0.highValue] }
            return (values, tornado.valueScale(left: 0, right: 600).domain)
        case let gantt as GanttChart:
            let values = gantt.bars.flatMap { [$0.startHours, $0.startHours + $0.durationHours] } + gantt.dueDates.map(\.hours)
            return (values, gantt.timeScale(left: 0, right: 800).domain)
        case let waterfall as WaterfallChart:
            let values = waterfall.spans.flatMap { [$0.from, $0.to] }
            return (values, LinearScale(covering: values, including: [0], range: (300, 0)).domain)
        case let heat as HeatMap:
            return (heat.values.flatMap { $0 }.compactMap { $0 }, heat.domain)
        default:
            return ([], 0...0)
        }
    }

    @Test("no page reaches outside itself: no URL, no script, no stylesheet, font or image link", arguments: ReportLanguage.allCases)
    func selfContained(language: ReportLanguage) throws {
        for (name, page) in try ReportFixtures.pages(language) {
            let html = page.html
            for forbidden in ["http:", "https:", "ftp:", "file:", "data:", "//", "<script", "<link", "<img", "<iframe", "@import", "src=", "@font-face"] {
                #expect(!html.contains(forbidden), "\(name) contains \(forbidden)")
            }
            // The only url() references are to the picture's own patterns.
            #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") }, "\(name)")
            #expect(html.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") }, "\(name)")
            #expect(html.utf8.count < 1_500_000, "\(name): \(html.utf8.count) bytes")
        }
    }

    @Test("French pages carry no text of the English table (except words spelt alike)")
    func frenchIsTranslated() throws {
        let french = try ReportFixtures.pages(.fr)
        let english = try ReportFixtures.pages(.en)
        // What a reader sees: the text between the tags, without the scenario's own words (data).
        let description = try ReportFixtures.run.get().scenario.description ?? ""
        let texts = try french.map { ($0.name, Self.words(try Self.parse($0.page)).replacingOccurrences(of: description, with: "")) }
        for key in ReportText.allCases where frenchStrings[key] != englishStrings[key] {
            let text = englishStrings[key] ?? ""
            // A template's fixed parts, between its placeholders.
            let fragments = text.components(separatedBy: "{").map { $0.drop { $0.isNumber || $0 == "}" } }
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) }
                .filter { $0.count >= 4 }
            for fragment in fragments {
                for (name, text) in texts {
                    #expect(!Self.containsWord(text, fragment), "French \(name) page contains the English \(key.rawValue): \(fragment)")
                }
            }
        }
        // The check can fail: the English pages do contain their table's texts.
        #expect(Self.containsWord(Self.words(try Self.parse(english[0].page)), englishStrings[.intakeCapacityTitle] ?? "?"))
        #expect(!Self.containsWord("Unité", "Unit") && Self.containsWord("a Unit.", "Unit"))
        #expect(french.allSatisfy { $0.page.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">") })
    }

    /// Every text of a page's body (not its style sheet), one per line.
    static func words(_ root: XMLNode) -> String { (root.elements("body").first ?? root).all.map(\.text).joined(separator: "\n") }

    /// Whether `fragment` occurs in `text` as whole words (not inside a longer word).
    static func containsWord(_ text: String, _ fragment: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: fragment, range: searchStart..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !before.isLetter && !after.isLetter { return true }
            searchStart = range.upperBound
        }
        return false
    }

    @Test("French numbers: a narrow no-break space between thousands and a decimal comma")
    func frenchNumbers() throws {
        let html = try ReportFixtures.runPage(.fr).html
        let run = try ReportFixtures.run.get()
        let lots = try #require(run.campaign.report?.summary?.lotsReceived)
        #expect(lots >= 1000)
        #expect(html.contains(ReportLanguage.fr.format.integer(lots)) && ReportLanguage.fr.format.integer(lots).contains("\u{202F}"))
        #expect(html.contains("742,8"))
    }

    @Test("the schedule's Gantt: one lane per unit, every batch on it, due dates marked")
    func scheduleGantt() throws {
        let report = try ReportFixtures.schedule.get()
        let page = report.page(in: .en, scenario: "senou-base")
        let gantt = try #require(page.charts.compactMap { $0 as? GanttChart }.first)
        #expect(gantt.lanes.count == report.stages.reduce(0) { $0 + max($1.units, 1) })
        #expect(gantt.bars.count == report.batches.reduce(0) { $0 + max($1.count, 1) })
        #expect(gantt.dueDates.count == report.lots.filter { $0.due != nil }.count && !gantt.dueDates.isEmpty)
        // No two bars overlap on one lane (the layout puts a batch on a free unit).
        for lane in gantt.lanes {
            let bars = gantt.bars.filter { $0.lane == lane }.sorted { $0.startHours < $1.startHours }
            for (a, b) in zip(bars, bars.dropFirst()) { #expect(a.startHours + a.durationHours <= b.startHours + 1e-9, "\(lane)") }
        }
        let root = try Self.parse(page)
        #expect(root.elements("svg").compactMap { $0.attributes["id"] }.first == "gantt")
    }

    @Test("the comparison shows A and B side by side and highlights exactly the rows that differ")
    func comparison() throws {
        let comparison = try ReportFixtures.comparison.get()
        let root = try Self.parse(comparison.page(in: .en))
        let table = try #require(root.elements("table").first)
        let rows = table.elements("tbody").first?.elements("tr") ?? []
        #expect(rows.count == comparison.rows.count)
        for (row, metricRow) in zip(rows, comparison.rows) {
            let cells = row.children.map(\.text)
            #expect(cells[2] == ReportLanguage.en.format.value(of: metricRow.a) && cells[3] == ReportLanguage.en.format.value(of: metricRow.b))
            let differs = cells[2] != cells[3]
            #expect((row.attributes["class"] == "changed") == differs, "\(metricRow.a.id): \(cells)")
            #expect(differs == (cells[4] != "unchanged"))
        }
        #expect(root.elements("svg").count == 2)
    }
}
