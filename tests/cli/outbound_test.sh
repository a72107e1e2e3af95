#!/usr/bin/env bash
# CLI tests of issue #21: ad-hoc periods (compute --convention --period, batch "convention" and
# "period"), their error codes, the readings a rule declares, rules conventions and rules list
# --forum. Usage: outbound_test.sh QIXIAN_BINARY SOURCE_DIR
set -u
Q=$1
SRC=$2
pass=0
fail=0
out=""
status=0

run() { out=$("$Q" "$@" 2>&1); status=$?; }
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; echo "$out" | sed 's/^/    | /'; }
expect_status() { if [[ $status -eq $1 ]]; then ok; else bad "$2: exit $status, expected $1"; fi; }
expect_line() { if grep -qF -- "$1" <<<"$out"; then ok; else bad "$2: no line containing '$1'"; fi; }
batch() { out=$(printf '%s\n' "$@" | "$Q" batch 2>&1); status=$?; }

# An ad-hoc period under the mainland convention: 2025-01-01 + 15 days = Thu 2025-01-16.
run compute --convention cn.counting --period P15D --event start=2025-01-01
expect_status 0 "ad-hoc compute"
expect_line "last day  2025-01-16 (Thu)" "ad-hoc last day"
run explain --convention cn.counting --period P15D --event start=2025-01-01
expect_line "ad-hoc period P15D (15 days) under the convention cn.counting" "ad-hoc select step"
run compute --convention cn.counting --period P1M --event start=2024-12-31 --format json
expect_line '"last_day": "2025-02-05"' "ad-hoc month into the Spring Festival block"
expect_line '"rule": "adhoc:cn.counting:P1M"' "ad-hoc rule id"

# Errors, each with its own code and exit status (10 + code).
run compute --convention cn.counting --period P15X --event start=2025-01-01
expect_status 28 "bad duration: exit 28"
expect_line "error invalid_duration: 'P15X' is not an ISO 8601 duration (at position 4" "bad duration message"
run compute --convention cn.counting --period PT30M --event start=2025-01-01
expect_status 28 "minutes refused"
run compute --convention xx.nowhere --period P15D --event start=2025-01-01
expect_status 29 "unknown convention: exit 29"
expect_line "no convention 'xx.nowhere'" "unknown convention message"
run compute cn.enforcement.application --convention cn.counting --period P15D --event start=2025-01-01
expect_status 30 "rule and convention: exit 30"
expect_line "error conflicting_request" "rule and convention message"
run compute --event start=2025-01-01
expect_status 2 "neither rule nor convention: usage"
run compute --convention cn.counting --event start=2025-01-01
expect_status 24 "convention without period"
run compute --convention cn.counting --period P15D --event effective=2025-01-01
expect_status 23 "ad-hoc without start: missing_event"

# Batch: "convention" and "period" in place of "rule"; each line answered in order.
batch '{"id":1,"convention":"cn.counting","period":"P15D","events":{"start":"2025-01-01"}}' \
      '{"id":2,"convention":"cn.counting","period":"P1.5Y","events":{"start":"2025-01-01"}}' \
      '{"id":3,"rule":"cn.enforcement.application","convention":"cn.counting","period":"P1D","events":{"start":"2025-01-01"}}' \
      '{"id":4,"convention":"nope","period":"P1D","events":{"start":"2025-01-01"}}' \
      '{"id":5,"events":{"start":"2025-01-01"}}' \
      '{"id":6,"convention":"cn.counting","period":15,"events":{"start":"2025-01-01"}}'
line() { sed -n "${1}p" <<<"$out"; }
grep -qF '"id":1,"ok":true' <<<"$(line 1)" && grep -qF '"last_day":"2025-01-16"' <<<"$(line 1)" && ok || bad "batch ad-hoc answer"
grep -qF '"code":"invalid_duration"' <<<"$(line 2)" && ok || bad "batch bad duration"
grep -qF '"code":"conflicting_request"' <<<"$(line 3)" && ok || bad "batch rule and convention"
grep -qF '"code":"unknown_convention"' <<<"$(line 4)" && ok || bad "batch unknown convention"
grep -qF "'rule' is required (or, for an ad-hoc period, 'convention' and 'period')" <<<"$(line 5)" && ok || bad "batch neither"
grep -qF "'period' must be a string" <<<"$(line 6)" && ok || bad "batch period not a string"

