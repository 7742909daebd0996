extension BuiltinTemplates {
    /// The post-mortem page of one incident.
    static let incident = #"""
        <article class="incident">
        <header>
        <p class="breadcrumb"><a href="{{root}}index.html">All incidents</a></p>
        <h1>{{title}}</h1>
        <p class="meta">{{#date}}<time datetime="{{isoDay}}">{{date}}</time>{{/date}}{{#severity}} · <span class="severity">{{severity}}</span>{{/severity}}{{#owner}} · Owner: {{owner}}{{/owner}}{{#isDraft}} · <span class="draft">draft</span>{{/isDraft}}</p>
        {{#summary}}<p class="summary">{{summary}}</p>{{/summary}}
        {{#hasTags}}<ul class="tags" aria-label="Tags">{{#tags}}<li><a href="{{href}}">{{name}}</a></li>{{/tags}}</ul>{{/hasTags}}
        {{#apologyHref}}<p><a class="apology-link" href="{{apologyHref}}">Read our apology</a></p>{{/apologyHref}}
        </header>
        {{#campaigns}}
        {{> figures}}
        {{/campaigns}}
        {{#skippedRecords}}<p class="note">{{skippedRecords}} malformed log records were skipped when computing these figures.</p>{{/skippedRecords}}
        {{#metricsHref}}<p class="data-link">The figures on this page as data: <a href="{{metricsHref}}">metrics.json</a>.</p>{{/metricsHref}}
        <section class="notes" aria-label="Post-mortem">
        {{{notesHTML}}}
        </section>
        </article>

        """#

    /// One campaign's figures: headline numbers and the per-variant table.
    static let figures = #"""
        <section class="figures" aria-labelledby="figures-{{anchor}}">
        <h2 id="figures-{{anchor}}">Figures for {{name}}</h2>
        <dl class="headline">
        <div><dt>Sends</dt><dd>{{headline.sends}}</dd></div>
        <div><dt>Recipients</dt><dd>{{headline.recipients}}</dd></div>
        <div><dt>Got more than one variant</dt><dd>{{headline.multiple}}</dd></div>
        <div><dt>Complaint rate</dt><dd>{{headline.complaintRate}}</dd></div>
        <div><dt>Unsubscribe rate</dt><dd>{{headline.unsubscribeRate}}</dd></div>
        </dl>
        <p class="meta">First send {{firstSend}} · last send {{lastSend}} · first complaint {{firstComplaint}} (UTC)</p>
        <div class="table-wrap">
        <table>
        <caption>Per-variant figures for {{name}}</caption>
        <thead><tr><th scope="col">Variant</th><th scope="col">Sends</th><th scope="col">Delivered</th><th scope="col">Bounces</th><th scope="col">Complaints</th><th scope="col">Unsubscribes</th><th scope="col">Recipients</th><th scope="col">Complaint rate</th><th scope="col">Unsubscribe rate</th><th scope="col">Bounce rate</th></tr></thead>
        <tbody>
        {{#variants}}
        <tr><th scope="row">{{name}}</th><td>{{sends}}</td><td>{{delivered}}</td><td>{{bounces}}</td><td>{{complaints}}</td><td>{{unsubscribes}}</td><td>{{recipients}}</td><td>{{complaintRate}}{{#complaintInterval}}<br><small>{{complaintInterval}}</small>{{/complaintInterval}}</td><td>{{unsubscribeRate}}</td><td>{{bounceRate}}</td></tr>
        {{/variants}}
        </tbody>
        {{#totals}}
        <tfoot><tr><th scope="row">All variants</th><td>{{sends}}</td><td>{{delivered}}</td><td>{{bounces}}</td><td>{{complaints}}</td><td>{{unsubscribes}}</td><td>{{recipients}}</td><td>{{complaintRate}}</td><td>{{unsubscribeRate}}</td><td>{{bounceRate}}</td></tr></tfoot>
        {{/totals}}
        </table>
        </div>
        <p class="note">Complaint and unsubscribe rates are per delivered message; the small figures under a complaint rate are its 95% Wilson interval.</p>
        {{#diagnosis}}
        <h3>What the logs show</h3>
        <ul class="findings">
        {{#findings}}<li>{{.}}</li>
        {{/findings}}
        </ul>
        {{#charts}}
        <figure class="chart-figure">
        {{{svg}}}
        <figcaption><strong>{{title}}.</strong> {{description}}</figcaption>
        </figure>
        {{/charts}}
        <details>
        <summary>Data: recipients who received both variants</summary>
        <div class="table-wrap">
        <table>
        <caption>Recipients sent both the row's and the column's variant</caption>
        <thead><tr><th scope="col">Variant</th>{{#overlapColumns}}<th scope="col">{{.}}</th>{{/overlapColumns}}</tr></thead>
        <tbody>
        {{#overlapRows}}<tr><th scope="row">{{variant}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
        {{/overlapRows}}
        </tbody>
        </table>
        </div>
        </details>
        {{#hasTimeline}}
        <details>
        <summary>Data: sends, complaints and unsubscribes over time</summary>
        <div class="table-wrap">
        <table>
        <caption>Counts per time bucket (UTC)</caption>
        <thead><tr><th scope="col">Time</th>{{#timelineHeader}}<th scope="col">Sends {{.}}</th>{{/timelineHeader}}<th scope="col">Complaints</th><th scope="col">Unsubscribes</th></tr></thead>
        <tbody>
        {{#timelineRows}}<tr><th scope="row">{{time}}</th>{{#sends}}<td>{{.}}</td>{{/sends}}<td>{{complaints}}</td><td>{{unsubscribes}}</td></tr>
        {{/timelineRows}}
        </tbody>
        </table>
        </div>
        </details>
        {{/hasTimeline}}
        {{/diagnosis}}
        </section>

        """#

    /// The public apology of one incident.
    static let apology = #"""
        <article class="apology">
        <header>
        <p class="breadcrumb"><a href="{{root}}index.html">All incidents</a> › <a href="../index.html">{{incidentTitle}}</a></p>
        <h1>{{heading}}</h1>
        {{#sentAt}}<p class="meta">Sent {{sentAt}}</p>{{/sentAt}}
        </header>
        <section class="notes">
        {{{bodyHTML}}}
        </section>
        </article>

        """#
}
