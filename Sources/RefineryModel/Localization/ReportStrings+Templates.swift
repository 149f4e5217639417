import Foundation

extension ReportStrings {
    /// The text for `key` with its placeholders `{1}`, `{2}`… replaced by `arguments` in order:
    /// the sentences of a page ("{1} limits the plant…") keep their word order per language
    /// while the numbers, already written by ``NumberFormat``, go where each language puts them.
    public func format(_ key: ReportText, _ arguments: String...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated().reversed() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: argument)
        }
        return text
    }

    /// The label of a key result (``KeyMetric/id``) in this language, or the metric's own
    /// English label when the table has none for it (a metric added without a translation).
    public func label(of metric: KeyMetric) -> String {
        ReportText(rawValue: "metric." + metric.id).map { self[$0] } ?? metric.label
    }

    /// The name of an uncertain input (a tornado row) in this language.
    public func label(of input: UncertainInput) -> String {
        ReportText(rawValue: "input." + input.rawValue).map { self[$0] } ?? input.rawValue
    }

    /// The name of a kind of material (a Gantt chart's lot class) in this language.
    public func label(of kind: MaterialKind) -> String {
        switch kind {
        case .dore: self[.kindDore]
        case .artisanal: self[.kindArtisanal]
        case .ore: self[.kindOre]
        }
    }

    /// A key result's unit (``KeyMetric/unit``) in this language; "" for a year or a name.
    public func unit(of metric: KeyMetric) -> String {
        switch metric.unit {
        case "t": self[.tonnes]
        case "t/yr": self[.tonnesPerYear]
        case "kg": self[.kilograms]
        case "%": self[.percentUnit]
        case "days": self[.unitDays]
        case "years": self[.unitYears]
        case "lots": self[.unitLots]
        case "M USD": self[.millionUSD]
        case "year", "": ""
        default: metric.unit
        }
    }
}

extension NumberFormat {
    /// A key result's value as a page shows it: a number with the metric's decimals (a year
    /// without grouping), a name as it is, and "Not available" when the run has none.
    public func value(of metric: KeyMetric) -> String {
        switch metric.value {
        case let .number(number): metric.unit == "year" && abs(number) < 1e6 ? String(Int(number.rounded())) : self.number(number, fractionDigits: metric.decimals)
        case let .text(text): text
        case .none: strings[.notAvailable]
        }
    }
}
