/// The instruments through which the Malian state receives cash from the refinery (or pays
/// into it), in the order the fiscal view lists them.
public enum FiscalInstrument: String, Codable, Sendable, CaseIterable {
    /// Corporate income tax at its rate on taxable profit (``CashFlowYear/incomeTax``).
    case corporateIncomeTax
    /// What the minimum tax on turnover adds to income tax (``CashFlowYear/minimumTaxTopUp``).
    case minimumTax
    /// Withholding tax on the dividends of holders other than the state.
    case dividendWithholding
    /// Withholding tax on the interest paid to foreign lenders (borne by the lenders).
    case interestWithholding
    /// Payroll taxes and social contributions on the Malian staff's wages (part of opex).
    case payrollTaxes
    /// Customs duty and levies on imported operating purchases (part of opex) and on imported
    /// capital goods (capitalised in capex and sustaining capex).
    case importDuties
    /// VAT collected on purchases less VAT refunded (exports are zero-rated): the change in the
    /// refunds outstanding. It sums to zero over the timeline; the state holds the float.
    case vat
    /// Dividends to holders of kind `state`, before any withholding (a state does not tax itself).
    case stateDividends
    /// Capital the state holders contribute (negative: cash from the state to the company).
    case stateEquityCalls
}

/// One year of the state's cash from the refinery, by instrument, in nominal USD; equity calls
/// are negative. The state's net cash is the sum of the instruments.
///
/// The project's pre-tax net cash flow is FARI's: the company's flow before financing and
/// before any government revenue: EBITDA + payroll taxes and import duties on opex (government
/// revenue inside opex) − (capex + sustaining capex − the import duties capitalised in them)
/// − (the change in working capital − the change in VAT awaiting refund).
public struct GovernmentRevenueYear: Codable, Sendable, Equatable {
    /// The calendar year (0 in totals).
    public var year: Int
    /// ``FiscalInstrument/corporateIncomeTax``.
    public var corporateIncomeTax: Double
    /// ``FiscalInstrument/minimumTax``.
    public var minimumTax: Double
    /// ``FiscalInstrument/dividendWithholding``.
    public var dividendWithholding: Double
    /// ``FiscalInstrument/interestWithholding``.
    public var interestWithholding: Double
    /// ``FiscalInstrument/payrollTaxes``.
    public var payrollTaxes: Double
    /// ``FiscalInstrument/importDuties``.
    public var importDuties: Double
    /// ``FiscalInstrument/vat``.
    public var vat: Double
    /// ``FiscalInstrument/stateDividends``.
    public var stateDividends: Double
    /// ``FiscalInstrument/stateEquityCalls`` (≤ 0).
    public var stateEquityCalls: Double
    /// The state's net cash: the sum of the instruments (government revenue in FARI's sense).
    public var stateNetCash: Double
    /// The project's pre-tax net cash flow (see the type's documentation).
    public var preTaxNetCashFlow: Double
    /// The pre-tax net cash flow less the state's net cash: what is left to private investors
    /// and lenders.
    public var postTaxNetCashFlow: Double

    /// The amount of `instrument`.
    public func amount(_ instrument: FiscalInstrument) -> Double {
        switch instrument {
        case .corporateIncomeTax: corporateIncomeTax
        case .minimumTax: minimumTax
        case .dividendWithholding: dividendWithholding
        case .interestWithholding: interestWithholding
        case .payrollTaxes: payrollTaxes
        case .importDuties: importDuties
        case .vat: vat
        case .stateDividends: stateDividends
        case .stateEquityCalls: stateEquityCalls
        }
    }

    /// Taxes only: every instrument but the state's dividends and equity calls.
    public var taxes: Double { corporateIncomeTax + minimumTax + dividendWithholding + interestWithholding + payrollTaxes + importDuties + vat }

    /// The rows summed with `weights` (1 for totals, discount factors for present values); year 0.
    static func combine(_ rows: [GovernmentRevenueYear], weights: [Double]) -> GovernmentRevenueYear {
        // A closure, not a key path: a key path literal instantiates generic metadata on every call,
        // which made these sums most of a Monte Carlo draw's time.
        func sum(_ field: (GovernmentRevenueYear) -> Double) -> Double {
            var total = 0.0
            for i in rows.indices { total += field(rows[i]) * weights[i] }
            return total
        }
        return GovernmentRevenueYear(
            year: 0, corporateIncomeTax: sum { $0.corporateIncomeTax }, minimumTax: sum { $0.minimumTax }, dividendWithholding: sum { $0.dividendWithholding },
            interestWithholding: sum { $0.interestWithholding }, payrollTaxes: sum { $0.payrollTaxes }, importDuties: sum { $0.importDuties },
            vat: sum { $0.vat }, stateDividends: sum { $0.stateDividends },
            stateEquityCalls: sum { $0.stateEquityCalls }, stateNetCash: sum { $0.stateNetCash }, preTaxNetCashFlow: sum { $0.preTaxNetCashFlow },
            postTaxNetCashFlow: sum { $0.postTaxNetCashFlow })
    }

    /// The state's cash of every timeline year, from the company's cash flows and the holders'.
    static func years(rows: [CashFlowYear], holders: [HolderResult], economics: Economics, inputs: ResolvedFiscalInputs) -> [GovernmentRevenueYear] {
        let interestRate = economics.financing.lenderMalian ? 0 : inputs.interestWithholding
        return rows.indices.map { t in
            let row = rows[t]
            var dividends = 0.0, calls = 0.0, withholding = 0.0
            for holder in holders {
                let gross = holder.grossFlows[t]
                if holder.kind == .state {
                    if gross > 0 { dividends += gross } else { calls += gross }
                } else {
                    withholding += gross - holder.netFlows[t]
                }
            }
            let payroll = inputs.payrollTaxes * row.staffMalian
            let interest = interestRate * row.interest
            let duties = row.importDuties + row.capexImportDuties
            let vat = row.vatReceivable - (t > 0 ? rows[t - 1].vatReceivable : 0)
            let net = row.incomeTax + row.minimumTaxTopUp + withholding + interest + payroll + duties + vat + dividends + calls
            let preTax = row.ebitda + payroll + row.importDuties - (row.capex + row.sustainingCapex - row.capexImportDuties)
                - (row.workingCapitalChange - vat)
            return GovernmentRevenueYear(
                year: row.year, corporateIncomeTax: row.incomeTax, minimumTax: row.minimumTaxTopUp, dividendWithholding: withholding,
                interestWithholding: interest, payrollTaxes: payroll, importDuties: duties, vat: vat, stateDividends: dividends, stateEquityCalls: calls,
                stateNetCash: net, preTaxNetCashFlow: preTax, postTaxNetCashFlow: preTax - net)
        }
    }
}
