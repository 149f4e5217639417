import RefineryModel

/// The fiscal view as text for people (part of `refinery-cli value`).
enum FiscalText {
    static func render(_ fiscal: FiscalView) -> String {
        let m = { (usd: Double) in ValuationText.millions(usd) }
        let rate = Formatting.percent(fiscal.inputs.governmentDiscountRate)
        var text = "\nWhat the state gets (IMF FARI definitions; M USD; state's NPV at \(rate))\n"
        let labels: [FiscalInstrument: String] = [
            .corporateIncomeTax: "income tax", .minimumTax: "min. tax", .dividendWithholding: "div. WHT",
            .interestWithholding: "interest WHT", .payrollTaxes: "payroll", .importDuties: "duties", .vat: "VAT net", .stateDividends: "state div.",
            .stateEquityCalls: "equity calls",
        ]
        text += TextTable.render(header: ["year"] + FiscalInstrument.allCases.map { labels[$0] ?? $0.rawValue } + ["state net", "pre-tax flow"],
                                 rows: (fiscal.years + [fiscal.total]).map { y in
            [y.year == 0 ? "total" : String(y.year)] + FiscalInstrument.allCases.map { m(y.amount($0)) } + [m(y.stateNetCash), m(y.preTaxNetCashFlow)]
        })
        text += "State's net cash \(m(fiscal.total.stateNetCash)) M USD; NPV at \(rate) \(m(fiscal.stateNetCashNpvUsd)) M USD.\n"
        text += "Government take \(fiscal.governmentTake.map(Formatting.percent) ?? (fiscal.governmentTakeNote ?? "-")); "
        text += "AETR at \(rate) \(fiscal.aetr.map(Formatting.percent) ?? (fiscal.aetrNote ?? "-")).\n"
        text += "Pre-tax IRR \(ValuationText.irr(fiscal.preTaxIRR)); post-tax IRR \(ValuationText.irr(fiscal.postTaxIRR)).\n"
        text += "METR \(fiscal.metr.map(Formatting.percent) ?? "-"): \(fiscal.metrNote).\n"
        text += "Take by gold price: " + fiscal.progressivity.map { point in
            "×\(Formatting.number(point.goldPriceFactor, decimals: 2)) \(point.governmentTake.map(Formatting.percent) ?? "undefined")"
        }.joined(separator: "; ") + ".\n"
        let d = fiscal.doreExport
        text += "\nAgainst exporting doré as today (M USD; PV at \(rate))\n"
        text += TextTable.render(header: ["", "total", "PV"], rows: [
            ["mines' net-back change", m(d.total.minesNetBackChange), m(d.presentValue.minesNetBackChange)],
            ["state's change from the mines", m(d.total.stateChangeFromMines), m(d.presentValue.stateChangeFromMines)],
            ["state's net cash from the refinery", m(d.total.stateNetCashFromRefinery), m(d.presentValue.stateNetCashFromRefinery)],
            ["state's change against today", m(d.total.stateChange), m(d.presentValue.stateChange)],
            ["refinery capture (no avoided fees)", m(d.total.refineryCapture), m(d.presentValue.refineryCapture)],
            ["net gain to Mali against today", m(d.total.netGainToMali), m(d.presentValue.netGainToMali)],
        ])
        if let bound = fiscal.artisanalPriceBound {
            text += "Artisanal gold against the UAE channel: the refinery can take at most \(Formatting.number(bound.maximumPurchaseMargin * 100, decimals: 2))% "
            text += "(it takes \(Formatting.number(bound.purchaseMargin * 100, decimals: 2))%).\n"
            if let note = bound.note { text += "Note: \(note).\n" }
        }
        return text
    }
}
