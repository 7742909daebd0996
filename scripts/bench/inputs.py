"""Deterministic inputs of the benchmark suite (standard library only).

Everything here is a pure function of its arguments: the same arguments always give the same
bytes, so two machines benchmark the same work. `run.py` calls these; each writes to a temporary
name and renames at the end, so an interrupted run never leaves a half-written input behind.
"""

import os
import random
import subprocess
import sys
from datetime import date, timedelta

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATE_LOG = os.path.join(REPO, "scripts", "generate-log.py")


def _atomic_path(path):
    return os.path.join(os.path.dirname(path), ".tmp-" + os.path.basename(path))


# --------------------------------------------------------------------------
# Event logs

def story_log(path, subscribers, event_ids=True, seed=42):
    """The example incident's log (scripts/generate-log.py), at the given list size."""
    command = [sys.executable, GENERATE_LOG, "--subscribers", str(subscribers),
               "--seed", str(seed), "--out", path]
    if not event_ids:
        command.append("--no-event-id")
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)


def repeated_log(source, path, copies):
    """`copies` back-to-back copies of the CSV log `source` under one header, the event ids of
    copy k (k >= 1) renamed `evt-<k>-<n>`: the same recipients, `copies` times the events, every
    event still distinct (the planted duplicates stay duplicates within their copy). Logs without
    an event_id column are copied as they are."""
    tmp = _atomic_path(path)
    with open(source, "rb") as first:
        header = first.readline()
    with open(tmp, "wb") as out:
        out.write(header)
        for copy in range(copies):
            old = b",evt-"
            new = b",evt-%d-" % copy if copy else old
            with open(source, "rb") as src:
                src.readline()
                while True:
                    lines = src.readlines(1 << 22)  # whole lines, about 4 MiB at a time
                    if not lines:
                        break
                    block = b"".join(lines)
                    out.write(block.replace(old, new) if copy else block)
    os.replace(tmp, path)


# --------------------------------------------------------------------------
# The plan for verify-plan

def plan_csv(path, rows, variants=7, seed=7):
    """`recipient,variant`: `rows` distinct recipients, each in one of `variants` variants."""
    rng = random.Random(seed)
    names = [chr(ord("A") + k) for k in range(variants)]
    width = max(8, len(str(rows)))
    tmp = _atomic_path(path)
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        out.write("recipient,variant\n")
        batch = []
        pick = rng.choices
        for start in range(0, rows, 100_000):
            count = min(100_000, rows - start)
            chosen = pick(names, k=count)
            batch = ["member%0*d@example.org,%s\n" % (width, start + i + 1, chosen[i])
                     for i in range(count)]
            out.write("".join(batch))
    os.replace(tmp, path)


# --------------------------------------------------------------------------
# Incident notes

SYSTEMS = ["the scheduler", "the segment builder", "the template service", "the list cleaner",
           "the suppression sync", "the send queue", "the webhook receiver", "the A/B splitter",
           "the preference centre", "the bounce processor", "the audience export",
           "the consent store"]
CAMPAIGNS = ["spring sale", "weekly digest", "renewal reminder", "premium upsell",
             "welcome series", "regional edition", "product survey", "holiday gift guide",
             "price change notice", "breaking news alert", "event invitation", "win-back offer"]
PROBLEMS = ["went out twice", "reached readers who had unsubscribed",
            "sent every variant to the whole list", "used the wrong sender address",
            "linked to an expired offer", "showed another reader's first name",
            "went to the test segment's seed list", "arrived a day early",
            "carried a broken unsubscribe link", "skipped the suppression list"]
CODE = ["send_at", "segment_id", "variant_split: 0.14", "suppress_after_complaint",
        "retry_limit: 3", "List-Unsubscribe-Post", "campaign.yml", "dedupe_window",
        "audience.refresh()", "max_sends_per_recipient", "holdout: 10%", "X-Campaign-Variant",
        "status = 'scheduled'", "--dry-run", "reply_to", "ab_test.assign()"]
PEOPLE = ["Sam Okafor", "Jonas Pereira", "Mei Lin", "Aisha Rahman", "Tomasz Nowak",
          "Lucía Fernández", "Priya Natarajan", "Erik Lindqvist", "Grace Mbeki", "Hiro Tanaka"]
