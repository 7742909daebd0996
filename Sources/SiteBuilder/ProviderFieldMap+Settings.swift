import CampaignLog
import Incidents

extension ProviderFieldMap {
    /// The readers' defaults with what `aftermail.yml` sets under `providers:` applied.
    init(_ settings: ProviderSettings) {
        self.init()
        func names(_ provider: String, _ key: String, _ target: inout [String]) {
            if case .names(let list) = settings[provider, key] { target = list }
        }
        func prefix(_ provider: String, _ key: String, _ target: inout String?) {
            if case .prefix(let value) = settings[provider, key] { target = value }
        }
        func flag(_ provider: String, _ key: String, _ target: inout Bool) {
            if case .flag(let value) = settings[provider, key] { target = value }
        }
        names("sendgrid", "variant_keys", &sendGrid.variantKeys)
        names("sendgrid", "campaign_keys", &sendGrid.campaignKeys)
        prefix("sendgrid", "variant_prefix", &sendGrid.variantCategoryPrefix)
        prefix("sendgrid", "campaign_prefix", &sendGrid.campaignCategoryPrefix)
        flag("sendgrid", "marketing_campaign_fields", &sendGrid.marketingCampaignFields)
        names("mailgun", "variant_keys", &mailgun.variantKeys)
        names("mailgun", "campaign_keys", &mailgun.campaignKeys)
        prefix("mailgun", "variant_prefix", &mailgun.variantTagPrefix)
        prefix("mailgun", "campaign_prefix", &mailgun.campaignTagPrefix)
        flag("mailgun", "use_campaigns", &mailgun.useCampaigns)
        names("ses", "variant_tags", &ses.variantTags)
        names("ses", "campaign_tags", &ses.campaignTags)
        names("ses", "variant_headers", &ses.variantHeaders)
        names("ses", "campaign_headers", &ses.campaignHeaders)
        names("postmark", "variant_keys", &postmark.variantKeys)
        names("postmark", "campaign_keys", &postmark.campaignKeys)
        prefix("postmark", "variant_prefix", &postmark.variantTagPrefix)
        prefix("postmark", "campaign_prefix", &postmark.campaignTagPrefix)
        names("arf", "variant_headers", &arf.variantHeaders)
        names("arf", "campaign_headers", &arf.campaignHeaders)
    }
}
