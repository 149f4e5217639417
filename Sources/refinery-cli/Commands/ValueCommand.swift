import Foundation
import RefineryModel

/// `refinery-cli value`: the valuation, holder table, value added, tornado and Monte Carlo.
enum ValueCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        name: "value",
        summary: "Value a scenario: cash flows, NPV/IRR, shareholders, value added, sensitivity.",
        options: ScenarioInput.options + [
            .value("format", "FORMAT", help: "text (default, for people), json (for tools), csv (the cash flows by year) or html (one self-contained page with charts)."),
            .value("draws", "N", help: "Monte Carlo draws (default 10000; 0 skips the Monte Carlo); --seed seeds them, and the same seed gives the same results on any machine."),
            Output.option,
            HTMLOutput.languageOption,
            CSVDirectory.option,
            .flag("include-draws", help: "Add every Monte Carlo draw to the --csv-dir tables (monte_carlo_draws.csv)."),
        ] + RunOptions.shared,
        positionals: [PositionalSpec(name: "SCENARIO.json", optional: true, help: ScenarioInput.positionalHelp)],
        discussion: """
            Prices the throughput model's volumes year by year (revenue lines, opex lines, capex,
            tax, debt service, free cash flow to the firm and to equity), values them (NPV, every
            IRR, payback, break-even refining charge and intake), splits the equity flows among
            the shareholders, measures value added and what Mali captures, and runs a tornado and
            a seeded Monte Carlo over the scenario's economics.uncertainties.
            """)

    enum Format: String, CaseIterable { case text, json, csv, html }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitStatus {
        let format = try arguments.choice("format", as: Format.self) ?? .text
        let draws = try arguments.integer("draws", range: 0...10_000_000) ?? 10_000
        let seed = try arguments.integer("seed", range: 0...Int.max) ?? 1
        let csvDirectory = try CSVDirectory.path(arguments)
        let language = try HTMLOutput.language(arguments, html: format == .html)
        let scenario = try ScenarioInput.load(arguments)
        let progress = ProgressLine(console: console, label: "value: Monte Carlo", unit: "draws")
        defer { progress.finish() }
        let value = try CommandError.mapping { () throws(StudyError) in
            try ValuationRun.perform(scenario, draws: draws, seed: UInt64(seed), progress: progress.callback)
        }
        progress.finish()
        let output: String
        switch format {
        case .json:
            output = try ValuationReport(value).json()
        case .html:
            output = ValuationReport(value).page(in: language, npvDraws: value.monteCarlo?.npvs ?? []).html
        case .text:
            output = ValuationText.render(value.valuation, model: value.model, tornado: value.tornado, monteCarlo: value.monteCarlo)
        case .csv:
            output = CSVTable.cashFlowsByYear(value.valuation.years).csv
        }
        try Output.emit(output, arguments, console: console)
        if let csvDirectory { try CSVDirectory.write(value.csvTables(includeDraws: arguments.has("include-draws")), to: csvDirectory, input: arguments.positionals.first, console: console) }
        return .success
    }
}

/// The valuation as text for people.
enum ValuationText {
    static func millions(_ usd: Double, decimals: Int = 1) -> String { Formatting.number(usd / 1e6, decimals: decimals) }

    static func irr(_ result: IRRResult) -> String {
        switch result.rates.count {
        case 0: return result.note
        case 1: return Formatting.number(result.rates[0] * 100, decimals: 1) + "%"
        default: return result.rates.map { Formatting.number($0 * 100, decimals: 1) + "%" }.joined(separator: " and ") + " (\(result.note))"
        }
    }

    static func years(_ value: Double?, start: Int) -> String {
        guard let value else { return "never within the horizon" }
        return "\(Formatting.number(value, decimals: 1)) years from \(start) (in \(start + Int(value.rounded(.up))))"
    }

