#!/usr/bin/env python3
"""Generate the canonical event log of the "seven copies" incident.

The story: a test of seven variants of an upsell email, meant to give each
subscriber exactly one, sent every variant to the whole list. Variant k
(0-based) goes to every subscriber during its own window of about 17 minutes,
starting k windows after --start, so the send spans about two hours.

For every send the log holds a `delivered` a few seconds later, unless the
mailbox bounces (about 1.2% of sends, mostly dead mailboxes that bounce on
every copy). Now and then a send is `deferred` first and delivered minutes
later. Complaints and unsubscribes arrive minutes after delivery and become
more likely with every extra copy; people who already complained or
unsubscribed keep receiving the later copies, and some of them complain
(again). A few opens and clicks are included, thinly, to keep the file small.

Output is the canonical CSV of SPEC.md section 2, sorted by timestamp.
Recipients look like subscriber00001@example.com; a few rows carry mixed case
or surrounding spaces, which the counting rules normalize away. A handful of
rows are exact duplicates (same event_id), as providers retry webhooks; with
--no-event-id no duplicates are planted, since rows without an id are never
merged and would be counted twice.

Memory stays bounded by one variant: each variant is generated, sorted and
written to a temporary file, then the files are merged in time order.
Standard library only; the same arguments always give the same bytes.
"""

import argparse
import heapq
import os
import random
import sys
import tempfile
from datetime import datetime, timezone

# --------------------------------------------------------------------------
# The model. Index c is the copy number minus one (copy 1 = variant A).

WINDOW_US = 7200 * 1_000_000 // 7  # about 17 minutes 9 seconds per variant

# Share of the copy's delivered recipients who complain for the first time.
COMPLAINT_NEW = [0.0002, 0.0005, 0.0009, 0.0014, 0.0019, 0.0025, 0.0030]
# Share of earlier complainers who complain again about this copy.
COMPLAINT_REPEAT = 0.30
# Share of earlier unsubscribers (who have not complained) who turn to the spam button.
COMPLAINT_ESCALATE = 0.08
# Share of the copy's delivered recipients who unsubscribe for the first time.
UNSUB_NEW = [0.0010, 0.0020, 0.0035, 0.0055, 0.0080, 0.0110, 0.0150]
# Share of earlier unsubscribers who unsubscribe again ("I already did!").
UNSUB_REPEAT = 0.15
# Opens per delivered copy (thin on purpose) and clicks per open.
OPEN_RATE = [0.030, 0.022, 0.016, 0.012, 0.009, 0.007, 0.005]
CLICK_PER_OPEN = 0.12

DEAD_MAILBOX_RATE = 0.0105  # these addresses bounce on every copy
TRANSIENT_BOUNCE_RATE = 0.0015  # one-off hard failures on a single copy
DEFERRED_RATE = 0.004
NOISY_RECIPIENT_RATE = 0.003  # rows whose address has odd case or spaces
DUPLICATES = 6  # rows repeated verbatim, as a retried webhook

DEAD_REASONS = [
    "550 5.1.1 mailbox unavailable",
    "550 5.1.1 user unknown",
    "550 5.1.10 recipient address rejected: no such user",
    "551 5.1.6 mailbox has moved, no forwarding address",
]
TRANSIENT_REASONS = [
    "552 5.2.2 mailbox full",
    "554 5.7.1 message rejected as spam",
    "550 5.7.1 delivery not authorized, message refused",
]
DEFERRED_REASONS = [
    "421 4.7.0 try again later, closing connection",
    "451 4.7.1 greylisted, please retry",
    "450 4.2.1 rate limited, slow down",
]
COMPLAINT_DETAIL = "abuse"
UNSUB_DETAILS = ["list-unsubscribe one-click", "footer link"]
CLICK_DETAIL = "upgrade-button"


def rate(table, copy_index):
    return table[min(copy_index, len(table) - 1)]


def quota(share, pool_size):
    """How many of a pool act: the expected number, rounded, at least one
    when the share and the pool are not empty (so a small list still shows
    the first complaint of each copy)."""
    if share <= 0 or pool_size <= 0:
        return 0
    return max(1, int(share * pool_size + 0.5))


def variant_name(k):
    return chr(ord("A") + k) if k < 26 else "V%d" % (k + 1)


def csv_field(text):
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


