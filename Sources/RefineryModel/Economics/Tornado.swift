/// One bar of a tornado: an input at the low and high ends of its range, all else as in the
/// scenario, and every output of ``SensitivityFigures`` at both ends.
public struct TornadoBar: Codable, Sendable, Equatable {
    /// The input moved.
    public var input: UncertainInput
    /// The input's value (a factor or a value, as ``UncertainInput/isFactor`` says).
    public var low: Double
    /// The input's value in the scenario: 1 for a factor, the scenario's value otherwise.
    public var base: Double
    /// The input's value at the high end of its range.
    public var high: Double
    /// Project NPV with the input at `low`, USD.
    public var npvAtLowUsd: Double
    /// Project NPV with the input at `high`, USD.
    public var npvAtHighUsd: Double
    /// National capture over the timeline (undiscounted) with the input at `low`, USD.
    public var captureAtLowUsd: Double
    /// National capture over the timeline (undiscounted) with the input at `high`, USD.
    public var captureAtHighUsd: Double
    /// |NPV at high − NPV at low|.
    public var npvSwingUsd: Double
    /// |capture at high − capture at low|.
    public var captureSwingUsd: Double
    /// NPV of the state's net cash (government discount rate) with the input at `low`, USD.
    public var stateNetCashNpvAtLowUsd: Double
    /// NPV of the state's net cash with the input at `high`, USD.
    public var stateNetCashNpvAtHighUsd: Double
    /// |state net cash NPV at high − at low|.
    public var stateNetCashNpvSwingUsd: Double
    /// The government take with the input at `low` (nil when undefined there).
    public var governmentTakeAtLow: Double?
    /// The government take with the input at `high` (nil when undefined there).
    public var governmentTakeAtHigh: Double?
    /// |take at high − take at low|, or nil when either is undefined.
    public var governmentTakeSwing: Double?
    /// Net gain to Mali against exporting doré as today (present value) with the input at `low`, USD.
    public var netGainToMaliAtLowUsd: Double
    /// Net gain to Mali with the input at `high`, USD.
    public var netGainToMaliAtHighUsd: Double
    /// |net gain at high − at low|.
    public var netGainToMaliSwingUsd: Double
}

/// One-at-a-time sensitivity of the project NPV, national capture, the state's net cash NPV,
/// the government take and the net gain to Mali: every bar once per output, widest swing first.
public struct Tornado: Codable, Sendable, Equatable {
    /// Project NPV of the scenario as written, USD.
    public var baseNPVUsd: Double
    /// National capture over the timeline (undiscounted) of the scenario as written, USD.
    public var baseCaptureUsd: Double
    /// NPV of the state's net cash of the scenario as written, USD.
    public var baseStateNetCashNpvUsd: Double
    /// The government take of the scenario as written (nil when undefined).
    public var baseGovernmentTake: Double?
    /// Net gain to Mali against today (present value) of the scenario as written, USD.
    public var baseNetGainToMaliUsd: Double
    /// Sorted by NPV swing, largest first.
    public var byNPV: [TornadoBar]
    /// Sorted by national-capture swing, largest first.
    public var byCapture: [TornadoBar]
    /// Sorted by the swing of the state's net cash NPV, largest first.
    public var byStateNetCash: [TornadoBar]
    /// Sorted by government-take swing, largest first (undefined swings last).
    public var byGovernmentTake: [TornadoBar]
    /// Sorted by the swing of the net gain to Mali, largest first.
    public var byNetGainToMali: [TornadoBar]

    /// Moves each of the scenario's ``Economics/uncertainties`` to its low and high values.
    public init(model: CashFlowModel) {
        let base = model.sensitivityFigures()
        baseNPVUsd = base.projectNPVUsd
        baseCaptureUsd = base.nationalCaptureUsd
        baseStateNetCashNpvUsd = base.stateNetCashNpvUsd
        baseGovernmentTake = base.governmentTake
        baseNetGainToMaliUsd = base.netGainToMaliUsd
        let bars = model.economics.uncertainties.map { uncertainty -> TornadoBar in
            var low = Adjustments(), high = Adjustments()
            low.set(uncertainty.input, to: uncertainty.low)
            high.set(uncertainty.input, to: uncertainty.high)
            let atLow = model.sensitivityFigures(low), atHigh = model.sensitivityFigures(high)
            var takeSwing: Double?
            if let a = atLow.governmentTake, let b = atHigh.governmentTake { takeSwing = abs(b - a) }
            return TornadoBar(
                input: uncertainty.input, low: uncertainty.low, base: Adjustments.base(of: uncertainty.input, in: model.economics), high: uncertainty.high,
                npvAtLowUsd: atLow.projectNPVUsd, npvAtHighUsd: atHigh.projectNPVUsd,
                captureAtLowUsd: atLow.nationalCaptureUsd, captureAtHighUsd: atHigh.nationalCaptureUsd,
                npvSwingUsd: abs(atHigh.projectNPVUsd - atLow.projectNPVUsd),
                captureSwingUsd: abs(atHigh.nationalCaptureUsd - atLow.nationalCaptureUsd),
                stateNetCashNpvAtLowUsd: atLow.stateNetCashNpvUsd, stateNetCashNpvAtHighUsd: atHigh.stateNetCashNpvUsd,
                stateNetCashNpvSwingUsd: abs(atHigh.stateNetCashNpvUsd - atLow.stateNetCashNpvUsd),
                governmentTakeAtLow: atLow.governmentTake, governmentTakeAtHigh: atHigh.governmentTake, governmentTakeSwing: takeSwing,
                netGainToMaliAtLowUsd: atLow.netGainToMaliUsd, netGainToMaliAtHighUsd: atHigh.netGainToMaliUsd,
                netGainToMaliSwingUsd: abs(atHigh.netGainToMaliUsd - atLow.netGainToMaliUsd))
        }
        // Ties keep the scenario's order, so the result does not depend on the sort algorithm.
        let indexed = Array(bars.enumerated())
        func sorted(by swing: (TornadoBar) -> Double) -> [TornadoBar] {
            indexed.sorted { (swing($0.element), -$0.offset) > (swing($1.element), -$1.offset) }.map(\.element)
        }
        byNPV = sorted { $0.npvSwingUsd }
        byCapture = sorted { $0.captureSwingUsd }
        byStateNetCash = sorted { $0.stateNetCashNpvSwingUsd }
        byGovernmentTake = sorted { $0.governmentTakeSwing ?? -1 }
        byNetGainToMali = sorted { $0.netGainToMaliSwingUsd }
    }
}
