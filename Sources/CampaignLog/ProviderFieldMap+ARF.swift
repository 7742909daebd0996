extension ProviderFieldMap {
    /// Where an ARF abuse report says which variant and campaign the complaint is about.
    ///
    /// First the headers of the original message attached to the report (``variantHeaders``,
    /// ``campaignHeaders``, names compared ignoring case); what they leave open is found by
    /// matching the original Message-ID, then the recipient, to the send events of the same run
    /// (``CampaignLogReader/finish(into:)``).
    public struct ARF: Sendable, Equatable {
        /// Headers of the original message that name the variant.
        /// Default `["X-Aftermail-Variant", "X-Variant"]`.
        public var variantHeaders: [String]
        /// Headers of the original message that name the campaign.
        /// Default `["X-Aftermail-Campaign", "X-Campaign"]`.
        public var campaignHeaders: [String]

        /// The documented defaults, or the places given.
        public init(
            variantHeaders: [String] = ["X-Aftermail-Variant", "X-Variant"],
            campaignHeaders: [String] = ["X-Aftermail-Campaign", "X-Campaign"]
        ) {
            self.variantHeaders = variantHeaders
            self.campaignHeaders = campaignHeaders
        }
    }
}
