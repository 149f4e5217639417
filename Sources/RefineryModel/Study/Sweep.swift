import Foundation

/// A grid of variations of one scenario, run point by point in parallel: what
/// `refinery-cli sweep` tabulates. Each point is the scenario document with the common
/// overrides, then one value of each variation, checked like a file; rows come back in grid
/// order (the first variation varies slowest) whatever the parallelism, and a point that fails
/// is a row carrying its error, so one bad point does not hide the others.
///
/// ```swift
/// let sweep = try Sweep(document: try ScenarioLoader.embeddedDocument(named: "senou-base"),
///                       variations: [try Sweep.Variation(specification: "plant.calendar.shiftsPerDay=1,2,3")])
/// let rows = sweep.run()
/// print(sweep.jsonLines(rows)) // what `refinery-cli sweep --vary … --format json` prints
/// ```
public struct Sweep: Sendable {
    /// The most points a sweep runs (a grid beyond it is refused before anything runs).
    public static let maximumPoints = 100_000
    /// The version of a sweep's JSON lines (`schemaVersion` in every line; `refinery-cli schema sweep`).
    public static let schemaVersion = 1

    /// One varied field: a path in the scenario document and the values it takes.
    public struct Variation: Sendable, Equatable {
        /// The field, as in ``ScenarioOverride``.
        public var path: JSONPath
        /// The values, in order.
        public var values: [JSONValue]

        /// A variation from its path and values.
        public init(path: JSONPath, values: [JSONValue]) {
            self.path = path
            self.values = values
        }

        /// Parses `PATH=FROM:TO:STEPS` (STEPS evenly spaced numbers, ends included),
        /// `PATH=V1,V2,...` (each value JSON when it parses as JSON, else a string),
        /// `PATH=[JSON,...]` or `PATH=VALUE` (a single value).
        public init(specification text: String) throws(SweepError) {
            func fail(_ message: String) -> SweepError { .invalidVariation(subject: text, message: message) }
            let assignment: ScenarioOverride
            do { assignment = try ScenarioOverride(parsing: text) } catch {
                throw .invalidVariation(subject: error.path, message: error.message)
            }
            path = assignment.path
            switch assignment.value {
            case let .array(list):
                guard !list.isEmpty else { throw fail("has an empty list of values") }
                values = list
            case let .string(spec) where spec.contains(":"):
                let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 3, let from = Self.decimal(parts[0]), let to = Self.decimal(parts[1]) else {
                    throw fail("is not PATH=FROM:TO:STEPS with numbers FROM and TO (e.g. units=1:4:4)")
                }
                guard let steps = Int(parts[2]), steps >= 1, steps <= Sweep.maximumPoints else {
                    throw fail("has STEPS '\(parts[2])'; it is the number of values, a whole number in 1...\(Sweep.maximumPoints)")
                }
                guard steps > 1 || from == to else { throw fail("has 1 step from \(parts[0]) to \(parts[1]); use at least 2 steps, or FROM = TO") }
                values = (0..<steps).map { index in
                    let raw = steps == 1 ? from : from + (to - from) * Double(index) / Double(steps - 1)
                    // 0.1:0.3:3 gives 0.2, not 0.20000000000000004.
                    let cleaned = abs(raw) < 1e6 ? (raw * 1e9).rounded() / 1e9 : raw
                    return .number(cleaned)
                }
            case let .string(list) where list.contains(","):
                // Each value as strictly as a `--set` value: `1,NaN` and `1,0x10` are errors, not strings.
                var parsed: [JSONValue] = []
                for item in list.split(separator: ",", omittingEmptySubsequences: false) {
                    do { parsed.append(try ScenarioOverride.value(commandLineText: String(item))) } catch {
                        throw fail("has the value '\(item)', which is not a finite JSON number or a plain word (quote text that looks like a number)")
                    }
                }
                values = parsed
            case let single:
                values = [single]
            }
        }