    /// The short section `run` prints.
    static func headline(_ valuation: Valuation, model: CashFlowModel) -> String {
        let s = valuation.summary
        var text = "Valuation (nominal USD, discounted at \(Formatting.percent(s.discountRate)) to \(model.startYear)): "
        text += "project NPV \(millions(s.projectNPVUsd)) M USD; IRR \(irr(s.projectIRR)); payback \(years(s.paybackYears, start: model.startYear)); "
        text += "EBITDA margin \(s.ebitdaMargin.map(Formatting.percent) ?? "-").\n"
        let total = valuation.valueAdded.total
        text += "Value added \(millions(total.valueAdded)) M USD over the horizon = \(share(total.valueAddedShareOfGold)) of the gold processed; "
        text += "national capture \(millions(total.nationalCapture)) M USD = \(share(total.captureShareOfGold)).\n"
        text += "Holders: " + valuation.holders.map { "\($0.name) \(Formatting.percent($0.share)) NPV \(millions($0.npvUsd)) M USD" }.joined(separator: "; ") + "\n"
        if let c = valuation.currencies { text += currencyLine(c, includingProjectNPV: true) }
        return text
    }

    /// An amount in CFA francs (billions) and euros (millions), such as "−78.4 bn XOF, −119.4 M EUR".
    static func inOtherCurrencies(_ amount: MoneyAmount) -> String {
        "\(Formatting.number(amount.xof / 1e9, decimals: 1)) bn XOF, \(millions(amount.eur)) M EUR"
    }

    /// The headline figures in XOF and EUR, with the rates used; the project NPV first when
    /// `includingProjectNPV` (the run's text, whose headline gives it in USD only).
    static func currencyLine(_ c: HeadlineCurrencies, includingProjectNPV: Bool = false) -> String {
        var parts = includingProjectNPV ? ["project NPV \(millions(c.projectNPV.usd)) M USD (\(inOtherCurrencies(c.projectNPV)))"] : []
        parts += ["national capture \(millions(c.nationalCapture.usd)) M USD (\(inOtherCurrencies(c.nationalCapture)))"]
        if let state = c.stateNetCashNpv { parts.append("state net cash NPV \(millions(state.usd)) M USD (\(inOtherCurrencies(state)))") }
        if let gain = c.netGainToMali { parts.append("net gain to Mali (PV) \(millions(gain.usd)) M USD (\(inOtherCurrencies(gain)))") }
        return "In XOF and EUR at \(Formatting.number(c.xofPerUsd, decimals: 1)) XOF/USD and \(Formatting.number(c.xofPerEur, decimals: 3)) XOF/EUR (fixed peg): "
            + parts.joined(separator: "; ") + ".\n"
    }

