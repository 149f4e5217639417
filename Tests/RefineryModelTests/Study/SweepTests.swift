import Foundation
import Testing
import RefineryModel // the public API only: what another tool gets

/// The sweep as a library value: grid parsing, rows in grid order whatever the parallelism,
/// and a failing point as a row carrying its typed error.
@Suite struct SweepTests {
    let base = try! ScenarioLoader.embeddedDocument(named: "senou-base")
    var quick: RunOptions { var options = RunOptions(); options.schedule = false; return options }

    @Test func variationsParseRangesListsAndJSON() throws {
        #expect(try Sweep.Variation(specification: "a.b=1:4:4").values == [1, 2, 3, 4].map { .number($0) })
        #expect(try Sweep.Variation(specification: "a=0.1:0.3:3").values == [.number(0.1), .number(0.2), .number(0.3)])
        #expect(try Sweep.Variation(specification: "a=x,2,true").values == [.string("x"), .number(2), .bool(true)])
        #expect(try Sweep.Variation(specification: #"a=["x", 2]"#).values == [.string("x"), .number(2)])
        #expect(try Sweep.Variation(specification: "plant.stages[id=miller].units=2").path.description == "plant.stages[id=miller].units")
        #expect(throws: SweepError.invalidVariation(subject: "a=1:x:3", message: "is not PATH=FROM:TO:STEPS with numbers FROM and TO (e.g. units=1:4:4)")) {
            try Sweep.Variation(specification: "a=1:x:3")
        }
        #expect(throws: SweepError.invalidVariation(subject: "a=[]", message: "has an empty list of values")) { try Sweep.Variation(specification: "a=[]") }
        #expect(throws: SweepError.invalidVariation(subject: "a[", message: "has a '[' without its ']'")) { try Sweep.Variation(specification: "a[=1") }
    }

    /// List values and range ends are read as strictly as `--set` values (issue 11): a value
    /// meant as a number that JSON cannot hold is an error, never a string or a hex number.
    @Test(arguments: ["a=1,NaN", "a=1,1e400", "a=0x10,2", "a=1,[2,"])
    func listValuesAreStrict(specification: String) {
        #expect(throws: SweepError.self) { try Sweep.Variation(specification: specification) }
    }

    @Test(arguments: ["a=0x10:20:2", "a=1:inf:2", "a=nan:1:2"])
    func rangeEndsAreDecimalNumbers(specification: String) {
        #expect(throws: SweepError.invalidVariation(subject: specification, message: "is not PATH=FROM:TO:STEPS with numbers FROM and TO (e.g. units=1:4:4)")) {
            try Sweep.Variation(specification: specification)
        }
    }

    @Test func aGridBeyondTheLimitIsRefusedBeforeAnythingRuns() throws {
        let wide = try Sweep.Variation(specification: "a=1:2:1000")
        #expect(throws: SweepError.tooManyPoints(1_000_000)) { try Sweep(document: base, variations: [wide, wide]) }
        #expect(try Sweep(document: base, variations: [wide]).points.count == 1000)
    }

    @Test func aFailingPointIsARowWithItsTypedErrorAndTheOthersRun() throws {
        let sweep = try Sweep(document: base, variations: [
            try Sweep.Variation(specification: "plant.calendar.shiftsPerDay=2,3"),
            try Sweep.Variation(specification: "plant.stages[id=miller].units=1:2:3"),
        ], options: quick)
        let rows = sweep.run(jobs: 3)
        #expect(rows.map(\.point.index) == Array(0..<6))
        #expect(rows.map(\.point.values) == [[2, 1], [2, 1.5], [2, 2], [3, 1], [3, 1.5], [3, 2]].map { $0.map(JSONValue.number) })
        // 1.5 units is no whole number: points 2 and 5 fail, the four others have their key results.
        #expect(rows.map { $0.error == nil } == [true, false, true, true, false, true])
        for row in rows where row.error != nil {
            guard case let .scenario(.invalid(problems))? = row.error else { Issue.record("not an invalid scenario: \(String(describing: row.error))"); continue }
            #expect(problems.map(\.path) == ["plant.stages[3].units"] && problems[0].value == "1.5")
            #expect(row.error?.isInvalidData == true)
        }
        // The failing points do not disturb the others: each equals a run of that point alone.
        let alone = try ScenarioRun.perform(ScenarioLoader.load(json: base, overrides: sweep.overrides(for: rows[3].point)), options: quick)
        #expect(try rows[3].outcome.get().metrics == KeyResults.of(alone))
        #expect(sweep.run(jobs: 1) == rows)

        let lines = sweep.jsonLines(rows, metrics: ["refinedGoldTonnes"]).split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[1] == #"{"error":{"invalidData":true,"message":"invalid scenario: plant.stages[3].units: 1.5 is not a whole number in 1...10000","#
                + #""problems":[{"message":"is not a whole number in 1...10000","path":"plant.stages[3].units","value":"1.5"}]},"point":2,"#
                + #""schemaVersion":1,"set":{"plant.calendar.shiftsPerDay":2,"plant.stages[id=miller].units":1.5}}"#)
        #expect(lines[0].hasPrefix(#"{"point":1,"results":{"refinedGoldTonnes":"#))
    }

    @Test func progressIsReportedThroughTheCallerOnly() throws {
        let sweep = try Sweep(document: base, variations: [try Sweep.Variation(specification: "plant.calendar.shiftsPerDay=1,2,3")], options: quick)
        let seen = Counter()
        let rows = sweep.run(jobs: 2) { done, total in seen.add(done, total) }
        #expect(rows.count == 3 && seen.values.sorted() == [1, 2, 3] && seen.totals == [3])
    }
}

/// Collects progress calls from the sweep's worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var done: [Int] = []
    private var total: Set<Int> = []
    func add(_ value: Int, _ of: Int) { lock.withLock { done.append(value); total.insert(of) } }
    var values: [Int] { lock.withLock { done } }
    var totals: Set<Int> { lock.withLock { total } }
}
