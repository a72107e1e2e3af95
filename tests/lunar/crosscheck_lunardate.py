#!/usr/bin/python3
"""Cross-checks rules/calendars/cn-mainland/lunar.toml day by day against an independent
implementation, Debian's python3-lunardate (range 1900–2099): every month start, every leap
month, the next year's 正月初一. Exit 0 when all agree; else prints each difference."""
import datetime
import sys
import tomllib

import lunardate

path = sys.argv[1]
with open(path, "rb") as f:
    table = tomllib.load(f)
bad = 0
checked = 0
for row in table["year"]:
    y = row["year"]
    if y > 2098:  # lunardate's table ends in lunar year 2099
        continue
    leap = row["leap_month"]
    numbered = []
    n = 0
    for i, start in enumerate(row["months"]):
        if leap and i == leap:
            numbered.append((leap, True, start))
        else:
            n += 1
            numbered.append((n, False, start))
    for month, is_leap, start in numbered:
        want = lunardate.LunarDate(y, month, 1, is_leap).toSolarDate()
        checked += 1
        if want != start:
            bad += 1
            print(f"{path}: lunar {y}-{'leap ' if is_leap else ''}{month}: table {start}, python3-lunardate {want}")
    want_next = lunardate.LunarDate(y + 1, 1, 1).toSolarDate()
    if want_next != row["next_year"]:
        bad += 1
        print(f"{path}: lunar {y + 1}-1: table {row['next_year']}, python3-lunardate {want_next}")
    if not leap:  # python3-lunardate must know no leap month that year
        for m in range(1, 13):
            try:
                extra = lunardate.LunarDate(y, m, 1, True).toSolarDate()
            except ValueError:
                continue
            bad += 1
            print(f"{path}: lunar {y}: no leap month in the table, python3-lunardate has leap {m} from {extra}")
print(f"{checked} month starts checked, {bad} differences")
sys.exit(1 if bad else 0)
