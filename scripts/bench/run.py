#!/usr/bin/env python3
"""The Aftermail benchmark suite (issue 7): Aftermail against DuckDB, Hugo and cmark.

    python3 scripts/bench/run.py [--smoke] [--repeat N] [--curve-repeat N] [--work DIR]
                                 [--only NAME[,NAME...]] [--out FILE] [--scratch DIR]
                                 [--aftermail PATH] [--prepare]

It generates its inputs deterministically into the work folder (reused while present, complete
and made by the same generators), then runs Aftermail and its peers on the same inputs in one
run, alternating (A, B, A, B...), --repeat times each, measuring the wall time and the peak
resident memory of every child process, and prints a Markdown table of medians and ratios
against the targets of issue 7 (also written to --out).

Workloads (--only): metrics, build, curve, verify-plan. Exit status: 0 when every run worked and
every cross-check agreed, whether or not the targets are met; 1 when a cross-check disagreed
(DuckDB and Aftermail count differently, a site lacks pages); 2 when a run broke or a tool is
missing. Needs Python 3.11, DuckDB for Python, hugo, cmark and GNU time (/usr/bin/time); see
BENCHMARKS.md.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # leave no __pycache__ in the repository
sys.path.insert(0, HERE)
import inputs  # noqa: E402

REPO = inputs.REPO
DUCKDB_SCRIPT = os.path.join(HERE, "duckdb_metrics.py")
EDGE_CASES = os.path.join(HERE, "edge-cases.csv")
GNU_TIME = "/usr/bin/time"

# Bump when a generator in inputs.py changes what it writes: every input is then made again.
INPUTS_VERSION = 1

SIZES = {
    # The sizes of issue 7.
    "full": {"story_subscribers": 180_000, "big_subscribers": 705_000, "copies": 4,
             "notes": 10_000, "plan_rows": 10_000_000},
    # Small enough for CI: the same workloads and cross-checks in a few seconds.
    "smoke": {"story_subscribers": 2_000, "big_subscribers": 7_840, "copies": 4,
              "notes": 200, "plan_rows": 100_000},
}
WORKLOADS = ["metrics", "build", "curve", "verify-plan"]


class Broken(Exception):
    """A run that did not work (exit status 2)."""


class Mismatch(Exception):
    """Two programs disagree about the same input (exit status 1)."""


def human(count):
    return "%.2fM" % (count / 1e6) if count >= 1_000_000 else "{:,}".format(count)


def log(message):
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Inputs

def file_sha(path):
    import hashlib
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:16]


def tree_size(path):
    """(files, bytes) of a file or of every file under a folder, leaving out what Hugo writes
    into its site folder while it builds (resources/, .hugo_build.lock)."""
    if os.path.isfile(path):
        return 1, os.path.getsize(path)
    files = total = 0
    for folder, subfolders, names in os.walk(path):
        if os.path.exists(os.path.join(folder, "hugo.toml")):
            subfolders[:] = [d for d in subfolders if d != "resources"]
            names = [n for n in names if n != ".hugo_build.lock"]
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(folder, name))
    return files, total


class Inputs:
    """The input files of one size, made on first use and recorded in manifest.json."""

    def __init__(self, folder, size):
        self.folder = folder
        self.size = size
        os.makedirs(folder, exist_ok=True)
        self.manifest_path = os.path.join(folder, "manifest.json")
        try:
            with open(self.manifest_path) as handle:
                self.manifest = json.load(handle)
        except (OSError, ValueError):
            self.manifest = {}
        self.generation_seconds = 0.0
        log_sha = file_sha(inputs.GENERATE_LOG)
        s = size
        # name: (path, recipe as recorded, function that makes it)
        self.recipes = {
            "story": ("story.csv", {"subscribers": s["story_subscribers"], "log": log_sha},
                      lambda p: inputs.story_log(p, s["story_subscribers"])),
            "events-10m": ("events-10m.csv", {"subscribers": s["big_subscribers"], "log": log_sha},
                           lambda p: inputs.story_log(p, s["big_subscribers"])),
            "story-x4": ("story-x4.csv", {"copies": s["copies"], "of": "story"},
                         lambda p: inputs.repeated_log(self.path("story"), p, s["copies"])),
            "story-noid": ("story-noid.csv", {"subscribers": s["story_subscribers"], "log": log_sha},
                           lambda p: inputs.story_log(p, s["story_subscribers"], event_ids=False)),
            "story-noid-x4": ("story-noid-x4.csv", {"copies": s["copies"], "of": "story-noid"},
                              lambda p: inputs.repeated_log(self.path("story-noid"), p, s["copies"])),
            "notes": ("notes", {"notes": s["notes"]},
                      lambda p: inputs.notes(p, s["notes"])),
            "plan": ("plan.csv", {"rows": s["plan_rows"], "variants": 7},
                     lambda p: inputs.plan_csv(p, s["plan_rows"])),
        }

    def path(self, name):
        """The input's path, made first when missing, incomplete or made differently."""
        relative, recipe, make = self.recipes[name]
        path = os.path.join(self.folder, relative)
        recipe = dict(recipe, version=INPUTS_VERSION)
        if "of" in recipe:  # a derived input is stale when its source was remade
            self.path(recipe["of"])
            source = self.manifest.get(recipe["of"], {})
            recipe["source_size"] = source.get("size")
        known = self.manifest.get(name)
        if known and known.get("recipe") == recipe and os.path.exists(path) \
                and list(tree_size(path)) == known.get("size"):
            return path
        log("generating %s ..." % relative)
        started = time.perf_counter()
        if os.path.isdir(path):
            shutil.rmtree(path)
        make(path)
        spent = time.perf_counter() - started
        self.generation_seconds += spent
        files, total = tree_size(path)
        log("generated %s: %.0f MB in %.1f s" % (relative, total / 1e6, spent))
        self.manifest[name] = {"recipe": recipe, "size": [files, total]}
        with open(self.manifest_path + ".tmp", "w") as handle:
            json.dump(self.manifest, handle, indent=2)
        os.replace(self.manifest_path + ".tmp", self.manifest_path)
        return path

    def describe(self, name):
        files, total = self.manifest[name]["size"]
        return files, total


