#!/usr/bin/env python3
"""Count canonical CSV campaign logs and print the `metrics --format json` document.

An independent second opinion on `aftermail metrics`: it follows SPEC.md
(sections 2 and 3) with the standard library `csv` module and plain code,
sharing nothing with the Swift tool, so the two can be compared on the same
files.

Usage: python3 scripts/count-log.py FILE...

Bad records are skipped and reported on standard error as `file:line: message`.
Exit status: 0 on success, 2 on bad usage or an unreadable file / header.

Notes on choices the spec leaves open:
- Fractional seconds beyond nanoseconds are truncated.
- RFC 3339 accepts `T`/`t` between date and time and `Z`/`z`; a leap second
  (second 60) is treated as an impossible time.
- campaign, variant, event and event_id are trimmed; a blank event_id means
  "no id". A send with an empty variant counts under the variant `unassigned`
  and never towards recipients_with_multiple_variants.
- Blank lines are ignored (they are not records).
"""

import csv
import json
import re
import sys
from datetime import datetime, timedelta, timezone
from fractions import Fraction

KINDS = ["send", "delivered", "bounce", "deferred", "dropped", "open", "click",
         "complaint", "unsubscribe"]
SYNONYMS = {
    "processed": "send", "accepted": "send",
    "delivery": "delivered",
    "spamreport": "complaint", "complained": "complaint",
    "unsubscribed": "unsubscribe",
    "opened": "open",
    "clicked": "click",
    "failed": "bounce", "bounced": "bounce",
}
COUNT_FIELDS = ["sends", "delivered", "bounces", "deferred", "dropped", "opens", "clicks",
                "complaints", "unsubscribes"]
FIELD_OF_KIND = dict(zip(KINDS, COUNT_FIELDS))
UNASSIGNED = "unassigned"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$")
UNIX = re.compile(r"^-?\d+(?:\.\d+)?$")


class BadRecord(Exception):
    pass


# --------------------------------------------------------------------------
# Fields

def parse_time(text):
    """Return nanoseconds since the Unix epoch, or raise BadRecord."""
    text = text.strip()
    if not text:
        raise BadRecord("missing timestamp")
    if UNIX.match(text):
        negative = text.startswith("-")
        whole, _, frac = text.lstrip("-").partition(".")
        nanos = int(whole) * 10**9 + int((frac + "000000000")[:9])
        return -nanos if negative else nanos
    m = RFC3339.match(text)
    if not m:
        raise BadRecord("unparsable timestamp '%s' (RFC 3339 with an offset, or Unix seconds)" % text)
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    frac, offset = m.group(7) or "", m.group(8)
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
    except ValueError:
        raise BadRecord("impossible date or time '%s'" % text)
    shift = 0
    if offset not in ("Z", "z"):
        oh, om = int(offset[1:3]), int(offset[4:6])
        if oh > 23 or om > 59:
            raise BadRecord("impossible offset in '%s'" % text)
        shift = (oh * 3600 + om * 60) * (1 if offset[0] == "+" else -1)
    seconds = (local - EPOCH) // timedelta(seconds=1) - shift
    return seconds * 10**9 + int((frac + "000000000")[:9])


