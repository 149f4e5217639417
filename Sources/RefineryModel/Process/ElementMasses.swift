/// Masses of gold, silver and everything else (base metals, impurities), in kg.
public struct ElementMasses: Codable, Sendable, Equatable {
    public var gold: Double
    public var silver: Double
    public var other: Double

    public init(gold: Double = 0, silver: Double = 0, other: Double = 0) {
        self.gold = gold
        self.silver = silver
        self.other = other
    }

    /// The masses in `grossKg` of material with this assay.
    public init(grossKg: Double, assay: Assay) {
        self.init(gold: grossKg * assay.gold, silver: grossKg * assay.silver, other: grossKg * assay.other)
    }

    public var gross: Double { gold + silver + other }

    public static func + (lhs: ElementMasses, rhs: ElementMasses) -> ElementMasses {
        ElementMasses(gold: lhs.gold + rhs.gold, silver: lhs.silver + rhs.silver, other: lhs.other + rhs.other)
    }

    public static func += (lhs: inout ElementMasses, rhs: ElementMasses) { lhs = lhs + rhs }

    /// Element-wise product with fractions.
    public static func * (lhs: ElementMasses, rhs: ElementFractions) -> ElementMasses {
        ElementMasses(gold: lhs.gold * rhs.gold, silver: lhs.silver * rhs.silver, other: lhs.other * rhs.other)
    }

    public static func * (lhs: Double, rhs: ElementMasses) -> ElementMasses {
        ElementMasses(gold: lhs * rhs.gold, silver: lhs * rhs.silver, other: lhs * rhs.other)
    }
}
