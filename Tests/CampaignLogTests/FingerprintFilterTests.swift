import TestSupport
import Testing

@testable import CampaignLog

struct FingerprintFilterTests {
    @Test(arguments: [0, 1, 100, 10_000])
    func membersAlwaysPassAndFewOthersDo(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        let members = (0..<count).map { _ in random.next() }
        let filter = FingerprintFilter(members, count: count)
        #expect(members.allSatisfy(filter.mayContain), "a member was ruled out")
        let passed = (0..<100_000).filter { _ in filter.mayContain(random.next()) }.count
        #expect(passed < 100_000 / 40, "\(passed) of 100000 non-members passed, expected about 1 in 70")
    }
}
