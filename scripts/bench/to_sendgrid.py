#!/usr/bin/env python3
"""Rewrites a canonical CSV log as SendGrid event-webhook events, one JSON object a line, for
measuring the provider readers on the benchmark's inputs (BENCHMARKS.md, "What is left"):

    python3 scripts/bench/to_sendgrid.py /tmp/aftermail-bench/full/story.csv /tmp/sendgrid.jsonl
    aftermail metrics --format json /tmp/sendgrid.jsonl    # the figures of story.csv

Events: send → processed, complaint → spamreport, the others by their own names; the campaign
and variant ride as custom args (`campaign`, `variant`, the readers' defaults); the event id is
`sg_event_id`; times are whole seconds, as SendGrid sends them (so figures made of sub-second
delays differ slightly). Records the canonical reader would skip are left out.
"""

import csv
import datetime
import json
import sys

KINDS = {"send": "processed", "delivered": "delivered", "deferred": "deferred", "bounce": "bounce",
         "open": "open", "click": "click", "complaint": "spamreport", "unsubscribe": "unsubscribe"}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: to_sendgrid.py CANONICAL.csv OUT.jsonl")
    seconds = {}
    with open(sys.argv[1], newline="") as source, open(sys.argv[2], "w") as out:
        rows = csv.reader(source)
        column = {name.strip().lower(): index for index, name in enumerate(next(rows))}
        for row in rows:
            if len(row) != len(column):
                continue
            kind = KINDS.get(row[column["event"]].strip().lower())
            stamp = row[column["timestamp"]]
            if kind is None:
                continue
            if stamp not in seconds:
                try:
                    seconds[stamp] = int(datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp())
                except ValueError:
                    continue
            event = {"email": row[column["recipient"]], "timestamp": seconds[stamp], "event": kind,
                     "campaign": row[column["campaign"]], "variant": row[column["variant"]]}
            if "event_id" in column and row[column["event_id"]]:
                event["sg_event_id"] = row[column["event_id"]]
            out.write(json.dumps(event, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
