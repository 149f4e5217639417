/// The schedule's JSON gives every turnaround in days, like the throughput model's
/// `turnaroundDays` and the key results: the Swift values keep hours (the schedule's grid unit),
/// the JSON keys say days (`meanTurnaroundDays`, `turnaroundDays`). `refinery-cli schema schedule`
/// describes the result.
extension RefineryScheduleReport.Summary {
    private enum CodingKeys: String, CodingKey {
        case lotsReceived, lotsCompleted, lotsLate, intakeGoldKg, refinedGoldKg, refinedSilverKg, goldInProcessAtEndKg,
             averageGoldInProcessKg, meanTurnaroundDays, maxTurnaroundDays, busiestStage
    }

    /// Writes the summary with its turnarounds in days.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lotsReceived, forKey: .lotsReceived)
        try container.encode(lotsCompleted, forKey: .lotsCompleted)
        try container.encode(lotsLate, forKey: .lotsLate)
        try container.encode(intakeGoldKg, forKey: .intakeGoldKg)
        try container.encode(refinedGoldKg, forKey: .refinedGoldKg)
        try container.encode(refinedSilverKg, forKey: .refinedSilverKg)
        try container.encode(goldInProcessAtEndKg, forKey: .goldInProcessAtEndKg)
        try container.encode(averageGoldInProcessKg, forKey: .averageGoldInProcessKg)
        try container.encodeIfPresent(meanTurnaroundHours.map { $0 / 24 }, forKey: .meanTurnaroundDays)
        try container.encodeIfPresent(maxTurnaroundHours.map { $0 / 24 }, forKey: .maxTurnaroundDays)
        try container.encodeIfPresent(busiestStage, forKey: .busiestStage)
    }

    /// Reads a summary written by ``encode(to:)`` (turnarounds in days).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lotsReceived = try container.decode(Int.self, forKey: .lotsReceived)
        lotsCompleted = try container.decode(Int.self, forKey: .lotsCompleted)
        lotsLate = try container.decode(Int.self, forKey: .lotsLate)
        intakeGoldKg = try container.decode(Double.self, forKey: .intakeGoldKg)
        refinedGoldKg = try container.decode(Double.self, forKey: .refinedGoldKg)
        refinedSilverKg = try container.decode(Double.self, forKey: .refinedSilverKg)
        goldInProcessAtEndKg = try container.decode(Double.self, forKey: .goldInProcessAtEndKg)
        averageGoldInProcessKg = try container.decode(Double.self, forKey: .averageGoldInProcessKg)
        meanTurnaroundHours = try container.decodeIfPresent(Double.self, forKey: .meanTurnaroundDays).map { $0 * 24 }
        maxTurnaroundHours = try container.decodeIfPresent(Double.self, forKey: .maxTurnaroundDays).map { $0 * 24 }
        busiestStage = try container.decodeIfPresent(String.self, forKey: .busiestStage)
    }
}

extension RefineryScheduleReport.Lot {
    private enum CodingKeys: String, CodingKey {
        case id, kind, goldKg, arrival, due, completed, turnaroundDays, onTime
    }

    /// Writes the lot with its turnaround in days.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(goldKg, forKey: .goldKg)
        try container.encode(arrival, forKey: .arrival)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encodeIfPresent(completed, forKey: .completed)
        try container.encodeIfPresent(turnaroundHours.map { $0 / 24 }, forKey: .turnaroundDays)
        try container.encodeIfPresent(onTime, forKey: .onTime)
    }

    /// Reads a lot written by ``encode(to:)`` (turnaround in days).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(MaterialKind.self, forKey: .kind)
        goldKg = try container.decode(Double.self, forKey: .goldKg)
        arrival = try container.decode(Int.self, forKey: .arrival)
        due = try container.decodeIfPresent(Int.self, forKey: .due)
        completed = try container.decodeIfPresent(Int.self, forKey: .completed)
        turnaroundHours = try container.decodeIfPresent(Double.self, forKey: .turnaroundDays).map { $0 * 24 }
        onTime = try container.decodeIfPresent(Bool.self, forKey: .onTime)
    }
}
