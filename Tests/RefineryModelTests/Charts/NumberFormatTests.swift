import Testing
@testable import RefineryModel

@Suite("Number formatting")
struct NumberFormatTests {
    let en = ReportLanguage.en.format
    let fr = ReportLanguage.fr.format

    @Test("English: comma thousands, point decimals")
    func english() {
        #expect(en.number(1234.5, fractionDigits: 1) == "1,234.5")
        #expect(en.number(1_234_567.891, fractionDigits: 2) == "1,234,567.89")
        #expect(en.number(999.96, fractionDigits: 1) == "1,000.0")
        #expect(en.number(12, fractionDigits: 0) == "12")
        #expect(en.number(-1234.5, fractionDigits: 0) == "-1,235")
        #expect(en.number(0.05, fractionDigits: 3) == "0.050")
        #expect(en.integer(-1_000_000) == "-1,000,000")
    }

    @Test("French: narrow no-break space thousands, comma decimals")
    func french() {
        #expect(fr.number(1234.5, fractionDigits: 1) == "1\u{202F}234,5")
        #expect(fr.number(1_234_567.891, fractionDigits: 2) == "1\u{202F}234\u{202F}567,89")
        #expect(fr.number(-0.5, fractionDigits: 1) == "-0,5")
        #expect(fr.number(123, fractionDigits: 0) == "123")
        #expect(fr.integer(224_000) == "224\u{202F}000")
    }

    @Test("rounding is half away from zero; a value rounding to zero has no minus sign")
    func rounding() {
        #expect(en.number(2.5) == "3")
        #expect(en.number(-2.5) == "-3")
        #expect(en.number(-0.04, fractionDigits: 1) == "0.0")
        #expect(en.number(-0.0) == "0")
        #expect(en.signedNumber(12.34, fractionDigits: 1) == "+12.3")
        #expect(en.signedNumber(-12.34, fractionDigits: 1) == "-12.3")
        #expect(fr.signedNumber(0, fractionDigits: 1) == "0,0")
    }

    @Test("percentages: 24% in English, 24 % (no-break space) in French")
    func percentages() {
        #expect(en.percent(fraction: 0.24) == "24%")
        #expect(fr.percent(fraction: 0.24) == "24\u{00A0}%")
        #expect(fr.percent(fraction: 0.9925, fractionDigits: 1) == "99,3\u{00A0}%")
        #expect(en.percent(fraction: 1) == "100%")
        #expect(en.colon == ": " && fr.colon == "\u{00A0}: ")
    }

    @Test("dates in words, French writing the first of the month 1er")
    func dates() {
        let first = CivilDate(year: 2027, month: 3, day: 1), later = CivilDate(year: 2027, month: 12, day: 24)
        #expect(en.longDate(first) == "1 March 2027")
        #expect(fr.longDate(first) == "1er mars 2027")
        #expect(fr.longDate(later) == "24 décembre 2027")
        #expect(en.shortDate(later) == "24 Dec")
        #expect(fr.monthYear(year: 2028, month: 7) == "juil. 2028")
    }

    @Test("values that are not finite are an em dash, never nan")
    func notFinite() {
        #expect(en.number(.nan) == "\u{2014}")
        #expect(fr.number(-.infinity, fractionDigits: 2) == "\u{2014}")
        #expect(en.percent(fraction: .nan) == "\u{2014}")
    }

    @Test("SVG coordinates: at most two decimals, no exponent, no -0")
    func coordinates() {
        #expect(SVGDocument.coordinate(12) == "12")
        #expect(SVGDocument.coordinate(12.5) == "12.5")
        #expect(SVGDocument.coordinate(0.125) == "0.13")
        #expect(SVGDocument.coordinate(-3.07) == "-3.07")
        #expect(SVGDocument.coordinate(-0.001) == "0")
        #expect(SVGDocument.coordinate(1e-12) == "0")
        #expect(SVGDocument.coordinate(.nan) == "0")
    }
}
