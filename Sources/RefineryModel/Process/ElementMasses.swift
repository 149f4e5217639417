/// Masses of gold, silver and everything else (base metals, impurities), in kg.
public struct ElementMasses: Codable, Sendable, Equatable {
    /// Gold, kg.
    public var gold: Double
    /// Silver, kg.
    public var silver: Double
    /// Base metals and other impurities, kg.
    public var other: Double

    /// Creates masses in kg; an element left out is 0.
    public init(gold: Double = 0, silver: Double = 0, other: Double = 0) {
        self.gold = gold
        self.silver = silver
        self.other = other
    }

    /// The masses in `grossKg` of material with this assay.
    public init(grossKg: Double, assay: Assay) {
        self.init(gold: grossKg * assay.gold, silver: grossKg * assay.silver, other: grossKg * assay.other)
    }

    /// The gross mass: gold + silver + other, kg.
    public var gross: Double { gold + silver + other }

    /// The element-wise sum (material combined).
    public static func + (lhs: ElementMasses, rhs: ElementMasses) -> ElementMasses {
        ElementMasses(gold: lhs.gold + rhs.gold, silver: lhs.silver + rhs.silver, other: lhs.other + rhs.other)
    }

    /// Adds `rhs` to `lhs` element by element.
    public static func += (lhs: inout ElementMasses, rhs: ElementMasses) { lhs = lhs + rhs }

    /// Element-wise product with fractions.
    public static func * (lhs: ElementMasses, rhs: ElementFractions) -> ElementMasses {
        ElementMasses(gold: lhs.gold * rhs.gold, silver: lhs.silver * rhs.silver, other: lhs.other * rhs.other)
    }

    /// Every element scaled by `lhs` (a share of the material).
    public static func * (lhs: Double, rhs: ElementMasses) -> ElementMasses {
        ElementMasses(gold: lhs * rhs.gold, silver: lhs * rhs.silver, other: lhs * rhs.other)
    }
}
