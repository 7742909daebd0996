/// What `aftermail check` found: every threshold of SPEC §4 evaluated on every campaign of
/// every incident that has logs.
public struct CheckReport: Sendable, Equatable {
    /// How one evaluation came out.
    public enum Status: String, Sendable, Comparable {
        case pass, warn, fail

        private var order: Int { self == .pass ? 0 : self == .warn ? 1 : 2 }
        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.order < rhs.order }
    }

    /// One threshold on one campaign.
    public struct Finding: Sendable, Equatable {
        /// The incident's slug.
        public var incident: String
        /// The site-relative file of the incident, for annotations.
        public var path: String
        /// The campaign id.
        public var campaign: String
        /// The threshold's key in `aftermail.yml` (`complaint_rate`…).
        public var check: String
        /// The measured value (a rate as a fraction, or a count); nil when undefined.
        public var value: Double?
        /// The warn level, when there is one.
        public var warn: Double?
        /// The fail level, when there is one.
        public var fail: Double?
        /// The outcome.
        public var status: Status
        /// The outcome in words, for people.
        public var message: String
    }

    /// Every evaluation, by incident, campaign and check.
    public var findings: [Finding]
    /// Incidents with no logs (nothing to check), by slug.
    public var incidentsWithoutLogs: [String]

    /// The worst outcome (pass when nothing was checked).
    public var status: Status { findings.map(\.status).max() ?? .pass }
}