def format_time(nanos):
    if nanos is None:
        return None
    seconds, frac = divmod(nanos, 10**9)
    text = (EPOCH + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S")
    if frac:
        text += "." + ("%09d" % frac).rstrip("0")
    return text + "Z"


def parse_kind(text):
    word = text.strip().lower()
    if word in FIELD_OF_KIND:
        return word
    if word in SYNONYMS:
        return SYNONYMS[word]
    raise BadRecord("unknown event '%s'" % text)


def rounded_rate(numerator, denominator):
    """numerator / denominator rounded half away from zero to 6 places; None if 0/0."""
    if denominator == 0:
        return None
    exact = Fraction(numerator, denominator) * 10**6
    return float(int(exact + Fraction(1, 2))) / 10**6


# --------------------------------------------------------------------------
# Tallies

class Tally:
    def __init__(self):
        self.counts = dict.fromkeys(COUNT_FIELDS, 0)
        self.recipients = set()  # recipients with a send

    def as_json(self, name=None):
        c = self.counts
        result = {} if name is None else {"variant": name}
        result.update(c)
        result["recipients"] = len(self.recipients)
        base = c["delivered"] if c["delivered"] else c["sends"]
        result["complaint_rate"] = rounded_rate(c["complaints"], base)
        result["unsubscribe_rate"] = rounded_rate(c["unsubscribes"], base)
        result["bounce_rate"] = rounded_rate(c["bounces"], c["sends"])
        return result


class Campaign:
    def __init__(self):
        self.variants = {}  # name -> Tally
        self.totals = Tally()
        self.first_send = None
        self.last_send = None
        self.first_complaint = None
        self.named_variants_of = {}  # recipient -> set of non-empty variant names sent

    def add(self, when, variant, recipient, kind):
        name = variant if variant else UNASSIGNED
        tally = self.variants.setdefault(name, Tally())
        field = FIELD_OF_KIND[kind]
        tally.counts[field] += 1
        self.totals.counts[field] += 1
        if kind == "send":
            tally.recipients.add(recipient)
            self.totals.recipients.add(recipient)
            if self.first_send is None or when < self.first_send:
                self.first_send = when
            if self.last_send is None or when > self.last_send:
                self.last_send = when
            if variant:
                self.named_variants_of.setdefault(recipient, set()).add(variant)
        elif kind == "complaint":
            if self.first_complaint is None or when < self.first_complaint:
                self.first_complaint = when

    def as_json(self, campaign_id):
        multiple = sum(1 for names in self.named_variants_of.values() if len(names) >= 2)
        return {
            "campaign": campaign_id,
            "first_send": format_time(self.first_send),
            "last_send": format_time(self.last_send),
            "first_complaint": format_time(self.first_complaint),
            "recipients": len(self.totals.recipients),
            "recipients_with_multiple_variants": multiple,
            "variants": [self.variants[n].as_json(n) for n in sorted(self.variants)],
            "totals": self.totals.as_json(),
        }


# --------------------------------------------------------------------------
# Reading

def read_file(path, campaigns, seen_ids, stats):
    try:
        handle = open(path, "r", encoding="utf-8-sig", errors="replace", newline="")
    except OSError as error:
        raise SystemExit("%s: error: %s" % (path, error.strerror))
    with handle:
        reader = csv.reader(handle)
        header = None
        for row in reader:
            if header is None:
                if not row:
                    continue
                header = {name.strip().lower(): i for i, name in enumerate(row)}
                missing = [c for c in ("timestamp", "recipient", "event") if c not in header]
                if missing:
                    print("%s:%d: error: header lacks %s" % (path, reader.line_num, ", ".join(missing)),
                          file=sys.stderr)
                    raise SystemExit(2)
                continue
            if not row or row == [""]:
                continue

            def field(name):
                i = header.get(name)
                return row[i] if i is not None and i < len(row) else ""

            try:
                when = parse_time(field("timestamp"))
                kind = parse_kind(field("event"))
                recipient = field("recipient").strip().lower()
                if not recipient:
                    raise BadRecord("missing recipient")
            except BadRecord as problem:
                stats["records_skipped"] += 1
                print("%s:%d: warning: %s (record skipped)" % (path, reader.line_num, problem),
                      file=sys.stderr)
                continue

            stats["events_read"] += 1
            event_id = field("event_id").strip()
            if event_id:
                if event_id in seen_ids:
                    stats["duplicates_dropped"] += 1
                    continue
                seen_ids.add(event_id)
            campaign = campaigns.setdefault(field("campaign").strip(), Campaign())
            campaign.add(when, field("variant").strip(), recipient, kind)
        if header is None:
            print("%s:1: error: no header row" % path, file=sys.stderr)
            raise SystemExit(2)


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python3 scripts/count-log.py FILE...", file=sys.stderr)
        return 0 if argv else 2
    csv.field_size_limit(16 * 1024 * 1024)
    campaigns = {}
    seen_ids = set()
    stats = {"events_read": 0, "duplicates_dropped": 0, "records_skipped": 0}
    for path in argv:
        read_file(path, campaigns, seen_ids, stats)
    document = {"campaigns": [campaigns[c].as_json(c) for c in sorted(campaigns)]}
    document.update(stats)
    print(json.dumps(document, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SystemExit as stop:
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
            sys.exit(2)
        raise
