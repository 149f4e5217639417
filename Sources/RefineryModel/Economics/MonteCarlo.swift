import Dispatch
import Foundation

/// Percentiles of a Monte Carlo output.
public struct Percentiles: Codable, Sendable, Equatable {
    /// The 10th percentile: 90% of draws are above it.
    public var p10: Double
    /// The median.
    public var p50: Double
    /// The 90th percentile: 10% of draws are above it.
    public var p90: Double
    /// The arithmetic mean (NaN when there are no draws).
    public var mean: Double

    /// Nearest-rank-free definition: linear interpolation between order statistics at
    /// position p × (n − 1) (numpy's default).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        func at(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let position = p * Double(sorted.count - 1)
            let lower = Int(clamping: position, to: 0...(sorted.count - 1), rounding: .down)
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        }
        p10 = at(0.1)
        p50 = at(0.5)
        p90 = at(0.9)
        mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}

/// A seeded Monte Carlo of the project NPV, national capture and the fiscal outputs of
/// ``SensitivityFigures`` (state net cash NPV, government take, net gain to Mali): every
/// ``Uncertainty`` of the scenario is drawn independently from its distribution, `draws` times.
///
/// Draw *i* uses its own generator, `SplitMix64(seed: MonteCarlo.drawSeed(seed, i))`, so the
/// results depend on the seed only, not on how many workers share the draws or in which
/// order they run.
public struct MonteCarlo: Codable, Sendable, Equatable {
    /// The number of draws made.
    public var draws: Int
    /// The master seed; the same seed and draws give the same results on any machine.
    public var seed: UInt64
    /// Percentiles of the project NPV, USD.
    public var projectNPV: Percentiles
    /// Percentiles of the national capture over the timeline (undiscounted), USD.
    public var nationalCapture: Percentiles
    /// The share of draws with a negative project NPV.
    public var probabilityNPVNegative: Double
    /// Every draw's NPV and capture, in draw order (omitted from reports by the caller if big).
    public var npvs: [Double]
    /// Every draw's national capture over the timeline (undiscounted, USD), in draw order,
    /// matching `npvs`.
    public var captures: [Double]
    /// Percentiles of the NPV of the state's net cash at the government discount rate, USD.
    public var stateNetCashNpv: Percentiles
    /// Percentiles of the government take over the draws where it is defined (nil when it is
    /// defined in none).
    public var governmentTake: Percentiles?
    /// The draws whose government take is undefined (pre-tax net cash flow ≤ 0).
    public var governmentTakeUndefinedDraws: Int
    /// Percentiles of the net gain to Mali against exporting doré as today (present value), USD.
    public var netGainToMali: Percentiles
    /// The share of draws with a negative net gain to Mali.
    public var probabilityNetGainNegative: Double
    /// Every draw's state net cash NPV, in draw order (omitted from reports).
    public var stateNetCashNpvs: [Double]
    /// Every draw's government take (nil: undefined), in draw order (omitted from reports).
    public var governmentTakes: [Double?]
    /// Every draw's net gain to Mali, in draw order (omitted from reports).
    public var netGainsToMali: [Double]

