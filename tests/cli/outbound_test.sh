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
expect_line "no rule of the pack is for that forum (forums: cn" "unknown forum lists the forums"

echo "outbound CLI: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
