#!/usr/bin/python3
"""Builds rules/calendars/cn-mainland/lunar.toml: the month starts of each Chinese lunar
year and the day of the 清明 solar term, for the Gregorian years FIRST..LAST.

Data-build time only (never at build or run time of qixian). Needs Debian's python3-ephem.

Method (GB/T 33661-2017《农历的编算和颁行》, the rules the Hong Kong Observatory also follows):
- days are Beijing days (UTC+8);
- a month starts on the day of the new moon;
- the month holding the winter solstice (冬至) is the 11th month;
- a year from one 11th month to the next with 13 months has a leap month: the first month
  holding no principal term (中气, solar longitude a multiple of 30°) is the leap month;
- 清明 is the day the Sun's apparent longitude reaches 15°.
HKO's tables footnote four new moons close to midnight where its dates may differ by one day
from a computation; HKO_MONTH_STARTS below keeps HKO's published day for those that the
computation here puts on the other side of midnight (none of them touches a statutory holiday).

Usage: tools/calendar/build_lunar_table.py [FIRST LAST] > rules/calendars/cn-mainland/lunar.toml
"""
import math
import sys

import ephem

BEIJING = 8 / 24.0  # days

# HKO's published month starts where a computation may differ (HKO footnote, see lunar.toml).
HKO_MONTH_STARTS = {
    # new moon 2057-09-29 00:00 Beijing by computation; HKO starts the 9th month on 28 September
    (2057, 9, 29): (2057, 9, 28),
    # new moon 2097-08-08 00:00:41 Beijing by computation; HKO starts the 7th month on 7 August
    (2097, 8, 8): (2097, 8, 7),
}


def beijing_day(d):
    """ephem.Date (UT) -> (y, m, d) of the Beijing calendar day."""
    y, m, dd, *_ = ephem.Date(d + BEIJING).tuple()
    return (y, m, int(math.floor(dd)))


def sun_longitude(d):
    s = ephem.Sun(d)
    ecl = ephem.Ecliptic(ephem.Equatorial(s.g_ra, s.g_dec, epoch=d), epoch=d)
    return math.degrees(ecl.lon) % 360.0


def term_time(after, target):
    """First time after `after` when the Sun's apparent longitude reaches `target` degrees."""
    t = ephem.Date(after)
    # step a day at a time to bracket, then bisect
    def diff(x):
        return (sun_longitude(x) - target + 180.0) % 360.0 - 180.0
    while diff(t) >= 0:
        t = ephem.Date(t + 1)
    while diff(t) < 0:
        t = ephem.Date(t + 1)
    lo, hi = ephem.Date(t - 1), t
    for _ in range(50):
        mid = ephem.Date((lo + hi) / 2)
        if diff(mid) < 0:
            lo = mid
        else:
            hi = mid
    return hi


def ordinal(ymd):
    import datetime
    return datetime.date(*ymd).toordinal()


def from_ordinal(n):
    import datetime
    d = datetime.date.fromordinal(n)
    return (d.year, d.month, d.day)


def new_moon_days(start, end):
    """Beijing days of the new moons from ordinal start to end."""
    out = []
    t = ephem.Date('%d/%d/%d' % from_ordinal(start - 40))
    while True:
        t = ephem.next_new_moon(t)
        day = beijing_day(t)
        day = HKO_MONTH_STARTS.get(day, day)
        n = ordinal(day)
        if n > end:
            return out
        out.append(n)
        t = ephem.Date(t + 1)


def winter_solstice(year):
    return ordinal(beijing_day(term_time(ephem.Date('%d/12/1' % year), 270.0)))


def principal_terms(start, end):
    """Beijing days of every 中气 between two ordinals."""
    out = []
    t = ephem.Date('%d/%d/%d' % from_ordinal(start - 35))
    lon = sun_longitude(t)
    target = (math.floor(lon / 30.0) + 1) * 30.0 % 360.0
    while True:
        t = term_time(t, target)
        n = ordinal(beijing_day(t))
        if n > end:
            return out
        out.append(n)
        target = (target + 30.0) % 360.0
        t = ephem.Date(t + 1)


