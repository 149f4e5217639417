import Foundation
import Testing
@testable import RefineryModel

/// The headline figures in CFA francs and euros on the run and valuation pages, recomputed
/// here from the valuation's USD figures at 565 XOF/USD and the 655.957 XOF/EUR peg.
@Suite("Headline figures in XOF and EUR on the pages", .serialized)
struct CurrencyPageTests {
    /// The rows the section should show: label key, then USD, XOF and EUR amounts computed
    /// here (not read off ``HeadlineCurrencies``).
    static func expectedRows(_ valuation: Valuation) throws -> [(ReportText, Double, Double, Double)] {
        let fiscal = try #require(valuation.fiscal)
        let usd: [(ReportText, Double)] = [
            (.projectNpv, valuation.summary.projectNPVUsd), (.nationalCapture, valuation.valueAdded.total.nationalCapture),
            (.metricStateNetCashNpvMillionUsd, fiscal.stateNetCashNpvUsd), (.netGainToMaliPresentValue, fiscal.doreExport.presentValue.netGainToMali),
        ]
        return usd.map { ($0.0, $0.1, $0.1 * 565, $0.1 * 565 / 655.957) }
    }

    static func check(_ page: ReportPage, valuation: Valuation, language: ReportLanguage) throws {
        let root = try ReportPageTests.parse(page)
        let section = try #require(root.elements("section").first { $0.attributes["id"] == "currencies" })
        let s = language.strings, f = language.format
        #expect(section.elements("h2").first?.text == s[.currencySection])
        let rows = section.elements("tbody").first?.elements("tr").map { $0.children.map(\.text) } ?? []
        let expected = try Self.expectedRows(valuation)
        #expect(rows.count == expected.count)
        for (row, (key, usd, xof, eur)) in zip(rows, expected) {
            #expect(row == [s[key], f.number(usd / 1e6, fractionDigits: 1), f.number(xof / 1e9, fractionDigits: 1), f.number(eur / 1e6, fractionDigits: 1)],
                    "\(key)")
        }
        // The rates and the basis of the dollar rate, in the page's language.
        let sentence = section.elements("p").map(\.text).joined()
        #expect(sentence.contains(f.number(565, fractionDigits: 1)) && sentence.contains(f.number(655.957, fractionDigits: 3)))
        #expect(sentence.contains(s[.defaultRateBasis]))
    }

    @Test("the run page shows the headline figures in FCFA and euros at 565 XOF/USD and the 655.957 peg", arguments: ReportLanguage.allCases)
    func runPage(language: ReportLanguage) throws {
        let valuation = try #require(try ReportFixtures.run.get().valuation?.result)
        try Self.check(try ReportFixtures.runPage(language), valuation: valuation, language: language)
    }

    @Test("the valuation page shows the same conversion", arguments: ReportLanguage.allCases)
    func valuationPage(language: ReportLanguage) throws {
        let valuation = try ReportFixtures.valuation.get().valuation
        try Self.check(try ReportFixtures.valuationPage(language), valuation: valuation, language: language)
    }

    @Test("French amounts: a decimal comma, a narrow no-break space in thousands, FCFA in the heading")
    func frenchFormat() throws {
        let valuation = try #require(try ReportFixtures.run.get().valuation?.result)
        let html = try ReportFixtures.runPage(.fr).html
        let xof = valuation.summary.projectNPVUsd * 565 / 1e9
        #expect(html.contains(ReportLanguage.fr.format.number(xof, fractionDigits: 1)) && ReportLanguage.fr.format.number(xof, fractionDigits: 1).contains(","))
        #expect(html.contains("milliards de FCFA") && html.contains("655,957"))
        #expect(!html.contains("bn XOF"))
    }
}
