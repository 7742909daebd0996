#!/usr/bin/env python3
"""Where `aftermail metrics` spends its CPU, by stage of the read (BENCHMARKS.md, "Where the
time goes"): records one run per input with `perf record -g` (cpu-clock samples, 1 kHz) and
sorts the samples by the functions on their call stacks.

    python3 scripts/bench/stages.py BINARY [--inputs story.csv,events-10m.csv]

Needs `perf` and a release binary with its symbols (SwiftPM's release build keeps them). The
stages are recognised by Swift symbol names, so a renamed function shows up as "other".
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

# (stage, substrings of a mangled or demangled symbol on the stack), checked in order.
STAGES = [
    ("1. read, split, normalize", ("ParseStage", "CanonicalCSVScan")),
    ("2. intern, de-duplicate", ("deduplicate",)),
    ("report's pass over the recipients", ("RecipientPass",)),
    ("3. count", ("consume5batch", "StateV7consume")),
    ("pages mapped ahead", ("madvise",)),
]


def profile(binary, path, perf):
    """Sample counts per stage, and the first and last sample time of each (seconds)."""
    with tempfile.TemporaryDirectory() as folder:
        data = os.path.join(folder, "perf.data")
        subprocess.run([perf, "record", "-F", "1000", "-g", "-o", data, "--",
                        binary, "metrics", "--quiet", "--format", "json", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        script = subprocess.run([perf, "script", "-i", data, "-F", "time,ip,sym"],
                                capture_output=True, text=True, check=True).stdout
    counts, spans, start = {}, {}, None
    for block in script.split("\n\n"):
        lines = [line for line in block.strip().split("\n") if line.strip()]
        if not lines:
            continue
        moment = float(lines[0].split()[0].rstrip(":"))
        start = moment if start is None else start
        stack = " ".join(lines[1:])
        stage = next((name for name, marks in STAGES if any(mark in stack for mark in marks)), "other")
        counts[stage] = counts.get(stage, 0) + 1
        first, _ = spans.get(stage, (moment - start, 0))
        spans[stage] = (first, moment - start)
    return counts, spans


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", help="the aftermail binary to profile")
    parser.add_argument("--inputs", default="story.csv,events-10m.csv", help="comma-separated inputs")
    parser.add_argument("--work", default="/tmp/aftermail-bench/full", help="the suite's input folder")
    args = parser.parse_args()
    perf = shutil.which("perf")
    if not perf:
        sys.exit("stages.py: needs perf (apt-get install linux-perf)")
    names = [name for name in args.inputs.split(",") if name]
    results = []
    for name in names:
        path = os.path.join(args.work, name)
        if not os.path.isfile(path):
            sys.exit(f"stages.py: no input {path} (make the inputs with scripts/bench/run.py --prepare)")
        results.append(profile(args.binary, path, perf))
    stages = [name for name, _ in STAGES] + ["other"]
    print("| stage | " + " | ".join(f"{name} samples | from–to s" for name in names) + " |")
    print("| --- |" + " ---: | --- |" * len(names))
    for stage in stages:
        cells = []
        for counts, spans in results:
            first, last = spans.get(stage, (0, 0))
            cells.append(f"{counts.get(stage, 0):,} | {first:.2f}–{last:.2f}")
        print(f"| {stage} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
