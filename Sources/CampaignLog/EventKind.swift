/// What happened to one message, after the provider's vocabulary has been mapped to ours (SPEC §2).
public enum EventKind: UInt8, CaseIterable, Sendable, Hashable {
    case send, delivered, bounce, deferred, dropped, open, click, complaint, unsubscribe

    /// The canonical spelling, as written in logs and in JSON.
    public var name: String {
        switch self {
        case .send: "send"
        case .delivered: "delivered"
        case .bounce: "bounce"
        case .deferred: "deferred"
        case .dropped: "dropped"
        case .open: "open"
        case .click: "click"
        case .complaint: "complaint"
        case .unsubscribe: "unsubscribe"
        }
    }
}