        /// A finite number read as a `--set` value reads it (`2`, `-0.5`, `1e3`); not `0x10`,
        /// `inf` or `nan`, which Swift's `Double(_:)` also reads.
        static func decimal(_ text: Substring) -> Double? {
            guard case let .number(value)? = try? ScenarioOverride.value(commandLineText: String(text)) else { return nil }
            return value
        }
    }

    /// One point of the grid: its index (from 0, in grid order) and the value of each variation.
    public struct Point: Sendable, Equatable {
        /// The position in grid order, from 0.
        public var index: Int
        /// One value per variation, in the order of ``Sweep/variations``.
        public var values: [JSONValue]

        /// A point from its index and values.
        public init(index: Int, values: [JSONValue]) {
            self.index = index
            self.values = values
        }
    }

    /// What a point that ran gives: its key results and whether its campaign fell short.
    public struct PointResult: Sendable, Equatable, Codable {
        /// Every key result of the point's run (``KeyResults/of(_:)``).
        public var metrics: [KeyMetric]
        /// Why the point's campaign falls short, if it does.
        public var campaignProblem: ScenarioRun.CampaignProblem?

        /// A point's result from its parts.
        public init(metrics: [KeyMetric], campaignProblem: ScenarioRun.CampaignProblem?) {
            self.metrics = metrics
            self.campaignProblem = campaignProblem
        }

        /// The metrics with these ids, in the order given (unknown ids are skipped).
        public func selecting(_ ids: [String]) -> [KeyMetric] {
            ids.compactMap { id in metrics.first { $0.id == id } }
        }
    }

    /// One row of a sweep: a point and its result, or the error that stopped it.
    public struct Row: Sendable, Equatable {
        /// The point.
        public var point: Point
        /// The key results, or why the point could not be run (e.g. a value out of range).
        public var outcome: Result<PointResult, StudyError>

        /// A row from its point and outcome.
        public init(point: Point, outcome: Result<PointResult, StudyError>) {
            self.point = point
            self.outcome = outcome
        }

        /// The error, when the point failed.
        public var error: StudyError? {
            if case let .failure(error) = outcome { return error } else { return nil }
        }
    }

    /// The scenario document every point starts from (parsed, not yet checked).
    public var document: JSONValue
    /// Overrides applied to every point before its variations.
    public var overrides: [ScenarioOverride]
    /// The varied fields; the grid is their product.
    public var variations: [Variation]
    /// The options of every point's run.
    public var options: RunOptions

    /// A sweep of `document`; throws ``SweepError/tooManyPoints(_:)`` when the grid has more
    /// than ``maximumPoints`` points.
    public init(document: JSONValue, overrides: [ScenarioOverride] = [], variations: [Variation], options: RunOptions = RunOptions()) throws(SweepError) {
        let size = variations.reduce(1.0) { $0 * Double($1.values.count) }
        guard size <= Double(Sweep.maximumPoints) else { throw .tooManyPoints(size) }
        self.document = document
        self.overrides = overrides
        self.variations = variations
        self.options = options
    }

    /// Every point of the grid, the first variation varying slowest.
    public var points: [Point] { Sweep.grid(variations) }

    /// The points of the grid of `variations`, the first varying slowest.
    public static func grid(_ variations: [Variation]) -> [Point] {
        var combinations: [[JSONValue]] = [[]]
        for variation in variations {
            combinations = combinations.flatMap { prefix in variation.values.map { prefix + [$0] } }
        }
        return combinations.enumerated().map { Point(index: $0.offset, values: $0.element) }
    }

    /// The overrides of one point: the common ones, then the point's value of each variation.
    public func overrides(for point: Point) -> [ScenarioOverride] {
        overrides + zip(variations, point.values).map { ScenarioOverride(path: $0.path, value: $1) }
    }

    /// `path=value, …` of a point, for messages.
    public func label(of point: Point) -> String {
        zip(variations, point.values).map { "\($0.path)=\($1.serialized())" }.joined(separator: ", ")
    }

