/// Maps a range of values (the domain) onto a range of pixels, with "nice" ticks: round
/// numbers (1, 2 or 5 times a power of ten) whose first and last ticks enclose the domain.
public struct LinearScale: Sendable, Equatable {
    /// The values at the ends of the axis, after widening to the outer nice ticks.
    public let domain: ClosedRange<Double>
    /// The pixel positions of `domain`'s lower and upper ends (the upper may be the smaller,
    /// as on a vertical axis, where values grow upwards).
    public let range: (Double, Double)
    /// The tick values, from `domain.lowerBound` to `domain.upperBound` in equal steps.
    public let ticks: [Double]
    /// The distance between two ticks.
    public let step: Double

    /// A scale that shows every value of `values` (and `including`, e.g. zero for bars) on
    /// pixels `range`, with about `tickCount` ticks. An empty or one-value domain is widened
    /// so that the axis still has length.
    public init(covering values: [Double], including: [Double] = [], range: (Double, Double), tickCount: Int = 5) {
        let all = (values + including).filter(\.isFinite)
        var low = all.min() ?? 0, high = all.max() ?? 1
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = LinearScale.niceStep(span: high - low, count: max(tickCount, 1))
        let first = (low / step).rounded(.down) * step
        let last = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var index = 0.0
        while true {
            // Multiplying rather than adding keeps ticks on exact multiples of the step.
            let tick = LinearScale.clean(first + index * step, step: step)
            ticks.append(tick)
            if tick >= last - step * 1e-9 { break }
            index += 1
        }
        self.step = step
        self.ticks = ticks
        self.domain = ticks.first!...ticks.last!
        self.range = range
    }

    /// A scale from `lowerBound` to the first multiple of `step` at or above `upperBound`,
    /// ticked every `step`: for axes whose round numbers are not decimal, such as hours
    /// ticked every 6, 12 or 24.
    public init(from lowerBound: Double, through upperBound: Double, step: Double, range: (Double, Double)) {
        let step = step > 0 && step.isFinite ? step : 1
        let first = (lowerBound / step).rounded(.down) * step
        let last = max((upperBound / step).rounded(.up) * step, first + step)
        var ticks: [Double] = []
        var index = 0.0
        while first + index * step <= last + step * 1e-9 {
            ticks.append(first + index * step)
            index += 1
        }
        self.step = step
        self.ticks = ticks
        self.domain = ticks.first!...ticks.last!
        self.range = range
    }

    /// Equality of domain, range and ticks.
    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range && a.ticks == b.ticks
    }

    /// The pixel position of `value` (values outside the domain extrapolate).
    public func position(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        return range.0 + (value - domain.lowerBound) / span * (range.1 - range.0)
    }

    /// How many decimals the tick labels need so that neighbouring ticks read differently.
    public var tickFractionDigits: Int {
        var digits = 0
        var probe = step
        while probe < 1 - 1e-9 && digits < 6 { probe *= 10; digits += 1 }
        return digits
    }

    /// A round step, 1, 2 or 5 × 10ⁿ, giving about `count` intervals over `span`.
    static func niceStep(span: Double, count: Int) -> Double {
        let raw = span / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// `value` rounded to the step's precision, so that 0.1 × 3 prints as 0.3 and -0 as 0.
    private static func clean(_ value: Double, step: Double) -> Double {
        var precision = 1.0
        while step * precision < 1 - 1e-9 && precision < 1e9 { precision *= 10 }
        let rounded = (value * precision).rounded() / precision
        return rounded == 0 ? 0 : rounded
    }
}
