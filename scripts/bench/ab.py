#!/usr/bin/env python3
"""A/B comparison of `aftermail metrics` binaries, the way BENCHMARKS.md's optimisation rows
were measured: the binaries run alternately (A B A B ...) on the same inputs, and the medians of
wall time and of `perf stat`'s task clock (CPU time of all threads; steadier than wall time on a
shared machine) are printed per binary and input. Both binaries must print the same JSON for
each input, or the comparison stops.

    python3 scripts/bench/ab.py OLD_BINARY NEW_BINARY [--runs 5] [--inputs story.csv,events-10m.csv]

Inputs are read from the suite's work folder (`--work`, default /tmp/aftermail-bench/full; make
them with `python3 scripts/bench/run.py --prepare`). Without `perf` only wall times are shown.
"""

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(binary, path, perf):
    """Runs one `metrics`; returns (wall seconds, task clock ms or None, sha256 of stdout)."""
    command = [binary, "metrics", "--quiet", "--format", "json", path]
    with tempfile.NamedTemporaryFile("r", suffix=".perf") as stat_file:
        if perf:
            command = [perf, "stat", "-x,", "-e", "task-clock", "-o", stat_file.name, "--"] + command
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"ab.py: {binary} failed on {path} (exit {result.returncode}):\n"
                     + result.stderr.decode(errors="replace"))
        task = None
        if perf:
            for line in stat_file.read().splitlines():
                if "task-clock" in line:
                    task = float(line.split(",")[0])
    return wall, task, hashlib.sha256(result.stdout).hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binaries", nargs="+", help="aftermail binaries to compare (two or more)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each binary on each input")
    parser.add_argument("--inputs", default="story.csv,events-10m.csv", help="comma-separated inputs")
    parser.add_argument("--work", default="/tmp/aftermail-bench/full", help="the suite's input folder")
    args = parser.parse_args()
    if len(args.binaries) < 2:
        parser.error("name at least two binaries")
    for binary in args.binaries:
        if not os.access(binary, os.X_OK):
            parser.error(f"not an executable: {binary}")
    inputs = [os.path.join(args.work, name) for name in args.inputs.split(",") if name]
    for path in inputs:
        if not os.path.isfile(path):
            parser.error(f"no input {path} (make the inputs with scripts/bench/run.py --prepare)")
    perf = shutil.which("perf")
    if perf and subprocess.run([perf, "stat", "-e", "task-clock", "true"],
                               capture_output=True).returncode != 0:
        perf = None

    walls, tasks, outputs = {}, {}, {}
    for _ in range(args.runs):
        for path in inputs:
            for binary in args.binaries:
                wall, task, digest = run_once(binary, path, perf)
                walls.setdefault((binary, path), []).append(wall)
                if task is not None:
                    tasks.setdefault((binary, path), []).append(task)
                outputs.setdefault(path, {}).setdefault(digest, binary)
                if len(outputs[path]) > 1:
                    sys.exit(f"ab.py: the binaries print different JSON for {path}")

    for path in inputs:
        print(os.path.basename(path))
        for binary in args.binaries:
            wall = statistics.median(walls[(binary, path)])
            line = f"  {binary}: wall {wall:.3f} s (min {min(walls[(binary, path)]):.3f})"
            if (binary, path) in tasks:
                line += f", task clock {statistics.median(tasks[(binary, path)]):.0f} ms"
            print(line)
    print(f"medians of {args.runs} alternating runs; outputs identical")


if __name__ == "__main__":
    main()
