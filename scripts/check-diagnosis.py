#!/usr/bin/env python3
"""Recompute the diagnosis of canonical CSV logs and compare it with `aftermail metrics --format json`.

An independent second opinion on the per-campaign sections `overlap`, `copies_histogram`,
`rates_by_copy_number` (counts), `after_opt_out` (counts), `duplicate_sends` and `timeline`:
the events are read with the standard `csv` module (timestamps and event names parsed by
count-log.py, which shares nothing with the Swift tool either), kept in memory, and every figure
is computed the obvious way from the full list of events rather than from streaming state.

Usage:
    python3 scripts/check-diagnosis.py LOG... [--compare METRICS.json]

Without --compare it prints its own figures as JSON. With --compare it checks them against the
given `aftermail metrics --format json` output, prints one line per check and exits 1 on any
difference (0 when all agree, 2 on bad usage or input).
"""

import csv
import importlib.util
import json
import os
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("count_log", os.path.join(HERE, "count-log.py"))
count_log = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(count_log)

TIMELINE_KINDS = ("send", "delivered", "complaint", "unsubscribe")
TIMELINE_FIELDS = {"send": "sends", "delivered": "delivered", "complaint": "complaints",
                   "unsubscribe": "unsubscribes"}
HOUR = 3600 * 10**9
UNASSIGNED = "unassigned"


def read_events(paths):
    """[(campaign, variant, recipient, kind, nanoseconds)] after the counting rules."""
    events, seen = [], set()
    for path in paths:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
            rows = csv.reader(handle)
            header = None
            for row in rows:
                if header is None:
                    if row:
                        header = {name.strip().lower(): i for i, name in enumerate(row)}
                    continue
                if not row or row == [""]:
                    continue
                field = lambda name: row[header[name]] if name in header and header[name] < len(row) else ""
                try:
                    when = count_log.parse_time(field("timestamp"))
                    kind = count_log.parse_kind(field("event"))
                except count_log.BadRecord:
                    continue
                recipient = unicodedata.normalize("NFC", field("recipient").strip().lower())
                if not recipient:
                    continue
                event_id = field("event_id").strip()
                if event_id:
                    if event_id in seen:
                        continue
                    seen.add(event_id)
                variant = field("variant").strip() or UNASSIGNED
                events.append((field("campaign").strip(), variant, recipient, kind, when))
    return events


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def bucket_seconds(span):
    for limit, width in ((3 * HOUR, 60), (12 * HOUR, 300), (48 * HOUR, 900), (14 * 24 * HOUR, 3600)):
        if span <= limit:
            return width
    return 86400


def diagnose(events):
    by_campaign = defaultdict(list)
    for event in events:
        by_campaign[event[0]].append(event[1:])
    return {name: diagnose_campaign(by_campaign[name]) for name in sorted(by_campaign)}


