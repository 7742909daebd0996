import CampaignMetrics
import Testing

/// The story's complaints per delivered message of variants A…G. Reference values:
/// `scipy.stats.chi2_contingency(table, correction=False)` with SciPy 1.17.1 for the
/// chi-square test, and for the comparisons with A the pooled z by hand with
/// `scipy.stats.norm.sf(z)` and Holm's step-down adjustment by hand.
struct RateTestTests {
    static let story: [RateTest.Arm] = [
        .init(variant: "A", events: 1, base: 1977), .init(variant: "B", events: 3, base: 1974),
        .init(variant: "C", events: 4, base: 1977), .init(variant: "D", events: 6, base: 1977),
        .init(variant: "E", events: 9, base: 1975), .init(variant: "F", events: 13, base: 1978),
        .init(variant: "G", events: 17, base: 1976),
    ]

    @Test func chiSquareMatchesSciPy() throws {
        let test = RateTest(arms: Self.story.reversed())
        #expect(test.variants == ["A", "B", "C", "D", "E", "F", "G"])
        #expect(test.degreesOfFreedom == 6)
        let statistic = try #require(test.statistic)
        let p = try #require(test.pValue)
        let smallest = try #require(test.minExpected)
        #expect(abs(statistic - 26.470757589082726) < 1e-9, "χ² \(statistic)")
        #expect(abs(p - 0.00018188376359858373) < 1e-12, "p \(p)")
        #expect(abs(smallest - 7.562671678473326) < 1e-9, "min expected \(smallest)")
    }

    @Test func comparisonsWithTheBestAreHolmAdjusted() {
        let test = RateTest(arms: Self.story)
        #expect(test.best == "A")
        let expected: [(String, Double, Double, Double)] = [
            ("B", 1.0020262466867167, 0.15816545827893203, 0.17943721190295636),
            ("C", 1.3424898725835381, 0.08971860595147818, 0.17943721190295636),
            ("D", 1.8914974216023113, 0.029278987424744867, 0.0878369622742346),
            ("E", 2.534631597131742, 0.00562828190289649, 0.02251312761158596),
            ("F", 3.211878728722828, 0.0006593501403473927, 0.003296750701736964),
            ("G", 3.780927613799892, 7.812255127000373e-05, 0.0004687353076200224),
        ]
        #expect(test.comparisons.map(\.variant) == expected.map(\.0))
        for (comparison, (name, z, p, adjusted)) in zip(test.comparisons, expected) {
            #expect(abs((comparison.z ?? 0) - z) < 1e-9, "\(name) z \(comparison.z ?? .nan) vs \(z)")
            #expect(abs(comparison.pValue - p) < 1e-9 * max(p, 1e-6), "\(name) p \(comparison.pValue) vs \(p)")
            #expect(
                abs(comparison.adjustedPValue - adjusted) < 1e-9,
                "\(name) Holm \(comparison.adjustedPValue) vs \(adjusted)")
        }
        #expect(test.crediblyAboveBest == ["E", "F", "G"])
    }

    @Test func noEventsMeansNothingToTest() {
        let test = RateTest(arms: [.init(variant: "A", events: 0, base: 100), .init(variant: "B", events: 0, base: 90)])
        #expect(test.statistic == nil && test.pValue == nil)
        #expect(test.best == "A")
        #expect(test.comparisons.map(\.pValue) == [1])
        #expect(test.crediblyAboveBest.isEmpty)
    }

    @Test func oneArmOrAnImpossibleCountIsNoTest() {
        #expect(RateTest(arms: [.init(variant: "A", events: 1, base: 10)]).statistic == nil)
        let broken = RateTest(arms: [
            .init(variant: "A", events: 11, base: 10), .init(variant: "B", events: 1, base: 10),
        ])
        #expect(broken.statistic == nil && broken.best == nil && broken.comparisons.isEmpty)
        let empty = RateTest(arms: [.init(variant: "A", events: 0, base: 0), .init(variant: "B", events: 1, base: 10)])
        #expect(empty.variants == ["B"], "arms without a base are left out")
    }
}
