/// The inputs of the fiscal view and of the doré-export counterfactual: the `economics.fiscal`
/// section of a scenario. Every field is optional; the defaults (``Defaults``) are documented
/// with their source or flagged an assumption in `data/SOURCES.md`. Rates are fractions, days
/// are calendar days, money is USD.
public struct FiscalInputs: Codable, Sendable, Equatable {
    /// The rate at which the state's cash flows are discounted (its NPV), a fraction a year.
    /// Default ``Defaults/governmentDiscountRate``.
    public var governmentDiscountRate: Double?
    /// Withholding tax on interest paid to foreign lenders, a fraction of the interest (borne by
    /// the lenders; nothing is withheld when ``Financing/lenderMalian`` is true). Default
    /// ``Defaults/interestWithholding``.
    public var interestWithholding: Double?
    /// Payroll taxes and social contributions the state collects, as a fraction of the Malian
    /// staff's loaded wages in operating costs (they are part of that cost, not added to it).
    /// Default ``Defaults/payrollTaxes``.
    public var payrollTaxes: Double?
    /// The refining charge abroad, USD per gross troy ounce of doré. Default: the
    /// counterfactual's ``Counterfactual/foreignRefiningUsdPerOzGross``.
    public var refiningChargeAbroadUsdPerOzGross: Double?
    /// Freight and insurance of doré to Switzerland, the UAE or South Africa, beyond what
    /// refined bars cost to ship from Bamako, USD per fine troy ounce. Default: the
    /// counterfactual's ``Counterfactual/exportLogisticsUsdPerOzFine``.
    public var freightAndInsuranceUsdPerOzFine: Double?
    /// The share of assayed fine gold a foreign refiner pays the mines. Default: Sénou's
    /// ``CommercialTerms/goldPayable`` (the same payable, so no payable effect).
    public var goldPayableAbroad: Double?
    /// Days from the doré leaving the mine to the mine being paid (or credited metal) abroad.
    /// Default ``Defaults/settlementDaysAbroad``.
    public var settlementDaysAbroad: Double?
    /// The same at Sénou. Default ``Defaults/settlementDaysAtSenou``.
    public var settlementDaysAtSenou: Double?
    /// The mines' cost of carrying gold not yet settled, a fraction a year. Default
    /// ``Defaults/goldFinancingRate``.
    public var goldFinancingRate: Double?
    /// The mines' corporate income tax rate. Default ``Defaults/minesCorporateTax``.
    public var minesCorporateTax: Double?
    /// The state's stake in the mines (its share of their after-tax profit). Default
    /// ``Defaults/stateStakeInMines``.
    public var stateStakeInMines: Double?
    /// The factors on the gold price at which the government take is recomputed (the
    /// progressivity test). Default ``Defaults/progressivityGoldPriceFactors``.
    public var progressivityGoldPriceFactors: [Double]?
    /// What the UAE channel deducts from artisanal gold's fine value to re-refine the non-LBMA
    /// bars it buys, USD per fine troy ounce. Default ``Defaults/uaeReRefiningUsdPerOzFine``.
    public var uaeReRefiningUsdPerOzFine: Double?
    /// Freight and insurance of artisanal gold to Dubai, USD per fine troy ounce. Default: the
    /// doré's ``freightAndInsuranceUsdPerOzFine`` in force.
    public var uaeFreightUsdPerOzFine: Double?
    /// The margin a trader of the UAE channel keeps below the fine value, a fraction of it.
    /// Default ``Defaults/uaeTraderMargin``.
    public var uaeTraderMargin: Double?
    /// Customs duty on imported capital goods (the imported share of the investments and of
    /// sustaining capex), a fraction of their customs value. Default
    /// ``Defaults/capitalGoodsDuty``.
    public var capitalGoodsDuty: Double?
    /// Customs duty on imported operating purchases (``CashFlowYear/importedPurchases``:
    /// reagents, consumables, diesel, spares), a fraction of their customs value. Default
    /// ``Defaults/importedInputsDuty``.
    public var importedInputsDuty: Double?
    /// The levies charged on every import on top of the duty (statistical fee, community and
    /// confederal levies), a fraction of the customs value. Default ``Defaults/importLevies``.
    public var importLevies: Double?
    /// Whether the customs duty (not the levies) on capital goods is waived in the construction
    /// years, as investment codes usually grant approved projects. Default
    /// ``Defaults/constructionDutyExemption``.
    public var constructionDutyExemption: Bool?
    /// Value-added tax on local purchases, imports and capital goods, a fraction. The refinery's
    /// sales are exports, zero-rated, so the VAT it pays is refunded: it costs only the refund's
    /// delay. Default ``Defaults/vatRate``.
    public var vatRate: Double?
    /// Days from paying VAT to being refunded. Default ``Defaults/vatRefundDelayDays``.
    public var vatRefundDelayDays: Double?
    /// Where the figures come from: a citation, or "assumption" with the reasoning.
    public var basis: String?