TEAMS = ["Reader Support", "Lifecycle Marketing", "Deliverability", "Platform", "Data",
         "Editorial", "Legal", "Growth"]
LINKS = [("the status page", "https://status.example.com/incidents/%d"),
         ("the runbook", "https://wiki.example.com/runbooks/sending-%d"),
         ("the fix", "https://git.example.com/mail/platform/pull/%d"),
         ("the provider's report", "https://provider.example.net/reports/%d"),
         ("the dashboard", "https://grafana.example.com/d/campaigns?id=%d"),
         ("the ticket", "https://tracker.example.com/browse/MAIL-%d")]
VERBS = ["queued", "retried", "skipped", "duplicated", "reordered", "cached", "dropped",
         "re-sent", "merged", "split"]
FEELINGS = ["confused", "annoyed", "worried", "amused", "understanding", "frustrated"]

SENTENCES = [
    "{System} {verb} the {campaign} job after a configuration change to {code}.",
    "Nobody noticed at first, because {system} reported every batch as *successful*.",
    "The alert fired at {time} UTC, but it went to a channel that {person} had muted.",
    "By {time} UTC about {count} readers had received the message, and the complaint rate had reached {rate}%.",
    "We paused {system} and checked {code} against the values in {link}.",
    "The root cause was a default in {system}: when {code} is missing it falls back to **all subscribers**.",
    "{Person} from {team} confirmed that {count} addresses were on the suppression list at the time.",
    "Readers who wrote in were mostly {feeling}; several asked whether their data had been shared.",
    "The provider's feedback loop reported {count} spam complaints within the first hour.",
    "We had tested the change on a seed list of twelve internal addresses, which hid the problem.",
    "A retry in {system} {verb} each batch, so some readers saw the same email *twice* within minutes.",
    "The fix sets {code} explicitly and refuses to start a send when it is empty; see {link}.",
    "{Person} wrote the timeline below from the logs of {system} and the provider's events.",
    "We do not believe any personal data left our systems, but we are reviewing {link} to be sure.",
    "Our dashboards showed the spike in unsubscribes only after a {minutes}-minute delay.",
    "This was the {ordinal} incident this year involving {system}, which is why it is a priority.",
    "We apologised to everyone affected in a short, plain email without marketing content.",
    "The review found that the checklist in {link} did not mention {code} at all.",
    "Sending volume returned to normal at {time} UTC, and {team} kept watching the complaint rate for a week.",
    "In hindsight the warning signs were there: {system} had logged {count} warnings about {code} the day before.",
]
SECTIONS = ["Summary", "What happened", "Impact", "Root cause", "Detection", "Response",
            "Lessons learned", "What went well", "Where we got lucky"]
ORDINALS = ["second", "third", "fourth", "fifth"]


class _Words:
    def __init__(self, rng):
        self.rng = rng

    def time(self):
        return "%02d:%02d" % (self.rng.randrange(6, 22), self.rng.randrange(60))

    def link(self):
        text, url = self.rng.choice(LINKS)
        return "[%s](%s)" % (text, url % self.rng.randrange(100, 99999))

    def fill(self, template):
        rng = self.rng
        system = rng.choice(SYSTEMS)
        person = rng.choice(PEOPLE)
        values = {
            "system": system, "System": system[0].upper() + system[1:],
            "verb": rng.choice(VERBS), "campaign": rng.choice(CAMPAIGNS),
            "code": "`%s`" % rng.choice(CODE), "time": self.time(),
            "person": person, "Person": person, "team": rng.choice(TEAMS),
            "count": "{:,}".format(rng.randrange(40, 250000)),
            "rate": "%.2f" % (rng.random() * 0.9), "link": self.link(),
            "feeling": rng.choice(FEELINGS), "minutes": rng.randrange(5, 90),
            "ordinal": rng.choice(ORDINALS),
        }
        return template.format(**values)

    def paragraph(self, low=2, high=5):
        return " ".join(self.fill(self.rng.choice(SENTENCES))
                        for _ in range(self.rng.randint(low, high)))


