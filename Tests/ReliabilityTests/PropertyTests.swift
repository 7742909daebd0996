import CampaignMetrics
import Foundation
import TestSupport
import Testing

/// SPEC §2's counting rules as properties over generated logs (about 200 small logs each, from a
/// seeded generator, so a failure names the seed that rebuilds it): the figures do not depend on
/// the order of events, on how they are split into files, on repeated webhooks or on how an
/// address is spelled, nor on which format carries them.
struct PropertyTests {
    @Test func shufflingTheEventsChangesNoFigure() throws {
        let failure = try Property.check("shuffle") { rng, folder in
            let log = GeneratedLog.random(using: &rng)
            let expected = try Figures.json([("a.csv", log.csv())], in: folder)
            let shuffled = log.events.shuffled(using: &rng)
            let actual = try Figures.json([("b.csv", log.csv(events: shuffled))], in: folder)
            return expected == actual ? nil : Figures.firstDifference(expected, actual)
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func splittingALogIntoSeveralFilesOfEitherFormatChangesNoFigure() throws {
        let failure = try Property.check("split") { rng, folder in
            let log = GeneratedLog.random(using: &rng)
            let expected = try Figures.json([("whole.csv", log.csv())], in: folder)
            let parts = Int.random(in: 2...4, using: &rng)
            var buckets = Array(repeating: [GeneratedLog.Event](), count: parts)
            for event in log.events { buckets[Int.random(in: 0..<parts, using: &rng)].append(event) }
            let files = buckets.enumerated().compactMap { index, events -> (name: String, text: String)? in
                guard !events.isEmpty else { return nil }
                return rng.chance(0.5)
                    ? ("part\(index).csv", log.csv(events: events))
                    : ("part\(index).jsonl", log.jsonLines(events: events))
            }
            let actual = try Figures.json(files, in: folder)
            return expected == actual ? nil : Figures.firstDifference(expected, actual)
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func repeatingEveryEventThatHasAnIDChangesNoFigure() throws {
        let failure = try Property.check("repeat") { rng, folder in
            let log = GeneratedLog.random(using: &rng)
            let before = try Figures.run([("a.csv", log.csv())], in: folder).report
            let repeats = log.events.filter { $0.id != nil }
            let doubled = (log.events + repeats).shuffled(using: &rng)
            let after = try Figures.run([("b.csv", log.csv(events: doubled))], in: folder).report
            let expected = Figures.jsonIgnoringRepeats(before)
            let actual = Figures.jsonIgnoringRepeats(after)
            if expected != actual { return Figures.firstDifference(expected, actual) }
            if after.eventsRead != before.eventsRead + repeats.count {
                return "events_read \(after.eventsRead), expected \(before.eventsRead) + \(repeats.count) repeats"
            }
            if after.duplicatesDropped != before.duplicatesDropped + repeats.count {
                return
                    "duplicates_dropped \(after.duplicatesDropped), expected \(before.duplicatesDropped) + \(repeats.count)"
            }
            return nil
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func changingTheCaseOfAddressesChangesNoFigure() throws {
        let failure = try Property.check("case") { rng, folder in
            let log = GeneratedLog.random(using: &rng)
            let expected = try Figures.json([("a.csv", log.csv())], in: folder)
            var respelled = log
            for index in respelled.events.indices {
                respelled.events[index].recipient = Self.randomCase(respelled.events[index].recipient, &rng)
            }
            let actual = try Figures.json([("b.csv", respelled.csv())], in: folder)
            return expected == actual ? nil : Figures.firstDifference(expected, actual)
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func surroundingWhiteSpaceAndDecomposedAccentsInAddressesChangeNoFigure() throws {
        let failure = try Property.check("spelling", count: 100) { rng, folder in
            let log = GeneratedLog.random(using: &rng)
            let expected = try Figures.json([("a.jsonl", log.jsonLines())], in: folder)
            var respelled = log
            for index in respelled.events.indices {
                var address = respelled.events[index].recipient
                if rng.chance(0.5) { address = address.decomposedStringWithCanonicalMapping }
                let pads = [" ", "\t", "\u{00A0}", "  ", ""]
                address = rng.pick(pads) + address + rng.pick(pads)
                respelled.events[index].recipient = address
            }
            let actual = try Figures.json([("b.jsonl", respelled.jsonLines())], in: folder)
            return expected == actual ? nil : Figures.firstDifference(expected, actual)
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func canonicalCSVAndJSONLinesOfTheSameEventsAgree() throws {
        let failure = try Property.check("csv-jsonl") { rng, folder in
            let log = GeneratedLog.random(using: &rng)
            let columns = ["timestamp", "campaign", "variant", "recipient", "event", "event_id", "detail", "extra"]
                .shuffled(using: &rng)
            let unixTimes = rng.chance(0.3)
            let csv = log.csv(columns: columns, crlf: rng.chance(0.3), unixTimes: unixTimes)
            let expected = try Figures.json([("a.csv", csv)], in: folder)
            let actual = try Figures.json([("a.jsonl", log.jsonLines(unixTimes: rng.chance(0.5)))], in: folder)
            return expected == actual ? nil : "columns \(columns):\n" + Figures.firstDifference(expected, actual)
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func sendGridWebhookBodiesGiveTheFiguresOfTheCanonicalCSV() throws {
        let failure = try Property.check("sendgrid") { rng, folder in
            let log = GeneratedLog.random(using: &rng, wholeSeconds: true)
            let expected = try Figures.json([("a.csv", log.csv())], in: folder)
            let actual = try Figures.json(
                [("sg.json", log.sendGrid(batch: Int.random(in: 1...8, using: &rng)))], in: folder)
            return expected == actual ? nil : Figures.firstDifference(expected, actual)
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func mailgunEventsGiveTheFiguresOfTheCanonicalCSV() throws {
        let failure = try Property.check("mailgun") { rng, folder in
            let log = GeneratedLog.random(using: &rng)
            let expected = try Figures.json([("a.csv", log.csv())], in: folder)
            let actual = try Figures.json([("mg.json", log.mailgun(pages: rng.chance(0.5)))], in: folder)
            return expected == actual ? nil : Figures.firstDifference(expected, actual)
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    // MARK: - Private

    /// `address` with each letter upper- or lower-cased at random (letters whose upper case folds
    /// back to them only, which is every letter the generator uses).
    private static func randomCase(_ address: String, _ rng: inout SplitMix64) -> String {
        String(
            address.map { character -> String in
                let upper = character.uppercased()
                guard rng.chance(0.5), upper.lowercased() == String(character) else { return String(character) }
                return upper
            }.joined())
    }
}
