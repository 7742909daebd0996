/// The limits `aftermail check` evaluates every incident against (SPEC §4).
///
/// In `aftermail.yml` (every key optional; a key left out keeps its default, `null` turns a limit off):
/// ```yaml
/// thresholds:
///   complaint_rate:    { warn: 0.001, fail: 0.003 }   # or "0.1%", "0.3%"
///   unsubscribe_rate:  { warn: 0.005, fail: 0.01 }
///   bounce_rate:       { warn: 0.02,  fail: 0.05 }
///   recipients_with_multiple_variants: 0   # fail when more recipients than this got two variants
///   sends_after_opt_out: 0                 # fail when more sends than this followed an opt-out
/// ```
/// Rates are fractions (`0.003`) or percent strings (`"0.3%"`), between 0 and 1, with warn ≤ fail.
public struct Thresholds: Sendable, Equatable {
    /// Complaints per delivered message (default warn 0.1 %, fail 0.3 %).
    public var complaintRate: Limit
    /// Unsubscribes per delivered message (default warn 0.5 %, fail 1 %).
    public var unsubscribeRate: Limit
    /// Bounces per send (default warn 2 %, fail 5 %).
    public var bounceRate: Limit
    /// Fail when more recipients than this received two or more variants (default 0).
    public var recipientsWithMultipleVariants: Int
    /// Fail when more sends than this went to a recipient after their own complaint or unsubscribe (default 0).
    public var sendsAfterOptOut: Int

    /// A warn and a fail level for a rate, as fractions; nil turns that level off.
    public struct Limit: Sendable, Equatable {
        /// Warn when the rate is above this.
        public var warn: Double?
        /// Fail when the rate is above this.
        public var fail: Double?

        /// Creates a limit.
        public init(warn: Double?, fail: Double?) {
            self.warn = warn
            self.fail = fail
        }
    }

    /// Creates thresholds; each argument defaults to SPEC §4.
    public init(
        complaintRate: Limit = Limit(warn: 0.001, fail: 0.003),
        unsubscribeRate: Limit = Limit(warn: 0.005, fail: 0.01),
        bounceRate: Limit = Limit(warn: 0.02, fail: 0.05),
        recipientsWithMultipleVariants: Int = 0,
        sendsAfterOptOut: Int = 0
    ) {
        self.complaintRate = complaintRate
        self.unsubscribeRate = unsubscribeRate
        self.bounceRate = bounceRate
        self.recipientsWithMultipleVariants = recipientsWithMultipleVariants
        self.sendsAfterOptOut = sendsAfterOptOut
    }

    /// The SPEC §4 defaults (the 2024 bulk-sender rules of the large mailbox providers).
    public static let `default` = Thresholds()
}