    /// Creates the section; every parameter defaults to nil (the documented default).
    public init(governmentDiscountRate: Double? = nil, interestWithholding: Double? = nil, payrollTaxes: Double? = nil,
                refiningChargeAbroadUsdPerOzGross: Double? = nil, freightAndInsuranceUsdPerOzFine: Double? = nil,
                goldPayableAbroad: Double? = nil, settlementDaysAbroad: Double? = nil, settlementDaysAtSenou: Double? = nil,
                goldFinancingRate: Double? = nil, minesCorporateTax: Double? = nil, stateStakeInMines: Double? = nil,
                progressivityGoldPriceFactors: [Double]? = nil, uaeReRefiningUsdPerOzFine: Double? = nil,
                uaeFreightUsdPerOzFine: Double? = nil, uaeTraderMargin: Double? = nil, capitalGoodsDuty: Double? = nil,
                importedInputsDuty: Double? = nil, importLevies: Double? = nil, constructionDutyExemption: Bool? = nil,
                vatRate: Double? = nil, vatRefundDelayDays: Double? = nil, basis: String? = nil) {
        self.governmentDiscountRate = governmentDiscountRate
        self.interestWithholding = interestWithholding
        self.payrollTaxes = payrollTaxes
        self.refiningChargeAbroadUsdPerOzGross = refiningChargeAbroadUsdPerOzGross
        self.freightAndInsuranceUsdPerOzFine = freightAndInsuranceUsdPerOzFine
        self.goldPayableAbroad = goldPayableAbroad
        self.settlementDaysAbroad = settlementDaysAbroad
        self.settlementDaysAtSenou = settlementDaysAtSenou
        self.goldFinancingRate = goldFinancingRate
        self.minesCorporateTax = minesCorporateTax
        self.stateStakeInMines = stateStakeInMines
        self.progressivityGoldPriceFactors = progressivityGoldPriceFactors
        self.uaeReRefiningUsdPerOzFine = uaeReRefiningUsdPerOzFine
        self.uaeFreightUsdPerOzFine = uaeFreightUsdPerOzFine
        self.uaeTraderMargin = uaeTraderMargin
        self.capitalGoodsDuty = capitalGoodsDuty
        self.importedInputsDuty = importedInputsDuty
        self.importLevies = importLevies
        self.constructionDutyExemption = constructionDutyExemption
        self.vatRate = vatRate
        self.vatRefundDelayDays = vatRefundDelayDays
        self.basis = basis
    }