# Readings a rule declares: a name no rule declares is refused.
run compute cn.enforcement.application --event effective=2024-03-15 --reading no_such_reading=x
expect_status 24 "undeclared reading"
expect_line "no rule of the pack declares the reading 'no_such_reading'" "undeclared reading message"

# The conventions and the forums.
run rules conventions
expect_status 0 "rules conventions"
expect_line "cn.counting  Computation of periods  (calendar cn.mainland, zone Asia/Shanghai" "rules conventions lists cn.counting"
run rules list --forum cn
expect_line "cn.enforcement.application" "rules list --forum cn"
run rules list --forum xx.nowhere
expect_status 2 "rules list: unknown forum"
expect_line "no rule of the pack is for that forum (forums: au.nsw, ca.on, cn, gb.ew, us.ca, us.federal, us.ny)" "unknown forum lists the forums"
run rules list --forum us.ny
expect_line "us.ny.foreign-judgment  " "rules list --forum us.ny: the composite"
expect_line "us.ny.foreign-judgment.twenty-years  " "rules list --forum us.ny: the twenty years"
if grep -q "^cn\." <<<"$out"; then bad "rules list --forum us.ny lists a mainland rule"; else ok; fi
run rules conventions
for c in "us.ny  " "us.ca  " "us.federal  " "gb.ew  " "au.nsw  " "ca.on  "; do expect_line "$c" "rules conventions lists $c"; done
expect_line "(calendar gb.ew, zone Europe/London" "gb.ew's calendar and zone"

