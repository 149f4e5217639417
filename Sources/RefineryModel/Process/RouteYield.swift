/// Where each element entering a route ends up, per unit of that element: a linear map, so it
/// is computed once per route and applied to every lot.
///
/// Walking the route's stages in order, at each stage a share `1 − recovery` of what enters
/// is lost, and of what leaves a share `toByproduct` is diverted to the by-product stream.
/// The by-product stage (the silver branch) then recovers its `recovery` share of the stream:
/// silver as refined silver, gold back into refined gold; the rest is lost. What stays on the
/// main line to the end is the product: gold, with some silver that the process does not
/// remove (Miller bullion is ≥ 99.5% gold, the rest mostly silver).
///
/// For every element: `product + byproductRecovered + lost = 1` (to rounding).
public struct RouteYield: Sendable, Equatable {
    /// For each stage of the route, in order: the share of each element entering it.
    public var enteringStage: [ElementFractions]
    /// The share of each element that ends in the route's product.
    public var product: ElementFractions
    /// The share diverted to the by-product stream (before the by-product stage's losses).
    public var byproduct: ElementFractions
    /// The share recovered from the by-product stream (refined silver; gold returned).
    public var byproductRecovered: ElementFractions
    /// The share lost: at the route's stages and in by-product treatment.
    public var lost: ElementFractions

    /// Computes the yield of `route` through the stages of `plant`; a stage id the plant does
    /// not have is skipped (validation refuses such routes first).
    public init(route: Route, plant: Plant) {
        var main = (gold: 1.0, silver: 1.0, other: 1.0)
        var diverted = (gold: 0.0, silver: 0.0, other: 0.0)
        var lostShare = (gold: 0.0, silver: 0.0, other: 0.0)
        var entering: [ElementFractions] = []
        for id in route.stages {
            guard let stage = plant.stage(id) else { continue }
            entering.append(ElementFractions(gold: main.gold, silver: main.silver, other: main.other))
            func step(_ share: inout Double, _ divertedShare: inout Double, _ lost: inout Double, recovery: Double, toByproduct: Double) {
                lost += share * (1 - recovery)
                let leaving = share * recovery
                divertedShare += leaving * toByproduct
                share = leaving * (1 - toByproduct)
            }
            step(&main.gold, &diverted.gold, &lostShare.gold, recovery: stage.recovery.gold, toByproduct: stage.toByproduct.gold)
            step(&main.silver, &diverted.silver, &lostShare.silver, recovery: stage.recovery.silver, toByproduct: stage.toByproduct.silver)
            step(&main.other, &diverted.other, &lostShare.other, recovery: stage.recovery.other, toByproduct: stage.toByproduct.other)
        }
        let treatment = plant.byproductStage.flatMap(plant.stage)?.recovery ?? .none
        let recovered = ElementFractions(gold: diverted.gold * treatment.gold, silver: diverted.silver * treatment.silver,
                                         other: diverted.other * treatment.other)
        enteringStage = entering
        product = ElementFractions(gold: main.gold, silver: main.silver, other: main.other)
        byproduct = ElementFractions(gold: diverted.gold, silver: diverted.silver, other: diverted.other)
        byproductRecovered = recovered
        lost = ElementFractions(gold: lostShare.gold + diverted.gold - recovered.gold,
                                silver: lostShare.silver + diverted.silver - recovered.silver,
                                other: lostShare.other + diverted.other - recovered.other)
    }

    /// Refined gold per kg of gold in: the product plus what the by-product stage returns.
    public var goldRefined: Double { product.gold + byproductRecovered.gold }
}