# --------------------------------------------------------------------------
# Measuring one child process

class Runner:
    def __init__(self, scratch):
        self.scratch = scratch
        self.use_gnu_time = os.access(GNU_TIME, os.X_OK)
        self.program_seconds = 0.0  # wall time of the measured runs alone
        if not self.use_gnu_time:
            log("warning: %s not found; peak memory is read with wait4 and includes the "
                "harness's own resident size (about 15 MB)" % GNU_TIME)

    def run(self, command, stdout_path, ok_codes=(0,), cwd=None, timeout=1800):
        """Runs command once; returns (seconds, peak RSS in MB, exit status)."""
        report = os.path.join(self.scratch, "time-report.txt")
        full = command
        if self.use_gnu_time:
            # GNU time forks its own child, so %M is the program's own peak (a child spawned
            # straight from Python would inherit Python's high-water mark on exec).
            full = [GNU_TIME, "-f", "%M", "-o", report, "--"] + command
        err_path = stdout_path + ".stderr"
        with open(stdout_path, "wb") as out, open(err_path, "wb") as err:
            started = time.perf_counter()
            child = subprocess.Popen(full, stdout=out, stderr=err, cwd=cwd)
            try:
                _, status, usage = os.wait4(child.pid, 0)
            except KeyboardInterrupt:
                child.kill()
                raise
            seconds = time.perf_counter() - started
        child.returncode = code = os.waitstatus_to_exitcode(status)
        if self.use_gnu_time:
            with open(report) as handle:
                lines = [line for line in handle.read().splitlines() if line.strip()]
            peak_kb = int(lines[-1])
        else:
            peak_kb = usage.ru_maxrss
        if code not in ok_codes:
            with open(err_path, "rb") as handle:
                tail = handle.read()[-2000:].decode("utf-8", "replace")
            raise Broken("%s exited with %d:\n%s" % (" ".join(command), code, tail))
        return seconds, peak_kb / 1024, code


