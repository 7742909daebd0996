import CampaignLog
import CampaignMetrics
import Testing

struct PlanComparisonTests {
    /// a gets A as planned; b is planned B (twice) but gets A and B; c gets B as planned;
    /// d gets A without being in the plan; e is planned A and never sent.
    static let log =
        header + """
            \(at(0)),c,A,a@x.org,send
            \(at(0)),c,A,b@x.org,send
            \(at(1)),c,B,b@x.org,send
            \(at(1)),c,B,C@X.ORG,send
            \(at(2)),c,A,d@x.org,send
            """
    static let plan = """
        recipient,variant
         A@x.org ,A
        b@x.org,B
        c@x.org,B
        e@x.org,A
        b@x.org,B
        f@x.org,
        """

    @Test func planAgainstWhatWasSent() throws {
        let plan = try #require(try campaign(Self.log, plan: Self.plan).plan)
        #expect(plan.rows == 5)
        #expect(plan.rowsSkipped == 1, "f has no variant")
        #expect(plan.plannedRecipients == 4)
        #expect(plan.recipientsAssignedMoreThanOnce == 1)
        #expect(plan.recipientsSentUnplannedVariant == 1, "b got A")
        #expect(plan.plannedNeverSent == 1, "e")
        #expect(plan.sentNotInPlan == 1, "d")
        #expect(plan.variants.map(\.variant) == ["A", "B"])
        let a = plan.variants[0], b = plan.variants[1]
        #expect(
            [a.plannedRecipients, a.sends, a.recipients, a.sentAsPlanned, a.sentNotPlanned, a.plannedNotSent] == [
                2, 3, 3, 1, 1, 1,
            ])
        #expect(
            [b.plannedRecipients, b.sends, b.recipients, b.sentAsPlanned, b.sentNotPlanned, b.plannedNotSent] == [
                2, 2, 2, 2, 0, 0,
            ])
    }

    @Test func aPlannedVariantNeverSentIsListed() throws {
        let plan = try #require(try campaign(Self.log, plan: "recipient,variant\na@x.org,Z\n").plan)
        #expect(plan.variants.map(\.variant) == ["A", "B", "Z"])
        #expect(plan.variants[2].plannedNotSent == 1)
        #expect(plan.variants[0].sentNotPlanned == 1)
        #expect(plan.sentNotInPlan == 3)
    }

    @Test func malformedRowsAreListedWithTheirPlace() throws {
        let folder = TempFolder()
        let log = folder.file("events.csv", Self.log)
        let plan = folder.file("plan.csv", Self.plan)
        let (_, reading) = try MetricsReport.compute(files: [(log, "events.csv")], plan: (plan, "plan.csv"))
        #expect(reading.skipped.map(\.description) == ["plan.csv:7: error: missing variant"])
        #expect(reading.files == ["events.csv", "plan.csv"])
        #expect(throws: LogError.self) {
            try MetricsReport.compute(
                files: [(log, "events.csv")], options: LogReadOptions(strict: true), plan: (plan, "plan.csv"))
        }
    }

    @Test func noPlanNoSection() throws {
        #expect(try campaign(Self.log).plan == nil)
        #expect(!(try report(Self.log).json.contains("\"plan\"")))
    }
}
