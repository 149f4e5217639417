import Foundation
import Testing
@testable import RefineryModel

@Suite("Report languages")
struct LanguageTests {
    /// Texts that are legitimately the same in French and English (units and words spelt alike).
    static let identicalAllowed: Set<ReportText> = [.version, .notesSection, .total, .tonnes, .kilograms, .hourUnit, .percentUnit, .unitLots]

    @Test("the English table has a text for every key")
    func englishIsComplete() {
        let missing = ReportText.allCases.filter { englishStrings[$0] == nil }
        #expect(missing.isEmpty, "missing in English: \(missing)")
    }

    @Test("every language's table has every key of the English one, none empty")
    func everyTableIsComplete() {
        for language in ReportLanguage.allCases {
            let table = language.strings.table
            let missing = englishStrings.keys.filter { table[$0] == nil }.map(\.rawValue).sorted()
            #expect(missing.isEmpty, "missing in \(language.tag): \(missing)")
            #expect(table.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        }
    }

    @Test("no French text is the English one, except a short allow-list")
    func frenchIsTranslated() {
        let untranslated = ReportText.allCases.filter {
            !Self.identicalAllowed.contains($0) && frenchStrings[$0] == englishStrings[$0]
        }
        #expect(untranslated.isEmpty, "untranslated in French: \(untranslated)")
        // The allow-list stays honest: each entry really is identical.
        #expect(Self.identicalAllowed.allSatisfy { frenchStrings[$0] == englishStrings[$0] })
    }

    @Test("month names in both languages")
    func months() {
        #expect(ReportLanguage.en.strings.monthName(3) == "March")
        #expect(ReportLanguage.fr.strings.monthName(8) == "août")
        #expect(ReportLanguage.fr.strings.shortMonthName(2) == "févr.")
    }
}
