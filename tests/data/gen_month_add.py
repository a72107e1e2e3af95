#!/usr/bin/env python3
"""Writes month_add.csv: month arithmetic on month ends, from Python's calendar module.

An independent oracle for qixian's add_months(): for every month of the years
1900 (not leap), 2000 (leap), 2023, 2024 (leap) and 2100 (not leap), each start
day 28-31 that exists, and n = 1, 2, 12, 13, 24, -1 months, the expected day under
each month-end policy (Civil Code Art. 202 clamps). 'reject' is blank where the
final month has no corresponding day (qixian must then return ambiguous_month_end).
Run: python3 tests/data/gen_month_add.py > tests/data/month_add.csv
"""
import calendar
import datetime

print("start,months,clamp,first_of_next,spill,reject")
for year in (1900, 2000, 2023, 2024, 2100):
    for month in range(1, 13):
        last = calendar.monthrange(year, month)[1]
        for day in range(28, last + 1):
            for n in (1, 2, 12, 13, 24, -1):
                idx = year * 12 + (month - 1) + n
                ty, tm = divmod(idx, 12)
                tm += 1
                tlast = calendar.monthrange(ty, tm)[1]
                start = datetime.date(year, month, day)
                if day <= tlast:
                    exact = datetime.date(ty, tm, day)
                    row = [exact] * 4
                else:
                    clamp = datetime.date(ty, tm, tlast)
                    first_next = clamp + datetime.timedelta(days=1)
                    spill = clamp + datetime.timedelta(days=day - tlast)
                    row = [clamp, first_next, spill, ""]
                print(",".join([start.isoformat(), str(n)] + [str(x) for x in row]))