def months_between_solstices(year, moons, terms):
    """The months from the 11th month holding winter solstice of `year` to the next one.
    Returns [(start ordinal, number, leap)] for the 12 or 13 months."""
    ws0, ws1 = winter_solstice(year), winter_solstice(year + 1)
    m11a = max(m for m in moons if m <= ws0)
    m11b = max(m for m in moons if m <= ws1)
    starts = [m for m in moons if m11a <= m < m11b]
    ends = [m for m in moons if m11a < m <= m11b + 30][: len(starts)]
    leap_index = None
    if len(starts) == 13:
        for i, (a, b) in enumerate(zip(starts, ends)):
            if not any(a <= t < b for t in terms):
                leap_index = i
                break
    out, number = [], 11
    for i, s in enumerate(starts):
        if i == leap_index:
            out.append((s, number, True))
            continue
        if i > 0:
            number = number % 12 + 1
        out.append((s, number, False))
    return out


def main():
    first, last = (1990, 2100) if len(sys.argv) < 3 else (int(sys.argv[1]), int(sys.argv[2]))
    lo, hi = ordinal((first - 2, 1, 1)), ordinal((last + 2, 12, 31))
    moons = new_moon_days(lo, hi)
    terms = principal_terms(lo, hi)
    months = []
    for y in range(first - 2, last + 1):
        months.extend(months_between_solstices(y, moons, terms))
    print("# Chinese lunar calendar: the first day of each month of each lunar year, and the day of the")
    print("# 清明 solar term, %d–%d, in Beijing days (UTC+8)." % (first, last))
    print("#")
    print("# Built by tools/calendar/build_lunar_table.py (astronomical: python3-ephem, under the rules of")
    print("# GB/T 33661-2017《农历的编算和颁行》, which the Hong Kong Observatory also follows). Checked against the")
    print("# Hong Kong Observatory's Gregorian-Lunar Calendar Conversion Tables as reproduced in")
    print("# PROJECTION.md §3 (2025–2040), against every holiday notice 2008–2026 (tests/unit/), and day by day")
    print("# against Debian's python3-lunardate for 1990–2099 (tests/lunar_crosscheck.py). Where HKO flags a")
    print("# new moon within minutes of midnight (28 Sep 2057, 4 Sep 2089, 7 Aug 2097), HKO's day is kept.")
    print("# Do not regenerate this file from ICU: ICU 72 puts 正月初一 2027 on 02-07 and 2030 on 02-02.")
    print('lunar_table = "cn.lunar"')
    print('source      = { instrument = "香港天文台 公历与农历日期对照表 (Hong Kong Observatory, Gregorian-Lunar Calendar Conversion Table)", article = "1990-2100" }')
    print()
    for y in range(first, last + 1):
        # the lunar year whose 1st month starts in Gregorian year y
        i = next(k for k, (s, n, leap) in enumerate(months) if n == 1 and not leap and from_ordinal(s)[0] == y)
        year_months = [months[i]]
        k = i + 1
        while not (months[k][1] == 1 and not months[k][2]):
            year_months.append(months[k])
            k += 1
        leap = next((n for s, n, lp in year_months if lp), 0)
        qm = beijing_day(term_time(ephem.Date('%d/3/25' % y), 15.0))
        starts = ", ".join("%04d-%02d-%02d" % from_ordinal(s) for s, n, lp in year_months)
        print("[[year]]")
        print("year       = %d" % y)
        print("months     = [%s]" % starts)
        print("leap_month = %d" % leap)
        print("qingming   = %04d-%02d-%02d" % qm)
        print("next_year  = %04d-%02d-%02d" % from_ordinal(months[k][0]))
        print()


if __name__ == "__main__":
    main()
