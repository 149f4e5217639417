/// The outputs the tornado and the Monte Carlo follow, for one set of ``Adjustments``: the
/// investor's project NPV, national capture, and the state's and Mali's figures of the
/// ``FiscalView`` computed exactly as a full valuation computes them (without its IRRs,
/// progressivity and METR, which sensitivity does not need).
public struct SensitivityFigures: Sendable, Equatable {
    /// NPV of the free cash flow to the firm at the project's discount rate, USD.
    public var projectNPVUsd: Double
    /// National capture over the timeline (undiscounted), USD.
    public var nationalCaptureUsd: Double
    /// NPV of the state's net cash at the government discount rate
    /// (``FiscalView/stateNetCashNpvUsd``), USD.
    public var stateNetCashNpvUsd: Double
    /// FARI's government take (``FiscalView/governmentTake``), or nil when the project's
    /// undiscounted pre-tax net cash flow is ≤ 0.
    public var governmentTake: Double?
    /// The net gain to Mali against exporting doré as today, present value at the government
    /// discount rate (``DoreExportCounterfactual/presentValue``), USD.
    public var netGainToMaliUsd: Double

    /// Creates the figures; the parameters are the properties of the same names.
    public init(projectNPVUsd: Double, nationalCaptureUsd: Double, stateNetCashNpvUsd: Double, governmentTake: Double?, netGainToMaliUsd: Double) {
        self.projectNPVUsd = projectNPVUsd
        self.nationalCaptureUsd = nationalCaptureUsd
        self.stateNetCashNpvUsd = stateNetCashNpvUsd
        self.governmentTake = governmentTake
        self.netGainToMaliUsd = netGainToMaliUsd
    }
}

extension CashFlowModel {
    /// The throughput model's volumes under `adjustments` (the artisanal volume factor applied).
    public func volumes(_ adjustments: Adjustments) -> [ProcessVolumes] {
        adjustments.artisanalVolume == 1 ? volumes : volumes.map { $0.scaling(.artisanal, by: adjustments.artisanalVolume) }
    }

    /// The volumes with only the domestic gold and gross mass of the artisanal volume factor
    /// applied: all that value added reads, without copying each year's arrays (a Monte Carlo
    /// draw calls this).
    func domesticVolumes(_ adjustments: Adjustments) -> [ProcessVolumes] {
        guard adjustments.artisanalVolume != 1, let k = MaterialKind.allCases.firstIndex(of: .artisanal) else { return volumes }
        let factor = adjustments.artisanalVolume
        return volumes.map { v in
            var scaled = v
            scaled.domesticGoldKg += (factor - 1) * v.domesticGoldKg(kind: k)
            scaled.domesticGrossKg += (factor - 1) * v.domesticGrossKg(kind: k)
            return scaled
        }
    }

    /// Every figure sensitivity analysis follows, under `adjustments`: one re-pricing of the
    /// volumes, the holders' split, value added, the state's cash by year and the doré-export
    /// counterfactual.
    public func sensitivityFigures(_ adjustments: Adjustments = .none) -> SensitivityFigures {
        var rows = cashFlows(with: adjustments, lineDetail: false)
        let rate = discountRate(adjustments)
        let holders = OwnershipSplit.split(equityFlows: equityDistributions(rows), ownership: ownership, taxes: economics.taxes,
                                           discountRate: costOfEquity(adjustments), computeIRR: false)
        for t in rows.indices { rows[t].dividendWithholding = holders.reduce(0) { $0 + $1.grossFlows[t] - $1.netFlows[t] } }
        let valueAdded = ValueAddedReport.make(rows: rows, holders: holders, ownership: ownership, economics: economics,
                                               volumes: domesticVolumes(adjustments), firstYear: scenario.horizon.firstYear, discountRate: rate)
        let inputs = ResolvedFiscalInputs(economics)
        let state = GovernmentRevenueYear.years(rows: rows, holders: holders, economics: economics, inputs: inputs)
        let stateNetCash = state.map(\.stateNetCash)
        let stateNPV = FinancialMath.npv(rate: inputs.governmentDiscountRate, stateNetCash)
        let take = FiscalView.ratio(stateNetCash.reduce(0, +), state.reduce(0) { $0 + $1.preTaxNetCashFlow }, what: "").value
        let export = DoreExportCounterfactual.make(model: self, rows: rows, captures: valueAdded.years.map(\.nationalCaptureExcludingAvoidedFees),
                                                   stateNetCash: stateNetCash, adjustments: adjustments, inputs: inputs)
        return SensitivityFigures(projectNPVUsd: FinancialMath.npv(rate: rate, rows.map(\.freeCashFlowToFirm)),
                                  nationalCaptureUsd: valueAdded.total.nationalCapture, stateNetCashNpvUsd: stateNPV,
                                  governmentTake: take, netGainToMaliUsd: export.presentValue.netGainToMali)
    }
}
