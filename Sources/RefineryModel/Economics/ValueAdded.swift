/// The refinery's value added and what of it stays in Mali, for one year, in USD.
///
/// Value added = gross output − intermediate consumption = wages + corporate taxes + operating
/// surplus. National capture = Malian wages + taxes (corporate tax, withholding on foreign
/// holders' dividends, import duties on opex and capex) + the Malian holders' share of the surplus left after interest
/// + interest to Malian lenders + local purchases (opex and capex) + the foreign refining
/// fees and export logistics no longer paid abroad for domestic gold.
///
/// Surplus is an accrual measure (before capex); the holder table gives the cash view. The
/// foreign fees avoided are a balance-of-payments saving that partly overlaps the refinery's
/// own charges (already in its value added): `nationalCaptureExcludingAvoidedFees` leaves it out.
public struct ValueAddedYear: Codable, Sendable, Equatable {
    /// The calendar year (0 in the report's totals).
    public var year: Int
    /// The refinery's output: its revenue (charges, fees, metal gain, margins).
    public var grossOutput: Double
    /// Intermediate consumption bought in Mali (opex that is not wages).
    public var intermediateLocal: Double
    /// Intermediate consumption imported (opex that is neither wages nor bought in Mali, with
    /// the import duties paid on it).
    public var intermediateImported: Double
    /// Value added: gross output − intermediate consumption.
    public var valueAdded: Double
    /// All wages (Malian and expatriate).
    public var wages: Double
    /// Wages paid to Malian residents.
    public var wagesMalian: Double
    /// Corporate income tax and minimum tax.
    public var corporateTaxes: Double
    /// Value added − wages − corporate taxes (= EBITDA − corporate tax).
    public var operatingSurplus: Double

    /// Withholding tax on the dividends of foreign holders (collected in Mali).
    public var withholdingOnForeignHolders: Double
    /// The Malian holders' share of the operating surplus after interest.
    public var malianShareOfSurplus: Double
    /// Interest paid to Malian lenders (0 when the lenders are foreign).
    public var interestToMalianLenders: Double
    /// Investment spent with Malian suppliers and contractors.
    public var localCapex: Double
    /// The refining charges a foreign refiner would have taken on domestic gold.
    public var avoidedForeignRefiningFees: Double
    /// The export logistics no longer paid abroad for domestic gold.
    public var avoidedExportLogistics: Double
    /// Customs duty and levies paid to the state on imported opex and capital goods (in
    /// national capture; 0 in a report written before they were modelled).
    public var importDuties: Double = 0
    /// National capture: what of the refinery's activity stays in Mali, avoided foreign fees included.
    public var nationalCapture: Double
    /// National capture without the avoided foreign fees and logistics (they partly overlap the
    /// refinery's own charges).
    public var nationalCaptureExcludingAvoidedFees: Double

    /// Gold processed × gold price.
    public var goldValueProcessed: Double
    /// Value added ÷ the value of the gold processed (nil when none is processed).
    public var valueAddedShareOfGold: Double?
    /// National capture ÷ the value of the gold processed.
    public var captureShareOfGold: Double?
}

/// Value added and national capture per year and over the horizon.
public struct ValueAddedReport: Codable, Sendable, Equatable {
    /// One row per timeline year, construction years first.
    public var years: [ValueAddedYear]
    /// Every field summed over the timeline (year = 0).
    public var total: ValueAddedYear
    /// Every field discounted to the start of the timeline at the scenario's discount rate.
    public var presentValue: ValueAddedYear