    /// The defaults of the optional fields (see `data/SOURCES.md`).
    public enum Defaults {
        /// 10% a year: assumption, the rate IMF FARI analyses commonly use for government cash flows.
        public static let governmentDiscountRate = 0.10
        /// 15% of interest paid abroad: assumption (Mali's rate on interest to non-residents is
        /// not in domain.md; treaties may lower it).
        public static let interestWithholding = 0.15
        /// 20% of Malian loaded wages: assumption (employer social contributions and payroll
        /// taxes; not in domain.md).
        public static let payrollTaxes = 0.20
        /// 20 days abroad: assumption (shipping to Europe, the UAE or South Africa, assay and
        /// settlement on top of the refiner's turnaround).
        public static let settlementDaysAbroad = 20.0
        /// 20 days at Sénou: assumption, the Miller route's 10-day turnaround (domain.md §9, T/A)
        /// plus about 10 days for the bars, which still leave Mali, to reach a buyer. Equal to
        /// the days abroad: no settlement effect unless a scenario states one.
        public static let settlementDaysAtSenou = 20.0
        /// 6% a year: the financing cost of gold inventory (domain.md §9, assumption).
        public static let goldFinancingRate = 0.06
        /// 30%: the corporate income tax of the 2023 Mining Code (domain.md §3, R).
        public static let minesCorporateTax = 0.30
        /// 20%: the state's stake in Loulo-Gounkoto, Fekola, Sadiola and Syama (domain.md §2, R;
        /// the 2023 code's free-carried minimum is 10%).
        public static let stateStakeInMines = 0.20
        /// Gold at 0.8, 1.0 and 1.2 times the scenario's price: assumption (a ±20% test).
        public static let progressivityGoldPriceFactors = [0.8, 1.0, 1.2]
        /// 1.10 USD per fine oz: UAE traders' cost of re-refining non-LBMA bars, 1.00–1.25 USD/oz
        /// (Gulf News, May 2010; domain.md §4, R), the value the terms use for the non-LBMA discount.
        public static let uaeReRefiningUsdPerOzFine = 1.10
        /// 0: assumption (no source gives the traders' margin; 0 bounds the refinery's margin
        /// most tightly, and a scenario that knows better states it).
        public static let uaeTraderMargin = 0.0
        /// 5%: band 1 of the common external tariff (raw materials and capital goods) shared by
        /// UEMOA, of which Mali is a member, and ECOWAS (ECOWAS CET, 2013). Assumption that the
        /// refinery's equipment falls in that band and no Investment Code regime lowers it
        /// (domain.md §3: the refinery's regime is not found).
        public static let capitalGoodsDuty = 0.05
        /// 10%: band 2 of the common external tariff (intermediate goods), assumption for the
        /// refinery's reagents, consumables and spares; diesel's own petroleum taxes are not modelled.
        public static let importedInputsDuty = 0.10
        /// 2.3%: the UEMOA statistical fee (1%) and community solidarity levy (0.8%), both
        /// assumptions (usual rates, not checked against a text), and the AES confederal levy of
        /// 0.5% of the customs value (March 2025, replacing ECOWAS's 0.5% community levy).
        public static let importLevies = 0.023
        /// true: assumption (investment codes usually waive the duty on equipment imported to
        /// build an approved project, keeping the levies; Mali's regime for the refinery is not
        /// found, domain.md §3).
        public static let constructionDutyExemption = true
        /// 18%: Mali's VAT, exports zero-rated (domain.md §3, R).
        public static let vatRate = 0.18
        /// 120 days: assumption (refunds of VAT credits to exporters are slow in the region; no
        /// source for Mali here).
        public static let vatRefundDelayDays = 120.0
    }
}

/// The fiscal inputs with every default filled in from ``FiscalInputs/Defaults`` and the rest
/// of the scenario's economics.
public struct ResolvedFiscalInputs: Codable, Sendable, Equatable {
    /// ``FiscalInputs/governmentDiscountRate`` in force.
    public var governmentDiscountRate: Double
    /// ``FiscalInputs/interestWithholding`` in force.
    public var interestWithholding: Double
    /// ``FiscalInputs/payrollTaxes`` in force.
    public var payrollTaxes: Double
    /// ``FiscalInputs/refiningChargeAbroadUsdPerOzGross`` in force.
    public var refiningChargeAbroadUsdPerOzGross: Double
    /// ``FiscalInputs/freightAndInsuranceUsdPerOzFine`` in force.
    public var freightAndInsuranceUsdPerOzFine: Double
    /// ``FiscalInputs/goldPayableAbroad`` in force.
    public var goldPayableAbroad: Double
    /// ``FiscalInputs/settlementDaysAbroad`` in force.
    public var settlementDaysAbroad: Double
    /// ``FiscalInputs/settlementDaysAtSenou`` in force.
    public var settlementDaysAtSenou: Double
    /// ``FiscalInputs/goldFinancingRate`` in force.
    public var goldFinancingRate: Double
    /// ``FiscalInputs/minesCorporateTax`` in force.
    public var minesCorporateTax: Double
    /// ``FiscalInputs/stateStakeInMines`` in force.
    public var stateStakeInMines: Double
    /// ``FiscalInputs/progressivityGoldPriceFactors`` in force.
    public var progressivityGoldPriceFactors: [Double]
    /// ``FiscalInputs/capitalGoodsDuty`` in force (nil in a report written before it existed).
    public var capitalGoodsDuty: Double?
    /// ``FiscalInputs/importedInputsDuty`` in force.
    public var importedInputsDuty: Double?
    /// ``FiscalInputs/importLevies`` in force.
    public var importLevies: Double?
    /// ``FiscalInputs/constructionDutyExemption`` in force.
    public var constructionDutyExemption: Bool?
    /// ``FiscalInputs/vatRate`` in force.
    public var vatRate: Double?
    /// ``FiscalInputs/vatRefundDelayDays`` in force.
    public var vatRefundDelayDays: Double?

