import RefineryModel

/// A seeded generator of time-indexed batch-scheduling MILPs for the solver benchmark.
///
/// `jobs` batches, each with a processing time of 1–6 periods, a release period and a weight,
/// share `units` identical units over `periods` periods. Binary `start[j][t]` says batch j
/// starts at t. Each batch starts once; in every period at most `units` batches run; the
/// objective is the weighted completion time. Each variable has 1 + (processing time) nonzeros,
/// as in the refinery's scheduling model, so the benchmark's sizes mean what they will mean
/// there.
struct TimeIndexedBenchmarkModel {
    var jobs: Int
    var periods: Int
    var units: Int
    var seed: UInt64

    /// A model with about `variables` variables: 200 periods, jobs to match, and units sized
    /// for a utilization of about 70%.
    init(variables: Int, utilization: Double = 0.5, seed: UInt64 = 42) {
        periods = 200
        let perJob = Double(periods) * 0.73 // starts run from the release (at most 25% in) to the end
        jobs = max(1, Int((Double(variables) / perJob).rounded()))
        units = max(1, Int((Double(jobs) * 3.5 / Double(periods) / utilization).rounded(.up)))
        self.seed = seed
    }

    func build() -> LinearProgram {
        var random = SplitMix64(seed: seed)
        var lp = LinearProgram(name: "time_indexed_\(jobs)x\(periods)")
        var running = [[Variable]](repeating: [], count: periods)
        var runningCoefficients = [[Double]](repeating: [], count: periods)
        var objective = LinearExpression()
        for j in 0..<jobs {
            let duration = random.next(in: 1...6)
            let release = random.next(in: 0...(periods / 4))
            let weight = Double(random.next(in: 1...10))
            let starts = release...(periods - duration)
            var mine: [Variable] = []
            mine.reserveCapacity(starts.count)
            for t in starts {
                let start = lp.addVariable("s_\(j)_\(t)", kind: .binary)
                mine.append(start)
                objective.add(weight * Double(t + duration), start)
                for period in t..<(t + duration) {
                    running[period].append(start)
                    runningCoefficients[period].append(1)
                }
            }
            lp.addConstraint(name: "once_\(j)", variables: mine, coefficients: Array(repeating: 1, count: mine.count),
                             lowerBound: 1, upperBound: 1)
        }
        for t in 0..<periods where !running[t].isEmpty {
            lp.addConstraint(name: "units_\(t)", variables: running[t], coefficients: runningCoefficients[t],
                             upperBound: Double(units))
        }
        lp.minimize(objective)
        return lp
    }
}

extension SplitMix64 {
    /// A whole number in `range`, for benchmark instances.
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
