import Testing

@testable import CampaignLog

struct FormatDetectionTests {
    func detect(_ text: String) throws(LogError) -> LogFormat {
        try LogFormat.detect(head: Array(text.utf8)[...], displayPath: "f")
    }

    @Test(arguments: [
        (#"[{"email":"a@x","timestamp":1,"event":"processed","sg_event_id":"x"}]"#, LogFormat.sendGrid),
        (#"{"email":"a@x","event":"open","timestamp":1}"#, .sendGrid),
        ("[\n  {\n    \"sg_message_id\": \"m\"", .sendGrid),
        (#"{"signature":{"token":"t"},"event-data":{"event":"opened"}}"#, .mailgun),
        (#"{"items":[{"event":"accepted"}],"paging":{}}"#, .mailgun),
        (#"{"event":"delivered","id":"x","timestamp":1.5,"recipient":"a@x","log-level":"info"}"#, .mailgun),
        (#"{"eventType":"Send","mail":{}}"#, .ses),
        (#"{"notificationType":"Bounce","bounce":{}}"#, .ses),
        (#"{"Type":"Notification","MessageId":"m","Message":"{}"}"#, .ses),
        (#"{"RecordType":"Delivery","Recipient":"a@x"}"#, .postmark),
        (#"{"timestamp":1,"recipient":"a@x","event":"send","id":"1"}"#, .canonicalJSONLines),
        ("{\n\"timestamp\":1,\"recipient\":\"a@x\",\"event\":\"send\"}", .canonicalJSON),
        (#"[{"timestamp":1,"recipient":"a@x","event":"send"}]"#, .canonicalJSON),
        ("\u{FEFF}timestamp,campaign,variant,recipient,event\r\n", .canonicalCSV),
        ("From fbl@example.net Mon Mar  2 12:00:00 2026\nFrom: x\n", .arf),
        ("Received: from x\nContent-Type: multipart/report; report-type=feedback-report;\n", .arf),
        (
            "Return-Path: <x@example.net>\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n",
            .arf
        ),
    ])
    func recognisesFormatsFromContent(text: String, format: LogFormat) throws {
        #expect(try detect(text) == format, "\(text)")
    }

    @Test func namesWhatWasExpectedForAnUnknownFile() {
        #expect(throws: LogError.self) { try detect(#"{"userid":"1123"}"#) }
        do {
            _ = try detect("Subject: hello\n\nbody\n")
        } catch {
            #expect(error.message.hasPrefix("an email message that is not an abuse report"), "\(error.message)")
        }
        do {
            _ = try detect("[1,2]")
        } catch {
            #expect(
                error.description.hasPrefix("f:1: error: unrecognised log format: expected"), "\(error.description)")
            #expect(error.message.contains("SendGrid, Mailgun, Amazon SES or Postmark"), "\(error.message)")
        }
    }
}
