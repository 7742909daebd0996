extension BuiltinTemplates {
    /// The stylesheet: readable on a phone, light and dark, print-friendly, no web fonts.
    static let style = #"""
        :root {
          --fg: #1d232b; --muted: #55606e; --bg: #fdfdfc; --card: #f3f4f1; --line: #d5d9de;
          --accent: #8a1c1c; --link: #1f4f8f;
        }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e6e8eb; --muted: #a9b1bb; --bg: #14171b; --card: #1d2127; --line: #39404a;
                  --accent: #f08c8c; --link: #8cb8f0; }
        }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
               color: var(--fg); background: var(--bg); }
        .site-header, main, .site-footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
        .site-header { padding-top: 1rem; padding-bottom: .5rem; border-bottom: 1px solid var(--line); }
        .skip-link { position: absolute; left: -999px; }
        .skip-link:focus { left: 1rem; top: .5rem; background: var(--bg); padding: .25rem .5rem; }
        .site-title { font-weight: 700; color: var(--fg); text-decoration: none; }
        a { color: var(--link); }
        h1 { font-size: 1.9rem; line-height: 1.25; margin: 1.5rem 0 .5rem; }
        h2 { font-size: 1.35rem; margin-top: 2rem; }
        .meta, .breadcrumb, .note, .data-link { color: var(--muted); font-size: .95rem; }
        .summary { font-size: 1.15rem; }
        .severity { color: var(--accent); font-weight: 600; }
        .draft { text-transform: uppercase; font-size: .8rem; border: 1px solid var(--muted); padding: 0 .3rem; }
        .tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
        .tags a { color: inherit; text-decoration: none; }
        .tags li { background: var(--card); border-radius: .25rem; padding: 0 .5rem; font-size: .9rem; }
        .incident-list { list-style: none; padding: 0; }
        .incident-card { border-top: 1px solid var(--line); padding: .5rem 0 1rem; }
        .incident-card h2 { margin: .5rem 0 0; }
        .headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; margin: 1rem 0; }
        .headline div { background: var(--card); border-radius: .4rem; padding: .5rem .75rem; }
        .headline dt { font-size: .85rem; color: var(--muted); }
        .headline dd { margin: 0; font-size: 1.3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: .95rem; }
        caption { text-align: left; color: var(--muted); padding-bottom: .25rem; }
        th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: right; white-space: nowrap; }
        th[scope="col"]:first-child, tbody th, tfoot th { text-align: left; }
        tfoot { font-weight: 700; }
        .findings li { margin: .25rem 0; }
        .chart-figure { margin: 1.5rem 0; }
        .chart-figure figcaption { color: var(--muted); font-size: .9rem; }
        svg.chart { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
        svg.chart text { fill: var(--fg); }
        svg.chart .tick, svg.chart .axis-label { fill: var(--muted); }
        svg.chart .grid { stroke: var(--line); stroke-width: 1; }
        svg.chart .whisker { stroke: var(--fg); stroke-width: 1.5; }
        svg.chart .threshold { stroke: var(--accent); stroke-width: 2; stroke-dasharray: 5 4; }
        svg.chart .complaints { fill: #D55E00; }
        svg.chart .unsubscribes { fill: #CC79A7; }
        svg.chart .cell { fill: #000; font-weight: 600; }
        details { margin: .5rem 0; }
        summary { cursor: pointer; color: var(--link); }
        td small { color: var(--muted); }
        .notes img { max-width: 100%; }
        .notes pre { overflow-x: auto; background: var(--card); padding: .75rem; }
        .apology-link { font-weight: 600; }
        .site-footer { border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem;
                       color: var(--muted); font-size: .9rem; }
        @media print {
          .site-header, .site-footer, .data-link { display: none; }
          body { background: #fff; color: #000; }
          a { color: inherit; }
          .headline div { border: 1px solid #999; }
          details > *:not(summary) { display: block; }
        }

        """#
}
