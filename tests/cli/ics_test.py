#!/usr/bin/python3
"""The ICS output of `qixian compute --format ics`, read by a real RFC 5545 parser
(Debian's python3-icalendar): the event falls on the last day, the description names
the rule, its citation and the exclusive end instant. Usage: ics_test.py QIXIAN_BINARY"""
import datetime
import subprocess
import sys

import icalendar

qixian = sys.argv[1]
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def ics(*args):
    out = subprocess.run([qixian, "compute", *args, "--format", "ics"], check=True, capture_output=True).stdout
    check(b"\r\n" in out and b"\n" not in out.replace(b"\r\n", b""), "CRLF line endings only")
    check(all(len(line) <= 75 for line in out.split(b"\r\n")), "lines folded at 75 octets")
    return icalendar.Calendar.from_ical(out)


cal = ics("cn.enforcement.application", "--event", "effective=2023-06-30", "--zone", "America/New_York")
events = [c for c in cal.walk() if c.name == "VEVENT"]
check(len(events) == 1, "one event")
ev = events[0]
check(ev.decoded("dtstart") == datetime.date(2025, 6, 30), "DTSTART is the last day")
check(ev.decoded("dtend") == datetime.date(2025, 7, 1), "DTEND is the next day (exclusive)")
summary = str(ev.get("summary"))
check("申请执行期间" in summary and "Period to apply for enforcement" in summary, "summary names the rule")
desc = str(ev.get("description"))
check("中华人民共和国民事诉讼法（2021年修正）第246条" in desc, "description cites the article (the text in force on 2023-06-30)")
check("2025-07-01T00:00:00+08:00" in desc and "2025-06-30T16:00:00Z" in desc, "description gives the end instant")
check("2025-06-30T12:00:00-04:00" in desc, "description gives the end in the requested zone")
check(str(ev.get("x-qixian-ends-at")) == "20250630T160000Z", "X-QIXIAN-ENDS-AT")
check(str(cal.get("version")) == "2.0" and str(ev.get("uid")).endswith("@qixian"), "VERSION and UID")

# A rolled last day, and a reading that would change it.
ev = [c for c in ics("cn.enforcement.application", "--event", "effective=2024-02-29").walk() if c.name == "VEVENT"][0]
check(ev.decoded("dtstart") == datetime.date(2026, 2, 28), "2026-02-28, a working Saturday")
check("adjusted_weekend=weekday gives 2026-03-02" in str(ev.get("description")), "alternative reading listed")
ev = [c for c in ics("cn.enforcement.application", "--event", "effective=2016-12-31").walk() if c.name == "VEVENT"][0]
check(ev.decoded("dtstart") == datetime.date(2019, 1, 2), "rolled over the New Year block")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