class Sample:
    def __init__(self, workload, input_name, tool, command, stdout_path, prepare=None,
                 ok_codes=(0,)):
        self.workload, self.input, self.tool = workload, input_name, tool
        self.command, self.stdout_path = command, stdout_path
        self.prepare, self.ok_codes = prepare, ok_codes
        self.seconds, self.peaks, self.codes = [], [], []

    @property
    def median(self):
        return statistics.median(self.seconds)

    @property
    def peak(self):
        return max(self.peaks)


def alternate(runner, samples, repeat):
    """Runs the samples round-robin, A B C A B C ..., repeat rounds."""
    for round_number in range(1, repeat + 1):
        for sample in samples:
            started = time.perf_counter()
            if sample.prepare:
                sample.prepare()
            # Nothing the previous program left unwritten may be flushed on this one's time
            # (an fsync on ext4 can wait for other files' dirty pages).
            os.sync()
            spent = time.perf_counter() - started
            cleanup = " (%.1f s of deleting and syncing first)" % spent if spent >= 0.5 else ""
            seconds, peak, code = runner.run(sample.command, sample.stdout_path, sample.ok_codes)
            sample.seconds.append(seconds)
            runner.program_seconds += seconds
            sample.peaks.append(peak)
            sample.codes.append(code)
            log("  %-11s %-14s %-10s round %d/%d: %7.3f s %8.1f MB%s"
                % (sample.workload, sample.input, sample.tool, round_number, repeat, seconds, peak,
                   cleanup))


def warm(paths):
    """Reads every input once so that no program pays for the first read from disk."""
    for path in paths:
        targets = [path] if os.path.isfile(path) else [
            os.path.join(folder, name) for folder, _, names in os.walk(path) for name in names]
        for target in targets:
            with open(target, "rb") as handle:
                while handle.read(1 << 24):
                    pass


def remove(path):
    def action():
        shutil.rmtree(path, ignore_errors=True)
    return action


# --------------------------------------------------------------------------
# Cross-checks

def same_numbers(a, b, where="$"):
    """Differences between two JSON values, numbers compared as numbers. Keys only in `a` are
    ignored: Aftermail may print more than the SPEC §3 figures the DuckDB peer computes."""
    if isinstance(a, bool) or isinstance(b, bool):
        return [] if a == b else ["%s: %r != %r" % (where, a, b)]
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return [] if abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b)) else [
            "%s: %r != %r" % (where, a, b)]
    if isinstance(a, dict) and isinstance(b, dict):
        problems = []
        for key in sorted(b):
            if key not in a:
                problems.append("%s.%s: missing from Aftermail's output" % (where, key))
            else:
                problems += same_numbers(a[key], b[key], "%s.%s" % (where, key))
        return problems
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return ["%s: %d items != %d items" % (where, len(a), len(b))]
        problems = []
        for index, (x, y) in enumerate(zip(a, b)):
            problems += same_numbers(x, y, "%s[%d]" % (where, index))
        return problems
    return [] if a == b else ["%s: %r != %r" % (where, a, b)]


def compare_metrics(aftermail_json, duckdb_json, label):
    with open(aftermail_json) as a, open(duckdb_json) as d:
        problems = same_numbers(json.load(a), json.load(d))
    if problems:
        raise Mismatch("DuckDB and Aftermail disagree on %s:\n  %s"
                       % (label, "\n  ".join(problems[:30])))
    log("cross-check: DuckDB and `aftermail metrics` agree on %s" % label)


def check_edge_cases(runner, aftermail, scratch):
    """The SQL against Aftermail on a small log of every rule (synonyms, case, white space,
    Unicode normal form, duplicate ids, bad records, Unix times, offsets)."""
    a = os.path.join(scratch, "edge-aftermail.json")
    d = os.path.join(scratch, "edge-duckdb.json")
    runner.run([aftermail, "metrics", "--format", "json", EDGE_CASES], a)
    runner.run([sys.executable, DUCKDB_SCRIPT, EDGE_CASES], d)
    compare_metrics(a, d, "scripts/bench/edge-cases.csv")


def count_pages(folder, name="index.html"):
    return sum(1 for _, _, names in os.walk(folder) for n in names if n == name)


