/// The JSON of value added: `years` are rows with their `year`; `total` and `presentValue` are
/// totals over the timeline, so they have no `year` (not a row with `year: 0`). In Swift the
/// totals stay ``ValueAddedYear`` values with `year` 0.
extension ValueAddedYear {
    enum CodingKeys: String, CodingKey {
        case year, grossOutput, intermediateLocal, intermediateImported, valueAdded, wages, wagesMalian, corporateTaxes,
             operatingSurplus, withholdingOnForeignHolders, malianShareOfSurplus, interestToMalianLenders, localCapex,
             avoidedForeignRefiningFees, avoidedExportLogistics, importDuties, nationalCapture, nationalCaptureExcludingAvoidedFees,
             goldValueProcessed, valueAddedShareOfGold, captureShareOfGold
    }

    /// Writes the row with its year.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try encodeAmounts(into: &container)
    }

    /// Writes every field but the year (a total over years has none).
    func encodeAmounts(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(grossOutput, forKey: .grossOutput)
        try container.encode(intermediateLocal, forKey: .intermediateLocal)
        try container.encode(intermediateImported, forKey: .intermediateImported)
        try container.encode(valueAdded, forKey: .valueAdded)
        try container.encode(wages, forKey: .wages)
        try container.encode(wagesMalian, forKey: .wagesMalian)
        try container.encode(corporateTaxes, forKey: .corporateTaxes)
        try container.encode(operatingSurplus, forKey: .operatingSurplus)
        try container.encode(withholdingOnForeignHolders, forKey: .withholdingOnForeignHolders)
        try container.encode(malianShareOfSurplus, forKey: .malianShareOfSurplus)
        try container.encode(interestToMalianLenders, forKey: .interestToMalianLenders)
        try container.encode(localCapex, forKey: .localCapex)
        try container.encode(avoidedForeignRefiningFees, forKey: .avoidedForeignRefiningFees)
        try container.encode(avoidedExportLogistics, forKey: .avoidedExportLogistics)
        try container.encode(importDuties, forKey: .importDuties)
        try container.encode(nationalCapture, forKey: .nationalCapture)
        try container.encode(nationalCaptureExcludingAvoidedFees, forKey: .nationalCaptureExcludingAvoidedFees)
        try container.encode(goldValueProcessed, forKey: .goldValueProcessed)
        try container.encodeIfPresent(valueAddedShareOfGold, forKey: .valueAddedShareOfGold)
        try container.encodeIfPresent(captureShareOfGold, forKey: .captureShareOfGold)
    }

    /// Reads a row, or a total (no `year`: read as year 0).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func amount(_ key: CodingKeys) throws -> Double { try container.decode(Double.self, forKey: key) }
        self.init(
            year: try container.decodeIfPresent(Int.self, forKey: .year) ?? 0, grossOutput: try amount(.grossOutput),
            intermediateLocal: try amount(.intermediateLocal), intermediateImported: try amount(.intermediateImported),
            valueAdded: try amount(.valueAdded), wages: try amount(.wages), wagesMalian: try amount(.wagesMalian),
            corporateTaxes: try amount(.corporateTaxes), operatingSurplus: try amount(.operatingSurplus),
            withholdingOnForeignHolders: try amount(.withholdingOnForeignHolders), malianShareOfSurplus: try amount(.malianShareOfSurplus),
            interestToMalianLenders: try amount(.interestToMalianLenders), localCapex: try amount(.localCapex),
            avoidedForeignRefiningFees: try amount(.avoidedForeignRefiningFees), avoidedExportLogistics: try amount(.avoidedExportLogistics),
            importDuties: try container.decodeIfPresent(Double.self, forKey: .importDuties) ?? 0, nationalCapture: try amount(.nationalCapture), nationalCaptureExcludingAvoidedFees: try amount(.nationalCaptureExcludingAvoidedFees),
            goldValueProcessed: try amount(.goldValueProcessed),
            valueAddedShareOfGold: try container.decodeIfPresent(Double.self, forKey: .valueAddedShareOfGold),
            captureShareOfGold: try container.decodeIfPresent(Double.self, forKey: .captureShareOfGold))
    }
}

extension ValueAddedReport {
    private enum CodingKeys: String, CodingKey { case years, total, presentValue }

    /// A total over the timeline, written without a year.
    private struct Total: Encodable {
        var row: ValueAddedYear
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: ValueAddedYear.CodingKeys.self)
            try row.encodeAmounts(into: &container)
        }
    }

    /// Writes the years (with their year) and the two totals (without one).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(years, forKey: .years)
        try container.encode(Total(row: total), forKey: .total)
        try container.encode(Total(row: presentValue), forKey: .presentValue)
    }

    /// Reads a report written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(years: try container.decode([ValueAddedYear].self, forKey: .years),
                  total: try container.decode(ValueAddedYear.self, forKey: .total),
                  presentValue: try container.decode(ValueAddedYear.self, forKey: .presentValue))
    }
}