# Each forum's awkward days (the worked rule cases are tests/data/rule_cases/outbound.csv).
# New York: a leap day and a Sunday (D & A Grandview LLC v. 60 Davidson LLC, Sup. Ct. Richmond
# County 2024: accrual 2021-03-31, three years, GCL §§20, 58, 25-a -> Mon 2024-04-01; the
# filing day was not read, so the case is a pending fixture, tests/rulings/pending).
run compute --convention us.ny --period P3Y --event start=2021-03-31
expect_line "last day  2024-04-01 (Mon)" "Grandview: Sun 2024-03-31 -> Mon 2024-04-01"
# GCL §58: a year from 29 February ends on 28 February.
run compute --convention us.ny --period P1Y --event start=2024-02-29
expect_line "last day  2025-02-28 (Fri)" "a year from a leap day (GCL §58)"
# Sewdial (2d Dept 2019): Sat 2013-09-21 -> Mon 2013-09-23.
run compute --convention us.ny --period P6Y --event start=2007-09-21
expect_line "last day  2013-09-23 (Mon)" "Sewdial"
# Federal (FRCP 6(a)): Juneteenth 2026 (Fri) -> Mon 2026-06-22.
run compute --convention us.federal --period P30D --event start=2026-05-20
expect_line "2026-06-19 is a rest day (holiday, Juneteenth National Independence Day)" "federal Juneteenth"
expect_line "last day  2026-06-22 (Mon)" "federal Juneteenth roll"
# England and Wales: Christmas Day 2026 (Fri), Boxing Day (Sat) with its substitute Mon 28 -> Tue 29.
run compute --convention gb.ew --period P1Y --event start=2025-12-25
expect_line "last day  2026-12-29 (Tue)" "gb.ew Christmas and Boxing Day"
# England and Wales: Sun 2026-03-29, the day the clocks go forward -> Mon 30, ending at midnight BST.
run compute --convention gb.ew --period P1Y --event start=2025-03-29 --format json
expect_line '"last_day": "2026-03-30"' "gb.ew DST Sunday rolled"
expect_line '"ends_at": "2026-03-31T00:00:00+01:00"' "gb.ew ends at midnight BST"
# New South Wales: Anzac Day 2026 is a Saturday; the Public Holidays Amendment (Anzac Day) Order
# 2026 made Mon 27 April a public holiday -> Tue 28. (In 2020, a Saturday Anzac Day with no such
# order: Sat 25 -> Mon 27.)
run compute --convention au.nsw --period P1Y --event start=2025-04-25
expect_line "last day  2026-04-28 (Tue)" "au.nsw Anzac Day on a Saturday, 2026"
run calendar --calendar au.nsw --from 2026-04-27 --to 2026-04-27
expect_line "2026-04-27 Mon  R  holiday  Additional public holiday after Anzac Day" "au.nsw the Monday after Anzac Day 2026"
run compute --convention au.nsw --period P1Y --event start=2019-04-25
expect_line "last day  2020-04-27 (Mon)" "au.nsw Anzac Day on a Saturday, 2020"
# New South Wales 2027: Anzac Day is a Sunday; the same Order made Mon 26 April a public holiday
# (a one-off, not a standing rule) -> Tue 27. The history runs to 2027-04-26 (the day declared in
# advance); Tue 27 lies past it, so the answer still says its year is projected.
run compute --convention au.nsw --period P1Y --event start=2026-04-26 --format json
expect_line '"last_day": "2027-04-27"' "au.nsw the Monday after a Sunday Anzac Day, 2027"
expect_line '"holiday_rule": "one-off:2027-04-26"' "au.nsw 2027: the one-off day's rule"
expect_line '"holiday_citation": "Public Holidays Amendment (Anzac Day) Order 2026 (NSW)' "au.nsw 2027: the Order cited"
run compute --convention au.nsw --period P1Y --event start=2026-04-25
expect_line "2027-04-25 is a rest day (holiday, Anzac Day): moved 2 days to 2027-04-27" "au.nsw Sunday Anzac Day 2027 -> Tue"
run calendar --calendar au.nsw --from 2027-04-26 --to 2027-04-26
expect_line "2027-04-26 Mon  R  holiday  Additional public holiday after Anzac Day" "au.nsw the Monday after Anzac Day 2027"
# Ontario (Limitations Act, 2002 s.4; Legislation Act, 2006 s.89(1), holidays ss.87-88).
# Golberg v. North East CCAC (Ont. S.C.J. 2016): dismissal 2014-03-20, Sun 2016-03-20 -> Mon 03-21.
run compute --convention ca.on --period P2Y --event start=2014-03-20
expect_line "last day  2016-03-21 (Mon)" "ca.on Sunday anniversary (Golberg)"
# A Saturday is not a Legislation Act holiday: the period ends on it (undecided: the safe day).
run compute --convention ca.on --period P2Y --event start=2014-07-16
expect_line "last day  2016-07-16 (Sat)" "ca.on Saturday anniversary not rolled"
# A leap day: two years from 2020-02-29 end on Mon 2022-02-28 (clamp; no Ontario text read).
run compute --convention ca.on --period P2Y --event start=2020-02-29
expect_line "last day  2022-02-28 (Mon)" "ca.on leap-day start"
# A Monday holiday: Family Day 2026-02-16 -> Tue 02-17, citing the holiday's own authority.
run explain --convention ca.on --period P2Y --event start=2024-02-16
expect_line "2026-02-16 is a rest day (holiday, Family Day): moved 1 day to 2026-02-17; the holiday's authority: Legislation Act, 2006 (Ontario) art. 87" "ca.on Family Day roll names its authority"
expect_line "Employment Standards Act, 2000 (Ontario) art. 1" "ca.on Family Day: the ESA cited too"
run explain --convention ca.on --period P2Y --event start=2024-02-16 --lang zh
expect_line "该假日的依据：Legislation Act, 2006 (Ontario) art. 87" "ca.on Family Day authority in Chinese"
run compute --convention ca.on --period P2Y --event start=2024-02-16 --format json
expect_line '"holiday_rule": "family-day"' "ca.on roll: the holiday rule in JSON"
expect_line '"holiday_citation": "Legislation Act, 2006 (Ontario) art. 87' "ca.on roll: the holiday's citation in JSON"
# Good Friday 2026-04-03 -> Saturday 04-04, not a holiday: the period ends there.
run compute --convention ca.on --period P2Y --event start=2024-04-03
expect_line "last day  2026-04-04 (Sat)" "ca.on Good Friday -> the Saturday"
# Easter Monday 2026-04-06 -> Tue 04-07.
run compute --convention ca.on --period P2Y --event start=2024-04-06
expect_line "last day  2026-04-07 (Tue)" "ca.on Easter Monday"
# Christmas 2022 on a Sunday: Boxing Day Mon 26, the Tuesday added by s.88(5) -> Wed 12-28.
run compute --convention ca.on --period P2Y --event start=2020-12-25
expect_line "last day  2022-12-28 (Wed)" "ca.on Christmas on a Sunday"
# Christmas 2026 on a Friday: Boxing Day is a Saturday holiday, then Sunday -> Mon 12-28.
run compute --convention ca.on --period P2Y --event start=2024-12-25
expect_line "last day  2026-12-28 (Mon)" "ca.on Boxing Day on a Saturday"
# The rule: Independence Plaza 1 Associates v. Figliolini, 2017 ONCA 44 — appeal dismissed
# 2014-07-17; two years -> Sun 2016-07-17 -> Mon 07-18; the application of 2015-05-01 timely.
run compute ca.on.foreign-judgment --event appeal_decided=2014-07-17 --act 2015-05-01
expect_line "last day  2016-07-18 (Mon)" "Figliolini: the last day"
expect_line "timely" "Figliolini: timely"
run rules list --forum ca.on
expect_line "ca.on.foreign-judgment  " "rules list --forum ca.on"
run rules conventions
expect_line "(calendar ca.on, zone America/Toronto" "ca.on's calendar and zone"
# Past the data: a last day before the Legislation Act's calendar starts is not guessed.
run compute --convention ca.on --period P2Y --event start=2005-01-03
expect_status 16 "ca.on before 2007-07-25: outside the calendar"
expect_line "error outside_calendar_coverage" "ca.on before 2007-07-25: the error named"
# California: César Chávez Day (Tue 2026-03-31) -> Wed 2026-04-01.
run compute --convention us.ca --period P1Y --event start=2025-03-31
expect_line "2026-03-31 is a rest day (holiday, César Chávez Day)" "us.ca César Chávez Day"
expect_line "last day  2026-04-01 (Wed)" "us.ca César Chávez Day roll"

