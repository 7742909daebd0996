import CampaignLog
import Testing

struct ARFReaderTests {
    let folder = TempFolder()

    @Test func aComplaintWithoutSendsIsUnassignedAndCounted() throws {
        let (events, report) = try readFixtures("arf/complaint-bob.eml")
        #expect(events == ["2026-03-02T11:30:00Z  unassigned bob@example.org complaint"], "\(events)")
        #expect(report.unmatchedComplaints == 1)
    }

    @Test func decodesQuotedPrintableAndBase64PartsAndReadsVariantHeaders() throws {
        let (events, report) = try readFixtures("arf/encoded-parts.eml")
        #expect(events == ["2026-03-02T12:45:00Z spring-sale A cy@example.com complaint"], "\(events)")
        #expect(report.unmatchedComplaints == 0, "the original's X-Aftermail-Variant names the variant")
    }

    @Test func readsAnMboxOfReportsIncludingMicrosoftJMRP() throws {
        let (events, report) = try readFixtures("arf/reports.mbox")
        #expect(
            events == [
                "2026-03-02T12:15:00Z  unassigned dee@example.org complaint",
                "2026-03-02T12:15:00Z  unassigned eve@example.org complaint",
            ], "\(events)")
        #expect(report.ignoredEvents == 1, "the not-spam report")
        #expect(
            report.skipped.map(\.description) == [
                "arf/reports.mbox:45: error: not an abuse report: no message/feedback-report part and no attached message"
            ])
        #expect(report.unmatchedComplaints == 2)
    }

    @Test func anEmailThatIsNoReportIsAnErrorNamingTheFile() {
        #expect(throws: LogError.self) { try readFixtures("arf/not-a-report.eml") }
        do {
            _ = try readFixtures("arf/not-a-report.eml")
        } catch {
            #expect(error.path == "arf/not-a-report.eml")
            #expect(error.message.contains("not an abuse report"), "\(error.message)")
        }
    }

    @Test func complaintsTakeTheVariantOfTheirMessageIDBeforeTheRecipientsLatestSend() throws {
        // cy received A (09:00:00) then B (09:00:03); the report is about the A message.
        let report = folder.file(
            "cy.eml",
            """
            From: fbl@mailbox.example.net
            Date: Mon, 2 Mar 2026 13:00:00 +0000
            Content-Type: multipart/report; report-type=feedback-report; boundary="x"

            --x
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            Original-Rcpt-To: cy@example.com

            --x
            Content-Type: text/rfc822-headers

            Message-ID: <sale-a.cy@mta.shop.example.com>
            To: cy@example.com

            --x--
            """)
        let byMessage = try readRun([report, fixture("mixed/sendgrid.json")])
        #expect(
            byMessage.events.last == "2026-03-02T13:00:00Z spring-sale A cy@example.com complaint",
            "\(byMessage.events)")
        // Without Message-IDs (canonical CSV), the recipient's latest send decides: B.
        let byRecipient = try readRun([report, fixture("mixed/campaign.csv")])
        #expect(
            byRecipient.events.last == "2026-03-02T13:00:00Z spring-sale B cy@example.com complaint",
            "\(byRecipient.events)")
        #expect(byRecipient.report.unmatchedComplaints == 0)
    }

    @Test func aReportWithoutADateOrRecipientIsABadRecordUnderStrictAnError() throws {
        let noDate = folder.file(
            "nodate.eml",
            """
            From: fbl@mailbox.example.net
            Content-Type: multipart/report; report-type=feedback-report; boundary="x"

            --x
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            Original-Rcpt-To: a@example.com
            Arrival-Date: yesterday at noon

            --x--
            """)
        let (events, report) = try readRun([noDate])
        #expect(events.isEmpty)
        #expect(
            report.skipped.map(\.description) == [
                "nodate.eml:1: error: invalid timestamp 'yesterday at noon' (RFC 3339 with an offset, or Unix seconds)"
            ])
        #expect(
            throws: LogError(
                path: "nodate.eml", line: 1,
                message: "invalid timestamp 'yesterday at noon' (RFC 3339 with an offset, or Unix seconds)")
        ) {
            try readRun([noDate], options: LogReadOptions(strict: true))
        }
    }

    @Test func aSingleReportIsNotSplitAtABodyLineStartingWithFrom() throws {
        let path = folder.file(
            "one.eml",
            """
            From: fbl@mailbox.example.net
            Date: Mon, 2 Mar 2026 13:00:00 +0000
            Content-Type: multipart/report; report-type=feedback-report; boundary="x"

            --x
            Content-Type: text/plain

            From what we can tell, this is spam.

            --x
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            Original-Rcpt-To: a@example.com

            --x--
            """)
        let (events, report) = try readRun([path])
        #expect(events == ["2026-03-02T13:00:00Z  unassigned a@example.com complaint"], "\(events)")
        #expect(report.recordsSkipped == 0)
    }

    @Test func variantHeadersAreConfigurable() throws {
        let path = folder.file(
            "h.eml",
            """
            From: fbl@mailbox.example.net
            Date: Mon, 2 Mar 2026 13:00:00 +0000
            Content-Type: multipart/report; report-type=feedback-report; boundary="x"

            --x
            Content-Type: message/feedback-report

            Feedback-Type: fraud
            Original-Rcpt-To: a@example.com

            --x
            Content-Type: message/rfc822

            X-Arm: blue
            X-Wave: w1
            To: a@example.com

            --x--
            """)
        var fields = ProviderFieldMap()
        fields.arf = .init(variantHeaders: ["x-arm"], campaignHeaders: ["X-WAVE"])
        let (events, _) = try readRun([path], options: LogReadOptions(fields: fields))
        #expect(events == ["2026-03-02T13:00:00Z w1 blue a@example.com complaint"], "\(events)")
    }
}
