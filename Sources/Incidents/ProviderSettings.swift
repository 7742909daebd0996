/// Where each provider's payloads carry the variant and the campaign, as `aftermail.yml` sets it
/// under `providers:` (issue 3). Only what the file sets is here; everything else keeps the
/// readers' documented defaults.
///
/// ```yaml
/// providers:
///   sendgrid: { variant_keys: [variant], campaign_keys: [campaign], variant_prefix: "variant:",
///               campaign_prefix: "campaign:", marketing_campaign_fields: true }
///   mailgun:  { variant_keys: [variant], campaign_keys: [campaign], variant_prefix: "variant:",
///               campaign_prefix: "campaign:", use_campaigns: true }
///   ses:      { variant_tags: [variant], campaign_tags: [campaign], variant_headers: [X-Variant],
///               campaign_headers: [X-Campaign] }
///   postmark: { variant_keys: [variant], campaign_keys: [campaign], variant_prefix: "variant:",
///               campaign_prefix: "campaign:" }
///   arf:      { variant_headers: [X-Aftermail-Variant, X-Variant], campaign_headers: [X-Aftermail-Campaign, X-Campaign] }
/// ```
/// A prefix set to `null` turns that tag or category lookup off.
public struct ProviderSettings: Sendable, Equatable {
    /// One setting's value.
    public enum Value: Sendable, Equatable {
        /// A list of key, tag or header names.
        case names([String])
        /// A prefix; nil turns the lookup off.
        case prefix(String?)
        /// A switch.
        case flag(Bool)
    }

    /// The settings given, by provider (`sendgrid`…) and key (`variant_keys`…).
    public var values: [String: [String: Value]] = [:]

    /// No settings: every provider keeps its defaults.
    public init() {}

    /// The value set for `provider` and `key`, if any.
    public subscript(provider: String, key: String) -> Value? { values[provider]?[key] }

    /// The providers and, for each, its keys and the kind of value they take.
    static let schema: [String: [String: Kind]] = [
        "sendgrid": [
            "variant_keys": .names, "campaign_keys": .names, "variant_prefix": .prefix,
            "campaign_prefix": .prefix, "marketing_campaign_fields": .flag,
        ],
        "mailgun": [
            "variant_keys": .names, "campaign_keys": .names, "variant_prefix": .prefix,
            "campaign_prefix": .prefix, "use_campaigns": .flag,
        ],
        "ses": [
            "variant_tags": .names, "campaign_tags": .names, "variant_headers": .names, "campaign_headers": .names,
        ],
        "postmark": [
            "variant_keys": .names, "campaign_keys": .names, "variant_prefix": .prefix, "campaign_prefix": .prefix,
        ],
        "arf": ["variant_headers": .names, "campaign_headers": .names],
    ]

    /// The kinds of value a key takes.
    enum Kind { case names, prefix, flag }
}

extension ProviderSettings {
    /// Reads the `providers:` mapping, reporting unknown providers, unknown keys and wrong types.
    static func parse(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> ProviderSettings {
        var settings = ProviderSettings()
        guard let providers = node.entries(known: schema.keys.sorted(), context: "providers", into: &diagnostics) else {
            return settings
        }
        for (provider, body) in providers.sorted(by: { $0.key < $1.key }) where !body.isNull {
            let kinds = schema[provider] ?? [:]
            guard
                let entries = body.entries(
                    known: kinds.keys.sorted(), context: "providers.\(provider)", into: &diagnostics)
            else { continue }
            for (key, value) in entries {
                let name = "providers.\(provider).\(key)"
                switch kinds[key] {
                case .names:
                    if let list = value.stringList(key: name, into: &diagnostics) {
                        settings.values[provider, default: [:]][key] = .names(list)
                    }
                case .prefix:
                    if value.isNull {
                        settings.values[provider, default: [:]][key] = .prefix(nil)
                    } else if let text = value.requiredString(key: name, into: &diagnostics) {
                        settings.values[provider, default: [:]][key] = .prefix(text)
                    }
                case .flag:
                    if let flag = value.bool(key: name, into: &diagnostics) {
                        settings.values[provider, default: [:]][key] = .flag(flag)
                    }
                case nil:
                    break
                }
            }
        }
        return settings
    }
}