    /// Runs one point.
    public func run(_ point: Point) -> Row {
        Row(point: point, outcome: Result { () throws(StudyError) -> PointResult in try result(of: point) })
    }

    /// The key results of one point, or why it cannot be run.
    private func result(of point: Point) throws(StudyError) -> PointResult {
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(json: document, overrides: overrides(for: point)) } catch { throw .scenario(error) }
        let run = try ScenarioRun.perform(scenario, options: options)
        return PointResult(metrics: KeyResults.of(run), campaignProblem: run.campaignProblem)
    }

    /// Runs every point on at most `jobs` threads; the rows come back in grid order. `progress`
    /// (if given) is called after each point with the points done and the total, on the worker
    /// thread that ran it; the library itself writes nothing.
    public func run(jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> [Row] {
        let points = self.points
        let state = SweepState(count: points.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, points.count))) { _ in
            while let index = state.claim() {
                let done = state.store(run(points[index]), at: index)
                progress?(done, points.count)
            }
        }
        return state.rows
    }

    /// One row as a JSON object: `schemaVersion`, `point` (from 1), `set` (the varied values by path) and
    /// `results` (the metrics with the ids given, by id), or, for a failed point, `error`:
    /// its `message`, whether it is `invalidData`, and the `problems` with their paths.
    public func jsonValue(_ row: Row, metrics ids: [String]) -> JSONValue {
        let set = JSONValue.object(zip(variations, row.point.values).map { (key: $0.path.description, value: $1) })
        let outcome: (key: String, value: JSONValue)
        switch row.outcome {
        case let .success(result):
            outcome = (key: "results", value: .object(result.selecting(ids).map { (key: $0.id, value: $0.json) }))
        case let .failure(error):
            let problems = error.problems.map { problem in
                JSONValue.object([(key: "path", value: .string(problem.path)), (key: "value", value: problem.value.map(JSONValue.string) ?? .null),
                                  (key: "message", value: .string(problem.message))])
            }
            outcome = (key: "error", value: .object([(key: "message", value: .string(error.description)),
                                                     (key: "invalidData", value: .bool(error.isInvalidData)),
                                                     (key: "problems", value: .array(problems))]))
        }
        return .object([(key: "schemaVersion", value: .number(Double(Sweep.schemaVersion))),
                         (key: "point", value: .number(Double(row.point.index + 1))), (key: "set", value: set), outcome])
    }

    /// The rows as JSON lines (one ``jsonValue(_:metrics:)`` per line, keys sorted), with the
    /// metrics given (default: every key result), exactly as `refinery-cli sweep --format json`
    /// prints them.
    public func jsonLines(_ rows: [Row], metrics ids: [String] = KeyResults.catalog.map(\.id)) -> String {
        rows.map { jsonValue($0, metrics: ids).serialized(sortedKeys: true) + "\n" }.joined()
    }
}

/// Why a sweep cannot be set up (nothing has run yet).
public enum SweepError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A variation's specification is malformed: `subject` is the text at fault (the whole
    /// specification, or its path), `message` what is wrong and what is allowed.
    case invalidVariation(subject: String, message: String)
    /// The grid has more points than ``Sweep/maximumPoints``.
    case tooManyPoints(Double)

    /// For people: `'a=1:x:3' is not PATH=FROM:TO:STEPS …`.
    public var description: String {
        switch self {
        case let .invalidVariation(subject, message): return "'\(subject)' \(message)"
        case let .tooManyPoints(size): return "the grid has \(JSONValue.format(size)) points; at most \(Sweep.maximumPoints) are run"
        }
    }
}

/// The shared state of a sweep's workers: the next point to claim and the rows so far.
private final class SweepState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private var slots: [Sweep.Row?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ row: Sweep.Row, at index: Int) -> Int {
        lock.withLock {
            slots[index] = row
            done += 1
            return done
        }
    }

    var rows: [Sweep.Row] { lock.withLock { slots.map { $0! } } }
}
