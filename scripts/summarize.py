#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Judge a test run: count the KUnit leaves in kunit.py's JSON, the RESULT
lines of the host and the guest, check that every expected KUnit suite
reported, and print one closing line "N passed, N failed[, N skipped]".

Usage: summarize.py OUTDIR EXPECTED_SUITE...
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


def main():
    out, expected = sys.argv[1], sys.argv[2:]
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

    for fname in ("host.results", "guest.results"):
        path = os.path.join(out, fname)
        if not os.path.exists(path):
            continue
        with open(path, errors="replace") as f:
            for line in f:
                m = re.match(r"RESULT (pass|fail|skip) (\S+)(?: # (.*))?", line.strip())
                if m:
                    record(m.group(1), m.group(2), m.group(3) or "")

    kjson = os.path.join(out, "kunit.json")
    suites = set()
    if os.path.exists(kjson):
        with open(kjson) as f:
            top = json.load(f)
        for path, status in kunit_leaves(top):
            suites.add(path[0] if len(path) > 1 else "")
            name = "kunit:" + "/".join(path)
            record({"PASS": "pass", "SKIP": "skip"}.get(status, "fail"), name)
    for suite in expected:
        if suite not in suites:
            record("fail", "kunit:" + suite, "suite reported no results")

    # Cross-check the parser: a "not ok" test line in the KTAP must be a failure.
    ktap = os.path.join(out, "kunit.ktap")
    if os.path.exists(ktap):
        with open(ktap, errors="replace") as f:
            not_ok = [l for l in f if re.match(r"\s*not ok \d+", l) and "# SKIP" not in l]
        kunit_failed = sum(1 for n in failures if n.startswith("kunit:"))
        if not_ok and not kunit_failed:
            record("fail", "kunit-parse", "KTAP has 'not ok' lines the parser missed")

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
