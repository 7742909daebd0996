extension ProviderFieldMap {
    /// Where a Mailgun event carries its variant and campaign.
    ///
    /// Looked at in order: ``variantKeys`` in `user-variables` (set with `v:` / `X-Mailgun-Variables`),
    /// then the first tag (`o:tag`) starting with ``variantTagPrefix``. The campaign likewise:
    /// ``campaignKeys``, ``campaignTagPrefix``, then, with ``useCampaigns``, the `id` of the first
    /// entry of the legacy `campaigns` array.
    public struct Mailgun: Sendable, Equatable {
        /// Keys of `user-variables` that name the variant. Default `["variant"]`.
        public var variantKeys: [String]
        /// Keys of `user-variables` that name the campaign. Default `["campaign"]`.
        public var campaignKeys: [String]
        /// A tag `variant:B` names variant `B`; nil to not look at tags. Default `"variant:"`.
        public var variantTagPrefix: String?
        /// A tag `campaign:x` names campaign `x`; nil to not look. Default `"campaign:"`.
        public var campaignTagPrefix: String?
        /// Fall back on the first entry of `campaigns` (its `id`). Default true.
        public var useCampaigns: Bool

        /// The documented defaults, or the places given.
        public init(
            variantKeys: [String] = ["variant"], campaignKeys: [String] = ["campaign"],
            variantTagPrefix: String? = "variant:", campaignTagPrefix: String? = "campaign:",
            useCampaigns: Bool = true
        ) {
            self.variantKeys = variantKeys
            self.campaignKeys = campaignKeys
            self.variantTagPrefix = variantTagPrefix
            self.campaignTagPrefix = campaignTagPrefix
            self.useCampaigns = useCampaigns
        }
    }
}
