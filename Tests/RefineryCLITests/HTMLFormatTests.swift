import Foundation
import Testing
@testable import refinery_cli
@testable import RefineryModel

/// `--format html` and `--lang` on the four commands that draw a page.
@Suite struct HTMLFormatTests {
    @Test func runWritesTheLibrarysPage() throws {
        let run = runCLI(["run", "--no-schedule", "--format", "html", "--lang", "fr"])
        #expect(run.status == .success && run.err.isEmpty)
        #expect(run.out.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        // The same page a library caller gets.
        var options = RunOptions()
        options.schedule = false
        let library = try RunReport(run: ScenarioRun.perform(ScenarioLoader.embedded(named: "senou-base"), options: options), includeLots: true)
        #expect(run.out == library.page(in: .fr).html)
    }

    @Test func everyDrawingCommandTakesHTML() {
        let schedule = runCLI(["schedule", "--days", "2", "--format", "html"])
        #expect(schedule.status == .success && schedule.out.contains("<svg ") && schedule.out.contains("lang=\"en\""))
        let value = runCLI(["value", "--draws", "50", "--format", "html", "--lang", "en"])
        #expect(value.status == .success && value.out.components(separatedBy: "<svg ").count - 1 == 6)
        let compare = runCLI(["compare", "senou-base", "stress-300t", "--no-schedule", "--format", "html", "--lang", "fr"])
        #expect(compare.status == .success && compare.out.contains("class=\"changed\"") && compare.out.contains("Scénario A"))
    }

    @Test func langIsCheckedAndNeedsHTML() {
        let unknown = runCLI(["run", "--no-schedule", "--format", "html", "--lang", "de"])
        #expect(unknown.status == .usage && unknown.err.contains("'--lang': 'de' is not one of en, fr"))
        let withoutHTML = runCLI(["run", "--no-schedule", "--lang", "fr"])
        #expect(withoutHTML.status == .usage && withoutHTML.err.contains("option '--lang': applies to --format html only"))
        let sweep = runCLI(["sweep", "--vary", "plant.stages[id=miller].units=1,2", "--format", "html"])
        #expect(sweep.status == .usage)
    }
}
