import Testing
@testable import RefineryModel

@Suite struct JSONParserTests {
    @Test func parsesEveryValueKind() throws {
        let value = try JSONParser.parse(Array(#"{"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n", "c": {}}"#.utf8))
        #expect(value["a"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        #expect(value["b"] == .string("x\"é😀\n"))
        #expect(value["c"] == .object([]))
    }

    @Test func serializationRoundTrips() throws {
        let text = #"{"z":1,"a":[0.25,"q\"\\\n\u0001"],"m":{"k":null,"b":true}}"#
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(value.serialized() == text)
        #expect(try JSONParser.parse(Array(value.serialized().utf8)) == value)
        #expect(value.serialized(sortedKeys: true) == #"{"a":[0.25,"q\"\\\n\u0001"],"m":{"b":true,"k":null},"z":1}"#)
    }

    @Test func reportsWhereTheSyntaxErrorIs() {
        #expect(throws: JSONSyntaxError(message: "expected ',' or '}' in an object", line: 2, column: 3)) {
            try JSONParser.parse(Array("{\"a\": 1\n  \"b\": 2}".utf8))
        }
        #expect(throws: JSONSyntaxError(message: "nesting deeper than 256 levels", line: 1, column: 257)) {
            try JSONParser.parse(Array(String(repeating: "[", count: 300).utf8))
        }
    }
}

@Suite struct CivilDateTests {
    @Test func dayNumbersRoundTripAndMatchKnownDates() {
        #expect(CivilDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1).dayNumber == 11_017)
        #expect(CivilDate(year: 2027, month: 1, day: 1).dayNumber == 20_819)
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: day).dayNumber == day)
        }
        #expect(CivilDate(parsing: "2028-02-29") != nil)
        #expect(CivilDate(parsing: "2027-02-29") == nil)
        #expect(CivilDate(parsing: "2027-1-01") == nil)
        #expect(CivilDate(parsing: "2027-13-01") == nil)
    }
}
