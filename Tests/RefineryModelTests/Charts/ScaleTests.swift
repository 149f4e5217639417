import Testing
@testable import RefineryModel

@Suite("Chart scales")
struct ScaleTests {
    /// Deterministic pseudo-random domains (a linear congruential generator), wide and narrow,
    /// positive, negative and straddling zero.
    static let domains: [(Double, Double)] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<500).map { _ in
            let magnitude = [0.001, 0.1, 1, 37, 1000, 2.5e6][Int(next() * 6)]
            let a = (next() * 2 - 1) * magnitude, b = (next() * 2 - 1) * magnitude
            return (min(a, b), max(a, b))
        } + [(0, 0), (5, 5), (-3, -3), (0, 224), (-150, 62), (0.3, 0.7)]
    }()

    @Test("nice ticks contain the domain, are evenly spaced on round steps, and are few")
    func niceTicksContainTheDomain() {
        for (low, high) in Self.domains {
            let scale = LinearScale(covering: [low, high], range: (0, 100))
            #expect(scale.domain.lowerBound <= low && scale.domain.upperBound >= high, "\(low)...\(high) → \(scale.ticks)")
            #expect(scale.ticks.first == scale.domain.lowerBound && scale.ticks.last == scale.domain.upperBound)
            #expect((2...12).contains(scale.ticks.count), "\(low)...\(high) → \(scale.ticks)")
            // The step is 1, 2 or 5 times a power of ten.
            var mantissa = scale.step
            while mantissa >= 10 { mantissa /= 10 }
            while mantissa < 1 { mantissa *= 10 }
            #expect([1, 2, 5, 10].contains { approximately(mantissa, $0, relative: 1e-9) }, "step \(scale.step)")
            for (a, b) in zip(scale.ticks, scale.ticks.dropFirst()) {
                #expect(approximately(b - a, scale.step, absolute: scale.step * 1e-6), "\(scale.ticks)")
            }
        }
    }

    @Test("ticks are exact round numbers: 0.1 × 3 is written 0.3")
    func ticksAreClean() {
        let scale = LinearScale(covering: [0, 0.3], range: (0, 100), tickCount: 3)
        #expect(scale.ticks == [0, 0.1, 0.2, 0.3])
        #expect(scale.tickFractionDigits == 1)
        #expect(ReportLanguage.fr.format.number(scale.ticks[3], fractionDigits: scale.tickFractionDigits) == "0,3")
        #expect(LinearScale(covering: [0, 224], range: (0, 1)).ticks == [0, 50, 100, 150, 200, 250])
        #expect(LinearScale(covering: [-150, 62], range: (0, 1)).ticks == [-150, -100, -50, 0, 50, 100])
    }

    @Test("positions map the domain's ends onto the range, inverted for a vertical axis")
    func positions() {
        let scale = LinearScale(covering: [0, 224], range: (300, 20))
        #expect(scale.position(0) == 300)
        #expect(scale.position(250) == 20)
        #expect(approximately(scale.position(125), 160))
    }

    @Test("an explicit step ticks hours every 6 from zero past the horizon")
    func explicitStep() {
        let scale = LinearScale(from: 0, through: 45, step: 6, range: (0, 480))
        #expect(scale.ticks == [0, 6, 12, 18, 24, 30, 36, 42, 48])
        #expect(scale.position(24) == 240)
    }

    @Test("bands are equal, padded, and in order")
    func bands() {
        let bands = BandScale(categories: ["a", "b", "c", "d"], range: (100, 500), padding: 0.2)
        #expect(bands.step == 100)
        #expect(approximately(bands.bandwidth, 80))
        #expect(approximately(bands.start(0), 110))
        #expect(approximately(bands.center(3), 450))
    }

    @Test("every chart's domain contains every value it plots")
    func domainsContainPlottedValues() {
        for language in ReportLanguage.allCases {
            let bars = ChartGallery.cashFlowChart(language)
            let scale = LinearScale(covering: bars.plottedValues, range: (0, 1))
            let every = bars.series.flatMap(\.values) + bars.line!.values.compactMap { $0 }
            #expect(every.allSatisfy { scale.domain.contains($0) })
            let stacked = ChartGallery.stackedChart(language)
            let stackScale = LinearScale(covering: stacked.plottedValues, range: (0, 1))
            for category in stacked.categories.indices {
                #expect(stackScale.domain.contains(stacked.series.map { $0.values[category] }.reduce(0, +)))
            }
            let histogram = ChartGallery.histogram(language)
            let x = histogram.valueScale(left: 0, right: 1)
            #expect(histogram.bins.allSatisfy { x.domain.contains($0.lower) && x.domain.contains($0.upper) })
            #expect(histogram.percentiles.allSatisfy { x.domain.contains($0.value) })
            let tornado = ChartGallery.tornado(language)
            let t = tornado.valueScale(left: 0, right: 1)
            #expect(t.domain.contains(tornado.base) && tornado.rows.allSatisfy { t.domain.contains($0.lowValue) && t.domain.contains($0.highValue) })
            let gantt = ChartGallery.gantt(language)
            let g = gantt.timeScale(left: 0, right: 800)
            #expect(gantt.bars.allSatisfy { g.domain.contains($0.startHours) && g.domain.contains($0.startHours + $0.durationHours) })
            #expect(gantt.dueDates.allSatisfy { g.domain.contains($0.hours) })
        }
    }
}
