import Testing
import RefineryModel

/// The rules every schema of data/schema keeps, so they cannot regress: every property typed and
/// described, no object without its fields, a versioned `$id`, shared definitions identical in
/// every schema that has them, and the metric schemas in step with ``KeyResults``.
@Suite struct JSONSchemaRulesTests {
    /// Every property (and every `$defs` entry) of a schema, with its path.
    static func properties(of schema: JSONValue) -> [(path: String, schema: JSONValue)] {
        var found: [(path: String, schema: JSONValue)] = []
        func walk(_ node: JSONValue, _ path: String) {
            if case let .object(properties)? = node["properties"] {
                for (name, property) in properties {
                    found.append((path: "\(path)/properties/\(name)", schema: property))
                    walk(property, "\(path)/properties/\(name)")
                }
            }
            for key in ["items", "additionalProperties"] {
                if let child = node[key], case .object = child { walk(child, "\(path)/\(key)") }
            }
            if case let .object(definitions)? = node["$defs"] {
                for (name, definition) in definitions { walk(definition, "\(path)/$defs/\(name)") }
            }
        }
        walk(schema, "#")
        return found
    }

    /// The schema `$ref` points at (a local `#/$defs/NAME`), or the schema itself.
    static func resolved(_ schema: JSONValue, in root: JSONValue) -> JSONValue {
        guard case let .string(reference)? = schema["$ref"], reference.hasPrefix("#/$defs/") else { return schema }
        return root["$defs"]?[String(reference.dropFirst("#/$defs/".count))] ?? .null
    }

    @Test(arguments: JSONSchemas.Name.allCases)
    func everyPropertyHasATypeAndADescription(name: JSONSchemas.Name) {
        let root = name.schema
        let all = Self.properties(of: root)
        #expect(all.count > 10)
        for (path, property) in all {
            guard case let .string(description)? = property["description"], description.count >= 3 else {
                Issue.record("\(name.rawValue) \(path): no description"); continue
            }
            let target = Self.resolved(property, in: root)
            #expect(target["type"] != nil, "\(name.rawValue) \(path): no type")
            // An object states its fields (or the type of its values); the report's scenario is
            // the one exception: the scenario schema describes it.
            if target["type"] == .string("object") && !(name == .report && path == "#/properties/scenario") {
                #expect(target["properties"] != nil || target["additionalProperties"].map { if case .object = $0 { true } else { false } } == true,
                        "\(name.rawValue) \(path): an object without its fields")
            }
        }
    }

    @Test(arguments: JSONSchemas.Name.allCases)
    func theIdCarriesTheVersion(name: JSONSchemas.Name) {
        let schema = name.schema
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        guard case let .number(version)? = schema["properties"]?["schemaVersion"]?["const"] else {
            Issue.record("\(name.rawValue): schemaVersion is not a constant"); return
        }
        #expect(schema["$id"] == .string("https://refinery-model.example/schema/\(name.rawValue)/\(Int(version))"))
        let expected: Int = switch name {
        case .scenario: Scenario.currentSchemaVersion
        case .report, .value: RunReport.schemaVersion
        case .schedule: RefineryScheduleReport.schemaVersion
        case .compare: Comparison.schemaVersion
        case .sweep: Sweep.schemaVersion
        case .plantState: PlantState.currentSchemaVersion
        }
        #expect(Int(version) == expected, "\(name.rawValue): the schema's version is not the output's")
    }

    /// The run report repeats the valuation's and the schedule's definitions: they must not drift.
    @Test func sharedDefinitionsAreTheSameEverywhere() {
        let shared: [(JSONSchemas.Name, [String])] = [
            (.value, ["valuation", "valuationSummary", "cashFlowYear", "irr", "breakEven", "holder", "holderFlow", "valueAdded",
                      "valueAddedYear", "valueAddedTotal"]),
            (.schedule, ["scheduleRequest", "scheduleSummary", "stageUse", "scheduleInterval", "goldBalance", "scheduleViolation",
                         "infeasibilityExplanation", "scheduleBatch", "scheduleLot", "modelSize"]),
        ]
        for (other, names) in shared {
            for name in names {
                let here = JSONSchemas.report["$defs"]?[name]
                #expect(here != nil && here == other.schema["$defs"]?[name], "$defs/\(name) differs between report and \(other.rawValue)")
            }
        }
    }

    /// A sweep line's results and a comparison's metric ids are exactly the key results.
    @Test func metricSchemasListEveryKeyResult() throws {
        let ids = KeyResults.catalog.map(\.id)
        guard case let .object(results)? = JSONSchemas.sweep["properties"]?["results"]?["properties"] else {
            Issue.record("sweep: no results properties"); return
        }
        #expect(results.map(\.key) == ids)
        for metric in KeyResults.catalog {
            guard case let .string(description)? = results.first(where: { $0.key == metric.id })?.value["description"] else {
                Issue.record("sweep: \(metric.id) has no description"); continue
            }
            #expect(description.hasPrefix(metric.label.prefix(1).uppercased() + metric.label.dropFirst()), "\(metric.id)")
        }
        let metric = JSONSchemas.compare["properties"]?["metrics"]?["items"]
        #expect(metric?["properties"]?["id"]?["enum"] == .array(ids.map(JSONValue.string)))
        guard case let .array(units)? = metric?["properties"]?["unit"]?["enum"] else { Issue.record("compare: no units"); return }
        let listed = units.compactMap { if case let .string(unit) = $0 { unit } else { nil } }
        #expect(Set(KeyResults.catalog.map(\.unit)) == Set(listed) && listed.count == units.count)
    }
}
