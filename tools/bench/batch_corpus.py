#!/usr/bin/env python3
# A varied batch corpus for byte-for-byte comparisons: every rule of the pack, a trigger of each
# version, days 2001..2026 (forum days, local times, times in other zones), acts, display zones,
# facts, readings, tolling, unknown rules and truncated lines.
# Usage: batch_corpus.py QIXIAN_BINARY N > corpus.jsonl
import json, random, subprocess, sys
q, n = sys.argv[1], int(sys.argv[2])
rules = json.loads(subprocess.check_output([q, 'rules', 'list', '--json']))
rnd = random.Random(11)
zones = [None, 'America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney']
def day(a=2001, b=2024):
    return f"{rnd.randint(a,b):04d}-{rnd.randint(1,12):02d}-{rnd.randint(1,28 if rnd.random()<.9 else 31):02d}"
for i in range(n):
    r = rnd.choice(rules); v = rnd.choice(r['versions']); trig = v.get('trigger') or ['effective']
    req = {'id': i, 'rule': r['id'], 'events': {}}
    for t in trig[:1]:
        if t == 'instalment_due': req['events'][t] = sorted(day() for _ in range(rnd.randint(1,3)))
        else: req['events'][t] = day() if rnd.random() < .8 else day() + 'T' + f"{rnd.randint(0,23):02d}:30" + (f"[{rnd.choice(zones[1:])}]" if rnd.random()<.5 else '')
    if rnd.random() < .5: req['act'] = day(2003, 2026)
    z = rnd.choice(zones)
    if z: req['zone'] = z
    if rnd.random() < .2: req['facts'] = rnd.choice([{'parties': 'legal_persons'}, {'parties': 'natural_person_involved'}, {'domicile': 'abroad'}, {'claim': 'support'}])
    if rnd.random() < .15: req['readings'] = rnd.choice([{'adjusted_weekend': 'weekday'}, {'event_zone': 'local'}, {'instalments': 'last'}, {'suspension': 'resume'}])
    if rnd.random() < .05: req['tolling'] = [{'kind': 'interruption', 'at': day()}]
    if rnd.random() < .02: req['rule'] = 'no.such.rule'
    line = json.dumps(req, ensure_ascii=False)
    if rnd.random() < .01: line = line[:-3]
    print(line)
