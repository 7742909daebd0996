extension ProviderFieldMap {
    /// Where a SendGrid event carries its variant and campaign.
    ///
    /// Custom args (`custom_args`, formerly unique args) arrive as top-level keys of each event.
    /// Looked at in order: ``variantKeys`` (first non-blank string or number), then the first
    /// `category` (a string or an array of them) starting with ``variantCategoryPrefix``, then,
    /// with ``marketingCampaignFields``, `marketing_campaign_version` (SendGrid's own A/B tests).
    /// The campaign likewise: ``campaignKeys``, ``campaignCategoryPrefix``, then
    /// `marketing_campaign_name`.
    public struct SendGrid: Sendable, Equatable {
        /// Top-level keys that name the variant. Default `["variant"]`.
        public var variantKeys: [String]
        /// Top-level keys that name the campaign. Default `["campaign"]`.
        public var campaignKeys: [String]
        /// A category `variant:B` names variant `B`; nil to not look at categories. Default `"variant:"`.
        public var variantCategoryPrefix: String?
        /// A category `campaign:x` names campaign `x`; nil to not look. Default `"campaign:"`.
        public var campaignCategoryPrefix: String?
        /// Fall back on `marketing_campaign_version` / `marketing_campaign_name`. Default true.
        public var marketingCampaignFields: Bool

        /// The documented defaults, or the places given.
        public init(
            variantKeys: [String] = ["variant"], campaignKeys: [String] = ["campaign"],
            variantCategoryPrefix: String? = "variant:", campaignCategoryPrefix: String? = "campaign:",
            marketingCampaignFields: Bool = true
        ) {
            self.variantKeys = variantKeys
            self.campaignKeys = campaignKeys
            self.variantCategoryPrefix = variantCategoryPrefix
            self.campaignCategoryPrefix = campaignCategoryPrefix
            self.marketingCampaignFields = marketingCampaignFields
        }
    }
}