    /// Fills the defaults of `economics.fiscal` (absent: every default).
    public init(_ economics: Economics) {
        let f = economics.fiscal ?? FiscalInputs()
        typealias D = FiscalInputs.Defaults
        governmentDiscountRate = economics.inPriceBasis(rate: f.governmentDiscountRate ?? D.governmentDiscountRate)
        interestWithholding = f.interestWithholding ?? D.interestWithholding
        payrollTaxes = f.payrollTaxes ?? D.payrollTaxes
        refiningChargeAbroadUsdPerOzGross = f.refiningChargeAbroadUsdPerOzGross ?? economics.counterfactual.foreignRefiningUsdPerOzGross
        freightAndInsuranceUsdPerOzFine = f.freightAndInsuranceUsdPerOzFine ?? economics.counterfactual.exportLogisticsUsdPerOzFine
        goldPayableAbroad = f.goldPayableAbroad ?? economics.terms.goldPayable
        settlementDaysAbroad = f.settlementDaysAbroad ?? D.settlementDaysAbroad
        settlementDaysAtSenou = f.settlementDaysAtSenou ?? D.settlementDaysAtSenou
        goldFinancingRate = f.goldFinancingRate ?? D.goldFinancingRate
        minesCorporateTax = f.minesCorporateTax ?? D.minesCorporateTax
        stateStakeInMines = f.stateStakeInMines ?? D.stateStakeInMines
        progressivityGoldPriceFactors = f.progressivityGoldPriceFactors ?? D.progressivityGoldPriceFactors
        capitalGoodsDuty = f.capitalGoodsDuty ?? D.capitalGoodsDuty
        importedInputsDuty = f.importedInputsDuty ?? D.importedInputsDuty
        importLevies = f.importLevies ?? D.importLevies
        constructionDutyExemption = f.constructionDutyExemption ?? D.constructionDutyExemption
        vatRate = f.vatRate ?? D.vatRate
        vatRefundDelayDays = f.vatRefundDelayDays ?? D.vatRefundDelayDays
    }

    /// The duty and levies on capital goods imported in a construction year (`construction`)
    /// or an operating one, a fraction of their customs value.
    public func capitalGoodsRate(construction: Bool) -> Double {
        (construction && constructionDutyExemption == true ? 0 : capitalGoodsDuty ?? 0) + (importLevies ?? 0)
    }

    /// The duty and levies on imported operating purchases, a fraction of their customs value.
    public var importedInputsRate: Double { (importedInputsDuty ?? 0) + (importLevies ?? 0) }
}

extension Economics {
    /// Sets customs duty, import levies and VAT to zero, keeping the other fiscal inputs: the
    /// model as it was before they were modelled (its figures are reproduced exactly).
    public mutating func removeCustomsAndVat() {
        var f = fiscal ?? FiscalInputs()
        f.capitalGoodsDuty = 0
        f.importedInputsDuty = 0
        f.importLevies = 0
        f.vatRate = 0
        fiscal = f
    }
}
