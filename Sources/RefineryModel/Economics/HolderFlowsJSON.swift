/// The JSON of a holder: its yearly flows are one array of `{year, grossUsd, netUsd}`
/// (`flows`), so each amount carries its year, instead of two bare arrays of numbers.
extension HolderResult {
    private enum CodingKeys: String, CodingKey {
        case id, name, share, malian, kind, carried, contributionsUsd, grossDividendsUsd, withholdingUsd, netDividendsUsd,
             npvUsd, irr, flows
    }

    /// One year of a holder's flows, as the JSON writes it.
    private struct Flow: Codable {
        var year: Int
        var grossUsd: Double
        var netUsd: Double
    }

    /// Writes the holder; throws when ``flowYears`` does not give a year to every flow.
    public func encode(to encoder: any Encoder) throws {
        guard flowYears.count == grossFlows.count, flowYears.count == netFlows.count else {
            throw EncodingError.invalidValue(flowYears, .init(codingPath: encoder.codingPath,
                debugDescription: "holder \(id): \(flowYears.count) flow years for \(grossFlows.count) gross and \(netFlows.count) net flows"))
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(share, forKey: .share)
        try container.encode(malian, forKey: .malian)
        try container.encode(kind, forKey: .kind)
        try container.encode(carried, forKey: .carried)
        try container.encode(contributionsUsd, forKey: .contributionsUsd)
        try container.encode(grossDividendsUsd, forKey: .grossDividendsUsd)
        try container.encode(withholdingUsd, forKey: .withholdingUsd)
        try container.encode(netDividendsUsd, forKey: .netDividendsUsd)
        try container.encode(npvUsd, forKey: .npvUsd)
        try container.encode(irr, forKey: .irr)
        let flows = flowYears.indices.map { Flow(year: flowYears[$0], grossUsd: grossFlows[$0], netUsd: netFlows[$0]) }
        try container.encode(flows, forKey: .flows)
    }

    /// Reads a holder written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let flows = try container.decode([Flow].self, forKey: .flows)
        self.init(id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
                  share: try container.decode(Double.self, forKey: .share), malian: try container.decode(Bool.self, forKey: .malian),
                  kind: try container.decode(HolderKind.self, forKey: .kind), carried: try container.decode(Bool.self, forKey: .carried),
                  contributionsUsd: try container.decode(Double.self, forKey: .contributionsUsd),
                  grossDividendsUsd: try container.decode(Double.self, forKey: .grossDividendsUsd),
                  withholdingUsd: try container.decode(Double.self, forKey: .withholdingUsd),
                  netDividendsUsd: try container.decode(Double.self, forKey: .netDividendsUsd),
                  grossFlows: flows.map(\.grossUsd), netFlows: flows.map(\.netUsd),
                  npvUsd: try container.decode(Double.self, forKey: .npvUsd), irr: try container.decode(IRRResult.self, forKey: .irr),
                  flowYears: flows.map(\.year))
    }
}
