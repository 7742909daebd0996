extension ProviderFieldMap {
    /// Where a Postmark webhook carries its variant and campaign.
    ///
    /// Looked at in order: ``variantKeys`` in `Metadata`, then the message's `Tag` when it starts
    /// with ``variantTagPrefix`` (an empty prefix takes the whole tag). The campaign likewise with
    /// ``campaignKeys`` and ``campaignTagPrefix``.
    public struct Postmark: Sendable, Equatable {
        /// Keys of `Metadata` that name the variant. Default `["variant"]`.
        public var variantKeys: [String]
        /// Keys of `Metadata` that name the campaign. Default `["campaign"]`.
        public var campaignKeys: [String]
        /// A `Tag` `variant:B` names variant `B`; nil to not look at the tag. Default `"variant:"`.
        public var variantTagPrefix: String?
        /// A `Tag` `campaign:x` names campaign `x`; `""` takes the whole tag; nil to not look.
        /// Default `"campaign:"`.
        public var campaignTagPrefix: String?

        /// The documented defaults, or the places given.
        public init(
            variantKeys: [String] = ["variant"], campaignKeys: [String] = ["campaign"],
            variantTagPrefix: String? = "variant:", campaignTagPrefix: String? = "campaign:"
        ) {
            self.variantKeys = variantKeys
            self.campaignKeys = campaignKeys
            self.variantTagPrefix = variantTagPrefix
            self.campaignTagPrefix = campaignTagPrefix
        }
    }
}