def note(index, rng):
    """One incident note: (slug, front matter fields, Markdown body), about 4 KB."""
    words = _Words(rng)
    campaign = rng.choice(CAMPAIGNS)
    problem = rng.choice(PROBLEMS)
    title = "The %s email %s" % (campaign, problem)
    when = date(2018, 1, 1) + timedelta(days=rng.randrange(7 * 365))
    slug = "%s-%05d-%s" % (when.isoformat(), index, campaign.replace(" ", "-"))
    summary = "On %s the %s %s; %s readers were affected." % (
        when.strftime("%d %B %Y").lstrip("0"), campaign, problem,
        "{:,}".format(rng.randrange(40, 250000)))
    target = rng.randint(3600, 4400)

    parts = ["## Summary\n", words.paragraph(3, 5) + "\n"]
    parts += ["## Timeline\n"]
    for _ in range(rng.randint(4, 7)):
        parts.append("- **%s UTC** — %s" % (words.time(), words.fill(rng.choice(SENTENCES))))
    parts[-1] += "\n"
    sections = rng.sample(SECTIONS[1:], len(SECTIONS) - 1)
    size = sum(len(p) + 1 for p in parts)
    for name in sections:
        if size >= target - 700:
            break
        block = ["## %s\n" % name, words.paragraph() + "\n"]
        if rng.random() < 0.3:
            block.append("> " + words.fill(rng.choice(SENTENCES)) + "\n")
        if rng.random() < 0.4:
            block.append("### Details\n")
            block.append(words.paragraph(2, 3) + "\n")
        parts += block
        size += sum(len(p) + 1 for p in block)
    parts.append("## Action items\n")
    item = 1
    while size < target or item <= 2:
        line = "%d. %s Owner: %s (%s). Tracked in %s." % (
            item, words.fill(rng.choice(SENTENCES)), rng.choice(PEOPLE), rng.choice(TEAMS),
            words.link())
        parts.append(line)
        size += len(line) + 1
        item += 1
    body = "\n".join(parts) + "\n"
    return slug, {"title": title, "date": when.isoformat(), "summary": summary}, body


def front_matter(fields):
    lines = ["---"]
    for key in ("title", "date", "summary"):
        value = fields[key]
        lines.append("%s: %s" % (key, value if key == "date" else '"%s"' % value))
    lines.append("---")
    return "\n".join(lines) + "\n\n"


HUGO_TOML = """baseURL = "https://postmortems.example.org/"
title = "Post-mortems (benchmark)"
languageCode = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""
HUGO_SINGLE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body>
</html>
"""
HUGO_LIST = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body>
</html>
"""
AFTERMAIL_YML = 'title: "Post-mortems (benchmark)"\n'


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(text)


def notes(folder, count, seed=2026):
    """`count` notes as an Aftermail site (folder/aftermail-site), as a Hugo site
    (folder/hugo-site) and as one concatenated Markdown file for cmark (folder/all-notes.md).
    Returns the total bytes of Markdown bodies."""
    import shutil
    tmp = _atomic_path(folder.rstrip("/"))
    shutil.rmtree(tmp, ignore_errors=True)
    rng = random.Random(seed)
    aftermail = os.path.join(tmp, "aftermail-site")
    hugo = os.path.join(tmp, "hugo-site")
    _write(os.path.join(aftermail, "aftermail.yml"), AFTERMAIL_YML)
    _write(os.path.join(hugo, "hugo.toml"), HUGO_TOML)
    _write(os.path.join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE)
    _write(os.path.join(hugo, "layouts", "_default", "list.html"), HUGO_LIST)
    os.makedirs(os.path.join(aftermail, "content", "incidents"))
    os.makedirs(os.path.join(hugo, "content", "posts"))
    total = 0
    with open(os.path.join(tmp, "all-notes.md"), "w", encoding="utf-8", newline="") as every:
        for index in range(1, count + 1):
            slug, fields, body = note(index, rng)
            text = front_matter(fields) + body
            for path in (os.path.join(aftermail, "content", "incidents", slug + ".md"),
                         os.path.join(hugo, "content", "posts", slug + ".md")):
                with open(path, "w", encoding="utf-8", newline="") as out:
                    out.write(text)
            every.write(body)
            every.write("\n")
            total += len(body.encode("utf-8"))
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)
    return total
