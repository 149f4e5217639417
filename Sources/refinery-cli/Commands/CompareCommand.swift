import RefineryModel

/// `refinery-cli compare A B`: two scenarios' key results side by side, with deltas.
enum CompareCommand {
    static let command = Command(spec: spec, run: run)
    static let formats: [OutputFormat] = [.text, .json, .csv, .html]

    static let spec = CommandSpec(
        name: "compare",
        summary: "Put two scenarios' key results side by side, with deltas.",
        options: ScenarioInput.options + [
            .value("set-a", "PATH=VALUE", repeatable: true, help: "Override a field of A only."),
            .value("set-b", "PATH=VALUE", repeatable: true, help: "Override a field of B only."),
            OutputFormat.option(formats, help: "text (default), json (one object), csv (one row per metric) or html (a page: A and B side by side, with charts)."),
            Output.option,
            HTMLOutput.languageOption,
        ] + RunOptions.options,
        positionals: [
            PositionalSpec(name: "A", optional: true, help: "A scenario file, or an embedded scenario's name (e.g. senou-base; a file of that name wins); or give --scenario NAME."),
            PositionalSpec(name: "B", optional: true, help: "Another; without it, A again (compare A with A changed by --set-b)."),
        ],
        discussion: """
            Runs both scenarios and prints each key result for A and B, B − A and the change in
            percent. --set applies to both, --set-a and --set-b to one side:
              refinery-cli compare senou-base --set-b 'plant.stages[id=melt-sample].units=3'
            """)

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let format = try OutputFormat.parse(arguments, allowed: formats)
        let language = try HTMLOutput.language(arguments, html: format == .html)
        let options = try RunOptions(arguments)
        let common = try ScenarioInput.overrides(arguments)
        let overridesA = try ScenarioInput.overrides(arguments, option: "set-a")
        let overridesB = try ScenarioInput.overrides(arguments, option: "set-b")
        // A is the first argument or --scenario (not both); B the second, else A again.
        let embedded = try ScenarioInput.embeddedName(arguments)
        if embedded != nil && arguments.positionals.count > 1 { throw UsageError(message: "give A as a file or --scenario, not both", usage: spec.usage) }
        guard let referenceA = embedded ?? arguments.positionals.first else {
            throw UsageError(message: "missing argument A (a scenario file or name, or --scenario NAME)", usage: spec.usage)
        }
        let referenceB = arguments.positionals.count > (embedded == nil ? 1 : 0) ? arguments.positionals.last! : referenceA

        func side(_ reference: String, _ own: [ScenarioOverride]) throws -> (label: String, run: ScenarioRun) {
            let document = reference == embedded ? try ScenarioInput.document(path: nil, embeddedName: reference) : try ScenarioInput.document(reference: reference)
            let scenario = try ScenarioInput.load(document, overrides: common + own)
            let label = ([reference] + own.map(\.description)).joined(separator: " ")
            return (label, try CommandError.mapping { () throws(StudyError) in try ScenarioRun.perform(scenario, options: options) })
        }
        let progress = ProgressLine(console: console, label: "compare: running A (1 of 2)")
        defer { progress.finish() }
        let a = try side(referenceA, overridesA)
        progress.stage("compare: running B (2 of 2)")
        let b = try side(referenceB, overridesB)
        progress.finish()
        let comparison = Comparison(a.run, labeled: a.label, b.run, labeled: b.label)
        let text: String
        switch format {
        case .text: text = renderText(comparison)
        case .json: text = comparison.json()
        case .csv: text = renderCSV(comparison)
        case .html: text = comparison.page(in: language).html
        }
        try Output.emit(text, arguments, console: console)
        let statuses = [a.run.status, b.run.status]
        return statuses.first { $0 != .success } ?? .success
    }

    static func renderText(_ comparison: Comparison) -> String {
        let a = comparison.a, b = comparison.b
        var text = "A: \(a.label) (scenario \(a.scenario))\nB: \(b.label) (scenario \(b.scenario))\n\n"
        let table = comparison.rows.map { row -> [String] in
            var delta = "", change = ""
            if let value = row.delta {
                delta = (value > 0 ? "+" : "") + Formatting.number(value, decimals: row.a.decimals)
                if delta.allSatisfy({ "+-0.,".contains($0) }) { delta = "0" }
                if row.a.unit == "%" && delta != "0" { delta += " pts" }
            } else if row.a.value != row.b.value {
                delta = "changed"
            }
            if let relative = row.relative, delta != "0" { change = (relative > 0 ? "+" : "") + Formatting.number(relative * 100, decimals: 1) + "%" }
            return [row.a.label, row.a.unit, row.a.formatted, row.b.formatted, delta, change]
        }
        text += TextTable.render(header: ["metric", "unit", "A", "B", "B − A", "change"], rows: table,
                                 alignments: [.left, .left, .right, .right, .right, .right])
        return text
    }

    static func renderCSV(_ comparison: Comparison) -> String {
        CSV.render(header: ["metric", "unit", "a", "b", "delta"], rows: comparison.rows.map { row in
            [row.a.id, row.a.unit, CSV.cell(row.a.json), CSV.cell(row.b.json), row.delta.map { CSV.cell(.number($0)) } ?? ""]
        })
    }
}
