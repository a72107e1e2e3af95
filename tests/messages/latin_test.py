#!/usr/bin/env python3
"""Under --lang zh the output is Chinese: no English word outside the allowed kinds (latin.py).

Runs compute, explain, docket, verify, rules list, rules show (every rule), calendar and error
cases under --lang zh and fails on any line with an English word that is not an id, a reading
key in parentheses, a zone name, a citation unit or a digest (latin.py says exactly which).

Nothing is exempt: the trace steps too are rendered in Chinese (docs/TRACE.md).

Usage: latin_test.py QIXIAN SOURCE_DIR
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latin import latin_words  # noqa: E402

QIXIAN, SRC = sys.argv[1], sys.argv[2]

RUNS = [
    ["compute", "cn.enforcement.application", "--event", "effective=2024-02-29"],
    ["explain", "cn.enforcement.application", "--event", "effective=2024-02-29"],
    ["explain", "cn.enforcement.application", "--event", "effective=2023-09-28", "--act", "2025-10-09"],
    ["explain", "cn.civil.limitation", "--event", "knew=2015-09-30", "--act", "2018-06-01"],
    ["explain", "cn.civil.limitation", "--event", "knew=2020-03-01", "--interruption", "2021-05-01",
     "--suspension", "2023-01-10..2023-02-10"],
    ["explain", "cn.enforcement.application", "--event", "effective=2007-01-10", "--instalment", "2007-06-30",
     "--instalment", "2007-12-31", "--fact", "parties=legal_persons", "--act", "2009-06-01"],
    ["explain", "cn.civil.limitation", "--event", "knew=2025-06-30T20:00[America/New_York]", "--zone", "America/New_York"],
    ["explain", "cn.civil.limitation", "--event", "knew=2026-06-01"],
    ["explain", "cn.civil.limitation", "--event", "knew=2015-09-30T20:00[America/New_York]", "--act", "2018-06-01"],
    ["explain", "cn.civil.limitation", "--event", "knew=2019-03-01", "--suspension", "2021-01-10..2021-02-10",
     "--reading", "suspension=resume"],
    ["explain", "cn.civil.limitation", "--event", "knew=2020-03-01", "--fact", "claim=support"],
    ["compute", "cn.recognition.taiwan.application", "--event", "effective=2002-04-01", "--act", "2019-06-25"],
    ["docket", os.path.join(SRC, "tests/data/cases/payment_order.toml")],
    ["docket", os.path.join(SRC, "tests/data/cases/payment_order_court.toml")],
    ["docket", os.path.join(SRC, "tests/data/cases/recognition.json")],
    ["calendar", "--from", "2025-01-20", "--to", "2025-02-10"],
    ["calendar", "--from", "2025-09-26", "--to", "2025-10-12"],
    ["calendar", "--from", "2027-01-28", "--to", "2027-02-20"],
    ["calendar", "--from", "2024-12-20", "--to", "2025-01-10", "--changes-since", "2024-01-01"],
    # verify prints each fixture's citation as the fixture writes it (most name the parties in
    # English, "A v B … case number not given"): the frame is checked on a fixture cited in Chinese.
    ["verify", os.path.join(SRC, "tests/rulings/2020-liao01-xiewairen7.toml")],
    ["verify", os.path.join(SRC, "tests/rulings/no-such-fixture.toml")],
    ["rules", "list"],
    ["rules", "check"],
    ["compute", "cn.civil.limitation", "--event", "knew=2023-02-30"],
    ["compute", "cn.civil.limitation"],
    ["compute", "cn.no.such", "--event", "knew=2024-01-01"],
    ["compute", "cn.enforcement.application", "--event", "effective=2000-01-01"],
    ["compute", "cn.civil.limitation", "--event", "knew=2024-01-01", "--event", "knew=2024-02-01"],
]


def run(args):
    p = subprocess.run([QIXIAN] + args + ["--lang", "zh"], capture_output=True, text=True, timeout=120)
    return p.stdout + p.stderr


def main():
    rule_ids = [l.split()[0] for l in run(["rules", "list"]).splitlines() if l.strip()]
    runs = RUNS + [["rules", "show", r] for r in rule_ids]
    bad = 0
    lines_seen = 0
    for args in runs:
        lines = run(args).splitlines()
        lines_seen += len(lines)
        for line in lines:
            words = latin_words(line)
            if words:
                bad += 1
                print(f"FAIL: qixian {' '.join(args)} --lang zh\n      {line}\n      English: {' '.join(words)}")
    print(f"{len(runs)} runs, {lines_seen} lines checked, {bad} with English words")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
