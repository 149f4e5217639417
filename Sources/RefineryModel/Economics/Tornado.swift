/// One bar of a tornado: an input at the low and high ends of its range, all else as in the
/// scenario.
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
}

/// One-at-a-time sensitivity of the project NPV and national capture.
public struct Tornado: Codable, Sendable, Equatable {
    /// Project NPV of the scenario as written, USD.
    public var baseNPVUsd: Double
    /// National capture over the timeline (undiscounted) of the scenario as written, USD.
    public var baseCaptureUsd: Double
    /// Sorted by NPV swing, largest first.
    public var byNPV: [TornadoBar]
    /// Sorted by national-capture swing, largest first.
    public var byCapture: [TornadoBar]

    /// Moves each of the scenario's ``Economics/uncertainties`` to its low and high values.
    public init(model: CashFlowModel) {
        let base = model.keyFigures()
        baseNPVUsd = base.projectNPVUsd
        baseCaptureUsd = base.nationalCaptureUsd
        let bars = model.economics.uncertainties.map { uncertainty -> TornadoBar in
            var low = Adjustments(), high = Adjustments()
            low.set(uncertainty.input, to: uncertainty.low)
            high.set(uncertainty.input, to: uncertainty.high)
            let atLow = model.keyFigures(low), atHigh = model.keyFigures(high)
            return TornadoBar(
                input: uncertainty.input, low: uncertainty.low, base: Adjustments.base(of: uncertainty.input, in: model.economics), high: uncertainty.high,
                npvAtLowUsd: atLow.projectNPVUsd, npvAtHighUsd: atHigh.projectNPVUsd,
                captureAtLowUsd: atLow.nationalCaptureUsd, captureAtHighUsd: atHigh.nationalCaptureUsd,
                npvSwingUsd: abs(atHigh.projectNPVUsd - atLow.projectNPVUsd),
                captureSwingUsd: abs(atHigh.nationalCaptureUsd - atLow.nationalCaptureUsd))
        }
        // Ties keep the scenario's order, so the result does not depend on the sort algorithm.
        let indexed = Array(bars.enumerated())
        byNPV = indexed.sorted { ($0.element.npvSwingUsd, -$0.offset) > ($1.element.npvSwingUsd, -$1.offset) }.map(\.element)
        byCapture = indexed.sorted { ($0.element.captureSwingUsd, -$0.offset) > ($1.element.captureSwingUsd, -$1.offset) }.map(\.element)
    }
}
