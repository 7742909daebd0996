extension BuiltinTemplates {
    /// The page shell shared by every page; `body` is HTML rendered by the page's own template.
    static let layout = #"""
        <!doctype html>
        <html lang="{{language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>{{pageTitle}}</title>
        {{#description}}<meta name="description" content="{{description}}">
        {{/description}}<link rel="stylesheet" href="{{root}}style.css">
        {{#hasFeed}}<link rel="alternate" type="application/atom+xml" title="{{siteTitle}}" href="{{root}}feed.xml">
        {{/hasFeed}}
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
        <a class="site-title" href="{{root}}index.html">{{siteTitle}}</a>
        </header>
        <main id="main">
        {{{body}}}
        </main>
        <footer class="site-footer">
        <p>Published with Aftermail. Figures are computed from the campaign's event logs; no subscriber's address appears on this site.</p>
        </footer>
        </body>
        </html>

        """#

    /// The incidents with one tag.
    static let tag = #"""
        <p class="breadcrumb"><a href="{{root}}index.html">All incidents</a></p>
        <h1>Incidents tagged “{{tag}}”</h1>
        <ol class="incident-list">
        {{#incidents}}
        <li class="incident-card">
        <h2><a href="{{href}}">{{title}}</a></h2>
        <p class="meta">{{#date}}<time datetime="{{isoDay}}">{{date}}</time>{{/date}}{{#severity}} · <span class="severity">{{severity}}</span>{{/severity}}</p>
        {{#summary}}<p>{{summary}}</p>{{/summary}}
        </li>
        {{/incidents}}
        </ol>

        """#

    /// The list of incidents, newest first.
    static let index = #"""
        <h1>{{siteTitle}}</h1>
        {{^hasIncidents}}
        <p>No incidents have been published yet.</p>
        {{/hasIncidents}}
        {{#hasIncidents}}
        <ol class="incident-list">
        {{#incidents}}
        <li class="incident-card">
        <h2><a href="{{href}}">{{title}}</a></h2>
        <p class="meta">{{#date}}<time datetime="{{isoDay}}">{{date}}</time>{{/date}}{{#severity}} · <span class="severity">{{severity}}</span>{{/severity}}{{#isDraft}} · <span class="draft">draft</span>{{/isDraft}}</p>
        {{#summary}}<p>{{summary}}</p>{{/summary}}
        {{#headline}}
        <dl class="headline">
        <div><dt>Sends</dt><dd>{{sends}}</dd></div>
        <div><dt>Recipients</dt><dd>{{recipients}}</dd></div>
        <div><dt>Got more than one variant</dt><dd>{{multiple}}</dd></div>
        <div><dt>Complaint rate</dt><dd>{{complaintRate}}</dd></div>
        <div><dt>Unsubscribe rate</dt><dd>{{unsubscribeRate}}</dd></div>
        </dl>
        {{/headline}}
        </li>
        {{/incidents}}
        </ol>
        {{/hasIncidents}}

        """#
}
