#!/usr/bin/env python3
"""The DuckDB peer of `aftermail metrics --format json`: the same figures, one process, SQL.

Usage: python3 scripts/bench/duckdb_metrics.py FILE.csv...

This is what a team would write with DuckDB instead of Aftermail, held to the counting rules of
SPEC.md §2 so that the benchmark compares equal work:

- every field is trimmed (space, tab, CR, LF); `event` is compared case-insensitively and the
  provider synonyms of the README map onto the nine kinds; an unknown kind is a bad record;
- recipients are trimmed, lower-cased (Unicode-aware) and put in Unicode normal form C; a blank
  recipient is a bad record;
- `timestamp` is RFC 3339 with an offset (`Z` or ±hh:mm, a real calendar date) or Unix seconds;
  anything else is a bad record;
- only valid records take part; events with the same `event_id` anywhere in the run count once
  (the first in file order); events without an id are never merged;
- an empty variant counts as `unassigned` and never towards recipients_with_multiple_variants.

It prints the JSON document of SPEC.md §3 (rates computed from the counts, rounded half away
from zero to six places), so `run.py` can compare it with Aftermail's figure by figure.
Bad records are counted in `records_skipped` but not listed (DuckDB does not point at lines).
"""

import json
import sys
from datetime import datetime, timedelta, timezone
from fractions import Fraction

import duckdb

SYNONYMS = {
    "send": "send", "sent": "send", "processed": "send", "accepted": "send",
    "delivered": "delivered", "delivery": "delivered",
    "bounce": "bounce", "bounced": "bounce", "failed": "bounce",
    "deferred": "deferred", "deferral": "deferred", "delayed": "deferred",
    "dropped": "dropped", "drop": "dropped",
    "open": "open", "opened": "open",
    "click": "click", "clicked": "click",
    "complaint": "complaint", "spamreport": "complaint", "spam_report": "complaint",
    "spamcomplaint": "complaint", "complained": "complaint",
    "unsubscribe": "unsubscribe", "unsubscribed": "unsubscribe",
}
KINDS = ["send", "delivered", "bounce", "deferred", "dropped", "open", "click", "complaint",
         "unsubscribe"]
FIELDS = ["sends", "delivered", "bounces", "deferred", "dropped", "opens", "clicks",
          "complaints", "unsubscribes"]
CANONICAL = ["timestamp", "campaign", "variant", "recipient", "event", "event_id", "detail"]
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def header_columns(path):
    """The header's column names as written, and as compared (trimmed, lower-cased)."""
    with open(path, "r", encoding="utf-8-sig", errors="replace", newline="") as handle:
        line = handle.readline().rstrip("\r\n")
    written = [name.strip('"') for name in line.split(",")]
    return written, [name.strip().lower() for name in written]


def source_query(paths):
    """One SELECT over all files, in file order, with the canonical columns (NULL when absent)."""
    parts = []
    for index, path in enumerate(paths):
        written, compared = header_columns(path)
        for required in ("timestamp", "recipient", "event"):
            if required not in compared:
                raise SystemExit("%s:1: error: header lacks %s" % (path, required))
        columns = "{" + ", ".join("%s: 'VARCHAR'" % sql_string(name) for name in written) + "}"
        picks = []
        for name in CANONICAL[:6]:
            if name in compared:
                picks.append('"%s" AS %s' % (written[compared.index(name)].replace('"', '""'), name))
            else:
                picks.append("NULL::VARCHAR AS %s" % name)
        parts.append(
            "SELECT %d AS file_no, %s FROM read_csv(%s, header = true, auto_detect = false, "
            "delim = ',', quote = '\"', escape = '\"', columns = %s)"
            % (index, ", ".join(picks), sql_string(path), columns))
    return " UNION ALL ".join(parts)


def metrics_sql(paths):
    ws = "' ' || chr(9) || chr(10) || chr(13)"
    kind_case = "CASE lower(trim(event, %s)) %s END" % (
        ws, " ".join("WHEN %s THEN %s" % (sql_string(k), sql_string(v)) for k, v in SYNONYMS.items()))
    return f"""
CREATE TEMP TABLE cell AS
WITH src AS (
    -- file order: the first copy of a duplicated event_id is the one that counts
    SELECT row_number() OVER () AS rn, * FROM ({source_query(paths)})
),
norm AS (
    SELECT rn,
           trim("timestamp", {ws}) AS t,
           coalesce(trim(campaign, {ws}), '') AS campaign,
           coalesce(trim(variant, {ws}), '') AS raw_variant,
           nfc_normalize(lower(trim(recipient, {ws}))) AS recipient,
           {kind_case} AS kind,
           nullif(trim(event_id, {ws}), '') AS event_id
    FROM src
),
valid AS (
    SELECT rn, campaign, recipient, kind, event_id,
           CASE WHEN raw_variant = '' THEN 'unassigned' ELSE raw_variant END AS variant,
           raw_variant <> '' AS named,
           CASE WHEN kind IS NULL OR recipient IS NULL OR recipient = '' THEN NULL
                WHEN regexp_full_match(t, '-?[0-9]+(\\.[0-9]+)?') THEN to_timestamp(t::DOUBLE)
                WHEN regexp_matches(t, '([Zz]|[+-][0-9][0-9]:[0-9][0-9])$') THEN try_cast(t AS TIMESTAMPTZ)
           END AS ts
    FROM norm
),
dedup AS (
    -- A bad record (ts NULL) is kept only to be counted: campaign NULL marks it. A valid record
    -- whose event_id was seen earlier keeps its place in events_read but loses its kind.
    SELECT CASE WHEN ts IS NOT NULL THEN campaign END AS campaign,
           CASE WHEN ts IS NOT NULL THEN variant END AS variant,
           CASE WHEN ts IS NOT NULL THEN recipient END AS recipient,
           named, ts,
           CASE WHEN event_id IS NULL
                  OR row_number() OVER (PARTITION BY event_id, ts IS NOT NULL ORDER BY rn) = 1
                THEN kind END AS kind
    FROM valid
)
-- one row per campaign, variant and recipient: every figure is a sum or count over these
SELECT campaign, variant, recipient,
       {", ".join("count(*) FILTER (WHERE kind = '%s') AS %s" % (k, f) for k, f in zip(KINDS, FIELDS))},
       bool_or(named AND kind = 'send') AS named_send,
       epoch_us(min(ts) FILTER (WHERE kind = 'send')) AS first_send,
       epoch_us(max(ts) FILTER (WHERE kind = 'send')) AS last_send,
       epoch_us(min(ts) FILTER (WHERE kind = 'complaint')) AS first_complaint,
       count(*) AS events_read, count(kind) AS events
FROM dedup GROUP BY campaign, variant, recipient;
"""


