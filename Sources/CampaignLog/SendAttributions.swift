import CPrefetch

/// What the sends of a run say about each message and each recipient, for giving ARF complaints
/// their campaign and variant at the end of the run (``CampaignLogReader/finish(into:)``).
///
/// - By Message-ID: every send or delivery whose payload names its Message-ID (SendGrid
///   `smtp-id`, Mailgun `message-id`, SES `messageId`, Postmark `MessageID`) is remembered as a
///   64-bit fingerprint of the id and the event's campaign and variant: about 24 bytes a message.
/// - By recipient: the campaign and variant of each recipient's latest send (any format,
///   canonical CSV included; its latest delivery when the run has no send to it): 24 bytes a
///   distinct recipient.
///
/// Both are kept for every run, as an ARF report may come before or after the sends it is about;
/// memory grows with messages sent, never with opens, clicks or other events.
struct SendAttributions {
    /// A campaign id and a variant id of the run's ``LogSymbols``.
    struct Attribution: Equatable {
        var campaign: Int32
        var variant: Int32
    }

    /// Remembers the campaign and variant of the message `id` (compared ignoring case).
    mutating func remember(messageID id: String, _ attribution: Attribution) {
        messages.insert(Self.fingerprint(id), Self.pack(attribution))
    }

    /// Remembers a send (or a delivery) as its recipient's latest, unless a later one is known.
    /// Deliveries count only for recipients without any send in the run (Postmark has no sends).
    mutating func noteSend(_ event: Event) {
        let index = Int(event.recipient)
        if index >= latest.count {
            latest.append(
                contentsOf: repeatElement(
                    Latest(time: .min, campaign: -1, variant: -1, isSend: false), count: index + 1 - latest.count))
        }
        let isSend = event.kind == .send
        let known = latest[index]
        guard
            isSend
                ? !known.isSend || event.timestamp.microseconds >= known.time
                : !known.isSend && event.timestamp.microseconds >= known.time
        else { return }
        latest[index] = Latest(
            time: event.timestamp.microseconds, campaign: event.campaign, variant: event.variant, isSend: isSend)
    }

    /// Prefetches the latest send known for `recipient` (what ``noteSend(_:)`` reads and
    /// writes), so that a group of sends can wait for their misses together.
    @inline(__always)
    func warm(_ recipient: Int32) {
        let index = Int(recipient)
        latest.withUnsafeBufferPointer { if index < $0.count { aftermail_prefetch($0.baseAddress! + index) } }
    }

    /// The campaign and variant of the message `id`; an id `local@domain` not seen whole is also
    /// looked up by its local part (SES and Postmark ids are the local part of the header).
    func lookup(messageID id: String) -> Attribution? {
        if let value = messages.value(Self.fingerprint(id)) { return Self.unpack(value) }
        if let at = id.firstIndex(of: "@"), let value = messages.value(Self.fingerprint(String(id[..<at]))) {
            return Self.unpack(value)
        }
        return nil
    }

    /// The campaign and variant of the latest send to `recipient` (an id of the run's recipients).
    func lookup(recipient: Int32) -> Attribution? {
        guard Int(recipient) < latest.count, latest[Int(recipient)].campaign >= 0 else { return nil }
        let entry = latest[Int(recipient)]
        return Attribution(campaign: entry.campaign, variant: entry.variant)
    }

    // MARK: - Private

    private struct Latest {
        var time: Int64
        var campaign: Int32
        var variant: Int32
        var isSend: Bool
    }

    private var messages = FingerprintMap()
    private var latest: [Latest] = []

    private static func fingerprint(_ id: String) -> UInt64 {
        var lowered = id.lowercased()
        return lowered.withUTF8 { SymbolTable.hash(UnsafeRawBufferPointer($0), seed: 0x5851_F42D_4C95_7F2D) }
    }

    private static func pack(_ attribution: Attribution) -> UInt64 {
        UInt64(UInt32(bitPattern: attribution.campaign)) << 32 | UInt64(UInt32(bitPattern: attribution.variant))
    }

    private static func unpack(_ value: UInt64) -> Attribution {
        Attribution(
            campaign: Int32(bitPattern: UInt32(value >> 32)),
            variant: Int32(bitPattern: UInt32(truncatingIfNeeded: value)))
    }
}