    static func make(rows: [CashFlowYear], holders: [HolderResult], ownership: Ownership, economics: Economics,
                     volumes: [ProcessVolumes], firstYear: Int, discountRate: Double) -> ValueAddedReport {
        let ounces = TroyOunce.perKilogram
        let malianShare = ownership.malianShare
        let foreignWithholding = rows.indices.map { t in holders.filter { !$0.malian }.reduce(0) { $0 + ($1.grossFlows[t] - $1.netFlows[t]) } }
        let years = rows.enumerated().map { t, row -> ValueAddedYear in
            let wages = row.staffMalian + row.staffExpatriate
            let intermediate = row.opex - wages
            let surplus = row.ebitda - row.corporateTax
            var avoidedFees = 0.0, avoidedLogistics = 0.0
            if row.operating {
                let v = volumes[row.year - firstYear]
                // Foreign charges move with prices, like the refinery's own.
                let index = economics.priceIndex(operatingYear: row.year - firstYear)
                avoidedFees = economics.counterfactual.foreignRefiningUsdPerOzGross * index * v.domesticGrossKg * row.volumeScale * ounces
                avoidedLogistics = economics.counterfactual.exportLogisticsUsdPerOzFine * index * v.domesticGoldKg * row.volumeScale * ounces
            }
            // The gold loan's interest goes to bullion banks abroad, like foreign debt's.
            let malianSurplus = malianShare * (surplus - row.interest - row.goldLoanInterest)
            let malianInterest = economics.financing.lenderMalian ? row.interest : 0
            let duties = row.importDuties + row.capexImportDuties
            // Summed in this order so that duties of 0 give the figures of before they were modelled.
            var excluding: Double = row.staffMalian + row.corporateTax + foreignWithholding[t]
            excluding = excluding + malianSurplus + malianInterest + row.localPurchases + row.localCapex + duties
            let goldValue = row.goldProcessedKg * ounces * row.goldPriceUsdPerOz
            return ValueAddedYear(
                year: row.year, grossOutput: row.revenue, intermediateLocal: row.localPurchases, intermediateImported: intermediate - row.localPurchases,
                valueAdded: row.revenue - intermediate, wages: wages, wagesMalian: row.staffMalian, corporateTaxes: row.corporateTax,
                operatingSurplus: surplus, withholdingOnForeignHolders: foreignWithholding[t], malianShareOfSurplus: malianSurplus,
                interestToMalianLenders: malianInterest, localCapex: row.localCapex, avoidedForeignRefiningFees: avoidedFees,
                avoidedExportLogistics: avoidedLogistics, importDuties: duties, nationalCapture: excluding + avoidedFees + avoidedLogistics,
                nationalCaptureExcludingAvoidedFees: excluding, goldValueProcessed: goldValue,
                valueAddedShareOfGold: goldValue > 0 ? (row.revenue - intermediate) / goldValue : nil,
                captureShareOfGold: goldValue > 0 ? (excluding + avoidedFees + avoidedLogistics) / goldValue : nil)
        }
        return ValueAddedReport(years: years, total: combine(years, weights: years.map { _ in 1 }),
                                presentValue: combine(years, weights: FinancialMath.discounted(rate: discountRate, years.map { _ in 1 })))
    }

    private static func combine(_ years: [ValueAddedYear], weights: [Double]) -> ValueAddedYear {
        // A closure, not a key path: a key path literal instantiates generic metadata on every call,
        // which made these sums most of a Monte Carlo draw's time.
        func sum(_ field: (ValueAddedYear) -> Double) -> Double {
            var total = 0.0
            for i in years.indices { total += field(years[i]) * weights[i] }
            return total
        }
        let gold = sum { $0.goldValueProcessed }
        return ValueAddedYear(
            year: 0, grossOutput: sum { $0.grossOutput }, intermediateLocal: sum { $0.intermediateLocal }, intermediateImported: sum { $0.intermediateImported },
            valueAdded: sum { $0.valueAdded }, wages: sum { $0.wages }, wagesMalian: sum { $0.wagesMalian }, corporateTaxes: sum { $0.corporateTaxes },
            operatingSurplus: sum { $0.operatingSurplus }, withholdingOnForeignHolders: sum { $0.withholdingOnForeignHolders },
            malianShareOfSurplus: sum { $0.malianShareOfSurplus }, interestToMalianLenders: sum { $0.interestToMalianLenders }, localCapex: sum { $0.localCapex },
            avoidedForeignRefiningFees: sum { $0.avoidedForeignRefiningFees }, avoidedExportLogistics: sum { $0.avoidedExportLogistics },
            importDuties: sum { $0.importDuties }, nationalCapture: sum { $0.nationalCapture }, nationalCaptureExcludingAvoidedFees: sum { $0.nationalCaptureExcludingAvoidedFees },
            goldValueProcessed: gold, valueAddedShareOfGold: gold > 0 ? sum { $0.valueAdded } / gold : nil,
            captureShareOfGold: gold > 0 ? sum { $0.nationalCapture } / gold : nil)
    }
}
