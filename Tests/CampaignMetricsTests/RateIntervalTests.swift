import CampaignMetrics
import Testing

/// Wilson bounds computed by hand in Python 3.11 from the textbook formula with
/// z = 1.959963984540054 (`scipy.stats.norm.ppf(0.975)`):
/// p = x/n; s = 1 + z²/n; c = (p + z²/2n)/s; h = z/s·√(p(1−p)/n + z²/4n²); (c − h, c + h).
struct RateIntervalTests {
    @Test(arguments: [
        (0, 10, 0.0, 0.2775327998628892),
        (1, 1977, 8.92946830099578e-05, 0.0028596837900940297),
        (17, 1976, 0.0053783880231336335, 0.013734990299206705),
        (5, 5, 0.5655175352168251, 1.0),
        (50, 100, 0.4038315303659956, 0.5961684696340044),
        (53, 13834, 0.0029303988770554984, 0.005007360718439619),
    ])
    func wilsonMatchesTheFormula(count: Int, trials: Int, low: Double, high: Double) throws {
        let interval = try #require(RateInterval.wilson(count, trials))
        #expect(abs(interval.low - low) < 1e-15, "low of \(count)/\(trials): \(interval.low) vs \(low)")
        #expect(abs(interval.high - high) < 1e-15, "high of \(count)/\(trials): \(interval.high) vs \(high)")
    }

    @Test func undefinedWithoutTrialsOrWhenTheCountIsNoProportion() {
        #expect(RateInterval.wilson(0, 0) == nil)
        #expect(RateInterval.wilson(3, 2) == nil)
    }

    @Test func variantRatesUseTheSpecDenominators() throws {
        var figures = VariantFigures(variant: "A")
        (figures.sends, figures.delivered, figures.complaints, figures.bounces) = (10, 0, 2, 1)
        #expect(figures.engagementBase == 10, "nothing delivered: the base is sends")
        #expect(figures.complaintRateInterval == RateInterval.wilson(2, 10))
        figures.delivered = 8
        #expect(figures.complaintRateInterval == RateInterval.wilson(2, 8))
        #expect(figures.bounceRateInterval == RateInterval.wilson(1, 10))
    }
}
