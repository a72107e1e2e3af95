#!/usr/bin/env python3
"""Writes a varied batch corpus: N request lines (default 20,000) over every rule of the pack.

Usage: tools/corpus/gen_corpus.py QIXIAN_BINARY [N] [SEED] > corpus.jsonl

The lines vary the trigger and other events (days, local times, instants with offsets,
times in IANA zones), facts, acts, display zones, readings, tolling events, instalments,
calendar_as_of and provisional answers, and include some bad lines (unknown rules,
impossible dates, missing events, unknown fields). A refactor that must not change
behaviour runs `qixian batch` on the corpus before and after and compares the outputs
byte for byte (tools/corpus/compare).
"""
import json
import random
import subprocess
import sys
from datetime import date, timedelta

EVENTS = ["effective", "performance_due", "found_in_china", "recognition_effective", "served",
          "received", "accepted", "knew", "debtor_act", "harm", "measure", "published", "posted"]
ZONES = ["America/New_York", "Europe/London", "Asia/Tokyo", "Asia/Taipei", "Australia/Sydney",
         "Pacific/Kiritimati", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Pago_Pago"]
INSTALMENT_RULES = {"cn.enforcement.application", "cn.civil.limitation"}
HOUR_RULES = {"cn.preservation.pre-action.ruling"}  # counts hours: its event needs a time
READINGS = {"adjusted_weekend": ["schedule", "weekday"], "event_zone": ["forum", "local"],
            "suspension": ["civil_code", "resume"], "instalments": ["each", "last"],
            "transition": ["takes_over", "by_trigger"], "version_by": ["application", "trigger"]}
FACTS = {"parties": ["natural_person_involved", "legal_persons"], "domicile": ["china", "abroad"],
         "claim": ["ordinary", "support", "cessation", "property_return", "deposit", "bonds",
                   "capital_contribution"]}


def day(r, lo=1995, hi=2026):
    start = date(lo, 1, 1)
    span = (date(hi, 12, 31) - start).days
    # near year ends, holidays and cutovers more often than uniformly
    if r.random() < 0.3:
        y = r.randint(lo, hi)
        d = r.choice([date(y, 1, 1), date(y, 2, 28), date(y, 4, 30), date(y, 6, 30), date(y, 9, 30),
                      date(y, 10, 1), date(y, 12, 31), date(y, 1, 31), date(y, 5, 1), date(y, 8, 31)])
        return d + timedelta(days=r.randint(-3, 3))
    return start + timedelta(days=r.randrange(span))


def time_text(r, d, timed=False):
    k = r.random()
    if timed:
        k = 0.55 + k * 0.45
    if k < 0.55:
        return d.isoformat()
    hh, mm = r.randint(0, 23), r.choice([0, 0, 15, 30, 59])
    if k < 0.7:
        return f"{d.isoformat()}T{hh:02d}:{mm:02d}"
    if k < 0.8:
        return f"{d.isoformat()}T{hh:02d}:{mm:02d}:00" + r.choice(["Z", "+08:00", "-05:00", "+09:00"])
    return f"{d.isoformat()}T{hh:02d}:{mm:02d}[{r.choice(ZONES)}]"


def tolling(r, base):
    out = []
    for _ in range(r.choice([1, 1, 2, 3])):
        kind = r.choice(["interruption", "interruption", "suspension", "settlement", "agreed_after_expiry"])
        at = base + timedelta(days=r.randint(30, 2000))
        if kind == "suspension":
            out.append({"kind": kind, "from": at.isoformat(),
                        "to": (at + timedelta(days=r.randint(1, 400))).isoformat()})
        elif kind == "settlement":
            e = {"kind": kind, "at": at.isoformat()}
            if r.random() < 0.6:
                e["performance_due"] = (at + timedelta(days=r.randint(1, 300))).isoformat()
            out.append(e)
        elif kind == "interruption":
            e = {"kind": kind, "at": at.isoformat()}
            if r.random() < 0.3:
                e["addressee"] = r.choice(["debtor", "third_party"])
            out.append(e)
        else:
            out.append({"kind": kind, "at": at.isoformat()})
    return out


def request(r, i, rule):
    triggers = sorted({t for v in rule["versions"] for t in v.get("trigger", [])}) or ["effective"]
    req = {"id": i, "rule": rule["id"]}
    lo = int(rule["versions"][0]["valid_from"][:4])
    base = day(r, max(lo, 2000) if r.random() < 0.9 else 1995)
    events = {}
    for t in triggers:
        if r.random() < 0.85 or not events:
            events[t] = time_text(r, base + timedelta(days=r.randint(0, 40)), rule["id"] in HOUR_RULES)
    if r.random() < 0.1:
        events[r.choice(EVENTS)] = time_text(r, day(r))
    if r.random() < (0.3 if rule["id"] in INSTALMENT_RULES else 0.02):
        events["instalment_due"] = sorted((base + timedelta(days=r.randint(0, 900))).isoformat()
                                          for _ in range(r.randint(1, 4)))
    req["events"] = events
    facts = {k: r.choice(v) for k, v in FACTS.items() if r.random() < (0.25 if k == "claim" else 0.7)}
    if facts:
        req["facts"] = facts
    if r.random() < 0.6:
        req["act"] = time_text(r, base + timedelta(days=r.randint(0, 365 * 4)))
    if r.random() < 0.4:
        req["zone"] = r.choice(ZONES)
    if r.random() < 0.35:
        req["readings"] = {k: r.choice(v) for k, v in READINGS.items() if r.random() < 0.35}
    if r.random() < (0.5 if rule["id"] in INSTALMENT_RULES else 0.03):
        req["tolling"] = tolling(r, base)
    if r.random() < 0.08:
        req["calendar_as_of"] = day(r, 2005, 2026).isoformat()
    if r.random() < 0.15:
        req["provisional"] = True
    if r.random() < 0.05:
        req["local_times"] = r.choice(["reject", "earliest", "latest"])
    if r.random() < 0.1:
        req["trace"] = False
    return req


def bad_line(r, i):
    return r.choice([
        json.dumps({"id": i, "rule": "cn.no.such.rule", "events": {"effective": "2020-01-01"}}),
        json.dumps({"id": i, "rule": "cn.enforcement.application", "events": {"effective": "2021-02-30"}}),
        json.dumps({"id": i, "rule": "cn.enforcement.application", "events": {}}),
        json.dumps({"id": i, "rule": "cn.enforcement.application", "events": {"effective": "2020-01-01"}, "colour": 1}),
        json.dumps({"id": i, "rule": "cn.civil.limitation", "events": {"knew": "2020-03-08T02:30[America/New_York]"}}),
        json.dumps({"id": i, "rule": "cn.enforcement.application", "events": {"effective": "2020-01-01T10:00[Mars/Base]"}}),
        '{"id": ' + str(i) + ', "rule": "cn.enforcement.application", "events": {',
        json.dumps({"id": i, "rule": "cn.appeal.judgment", "events": {"served": "2020-01-01"}}),
        json.dumps({"id": i, "convention": "cn", "period": "P15D", "events": {"start": day(r).isoformat()}}),
    ])


def main():
    binary = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 14
    rules = json.loads(subprocess.run([binary, "rules", "list", "--json"], check=True,
                                      capture_output=True, text=True).stdout)
    r = random.Random(seed)
    out = sys.stdout
    for i in range(n):
        if r.random() < 0.04:
            out.write(bad_line(r, i) + "\n")
        else:
            out.write(json.dumps(request(r, i, r.choice(rules)), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