    /// A small share of gold value, with enough decimals to be seen.
    static func share(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "-" }
        return Formatting.number(fraction * 100, decimals: abs(fraction) < 0.01 ? 3 : 1) + "%"
    }

    static func render(_ valuation: Valuation, model: CashFlowModel, tornado: Tornado?, monteCarlo: MonteCarlo?) -> String {
        let s = valuation.summary
        let scenario = model.scenario
        let money = model.economics.priceBasis == .real ? "real USD of \(scenario.horizon.firstYear)" : "nominal USD"
        var text = "Valuation of \(scenario.name) (\(money); M = million; discounted at \(Formatting.percent(s.discountRate)) to \(model.startYear))\n\n"
        text += "Headline: project NPV \(millions(s.projectNPVUsd)) M USD\(valuation.currencies.map { " (" + inOtherCurrencies($0.projectNPV) + ")" } ?? ""); IRR \(irr(s.projectIRR)).\n"
        if let c = valuation.currencies { text += currencyLine(c) }
        if let terminal = s.terminalValueUsd, let present = s.terminalValueNPVUsd {
            text += "Terminal value (Gordon, growth \(Formatting.percent(model.economics.valuation.terminalGrowth ?? 0))): \(millions(terminal)) M USD in \(model.years.last ?? 0), "
            text += "\(millions(present)) M USD of the project NPV.\n"
        }
        text += "Equity NPV \(millions(s.equityNPVUsd)) M USD; equity IRR \(irr(s.equityIRR)).\n"
        text += "Payback \(years(s.paybackYears, start: model.startYear)); discounted payback \(years(s.discountedPaybackYears, start: model.startYear)).\n"
        text += "Over the horizon: revenue \(millions(s.totalRevenueUsd)) M USD, EBITDA \(millions(s.totalEBITDAUsd)) M USD "
        text += "(margin \(s.ebitdaMargin.map(Formatting.percent) ?? "-")), capex \(millions(s.totalCapexUsd)) M USD, taxes \(millions(s.totalTaxesUsd)) M USD.\n"
        let charge = s.breakEvenRefiningCharge
        text += "Break-even refining charge: \(charge.value.flatMap { $0 > 0 ? Formatting.number($0, decimals: 2) + " USD/oz gross on every kind" : nil } ?? charge.note).\n"
        text += "Break-even intake: \(s.breakEvenIntakeFactor.value.map { "×" + Formatting.number($0, decimals: 2) + " the scenario's intake" } ?? s.breakEvenIntakeFactor.note)"
        if let tonnes = s.breakEvenIntakeTonnesPerYear { text += " (≈ \(Formatting.number(tonnes, decimals: 1)) t of gold a year)" }
        text += ".\n\n"

        text += "Cash flows by year (M USD)\n"
        let header = ["year", "gold t", "revenue", "opex", "EBITDA", "capex", "ΔWC", "tax", "FCFF", "debt in", "interest", "principal", "FCFE", "dividend WHT"]
        let rows = valuation.years.map { y -> [String] in
            [String(y.year), Formatting.tonnes(y.goldProcessedKg), millions(y.revenue), millions(y.opex), millions(y.ebitda),
             millions(y.capex + y.sustainingCapex), millions(y.workingCapitalChange), millions(y.corporateTax), millions(y.freeCashFlowToFirm),
             millions(y.debtDrawn), millions(y.interest), millions(y.principalRepaid), millions(y.freeCashFlowToEquity), millions(y.dividendWithholding, decimals: 2)]
        }
        text += TextTable.render(header: header, rows: rows)

        func total(_ field: KeyPath<CashFlowYear, Double>) -> String { millions(valuation.years.reduce(0) { $0 + $1[keyPath: field] }) }
        text += "\nRevenue over the horizon (M USD): refining charges \(total(\.refiningCharges)), penalties \(total(\.penalties)), "
        text += "lot fees \(total(\.lotFees)), metal gain \(total(\.metalGain)), silver credit \(total(\.silverCredit)), "
        text += "purchase margin \(total(\.purchaseMargin)), non-accredited discount \(total(\.unaccreditedDiscount)).\n"
        text += "Opex over the horizon (M USD): Malian staff \(total(\.staffMalian)), expatriate staff \(total(\.staffExpatriate)), "
        text += "grid power \(total(\.energyGrid)), diesel \(total(\.energyDiesel)), insurance \(total(\.insurance)), other lines \(total(\.otherOpex)).\n"
        text += "Taxes over the horizon (M USD): income tax \(total(\.incomeTax)), minimum-tax top-up \(total(\.minimumTaxTopUp)), "
        text += "dividend withholding \(total(\.dividendWithholding)).\n"

        text += "\nShareholders (M USD; NPV of net flows at \(Formatting.percent(s.discountRate)))\n"
        let holderRows = valuation.holders.map { h -> [String] in
            [h.name, Formatting.percent(h.share), h.malian ? "Malian" : "foreign", h.kind.rawValue + (h.carried ? ", carried" : ""),
             millions(h.contributionsUsd), millions(h.grossDividendsUsd), millions(h.withholdingUsd), millions(h.netDividendsUsd),
             millions(h.npvUsd), irr(h.irr)]
        }
        text += TextTable.render(header: ["holder", "share", "nationality", "kind", "contributed", "dividends", "withheld", "net", "NPV", "IRR"], rows: holderRows)

        let t = valuation.valueAdded.total
        text += "\nValue added over the horizon (M USD; % of the value of the gold processed, \(millions(t.goldValueProcessed, decimals: 0)) M USD)\n"
        let vaRows: [[String]] = [
            ["gross output (revenue)", millions(t.grossOutput), share(t.grossOutput / t.goldValueProcessed)],
            ["less intermediate consumption, local", millions(t.intermediateLocal), share(t.intermediateLocal / t.goldValueProcessed)],
            ["less intermediate consumption, imported", millions(t.intermediateImported), share(t.intermediateImported / t.goldValueProcessed)],
            ["value added", millions(t.valueAdded), share(t.valueAddedShareOfGold)],
            ["  wages", millions(t.wages), share(t.wages / t.goldValueProcessed)],
            ["  corporate taxes", millions(t.corporateTaxes), share(t.corporateTaxes / t.goldValueProcessed)],
            ["  operating surplus", millions(t.operatingSurplus), share(t.operatingSurplus / t.goldValueProcessed)],
            ["national capture", millions(t.nationalCapture), share(t.captureShareOfGold)],
            ["  Malian wages", millions(t.wagesMalian), share(t.wagesMalian / t.goldValueProcessed)],
            ["  corporate taxes", millions(t.corporateTaxes), share(t.corporateTaxes / t.goldValueProcessed)],
            ["  withholding on foreign dividends", millions(t.withholdingOnForeignHolders), share(t.withholdingOnForeignHolders / t.goldValueProcessed)],
            ["  import duties and levies", millions(t.importDuties), share(t.importDuties / t.goldValueProcessed)],
            ["  Malian holders' share of surplus after interest", millions(t.malianShareOfSurplus), share(t.malianShareOfSurplus / t.goldValueProcessed)],
            ["  interest to Malian lenders", millions(t.interestToMalianLenders), share(t.interestToMalianLenders / t.goldValueProcessed)],
            ["  local purchases (opex)", millions(t.intermediateLocal), share(t.intermediateLocal / t.goldValueProcessed)],
            ["  local capex", millions(t.localCapex), share(t.localCapex / t.goldValueProcessed)],
            ["  foreign refining fees avoided", millions(t.avoidedForeignRefiningFees), share(t.avoidedForeignRefiningFees / t.goldValueProcessed)],
            ["  export logistics avoided", millions(t.avoidedExportLogistics), share(t.avoidedExportLogistics / t.goldValueProcessed)],
        ]
        text += TextTable.render(header: ["line", "M USD", "% of gold"], rows: vaRows)
        text += "National capture in present value: \(millions(valuation.valueAdded.presentValue.nationalCapture)) M USD.\n"
        text += "\nValue added and national capture by year (M USD; % of the value of the gold processed)\n"
        text += TextTable.render(header: ["year", "gold value", "value added", "% of gold", "Malian wages", "taxes", "Malian surplus", "local purchases", "avoided abroad", "capture", "% of gold"],
                                 rows: valuation.valueAdded.years.map { y in
            [String(y.year), millions(y.goldValueProcessed, decimals: 0), millions(y.valueAdded), share(y.valueAddedShareOfGold),
             millions(y.wagesMalian), millions(y.corporateTaxes + y.withholdingOnForeignHolders + y.importDuties), millions(y.malianShareOfSurplus),
             millions(y.intermediateLocal + y.localCapex), millions(y.avoidedForeignRefiningFees + y.avoidedExportLogistics),
             millions(y.nationalCapture), share(y.captureShareOfGold)]
        })
        if let fiscal = valuation.fiscal { text += FiscalText.render(fiscal) }

        if let tornado, !tornado.byNPV.isEmpty {
            text += "\nTornado: project NPV (base \(millions(tornado.baseNPVUsd)) M USD), largest swings first\n"
            text += TextTable.render(header: ["input", "low", "high", "NPV at low", "NPV at high", "swing"], rows: tornado.byNPV.prefix(6).map { bar in
                [bar.input.rawValue, value(bar.low, bar.input), value(bar.high, bar.input), millions(bar.npvAtLowUsd), millions(bar.npvAtHighUsd), millions(bar.npvSwingUsd)]
            })
            text += "\nTornado: national capture over the horizon (base \(millions(tornado.baseCaptureUsd)) M USD)\n"
            text += TextTable.render(header: ["input", "low", "high", "capture at low", "capture at high", "swing"], rows: tornado.byCapture.prefix(6).map { bar in
                [bar.input.rawValue, value(bar.low, bar.input), value(bar.high, bar.input), millions(bar.captureAtLowUsd), millions(bar.captureAtHighUsd), millions(bar.captureSwingUsd)]
            })
            text += "\nTornado: the state's net cash NPV at the government rate (base \(millions(tornado.baseStateNetCashNpvUsd)) M USD)\n"
            text += TextTable.render(header: ["input", "low", "high", "state NPV at low", "state NPV at high", "swing"], rows: tornado.byStateNetCash.prefix(6).map { bar in
                [bar.input.rawValue, value(bar.low, bar.input), value(bar.high, bar.input), millions(bar.stateNetCashNpvAtLowUsd), millions(bar.stateNetCashNpvAtHighUsd), millions(bar.stateNetCashNpvSwingUsd)]
            })
            let takeBars = tornado.byGovernmentTake.filter { $0.governmentTakeSwing != nil }.prefix(6)
            text += "\nTornado: government take (base \(tornado.baseGovernmentTake.map(Formatting.percent) ?? "undefined"))\n"
            if takeBars.isEmpty { text += "Undefined at both ends of every range (the project's pre-tax net cash flow is ≤ 0 there).\n" }
            else { text += TextTable.render(header: ["input", "low", "high", "take at low", "take at high", "swing (points)"], rows: takeBars.map { bar in
                [bar.input.rawValue, value(bar.low, bar.input), value(bar.high, bar.input), bar.governmentTakeAtLow.map(Formatting.percent) ?? "-",
                 bar.governmentTakeAtHigh.map(Formatting.percent) ?? "-", bar.governmentTakeSwing.map { Formatting.number($0 * 100, decimals: 1) } ?? "-"]
            }) }
            text += "\nTornado: net gain to Mali against exporting doré as today, present value (base \(millions(tornado.baseNetGainToMaliUsd)) M USD)\n"
            text += TextTable.render(header: ["input", "low", "high", "gain at low", "gain at high", "swing"], rows: tornado.byNetGainToMali.prefix(6).map { bar in
                [bar.input.rawValue, value(bar.low, bar.input), value(bar.high, bar.input), millions(bar.netGainToMaliAtLowUsd), millions(bar.netGainToMaliAtHighUsd), millions(bar.netGainToMaliSwingUsd)]
            })
        }
        if let monteCarlo {
            text += "\nMonte Carlo: \(Formatting.number(Double(monteCarlo.draws))) draws, seed \(monteCarlo.seed) (M USD)\n"
            text += TextTable.render(header: ["output", "P10", "P50", "P90", "mean"], rows: [
                ["project NPV", millions(monteCarlo.projectNPV.p10), millions(monteCarlo.projectNPV.p50), millions(monteCarlo.projectNPV.p90), millions(monteCarlo.projectNPV.mean)],
                ["national capture", millions(monteCarlo.nationalCapture.p10), millions(monteCarlo.nationalCapture.p50), millions(monteCarlo.nationalCapture.p90), millions(monteCarlo.nationalCapture.mean)],
                ["state net cash NPV", millions(monteCarlo.stateNetCashNpv.p10), millions(monteCarlo.stateNetCashNpv.p50), millions(monteCarlo.stateNetCashNpv.p90), millions(monteCarlo.stateNetCashNpv.mean)],
                ["net gain to Mali (PV)", millions(monteCarlo.netGainToMali.p10), millions(monteCarlo.netGainToMali.p50), millions(monteCarlo.netGainToMali.p90), millions(monteCarlo.netGainToMali.mean)],
                ["government take (%)"] + (monteCarlo.governmentTake.map { p in [p.p10, p.p50, p.p90, p.mean].map { Formatting.number($0 * 100, decimals: 1) } } ?? ["-", "-", "-", "-"]),
            ])
            text += "Probability that the project NPV is negative: \(Formatting.percent(monteCarlo.probabilityNPVNegative)); "
            text += "that the net gain to Mali is negative: \(Formatting.percent(monteCarlo.probabilityNetGainNegative)).\n"
            if monteCarlo.governmentTakeUndefinedDraws > 0 {
                text += "The government take is undefined in \(Formatting.number(Double(monteCarlo.governmentTakeUndefinedDraws))) draws (pre-tax net cash flow ≤ 0); its percentiles are over the others.\n"
            }
        }
        let notes = model.economics.rangeWideningNotes
        if !notes.isEmpty {
            text += "\nNotes\n" + notes.map { "- \($0)\n" }.joined()
        }
        return text
    }

    static func value(_ value: Double, _ input: UncertainInput) -> String {
        input.isFactor ? "×" + Formatting.number(value, decimals: 3) : Formatting.number(value, decimals: input == .yearsToAccreditation ? 0 : 4)
    }
}