# --------------------------------------------------------------------------
# Workloads

class Suite:
    def __init__(self, args, aftermail, data, runner):
        self.args, self.aftermail, self.data, self.runner = args, aftermail, data, runner
        self.scratch = os.path.abspath(args.scratch) if args.scratch else os.path.join(data.folder, "runs")
        os.makedirs(self.scratch, exist_ok=True)
        self.groups = []  # (workload, [Sample])
        self.targets = []  # (workload, description, value text, met or None)
        self.notes = []

    def out(self, name):
        return os.path.join(self.scratch, name)

    def metrics(self):
        story = self.data.path("story")
        warm([story])
        a = Sample("metrics", "story.csv", "aftermail",
                   [self.aftermail, "metrics", "--format", "json", story],
                   self.out("metrics-aftermail.json"))
        d = Sample("metrics", "story.csv", "duckdb", [sys.executable, DUCKDB_SCRIPT, story],
                   self.out("metrics-duckdb.json"))
        alternate(self.runner, [a, d], self.args.repeat)
        compare_metrics(a.stdout_path, d.stdout_path, "story.csv")
        self.groups.append(("metrics", [a, d]))
        self.ratio_target("metrics", a, d, "time", 1 / 4, "Aftermail ≤ 1/4 of DuckDB's time")
        self.ratio_target("metrics", a, d, "memory", 1 / 2, "Aftermail ≤ 1/2 of DuckDB's peak memory")

    def build(self):
        notes = self.data.path("notes")
        site = os.path.join(notes, "aftermail-site")
        hugo_site = os.path.join(notes, "hugo-site")
        markdown = os.path.join(notes, "all-notes.md")
        warm([notes])
        am_out = self.out("aftermail-site-output")
        hugo_out = self.out("hugo-public")
        a = Sample("build", "10k notes", "aftermail",
                   [self.aftermail, "build", "--site", site, "--output", am_out],
                   self.out("build-aftermail.txt"), prepare=remove(am_out))
        h = Sample("build", "10k notes", "hugo",
                   ["hugo", "--quiet", "--source", hugo_site, "--destination", hugo_out],
                   self.out("build-hugo.txt"), prepare=remove(hugo_out))
        c = Sample("build", "10k notes", "cmark", ["cmark", markdown], self.out("build-cmark.html"))
        if self.args.smoke:
            for sample in (a, h, c):
                sample.input = "%d notes" % self.data.size["notes"]
        alternate(self.runner, [a, h, c], self.args.repeat)
        expected = self.data.size["notes"]
        made = count_pages(os.path.join(am_out, "incidents"))
        hugo_made = count_pages(os.path.join(hugo_out, "posts")) - 1  # minus the section page
        if made != expected or hugo_made != expected:
            raise Mismatch("build: expected %d incident pages; Aftermail wrote %d, Hugo %d"
                           % (expected, made, hugo_made))
        log("cross-check: Aftermail and Hugo each wrote %d incident pages" % expected)
        self.groups.append(("build", [a, h, c]))
        self.ratio_target("build", a, h, "time", 1 / 5, "Aftermail ≤ 1/5 of Hugo's time")
        self.ratio_target("build", a, c, "time", 3, "Aftermail ≤ 3× cmark's time over the same bytes")
        self.ratio_target("build", a, h, "memory", 1 / 3, "Aftermail ≤ 1/3 of Hugo's peak memory")

    def curve(self):
        names = ["story", "events-10m", "story-x4", "story-noid", "story-noid-x4"]
        paths = [self.data.path(name) for name in names]
        warm(paths)
        samples = []
        for name, path in zip(names, paths):
            samples.append(Sample("curve", name + ".csv", "aftermail",
                                  [self.aftermail, "metrics", "--format", "json", path],
                                  self.out("curve-%s.json" % name)))
        alternate(self.runner, samples, self.args.curve_repeat)
        by = dict(zip(names, samples))
        documents = {}
        for name in names:
            with open(by[name].stdout_path) as handle:
                documents[name] = json.load(handle)
        copies = self.data.size["copies"]
        for single, repeated in (("story", "story-x4"), ("story-noid", "story-noid-x4")):
            one, many = documents[single], documents[repeated]
            if many["events_read"] != copies * one["events_read"] or \
                    [c["recipients"] for c in many["campaigns"]] != [c["recipients"] for c in one["campaigns"]]:
                raise Mismatch("curve: %s should have %d× the events and the same recipients as %s"
                               % (repeated, copies, single))
        log("cross-check: the repeated logs hold %d× the events and the same recipients" % copies)
        for sample in samples:
            sample.events = documents[sample.input[:-4]]["events_read"]
            sample.recipients = sum(c["recipients"] for c in documents[sample.input[:-4]]["campaigns"])
        self.groups.append(("curve", samples))
        base, big = by["story"], by["events-10m"]
        factor = big.events / base.events
        self.targets.append(("curve", "%s events take ≤ 4.5× the time of %s (events ×%.2f)"
                             % (human(big.events), human(base.events), factor),
                             "×%.2f" % (big.median / base.median), big.median / base.median <= 4.5))
        flat = by["story-noid-x4"].peak / by["story-noid"].peak
        self.targets.append(("curve", "peak memory flat when recipients stay fixed: story-noid-x4 "
                             "≤ 1.25× story-noid (same recipients, ×%d events, no ids)" % copies,
                             "×%.2f" % flat, flat <= 1.25))
        with_ids = by["story-x4"].peak / by["story"].peak
        self.targets.append(("curve", "for information: story-x4 against story (same recipients, "
                             "×%d events, every event id distinct: the id set grows, SPEC §2)" % copies,
                             "×%.2f" % with_ids, None))

    def verify_plan(self):
        if not self.has_verify_plan():
            message = ("verify-plan: skipped — this aftermail has no `verify-plan` subcommand yet "
                       "(`aftermail verify-plan --help` does not describe it)")
            log(message)
            self.notes.append(message)
            self.targets.append(("verify-plan", "verify-plan on %s rows < 5 s"
                                 % "{:,}".format(self.data.size["plan_rows"]), "skipped", None))
            return
        plan = self.data.path("plan")
        warm([plan])
        v = Sample("verify-plan", "plan.csv", "aftermail", [self.aftermail, "verify-plan", plan],
                   self.out("verify-plan.txt"), ok_codes=(0, 1))
        v.input = "%s rows" % "{:,}".format(self.data.size["plan_rows"])
        alternate(self.runner, [v], self.args.repeat)
        if any(code == 1 for code in v.codes):
            self.notes.append("verify-plan exited 1 (problems found) on a plan that gives every "
                              "recipient exactly one of 7 variants; see %s" % v.stdout_path)
        self.groups.append(("verify-plan", [v]))
        self.targets.append(("verify-plan", "verify-plan on %s rows < 5 s" % v.input[:-5],
                             "%.2f s" % v.median, v.median < 5))

    def has_verify_plan(self):
        try:
            done = subprocess.run([self.aftermail, "verify-plan", "--help"], capture_output=True,
                                  text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return False
        return done.returncode == 0 and "aftermail verify-plan" in done.stdout

    def ratio_target(self, workload, mine, peer, kind, limit, description):
        if kind == "time":
            ratio = mine.median / peer.median
        else:
            ratio = mine.peak / peer.peak
        self.targets.append((workload, description, "%.2f" % ratio, ratio <= limit))


# --------------------------------------------------------------------------
# Report

def version_of(command):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return (done.stdout or done.stderr).strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "not found"


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo") as handle:
            kb = int(handle.readline().split()[1])
            memory = "%.1f GiB" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    os_name = platform.platform()
    try:
        with open("/etc/os-release") as handle:
            for line in handle:
                if line.startswith("PRETTY_NAME="):
                    os_name = line.split("=", 1)[1].strip().strip('"') + ", Linux " + platform.release()
    except OSError:
        pass
    try:
        import duckdb
        duck = duckdb.__version__
    except ImportError:
        duck = "not installed"
    return [
        ("CPUs (nproc)", str(os.cpu_count())),
        ("CPU model", model),
        ("memory", memory),
        ("OS", os_name),
        ("Swift", version_of(["swift", "--version"])),
        ("Python", platform.python_version()),
        ("DuckDB (Python)", duck),
        ("Hugo", version_of(["hugo", "version"])),
        ("cmark", version_of(["cmark", "--version"])),
        ("load average at start", " ".join("%.2f" % x for x in os.getloadavg())),
    ]


def report(suite, args, data, machine_info, suite_seconds):
    lines = []
    mode = "smoke" if args.smoke else "full"
    command = "python3 scripts/bench/run.py" + (" --smoke" if args.smoke else "") + \
        ("" if args.repeat == (1 if args.smoke else 5) else " --repeat %d" % args.repeat) + \
        ("" if args.curve_repeat == args.repeat else " --curve-repeat %d" % args.curve_repeat) + \
        (" --only %s" % args.only if args.only else "") + \
        (" --aftermail %s" % args.aftermail if args.aftermail else "") + \
        (" --scratch %s" % args.scratch if args.scratch else "")
    lines.append("Command: `%s` (%s size; the programs of a workload run alternately, "
                 "A B A B ...)." % (command, mode))
    lines.append("")
    lines.append("| workload | input | tool | runs | median s | min s | max s | peak RSS MB | "
                 "Aftermail ÷ peer (time; memory) |")
    lines.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for workload, samples in suite.groups:
        first = samples[0]
        for sample in samples:
            if workload == "curve":
                ratio = "" if sample is first else "×%.2f time; ×%.2f memory against %s" % (
                    sample.median / first.median, sample.peak / first.peak, first.input)
            elif sample.tool == "aftermail":
                ratio = ""
            else:
                ratio = "%.2f; %.2f" % (first.median / sample.median, first.peak / sample.peak)
            label = sample.input
            if workload == "curve":
                label = "%s (%s events, %s recipients)" % (
                    sample.input, human(sample.events), "{:,}".format(sample.recipients))
            lines.append("| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.0f | %s |" % (
                workload, label, sample.tool, len(sample.seconds), sample.median, min(sample.seconds),
                max(sample.seconds), sample.peak, ratio))
    lines.append("")
    lines.append("| target | measured | met |")
    lines.append("| --- | --- | --- |")
    for workload, description, value, met in suite.targets:
        verdict = "—" if met is None else ("yes" if met else "**no**")
        lines.append("| %s: %s | %s | %s |" % (workload, description, value, verdict))
    lines.append("")
    if args.smoke:
        lines.append("- Smoke size: the inputs are far too small for the targets to mean "
                     "anything; this run checks the harness and the cross-checks.")
    for note in suite.notes:
        lines.append("- " + note)
    lines.append("- Peak RSS is the largest of the runs, read by GNU time for each child "
                 "process; times are wall-clock seconds.")
    lines.append("- Measuring took %.0f s: %.0f s of measured runs, the rest reading inputs "
                 "into the page cache, deleting each build's output and syncing before the next run. "
                 "Generating the inputs took %.0f s this time (they are reused from `%s` while "
                 "unchanged)." % (suite_seconds, suite.runner.program_seconds,
                                  data.generation_seconds, data.folder))
    lines.append("")
    lines.append("Machine:")
    lines.append("")
    for key, value in machine_info:
        lines.append("- %s: %s" % (key, value))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------

def find_aftermail(given):
    if given:
        path = os.path.abspath(given)
        if not os.access(path, os.X_OK):
            raise Broken("no executable at %s" % path)
        return path
    path = os.path.join(REPO, ".build", "release", "aftermail")
    if not os.access(path, os.X_OK):
        log("building the release binary (swift build -c release) ...")
        done = subprocess.run(["swift", "build", "-c", "release"], cwd=REPO)
        if done.returncode != 0 or not os.access(path, os.X_OK):
            raise Broken("swift build -c release failed")
    return path


def check_tools(workloads):
    missing = []
    if True:  # the cross-check of the SQL on edge-cases.csv always runs
        try:
            import duckdb  # noqa: F401
        except ImportError:
            missing.append("DuckDB for Python (python3 -m pip install duckdb)")
    if "build" in workloads:
        for tool in ("hugo", "cmark"):
            if shutil.which(tool) is None:
                missing.append("%s (apt-get install %s)" % (tool, tool))
    if missing:
        raise Broken("missing: " + "; ".join(missing))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true",
                        help="tiny inputs and one run of each: checks the harness and the "
                             "cross-checks in well under a minute (for CI)")
    parser.add_argument("--repeat", type=int, metavar="N",
                        help="runs of each program (default 5; 1 with --smoke)")
    parser.add_argument("--curve-repeat", type=int, metavar="N",
                        help="runs of each input of the cost curve (default: --repeat; the "
                             "medians of three runs swung by a fifth on a noisy host)")
    parser.add_argument("--work", default="/tmp/aftermail-bench", metavar="DIR",
                        help="where inputs and outputs live (default /tmp/aftermail-bench); "
                             "full and smoke inputs go to DIR/full and DIR/smoke")
    parser.add_argument("--only", metavar="NAME[,NAME]",
                        help="run only these workloads: " + ", ".join(WORKLOADS))
    parser.add_argument("--scratch", metavar="DIR",
                        help="where the programs write their outputs (default DIR/<size>/runs, "
                             "on the same disk as the inputs; /dev/shm/... takes the disk out of "
                             "the build comparison, and with it the cost of any fsync)")
    parser.add_argument("--out", metavar="FILE",
                        help="also write the Markdown report here (default DIR/<size>/results.md)")
    parser.add_argument("--prepare", action="store_true",
                        help="only make (or check) the inputs, measure nothing")
    parser.add_argument("--aftermail", metavar="PATH",
                        help="the binary to measure (default .build/release/aftermail, built "
                             "when missing)")
    args = parser.parse_args(argv)
    if args.repeat is None:
        args.repeat = 1 if args.smoke else 5
    if args.curve_repeat is None:
        args.curve_repeat = args.repeat
    if args.repeat < 1 or args.curve_repeat < 1:
        parser.error("--repeat and --curve-repeat must be at least 1")
    workloads = WORKLOADS
    if args.only:
        workloads = [name.strip() for name in args.only.split(",") if name.strip()]
        unknown = [name for name in workloads if name not in WORKLOADS]
        if unknown:
            parser.error("unknown workload %s (choose from %s)"
                         % (", ".join(unknown), ", ".join(WORKLOADS)))

    mode = "smoke" if args.smoke else "full"
    try:
        check_tools(workloads)
        aftermail = find_aftermail(args.aftermail)
        data = Inputs(os.path.join(os.path.abspath(args.work), mode), SIZES[mode])
        runner = Runner(tempfile.mkdtemp(prefix="aftermail-bench-"))
        suite = Suite(args, aftermail, data, runner)
        machine_info = machine()
        check_edge_cases(runner, aftermail, suite.scratch)
        # Make every input first, so generation time and measuring time stay apart.
        needs = {"metrics": ["story"], "build": ["notes"],
                 "curve": ["story", "events-10m", "story-x4", "story-noid", "story-noid-x4"],
                 "verify-plan": ["plan"] if suite.has_verify_plan() else []}
        for workload in workloads:
            for name in needs[workload]:
                data.path(name)
        if args.prepare:
            log("inputs ready in %s (%.0f s of generation)" % (data.folder, data.generation_seconds))
            return 0
        started = time.perf_counter()
        for workload in WORKLOADS:
            if workload in workloads:
                log("== %s (%.0f s so far)" % (workload, time.perf_counter() - started))
                getattr(suite, workload.replace("-", "_"))()
        suite_seconds = time.perf_counter() - started
    except Broken as problem:
        log("run.py: broken run: %s" % problem)
        return 2
    except Mismatch as problem:
        log("run.py: MISMATCH: %s" % problem)
        return 1
    except subprocess.CalledProcessError as problem:
        log("run.py: input generation failed: %s" % problem)
        return 2

    text = report(suite, args, data, machine_info, suite_seconds)
    print(text)
    out = args.out or os.path.join(data.folder, "results.md")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text)
    log("report written to %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
