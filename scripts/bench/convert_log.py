#!/usr/bin/env python3
"""Rewrites a canonical CSV log in another format aftermail reads, one JSON object a line, for
measuring the other readers on the benchmark's inputs (BENCHMARKS.md, "What is left"):

    python3 scripts/bench/convert_log.py --to jsonl story.csv story.jsonl        # canonical JSON Lines
    python3 scripts/bench/convert_log.py --to sendgrid story.csv sendgrid.jsonl  # SendGrid events
    aftermail metrics --format json story.jsonl    # the figures of story.csv

Canonical JSON Lines keeps every column as a string member. SendGrid events: send → processed, complaint → spamreport, the others by their own names; the campaign
and variant ride as custom args (`campaign`, `variant`, the readers' defaults); the event id is
`sg_event_id`; times are whole seconds, as SendGrid sends them (so figures made of sub-second
delays differ slightly). Records the canonical reader would skip are left out.
"""

import argparse
import csv
import datetime
import json

KINDS = {"send": "processed", "delivered": "delivered", "deferred": "deferred", "bounce": "bounce",
         "open": "open", "click": "click", "complaint": "spamreport", "unsubscribe": "unsubscribe"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--to", choices=["jsonl", "sendgrid"], required=True)
    parser.add_argument("source", help="a canonical CSV log")
    parser.add_argument("out", help="where to write the converted log")
    args = parser.parse_args()
    seconds = {}
    with open(args.source, newline="") as source, open(args.out, "w") as out:
        rows = csv.reader(source)
        header = [name.strip().lower() for name in next(rows)]
        column = {name: index for index, name in enumerate(header)}
        for row in rows:
            if len(row) != len(column):
                continue
            if args.to == "jsonl":
                out.write(json.dumps(dict(zip(header, row)), separators=(",", ":")) + "\n")
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