class Clock:
    """Formats microseconds since the Unix epoch as RFC 3339 with a Z."""

    def __init__(self):
        self.cache = {}

    def seconds(self, us):
        sec = us // 1_000_000
        text = self.cache.get(sec)
        if text is None:
            text = datetime.fromtimestamp(sec, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
            self.cache[sec] = text
        return text

    def whole(self, us):
        return self.seconds(us) + "Z"

    def millis(self, us):
        return "%s.%03dZ" % (self.seconds(us), (us // 1000) % 1000)


def parse_start(text):
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise SystemExit("generate-log.py: --start must be RFC 3339, e.g. 2026-09-10T14:00:00Z")
    if moment.tzinfo is None:
        raise SystemExit("generate-log.py: --start needs an offset (Z or +hh:mm)")
    return int(moment.timestamp()) * 1_000_000 + moment.microsecond


class Generator:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.clock = Clock()
        self.start_us = parse_start(args.start)
        self.width = max(5, len(str(args.subscribers)))
        self.with_ids = not args.no_event_id
        self.next_id = 1
        n = args.subscribers
        self.dead = set(self.rng.sample(range(n), int(n * DEAD_MAILBOX_RATE + 0.5)))
        self.dead_reason = {i: self.rng.choice(DEAD_REASONS) for i in sorted(self.dead)}
        self.complained = set()
        self.unsubscribed = set()
        # (variant index, subscriber) whose outcome row (delivered or bounce) is repeated.
        cells = n * args.variants
        planted = min(DUPLICATES, cells) if self.with_ids else 0
        self.duplicate_cells = {divmod(c, n) for c in self.rng.sample(range(cells), planted)}
        self.duplicates_planted = 0

    def address(self, i):
        base = "subscriber%0*d@example.com" % (self.width, i + 1)
        if self.rng.random() >= NOISY_RECIPIENT_RATE:
            return base
        style = self.rng.randrange(5)
        if style == 0:
            return base.capitalize().replace("@example", "@Example")
        if style == 1:
            return base.upper()
        if style == 2:
            return " " + base
        if style == 3:
            return base + "  "
        return '" %s "' % base  # quoted, spaces inside the quotes

    def row(self, us, text_time, variant, i, event, detail=""):
        event_id = ""
        if self.with_ids:
            event_id = ",evt-%d" % self.next_id
            self.next_id += 1
        line = "%s,%s,%s,%s,%s%s,%s\n" % (
            text_time, self.campaign_field, variant, self.address(i), event, event_id,
            csv_field(detail),
        )
        return (us, line)

    def variant_rows(self, k):
        """All rows caused by variant k, sorted by time."""
        rng = self.rng
        clock = self.clock
        n = self.args.subscribers
        name = variant_name(k)
        rows = []
        window_start = self.start_us + k * WINDOW_US
        step = WINDOW_US / max(n, 1)
        delivered_at = []  # (subscriber, delivery time) for this copy

        # The send job walks the whole list in order (that was the mistake).
        for i in range(n):
            send_us = window_start + int(i * step + rng.random() * step)
            send_us -= send_us % 1_000_000  # sends are logged to the second
            rows.append(self.row(send_us, clock.whole(send_us), name, i, "send"))
            duplicate = (k, i) in self.duplicate_cells
            if i in self.dead or rng.random() < TRANSIENT_BOUNCE_RATE:
                reason = self.dead_reason.get(i) or rng.choice(TRANSIENT_REASONS)
                at = send_us + rng.randrange(500_000, 4_000_000, 1000)
                outcome = self.row(at, clock.millis(at), name, i, "bounce", reason)
            else:
                if rng.random() < DEFERRED_RATE:
                    at = send_us + rng.randrange(500_000, 3_000_000, 1000)
                    rows.append(self.row(at, clock.millis(at), name, i, "deferred",
                                         rng.choice(DEFERRED_REASONS)))
                    at = send_us + rng.randrange(120, 1500) * 1_000_000 + rng.randrange(1000) * 1000
                else:
                    at = send_us + rng.randrange(400_000, 6_000_000, 1000)
                outcome = self.row(at, clock.millis(at), name, i, "delivered")
                delivered_at.append((i, at))
            rows.append(outcome)
            if duplicate:
                rows.append(outcome)
                self.duplicates_planted += 1

        # Reactions to this copy, minutes after it arrived.
        eligible_new_c = [d for d in delivered_at if d[0] not in self.complained]
        repeat_c = [d for d in delivered_at if d[0] in self.complained]
        escalate_c = [d for d in eligible_new_c if d[0] in self.unsubscribed]
        complainers = rng.sample(eligible_new_c, quota(rate(COMPLAINT_NEW, k), len(eligible_new_c)))
        complainers += rng.sample(repeat_c, quota(COMPLAINT_REPEAT, len(repeat_c)))
        chosen = {d[0] for d in complainers}
        escalate_c = [d for d in escalate_c if d[0] not in chosen]
        complainers += rng.sample(escalate_c, quota(COMPLAINT_ESCALATE, len(escalate_c)))
        for i, at in complainers:
            when = at + (45 + int(rng.expovariate(1 / 600))) * 1_000_000
            when -= when % 1_000_000
            rows.append(self.row(when, clock.whole(when), name, i, "complaint", COMPLAINT_DETAIL))
        self.complained.update(d[0] for d in complainers)

        eligible_new_u = [d for d in delivered_at if d[0] not in self.unsubscribed]
        repeat_u = [d for d in delivered_at if d[0] in self.unsubscribed]
        leavers = rng.sample(eligible_new_u, quota(rate(UNSUB_NEW, k), len(eligible_new_u)))
        leavers += rng.sample(repeat_u, quota(UNSUB_REPEAT, len(repeat_u)))
        for i, at in leavers:
            when = at + 30_000_000 + int(rng.expovariate(1 / 900) * 1_000_000)
            when -= when % 1000
            rows.append(self.row(when, clock.millis(when), name, i, "unsubscribe",
                                 rng.choice(UNSUB_DETAILS)))
        self.unsubscribed.update(d[0] for d in leavers)

        openers = rng.sample(delivered_at, int(rate(OPEN_RATE, k) * len(delivered_at)))
        for i, at in openers:
            when = at + (20 + int(rng.expovariate(1 / 1200))) * 1_000_000
            when -= when % 1_000_000
            rows.append(self.row(when, clock.whole(when), name, i, "open"))
            if rng.random() < CLICK_PER_OPEN:
                when += rng.randrange(5, 120) * 1_000_000
                rows.append(self.row(when, clock.whole(when), name, i, "click", CLICK_DETAIL))

        rows.sort()
        return rows

    def run(self, out):
        self.campaign_field = csv_field(self.args.campaign)
        columns = ["timestamp", "campaign", "variant", "recipient", "event"]
        if self.with_ids:
            columns.append("event_id")
        columns.append("detail")
        out.write(",".join(columns) + "\n")
        written = 0
        with tempfile.TemporaryDirectory(prefix="aftermail-gen-") as scratch:
            parts = []
            for k in range(self.args.variants):
                path = os.path.join(scratch, "variant-%03d.txt" % k)
                with open(path, "w", encoding="utf-8", newline="") as part:
                    # A fixed-width time prefix makes the lines sort as text.
                    part.writelines("%016d%s" % row for row in self.variant_rows(k))
                parts.append(path)
            files = [open(p, "r", encoding="utf-8", newline="") for p in parts]
            try:
                buffer = []
                for line in heapq.merge(*files):
                    buffer.append(line[16:])
                    if len(buffer) >= 65536:
                        out.write("".join(buffer))
                        written += len(buffer)
                        buffer.clear()
                out.write("".join(buffer))
                written += len(buffer)
            finally:
                for f in files:
                    f.close()
        return written


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Generate the canonical CSV log of the premium-upsell-test incident.")
    parser.add_argument("--subscribers", type=int, default=2000, metavar="N")
    parser.add_argument("--variants", type=int, default=7, metavar="N")
    parser.add_argument("--seed", type=int, default=42, metavar="S")
    parser.add_argument("--start", default="2026-09-10T14:00:00Z", metavar="RFC3339")
    parser.add_argument("--campaign", default="premium-upsell-test")
    parser.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    parser.add_argument("--no-event-id", action="store_true",
                        help="omit the event_id column (and plant no duplicates)")
    args = parser.parse_args(argv)
    if args.subscribers < 1 or args.variants < 1:
        parser.error("--subscribers and --variants must be at least 1")

    generator = Generator(args)
    if args.out:
        directory = os.path.dirname(os.path.abspath(args.out))
        fd, tmp = tempfile.mkstemp(prefix=".generate-log-", dir=directory)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                rows = generator.run(out)
            os.replace(tmp, args.out)
        except BaseException:
            os.unlink(tmp)
            raise
        print("generate-log.py: wrote %d events (%d planted duplicates) to %s"
              % (rows, generator.duplicates_planted, args.out), file=sys.stderr)
    else:
        generator.run(sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