    /// The seed of draw `index` under master seed `seed` (a SplitMix64 step of their mix).
    public static func drawSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var generator = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        return generator.next()
    }

    /// Runs `draws` draws on `workers` threads (default: one per core). `progress` (if given)
    /// is called with the draws done and the total about a hundred times along the way, on the
    /// worker threads; the results do not depend on it, and the library itself writes nothing.
    public init(model: CashFlowModel, draws: Int, seed: UInt64, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        let uncertainties = model.economics.uncertainties
        let economics = model.economics
        let count = max(0, draws)
        let workerCount = max(1, min(workers, max(1, count)))
        var npvs = [Double](repeating: 0, count: count)
        var captures = [Double](repeating: 0, count: count)
        var stateNPVs = [Double](repeating: 0, count: count)
        var takes = [Double](repeating: .nan, count: count)
        var netGains = [Double](repeating: 0, count: count)
        let counter = progress.map { DrawCounter(total: count, report: $0) }
        let step = max(1, count / (100 * workerCount))
        npvs.withUnsafeMutableBufferPointer { npvBuffer in
            captures.withUnsafeMutableBufferPointer { captureBuffer in
            stateNPVs.withUnsafeMutableBufferPointer { stateBuffer in
            takes.withUnsafeMutableBufferPointer { takeBuffer in
            netGains.withUnsafeMutableBufferPointer { gainBuffer in
                // Each worker writes only the indices it owns (i ≡ worker mod workerCount).
                nonisolated(unsafe) let npvOut = npvBuffer
                nonisolated(unsafe) let captureOut = captureBuffer
                nonisolated(unsafe) let stateOut = stateBuffer
                nonisolated(unsafe) let takeOut = takeBuffer
                nonisolated(unsafe) let gainOut = gainBuffer
                DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                    var i = worker
                    while i < count {
                        var random = SplitMix64(seed: MonteCarlo.drawSeed(seed, i))
                        var adjustments = Adjustments()
                        for uncertainty in uncertainties {
                            let base = Adjustments.base(of: uncertainty.input, in: economics)
                            adjustments.set(uncertainty.input, to: MonteCarlo.sample(uncertainty, base: base, using: &random))
                        }
                        let figures = model.sensitivityFigures(adjustments)
                        npvOut[i] = figures.projectNPVUsd
                        captureOut[i] = figures.nationalCaptureUsd
                        stateOut[i] = figures.stateNetCashNpvUsd
                        takeOut[i] = figures.governmentTake ?? .nan
                        gainOut[i] = figures.netGainToMaliUsd
                        if let counter, (i / workerCount + 1) % step == 0 { counter.add(step) }
                        i += workerCount
                    }
                }
            }
            }
            }
            }
        }
        self.draws = count
        self.seed = seed
        self.npvs = npvs
        self.captures = captures
        projectNPV = Percentiles(npvs)
        nationalCapture = Percentiles(captures)
        probabilityNPVNegative = count > 0 ? Double(npvs.filter { $0 < 0 }.count) / Double(count) : .nan
        stateNetCashNpvs = stateNPVs
        governmentTakes = takes.map { $0.isNaN ? nil : $0 }
        netGainsToMali = netGains
        stateNetCashNpv = Percentiles(stateNPVs)
        let definedTakes = takes.filter { !$0.isNaN }
        governmentTake = definedTakes.isEmpty ? nil : Percentiles(definedTakes)
        governmentTakeUndefinedDraws = count - definedTakes.count
        netGainToMali = Percentiles(netGains)
        probabilityNetGainNegative = count > 0 ? Double(netGains.filter { $0 < 0 }.count) / Double(count) : .nan
    }

    /// Counts the draws done across workers for a progress callback.
    private final class DrawCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        let total: Int
        let report: @Sendable (Int, Int) -> Void

        init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
            self.total = total
            self.report = report
        }

        func add(_ count: Int) {
            let done = lock.withLock { self.done = min(total, self.done + count); return self.done }
            report(done, total)
        }
    }

    /// One draw of `uncertainty` (triangular with its mode at `base`, or uniform).
    static func sample(_ uncertainty: Uncertainty, base: Double, using random: inout SplitMix64) -> Double {
        let a = uncertainty.low, b = uncertainty.high
        guard b > a else { return a }
        // 53 random bits → [0, 1).
        let u = Double(random.next() >> 11) * 0x1p-53
        switch uncertainty.distribution {
        case .uniform:
            return a + u * (b - a)
        case .triangular:
            let c = min(max(base, a), b)
            let split = (c - a) / (b - a)
            return u < split ? a + ((b - a) * (c - a) * u).squareRoot() : b - ((b - a) * (b - c) * (1 - u)).squareRoot()
        }
    }
}
