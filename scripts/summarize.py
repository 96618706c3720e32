#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Judge a test run: count the KUnit leaves in kunit.py's JSON, the RESULT
lines of the host and the guest, check that every expected KUnit suite
reported, and print one closing line "N passed, N failed[, N skipped]".

Usage: summarize.py OUTDIR [SUITE...] [--run NAME [SUITE...]]...
The results in OUTDIR count under their own names, and OUTDIR's KUnit run
must report the SUITEs before the first --run. Each --run NAME is one more
run (one test kernel's) in OUTDIR/NAME, judged the same way: its results are
named "NAME/<result>" and it must report its own SUITEs.
Exit status 0 only if nothing failed and something ran.
"""
import json
import os
import re
import sys


def kunit_leaves(group, path=()):
    for case in group.get("test_cases", []):
        yield path + (case["name"],), case["status"]
    for sub in group.get("sub_groups", []):
        yield from kunit_leaves(sub, path + (sub["name"],))


def judge_run(rundir, prefix, expected, record, failures):
    """Record the results of the run in rundir, each name prefixed."""
    for fname in ("host.results", "guest.results"):
        path = os.path.join(rundir, fname)
        if not os.path.exists(path):
            continue
        with open(path, errors="replace") as f:
            for line in f:
                m = re.match(r"RESULT (pass|fail|skip) (\S+)(?: # (.*))?", line.strip())
                if m:
                    record(m.group(1), prefix + m.group(2), m.group(3) or "")

    kjson = os.path.join(rundir, "kunit.json")
    suites = set()
    kunit_failed_before = sum(1 for n in failures if n.startswith(prefix + "kunit:"))
    if os.path.exists(kjson):
        with open(kjson) as f:
            top = json.load(f)
        for path, status in kunit_leaves(top):
            suites.add(path[0] if len(path) > 1 else "")
            name = prefix + "kunit:" + "/".join(path)
            record({"PASS": "pass", "SKIP": "skip"}.get(status, "fail"), name)
    for suite in expected:
        if suite not in suites:
            record("fail", prefix + "kunit:" + suite, "suite reported no results")

    # Cross-check the parser: a "not ok" test line in the KTAP must be a failure.
    ktap = os.path.join(rundir, "kunit.ktap")
    if os.path.exists(ktap):
        with open(ktap, errors="replace") as f:
            not_ok = [l for l in f if re.match(r"\s*not ok \d+", l) and "# SKIP" not in l]
        kunit_failed = sum(1 for n in failures if n.startswith(prefix + "kunit:"))
        if not_ok and kunit_failed == kunit_failed_before:
            record("fail", prefix + "kunit-parse", "KTAP has 'not ok' lines the parser missed")


def parse_args(argv):
    """[(subdirectory, result name prefix, expected suites)], OUTDIR's first."""
    runs = [("", "", [])]
    args = iter(argv)
    for arg in args:
        if arg == "--run":
            name = next(args)
            runs.append((name, name + "/", []))
        else:
            runs[-1][2].append(arg)
    return runs


def main():
    out = sys.argv[1]
    passed, failed, skipped = 0, 0, 0
    failures = []

    def record(status, name, detail=""):
        nonlocal passed, failed, skipped
        if status == "pass":
            passed += 1
        elif status == "skip":
            skipped += 1
        else:
            failed += 1
            failures.append(name + (f" ({detail})" if detail else ""))

    for sub, prefix, expected in parse_args(sys.argv[2:]):
        judge_run(os.path.join(out, sub), prefix, expected, record, failures)

    if passed + failed == 0:
        record("fail", "run", "no test reported any result")
    if failures:
        print("Failed:")
        for name in failures:
            print("  " + name)
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