def diagnose_campaign(events):
    sent = defaultdict(set)            # recipient -> named variants sent
    sends = defaultdict(list)          # recipient -> [(time, variant)]
    opt_out = {}                       # recipient -> earliest complaint/unsubscribe
    for variant, recipient, kind, when in events:
        if kind == "send":
            sends[recipient].append((when, variant))
            if variant != UNASSIGNED:
                sent[recipient].add(variant)
        elif kind in ("complaint", "unsubscribe"):
            opt_out[recipient] = min(when, opt_out.get(recipient, when))
    named = sorted({v for variants in sent.values() for v in variants})
    overlap = [[sum(1 for vs in sent.values() if a in vs and b in vs) for b in named] for a in named]
    histogram = defaultdict(int)
    for recipient in sends:
        histogram[len(sent[recipient])] += 1
    copies = [{"copies": k, "recipients": histogram.get(k, 0)}
              for k in range(0 if histogram.get(0) else 1, len(named) + 1)]

    # Copy numbers: each recipient's named variants numbered by their first send.
    ordinal = {}
    for recipient, items in sends.items():
        firsts = {}
        for when, variant in items:
            if variant != UNASSIGNED and (variant not in firsts or when < firsts[variant]):
                firsts[variant] = when
        for number, variant in enumerate(sorted(firsts, key=lambda v: (firsts[v], v)), start=1):
            ordinal[(recipient, variant)] = number
    numbers = defaultdict(lambda: defaultdict(int))
    for (recipient, variant), number in ordinal.items():
        numbers[number]["recipients"] += 1
    for variant, recipient, kind, when in events:
        number = ordinal.get((recipient, variant))
        if number and kind in TIMELINE_FIELDS:
            numbers[number][TIMELINE_FIELDS[kind]] += 1
    copy_numbers = [dict(copy_number=n, **{k: numbers[n][k] for k in
                         ("recipients", "sends", "delivered", "complaints", "unsubscribes")})
                    for n in sorted(numbers)]

    variants = sorted({variant for variant, *_ in events})
    after = {v: {"variant": v, "recipients": 0, "sends": 0} for v in variants}
    after_recipients, after_sends, first_delays = 0, 0, []
    duplicates = {v: {"variant": v, "recipients": 0, "extra_sends": 0} for v in variants}
    duplicate_recipients = 0
    for recipient, items in sends.items():
        per_variant = defaultdict(int)
        for _, variant in items:
            per_variant[variant] += 1
        if any(n > 1 for n in per_variant.values()):
            duplicate_recipients += 1
        for variant, n in per_variant.items():
            if n > 1:
                duplicates[variant]["recipients"] += 1
                duplicates[variant]["extra_sends"] += n - 1
        stop = opt_out.get(recipient)
        later = [(when, variant) for when, variant in items if stop is not None and when > stop]
        if later:
            after_recipients += 1
            after_sends += len(later)
            first_delays.append((min(later)[0] - stop) / 1e9)
            for variant in {v for _, v in later}:
                after[variant]["recipients"] += 1
            for _, variant in later:
                after[variant]["sends"] += 1

    timed = [(when, variant, kind) for variant, _, kind, when in events if kind in TIMELINE_KINDS]
    first, last = min(t for t, *_ in timed), max(t for t, *_ in timed)
    width = bucket_seconds(last - first)
    cells = defaultdict(int)
    for when, variant, kind in timed:
        cells[(when // (width * 10**9) * width, variant, kind)] += 1
    starts = sorted({start for start, *_ in cells})
    series = []
    for variant in sorted({v for _, v, _ in timed}):
        entry = {"variant": variant}
        for kind in TIMELINE_KINDS:
            entry[TIMELINE_FIELDS[kind]] = [cells.get((s, variant, kind), 0) for s in starts]
        series.append(entry)
    send_times = [when for variant, _, kind, when in events if kind == "send"]
    complaint_times = [when for variant, _, kind, when in events if kind == "complaint"]
    unsubscribe_times = [when for variant, _, kind, when in events if kind == "unsubscribe"]
    first_complaint = min(complaint_times) if complaint_times else None
    last_send = max(send_times) if send_times else None
    return {
        "overlap": {"variants": named, "matrix": overlap},
        "copies_histogram": copies,
        "rates_by_copy_number": copy_numbers,
        "after_opt_out": {
            "opted_out": len(opt_out), "recipients": after_recipients, "sends": after_sends,
            "delay_seconds": {"min": min(first_delays), "median": median(first_delays),
                              "max": max(first_delays)} if first_delays else None,
            "variants": [after[v] for v in variants],
        },
        "duplicate_sends": {
            "recipients": duplicate_recipients,
            "extra_sends": sum(d["extra_sends"] for d in duplicates.values()),
            "variants": [duplicates[v] for v in variants],
        },
        "timeline": {
            "bucket_seconds": width,
            "first_event": count_log.format_time(first), "last_event": count_log.format_time(last),
            "sends_after_first_complaint":
                sum(1 for t in send_times if first_complaint is not None and t > first_complaint),
            "complaints_after_last_send": sum(1 for t in complaint_times if last_send is not None and t > last_send),
            "unsubscribes_after_last_send":
                sum(1 for t in unsubscribe_times if last_send is not None and t > last_send),
            "buckets": [count_log.format_time(s * 10**9) for s in starts],
            "variants": series,
        },
    }


def project(actual, expected):
    """`actual` restricted to the keys `expected` has (recursively), for comparison."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {k: project(actual.get(k), v) for k, v in expected.items()}
    if isinstance(expected, list) and isinstance(actual, list) and len(actual) == len(expected):
        return [project(a, e) for a, e in zip(actual, expected)]
    return actual


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(a - b) <= 1e-6
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def compare(mine, report_path):
    with open(report_path, encoding="utf-8") as handle:
        report = {c["campaign"]: c for c in json.load(handle)["campaigns"]}
    failures = 0
    if sorted(report) != sorted(mine):
        print("DIFF campaigns: aftermail %s, check %s" % (sorted(report), sorted(mine)))
        return 1
    for name, figures in mine.items():
        for section, expected in figures.items():
            actual = project(report[name].get(section), expected)
            ok = same(actual, expected)
            failures += not ok
            print("%s %s %s" % ("ok  " if ok else "DIFF", name or "(no campaign id)", section))
            if not ok:
                print("  aftermail: %s\n  check:     %s" % (json.dumps(actual)[:2000], json.dumps(expected)[:2000]))
    return 1 if failures else 0


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip().split("\n\n")[2], file=sys.stderr)
        return 0 if argv else 2
    report = None
    if "--compare" in argv:
        at = argv.index("--compare")
        if at + 1 >= len(argv):
            print("error: --compare needs a file", file=sys.stderr)
            return 2
        report = argv[at + 1]
        argv = argv[:at] + argv[at + 2:]
    csv.field_size_limit(16 * 1024 * 1024)
    try:
        mine = diagnose(read_events(argv))
    except OSError as error:
        print("%s: error: %s" % (error.filename, error.strerror), file=sys.stderr)
        return 2
    if report is None:
        print(json.dumps(mine, indent=2, ensure_ascii=False))
        return 0
    return compare(mine, report)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
