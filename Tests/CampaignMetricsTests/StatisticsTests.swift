import CampaignMetrics
import Testing

/// Reference values computed with SciPy 1.17.1 (Python 3.11):
/// `scipy.stats.chi2.sf(x, df)`, `scipy.special.gammaincc(a, x)` / `gammainc(a, x)`,
/// `scipy.special.gammaln(x)` and `scipy.stats.norm.sf(z)`.
struct StatisticsTests {
    static func close(_ actual: Double, _ expected: Double, relative: Double = 1e-9) -> Bool {
        abs(actual - expected) <= relative * max(abs(expected), 1e-300)
    }

    @Test(arguments: [
        (3.841458820694124, 1, 0.04999999999999989),
        (26.4708, 6, 0.0001818804459182418),
        (0.5, 1, 0.47950012218695337),
        (10, 3, 0.01856613546304325),
        (63.1215, 6, 1.0425782840124376e-11),
        (100, 10, 5.4497019829205215e-17),
        (0.001, 2, 0.9995001249791693),
        (300, 5, 1.0015302305957817e-62),
        (7.5, 7, 0.37873690604821353),
    ])
    func chiSquareSurvivalMatchesSciPy(x: Double, df: Int, expected: Double) {
        let actual = Statistics.chiSquareSurvival(x, degreesOfFreedom: df)
        #expect(Self.close(actual, expected), "chi2.sf(\(x), \(df)): \(actual) vs scipy \(expected)")
    }

    @Test(arguments: [
        (0.5, 0.1, 0.6547208460185768, 0.34527915398142317),
        (0.5, 2.0, 0.04550026389635857, 0.9544997361036415),
        (3.0, 2.5, 0.5438131158833297, 0.45618688411667035),
        (10.0, 3.0, 0.9988975118698845, 0.0011024881301154815),
        (10.0, 20.0, 0.0049954123083075785, 0.9950045876916924),
        (2.5, 2.5, 0.4158801869955079, 0.584119813004492),
        (100, 90, 0.84177901081357, 0.15822098918643007),
    ])
    func regularizedGammaMatchesSciPy(a: Double, x: Double, upper: Double, lower: Double) {
        let q = Statistics.regularizedGammaQ(a, x)
        let p = Statistics.regularizedGammaP(a, x)
        #expect(Self.close(q, upper, relative: 1e-8), "Q(\(a), \(x)): \(q) vs scipy \(upper)")
        #expect(Self.close(p, lower, relative: 1e-8), "P(\(a), \(x)): \(p) vs scipy \(lower)")
    }

    @Test(arguments: [
        (0.1, 2.252712651734206), (0.5, 0.5723649429247), (1, 0.0), (1.5, -0.12078223763524526),
        (7, 6.579251212010101), (10.5, 13.940625219403763), (100, 359.1342053695754), (1000, 5905.220423209181),
    ])
    func logGammaMatchesSciPy(x: Double, expected: Double) {
        let actual = Statistics.logGamma(x)
        #expect(abs(actual - expected) <= 1e-12 * max(1, abs(expected)), "lnΓ(\(x)): \(actual) vs scipy \(expected)")
    }

    @Test(arguments: [
        (0, 0.5), (1, 0.15865525393145707), (1.959963984540054, 0.025), (-1.5, 0.9331927987311419),
        (3.78093, 7.812180240188522e-05), (8, 6.22096057427174e-16),
    ])
    func normalSurvivalMatchesSciPy(z: Double, expected: Double) {
        let actual = Statistics.normalSurvival(z)
        #expect(Self.close(actual, expected, relative: 1e-8), "norm.sf(\(z)): \(actual) vs scipy \(expected)")
    }

    @Test func edgesAreExact() {
        #expect(Statistics.chiSquareSurvival(0, degreesOfFreedom: 3) == 1)
        #expect(Statistics.regularizedGammaQ(2, 0) == 1)
        #expect(Statistics.regularizedGammaP(2, 0) == 0)
    }
}