# Past a forum calendar's history (2026): the answer says its year is projected, in JSON and text.
run compute us.ny.foreign-judgment --event effective=2024-03-15 --format json
expect_line '"calendar_confidence": "projected"' "projected forum year: confidence"
expect_line '"calendar_projected_years": [' "projected forum year: the years"
run compute us.ny.foreign-judgment --event effective=2024-03-15
expect_line "calendar  the answer depends on the calendar of 2044, projected by the forum calendar's rules" "projected: text"
run compute us.ny.foreign-judgment --event effective=2024-03-15 --lang zh
expect_line "2044年的法院假日系按日历的规则推算" "projected: Chinese"
# Inside the history: notice_text-free, no projected years.
run compute us.faa.convention-award --event award_made=2023-06-19 --format json
if grep -qF "calendar_projected_years" <<<"$out"; then bad "a 2026 federal day is not projected"; else ok; fi

# The README's worked example: effective in Beijing on 2024-03-15 -> sue in New York by Tue
# 2044-03-15; under foreign_effect=enforcement_period by Mon 2026-03-16 (the Chinese period's
# last day, Sun 2026-03-15 rolled on the mainland calendar), reported as the other reading.
run compute us.ny.foreign-judgment --event effective=2024-03-15 --format json
expect_line '"last_day": "2044-03-15"' "worked example: the default reading"
expect_line '"reading": "foreign_effect=enforcement_period"' "worked example: the other reading reported"
expect_line '"last_day": "2026-03-16"' "worked example: the other reading's day"
run compute us.ny.foreign-judgment --event effective=2024-03-15 --reading foreign_effect=enforcement_period
expect_line "last day  2026-03-16 (Mon)" "worked example under enforcement_period"
# The summary's combine line names the combinator in the reader's language, components apart.
expect_line "combine   the earliest of: us.ny.foreign-judgment.twenty-years → 2044-03-15; cn.enforcement.application → 2026-03-16" "combine line"
run compute us.ny.foreign-judgment --event effective=2024-03-15 --reading foreign_effect=enforcement_period --lang zh
expect_line "组合   取最早届满者：us.ny.foreign-judgment.twenty-years → 2044-03-15；cn.enforcement.application → 2026-03-16" "combine line zh"
if grep -qF "earliest_of" <<<"$out"; then bad "zh summary: no combinator key"; else ok; fi

echo "outbound CLI: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
