/// What a provider reader makes of one payload, or of one item in it.
enum ProviderOutcome: Equatable {
    /// An event to count.
    case event(ProviderEvent)
    /// A known event type that Aftermail does not count (SendGrid `group_resubscribe`, SES
    /// `Rendering Failure`...): counted in ``LogReadReport/ignoredEvents``, not reported.
    case ignored
    /// A payload (or item) that cannot be read, and why: a bad record.
    case bad(String)
}
