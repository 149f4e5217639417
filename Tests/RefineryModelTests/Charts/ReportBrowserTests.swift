import Foundation
import Testing
@testable import RefineryModel

@Suite("Report pages in a real browser", .serialized)
struct ReportBrowserTests {
    /// The default run's page (and the schedule's, for the Gantt chart) in headless Chromium:
    /// no console error, every chart in the rendered DOM with a size, a screenshot that is not
    /// blank. Without a browser the test is skipped and says why.
    @Test("the default report renders in Chromium: charts laid out with a size, no console error, a screenshot that is not blank",
          .enabled(if: Browser.path != nil, "no Chromium found: run scripts/ensure-dependencies --test to install Debian's chromium"),
          arguments: ReportLanguage.allCases)
    func rendersInChromium(language: ReportLanguage) throws {
        let (folder, keep) = try BrowserTests.folder()
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        let pages = [("run", try ReportFixtures.runPage(language)),
                     ("schedule", try ReportFixtures.schedule.get().page(in: language, scenario: "senou-base"))]
        for (name, report) in pages {
            let html = report.html
            let page = folder.appendingPathComponent("report-\(name)-\(language.tag).html")
            try html.write(to: page, atomically: true, encoding: .utf8)
            let probe = folder.appendingPathComponent("report-\(name)-probe-\(language.tag).html")
            try BrowserTests.probe(html).write(to: probe, atomically: true, encoding: .utf8)

            let dom = try Browser.run(["--dump-dom"], page: probe, in: folder)
            #expect(dom.status == 0, "chromium --dump-dom exited \(dom.status): \(dom.stderr.suffix(2000))")
            #expect(Browser.consoleErrors(dom).isEmpty, "\(name): console errors: \(Browser.consoleErrors(dom))")
            #expect(dom.stdout.components(separatedBy: "<svg ").count - 1 == report.charts.count, "\(name)")
            let sizes = dom.stdout.components(separatedBy: "data-svg-sizes=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
            let measured = sizes.split(separator: " ").map { $0.split(separator: ":") }
            #expect(measured.count == report.charts.count, "\(name): sizes \(sizes)")
            for entry in measured {
                let size = entry.last!.split(separator: "x").compactMap { Int($0) }
                #expect(size.count == 2 && size[0] > 100 && size[1] > 100, "\(name): \(entry)")
            }

            let screenshot = folder.appendingPathComponent("report-\(name)-\(language.tag).png")
            let shot = try Browser.run(["--screenshot=\(screenshot.path)", "--window-size=1280,2400", "--hide-scrollbars"],
                                       page: page, in: folder)
            #expect(shot.status == 0, "chromium --screenshot exited \(shot.status): \(shot.stderr.suffix(2000))")
            #expect(Browser.consoleErrors(shot).isEmpty, "\(name): console errors: \(Browser.consoleErrors(shot))")
            guard let summary = try PNGSummary.summarize(screenshot, folder: folder) else {
                Issue.record("could not decode the screenshot \(screenshot.path) with python3")
                continue
            }
            #expect(summary.width == 1280 && summary.height == 2400)
            #expect(summary.distinctColors > 8, "\(name): only \(summary.distinctColors) colours: a blank page?")
            #expect(summary.nonWhiteShare > 0.03, "\(name): only \(summary.nonWhiteShare) of the pixels are not white")
        }
    }
}