def sums():
    return ", ".join("sum(%s)::BIGINT AS %s" % (f, f) for f in FIELDS)


def rounded_rate(numerator, denominator):
    if denominator == 0:
        return None
    exact = Fraction(numerator, denominator) * 10**6
    return float(int(exact + Fraction(1, 2))) / 10**6


def figures(row, name=None):
    counts = dict(zip(FIELDS, row[:len(FIELDS)]))
    result = {} if name is None else {"variant": name}
    result.update(counts)
    result["recipients"] = row[len(FIELDS)]
    base = counts["delivered"] or counts["sends"]
    result["complaint_rate"] = rounded_rate(counts["complaints"], base)
    result["unsubscribe_rate"] = rounded_rate(counts["unsubscribes"], base)
    result["bounce_rate"] = rounded_rate(counts["bounces"], counts["sends"])
    return result


def format_time(micros):
    if micros is None:
        return None
    seconds, frac = divmod(micros, 10**6)
    text = (EPOCH + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S")
    if frac:
        text += "." + ("%06d" % frac).rstrip("0")
    return text + "Z"


def main(paths):
    if not paths:
        print("usage: python3 scripts/bench/duckdb_metrics.py FILE.csv...", file=sys.stderr)
        return 2
    db = duckdb.connect()
    db.execute("SET TimeZone = 'UTC'")
    db.execute(metrics_sql(paths))
    variants = db.sql(f"""
        SELECT campaign, variant, {sums()}, count(*) FILTER (WHERE sends > 0) AS recipients
        FROM cell WHERE campaign IS NOT NULL
        GROUP BY campaign, variant ORDER BY campaign, variant""").fetchall()
    campaigns = db.sql(f"""
        WITH per_recipient AS (
            SELECT campaign, recipient, sum(sends) > 0 AS got_send,
                   count(*) FILTER (WHERE named_send) AS named_variants
            FROM cell WHERE campaign IS NOT NULL GROUP BY campaign, recipient
        ),
        people AS (
            SELECT campaign, count(*) FILTER (WHERE got_send) AS recipients,
                   count(*) FILTER (WHERE named_variants >= 2) AS multiple
            FROM per_recipient GROUP BY campaign
        ),
        totals AS (
            SELECT campaign, {sums()}, min(first_send) AS first_send, max(last_send) AS last_send,
                   min(first_complaint) AS first_complaint,
                   sum(events_read)::BIGINT AS events_read, sum(events)::BIGINT AS events
            FROM cell WHERE campaign IS NOT NULL GROUP BY campaign
        )
        SELECT totals.*, people.recipients, people.multiple
        FROM totals JOIN people USING (campaign) ORDER BY campaign""").fetchall()

    by_campaign = {}
    for row in variants:
        by_campaign.setdefault(row[0], []).append(figures(row[2:], row[1]))
    document = {"campaigns": []}
    events_read = events = 0
    n = len(FIELDS)
    for row in campaigns:
        campaign = row[0]
        counts = row[1:1 + n]
        first_send, last_send, first_complaint, read, kept, recipients, multiple = row[1 + n:]
        events_read += read
        events += kept
        document["campaigns"].append({
            "campaign": campaign,
            "first_send": format_time(first_send),
            "last_send": format_time(last_send),
            "first_complaint": format_time(first_complaint),
            "recipients": recipients,
            "recipients_with_multiple_variants": multiple,
            "variants": by_campaign.get(campaign, []),
            "totals": figures(tuple(counts) + (recipients,)),
        })
    document["events_read"] = events_read
    document["duplicates_dropped"] = events_read - events
    skipped = db.execute("SELECT coalesce(sum(events_read), 0)::BIGINT FROM cell WHERE campaign IS NULL")
    document["records_skipped"] = skipped.fetchone()[0]
    print(json.dumps(document, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
