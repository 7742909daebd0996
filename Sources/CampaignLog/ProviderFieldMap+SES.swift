extension ProviderFieldMap {
    /// Where an Amazon SES event carries its variant and campaign.
    ///
    /// Looked at in order: the first value of the message tags (`mail.tags`, set with
    /// `EmailTags` or `X-SES-MESSAGE-TAGS`) named by ``variantTags``, then the headers of the
    /// message (`mail.headers`, names compared ignoring case) named by ``variantHeaders``. The
    /// campaign likewise with ``campaignTags`` and ``campaignHeaders``.
    public struct SES: Sendable, Equatable {
        /// Message tags that name the variant. Default `["variant"]`.
        public var variantTags: [String]
        /// Message tags that name the campaign. Default `["campaign"]`.
        public var campaignTags: [String]
        /// Headers that name the variant. Default `["X-Variant"]`.
        public var variantHeaders: [String]
        /// Headers that name the campaign. Default `["X-Campaign"]`.
        public var campaignHeaders: [String]

        /// The documented defaults, or the places given.
        public init(
            variantTags: [String] = ["variant"], campaignTags: [String] = ["campaign"],
            variantHeaders: [String] = ["X-Variant"], campaignHeaders: [String] = ["X-Campaign"]
        ) {
            self.variantTags = variantTags
            self.campaignTags = campaignTags
            self.variantHeaders = variantHeaders
            self.campaignHeaders = campaignHeaders
        }
    }
}
