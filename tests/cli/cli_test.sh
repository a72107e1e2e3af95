#!/usr/bin/env bash
# CLI tests: run the built qixian binary and check its output and exit status.
# Usage: cli_test.sh QIXIAN_BINARY SOURCE_DIR
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

# A period run anew after an interruption says so (the start is the interruption, not the trigger):
# loan due 2018-02-22, part payment 2019-08-14; 3 years = Sun 2022-08-14 -> Mon 2022-08-15.
run compute cn.civil.limitation --event knew=2018-02-22 --interruption 2019-08-14
expect_line "start     2019-08-14 (interruption, anew; start day not counted)" "restart label"
expect_line "moved 1 day to 2022-08-15" "restart roll"
run compute cn.civil.limitation --event knew=2018-02-22 --interruption 2019-08-14 --lang zh
expect_line "2019-08-14 (中断后重新计算" "restart label zh"
run compute cn.civil.limitation --event knew=2018-02-22 --interruption 2019-08-14 --format json
expect_line '"start_from": "interruption"' "restart json"

# The 2008 take-over (LAW.md reading 3): legal persons, effective 2007-10-01; 6 months = Tue 2008-04-01,
# still running on 2008-04-01, so 2 years from the original start = 2009-10-01 (National Day) -> Fri 2009-10-09.
run compute cn.enforcement.application --event effective=2007-10-01 --fact parties=legal_persons --format json
expect_line '"last_day": "2009-10-09"' "take-over last day"
expect_line '"reading": "transition=by_trigger"' "take-over alternative"
run compute cn.enforcement.application --event effective=2007-10-01 --fact parties=legal_persons --reading transition=by_trigger
expect_line "last day  2008-04-01 (Tue)" "by_trigger last day"
expect_line "transition=takes_over → 2009-10-09 (Fri)" "by_trigger alternative"
run explain cn.enforcement.application --event effective=2007-09-30 --fact parties=legal_persons
expect_line "transition: the period under the version from 1991-04-09 ended on 2008-03-31, before the version from 2008-04-01 came into force: it stays as it was" "ran out before the cutover"

# Instalments across the 2008 cutover, each its own period (legal persons): due 2007-06-30 -> 6 months =
# Sun 2007-12-30, in the 2008 New Year block 30 Dec - 1 Jan -> 2008-01-02, ran out under the 1991 text;
# due 2007-12-31 -> 6 months = 2008-06-30, still running on 2008-04-01 -> 2 years = Thu 2009-12-31.
# An alternative is the whole computation run again under the other reading. Knew 2015-09-30:
# 2 years = Sat 2017-09-30, a working Saturday, before the 2017-10-01 change (schedule); under
# weekday it rolls to 2017-10-09, was running on 2017-10-01 and became 3 years -> 2018-10-08.
run compute cn.civil.limitation --event knew=2015-09-30 --act 2018-05-02
expect_line "last day  2017-09-30 (Sat)" "2017 change: schedule"
expect_line "adjusted_weekend=weekday → 2018-10-08 (Mon) timely" "2017 change: weekday re-run across the transition"
run compute cn.civil.limitation --event 'knew=2015-09-30T20:00[America/New_York]'
expect_line "last day  2018-10-08 (Mon)" "2017 change: knew abroad, the forum's day"
expect_line "event_zone=local → 2017-09-30 (Sat)" "2017 change: knew abroad, event_zone=local re-run"
# An act abroad: 20:00 in New York on the last day is the next day in Beijing (late), the
# same day where it was done (timely under event_zone=local).
run compute cn.enforcement.application --event effective=2023-06-30 --act '2025-06-30T20:00[America/New_York]'
expect_line "event_zone=local → 2025-06-30 (Mon) timely" "act abroad: event_zone alternative"
expect_line "act       late (1 day late)" "act abroad: late by the forum's clock"
run compute cn.enforcement.application --event effective=2023-06-30 --act '2025-06-30T20:00[America/New_York]' --reading event_zone=local
expect_line "act       timely" "act abroad under event_zone=local"

# A single-valued flag given twice is a usage error (one value would be dropped); the days of
# instalment_due given twice gather into the list of instalments, as a JSON array does.
run compute cn.enforcement.application --event effective=2020-01-01 --event effective=2020-02-01
expect_status 2 "--event effective twice"
expect_line "--event: effective given twice" "--event effective twice: message"
run compute cn.enforcement.application --event effective=2020-01-01 --act 2020-03-01 --act 2020-04-01
expect_status 2 "--act twice"
run compute cn.enforcement.application --event effective=2020-01-01 --fact parties=legal_persons --fact parties=legal_persons
expect_status 2 "--fact twice"
run compute cn.enforcement.application --event effective=2020-01-01 --reading event_zone=local --reading event_zone=forum
expect_status 2 "--reading twice"
run compute cn.enforcement.application --event instalment_due=2007-06-30 --event instalment_due=2007-12-31 --fact parties=legal_persons --act 2009-06-01
expect_status 0 "instalment_due twice"
expect_line "instalment  due 2007-06-30 → last day 2008-01-02 (late)" "instalment_due twice: the first"
expect_line "act       partly_late" "instalment_due twice: partly late, as batch says"

run compute cn.enforcement.application --instalment 2007-06-30 --instalment 2007-12-31 --instalment 2008-06-30 --fact parties=legal_persons --act 2009-12-01
expect_line "instalment  due 2007-06-30 → last day 2008-01-02 (late)" "instalment under the 1991 text"
expect_line "instalment  due 2007-12-31 → last day 2009-12-31 (timely)" "instalment taken over in 2008"
expect_line "act       partly_late" "instalments across the cutover"
# The 1991 version cites no tolling rule: a request with one is refused, not guessed.
run compute cn.enforcement.application --event effective=2006-01-01 --fact parties=natural_person_involved --interruption 2006-06-01
expect_status 24 "tolling under the 1991 text"

# rules show: every mechanism a version cites, with its authority.
run rules show cn.enforcement.application
expect_line "    period  6 months  when parties=legal_persons" "show: periods by fact"
expect_line "    takes over periods still running on its first day: 中华人民共和国民事诉讼法（2007年修正） art. 215" "show: take-over"
expect_line "    start breach: " "show: special start"
expect_line "    suspension (civil_code): 中华人民共和国民法典 art. 194" "show: suspension"
run rules show cn.civil.revocation
expect_line "    earliest_of: cn.civil.revocation.knowledge cn.civil.revocation.longstop" "show: composite"
run rules show cn.recognition.taiwan.application
expect_line "  versions govern the applications made while in force (chosen by the act's day): 最高人民法院关于中国信托商业银行股份有限公司申请认可台湾地区法院支付令案的请示的复函（[2010]民四他字第68号） 答复" "show: version by application"
expect_line "    expiry  bar (under this version)" "show: a version's own expiry"
run rules show cn.civil.limitation
expect_line "    not time-limited when claim=support: 中华人民共和国民法典 art. 196" "show: a claim not time-limited"
# rules show --json: the rule as data, every version with its authority.
run rules show cn.recognition.taiwan.application --json
expect_status 0 "show --json"
if python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
v = r["versions"]
assert r["id"] == "cn.recognition.taiwan.application" and r["version_by_application"][0]["article"] == "答复"
assert [x["valid_from"] for x in v] == ["1998-05-26", "2009-05-14", "2015-07-01", "2017-07-01", "2022-01-01", "2024-01-01", "2025-01-01"]
assert v[0]["periods"] == [{"when": {}, "period": "1 year"}] and v[0]["expiry"] == "bar"
assert v[1]["citations"][0]["article"] == "9" and "expiry" not in v[2]
' <<<"$out"; then ok; else bad "show --json: fields"; fi
run rules show cn.civil.limitation --json
if python3 -c '
import json, sys
v = json.loads(sys.stdin.read())["versions"][-1]
u = {e["when"]["claim"]: e for e in v["not_time_limited"]}
assert set(u) == {"deposit", "bonds", "capital_contribution", "cessation", "property_return", "support"}
assert u["support"]["citations"][0]["article"] == "196" and v["tolling"]["suspension_text"] == "civil_code"
' <<<"$out"; then ok; else bad "show --json: claims and tolling"; fi
run rules show cn.nope --json
expect_status 21 "show --json: unknown rule"
expect_line '{"ok":false,"error":{"code":"unknown_rule"' "show --json: the error as JSON"

# A claim for support is not time-limited (Civil Code Art. 196 (三)); a typo in a fact is an error.
run explain cn.civil.limitation --event knew=2019-03-01 --fact claim=support --lang zh
expect_status 0 "untimed claim"
expect_line "不受任何期间限制，没有最后一日" "untimed claim text"
expect_line "选择版本：适用自 2017-10-01 起施行的版本（施行至 2021-01-01 前），依起算日 2019-03-01 确定：下列请求不受任何期间限制：claim=support" "untimed claim trace (zh)"
run explain cn.civil.limitation --event knew=2019-03-01 --fact claim=support
expect_line "select: version in force from 2017-10-01 until 2021-01-01 (chosen by the trigger day 2019-03-01): not subject to any time limit for claim=support" "untimed claim trace"
# In a batch: no last day, timely, the trace citing Art. 196, and the full provenance.
out=$(printf '%s\n' '{"id":"s","rule":"cn.civil.limitation","events":{"knew":"2019-03-01"},"facts":{"claim":"support"},"act":"2024-05-01"}' | "$Q" batch -)
if python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
assert d["ok"] and d["time_limited"] is False and d["status"] == "timely" and "last_day" not in d
assert d["trace"][0]["step"] == "select" and any("art. 196" in c for c in d["trace"][0]["citations"])
assert d["trace"][-1]["step"] == "judge" and d["provenance"]["calendar"] == "cn.mainland"
' <<<"$out"; then ok; else bad "untimed answer in a batch"; fi
run compute cn.civil.limitation --event knew=2019-03-01 --fact claim=suport
expect_status 24 "a fact's value misspelt"
expect_line "fact claim is 'suport'; it is one of ordinary, support" "a fact's value misspelt: message"

# Taiwan judgments ((2019)沪02认台2号): a 2002 payment order, applied for in 2019: the 2015 Provisions
# govern the application (2 years -> Thu 2004-04-01); by the trigger day the 1998 text's 1 year -> 2003-04-01.
run explain cn.recognition.taiwan.application --event effective=2002-04-01 --act 2019-06-25
expect_line "last day  2004-04-01 (Thu)" "Taiwan: by the application day"
expect_line "reading   version_by=trigger → 2003-04-01 (Tue)" "Taiwan: the other reading"
expect_line "select: version in force from 2017-07-01 until 2022-01-01 (chosen by the day of the application 2019-06-25: the versions govern the applications made while they are in force)" "Taiwan: select step"
run compute cn.recognition.taiwan.application --event effective=2002-04-01 --act 2019-06-25 --lang zh
expect_line "不同解读   适用起算时施行的版本 (version_by=trigger) → 2003-04-01 (周二)，届满效果 期间届满即不得为之，逾期" "Taiwan: the other reading (zh)"
run compute cn.recognition.taiwan.application --event effective=2002-04-01 --act 2019-06-25 --reading version_by=trigger --format json
expect_line '"last_day": "2003-04-01"' "Taiwan: version_by=trigger"
expect_line '"expiry": "bar"' "Taiwan: the 1998 text's expiry"
expect_line '"reading": "version_by=application"' "Taiwan: the other reading (json)"

# The README's computation: a judgment effective 2023-06-30.
run compute cn.enforcement.application --event effective=2023-06-30 --zone America/New_York
expect_status 0 "compute"
expect_line "last day  2025-06-30 (Mon) — ends 2025-07-01T00:00:00+08:00 Asia/Shanghai" "compute text"
expect_line "= 2025-06-30T16:00:00Z" "compute text utc"
expect_line "= 2025-06-30T12:00:00-04:00" "compute text New York"
expect_line "中华人民共和国民事诉讼法（2021年修正） art. 246" "compute text citation (the text in force on 2023-06-30)"
expect_line "a defence the debtor may raise; not a bar to filing" "compute text expiry"

run compute cn.enforcement.application --event effective=2023-06-30 --zone America/New_York --format json
expect_status 0 "compute json"
expect_line '"last_day": "2025-06-30"' "json last_day"
expect_line '"ends_at": "2025-07-01T00:00:00+08:00"' "json ends_at"
expect_line '"ends_at_utc": "2025-06-30T16:00:00Z"' "json ends_at_utc"
expect_line '"ends_at_local": "2025-06-30T12:00:00-04:00"' "json ends_at_local"
expect_line '"version": "2022-01-01"' "json version"
expect_line '"expiry": "defence"' "json expiry"
expect_line '"article": "246"' "json citation"
expect_line "\"tz_database_version\": \"$(head -1 /usr/share/zoneinfo/tzdata.zi | sed 's/# version //')\"" "json tzdata"

run compute cn.enforcement.application --event effective=2024-02-29 --format json
expect_line '"last_day": "2026-02-28"' "working Saturday, schedule reading"
expect_line '"reading": "adjusted_weekend=weekday"' "alternative reading"
expect_line '"last_day": "2026-03-02"' "alternative last day"
run compute cn.enforcement.application --event effective=2024-02-29 --reading adjusted_weekend=weekday --format json
expect_line '"last_day": "2026-03-02"' "weekday reading"

run compute cn.enforcement.application --event effective=2018-08-27 --act 2023-11-23 --lang zh
expect_status 0 "compute zh"
expect_line "届满日  2020-08-27 (周四)" "zh last day"
expect_line "起算     2018-08-27 (法律文书生效 (effective)；开始的当日不计入)" "zh start: the event in Chinese, its kind in parentheses"
expect_line "数据      规则包 " "zh data line"
expect_line "逾期 (1183 日)" "zh status"

run explain cn.enforcement.application --event effective=2016-12-31
expect_line "roll: 2018-12-31 is a rest day (holiday, New Year's Day): moved 2 days to 2019-01-02" "explain roll"
# The counting steps cite the texts in force when the period began: for 2016, 民法通则 and CPL 2012.
expect_line "⟶ 中华人民共和国民法通则 art. 154 para. 2; 中华人民共和国民事诉讼法（2012年修正） art. 82 para. 2" "explain citation (2016)"
run explain cn.appeal.judgment --event served=2025-03-03 --fact domicile=china
expect_line "⟶ 中华人民共和国民法典 art. 201 para. 1; 中华人民共和国民事诉讼法（2023年修正） art. 85 para. 2" "explain citation (2025)"

run compute cn.enforcement.application --event 'effective=2023-12-31T22:00[America/New_York]' --format json
expect_line '"start": "2024-01-01"' "event abroad: the forum's legal day"
expect_line '"reading": "event_zone=local"' "event_zone alternative"
run compute cn.enforcement.application --event 'effective=2023-12-31T22:00[America/New_York]' --reading event_zone=local
expect_line "last day  2025-12-31 (Wed)" "event_zone=local reading"
run compute cn.enforcement.application --event 'effective=2024-03-10T02:30[America/New_York]'
expect_status 18 "DST gap abroad"
expect_line "(candidates: 2024-03-10T06:30:00Z = 2024-03-10T01:30:00-05:00, or 2024-03-10T07:30:00Z = 2024-03-10T03:30:00-04:00; choose a policy, earliest or latest)" "DST gap candidates"
run compute cn.enforcement.application --event 'effective=2024-03-10T02:30[America/New_York]' --local-time earliest
expect_status 0 "DST gap with a policy"
run compute cn.enforcement.application --event effective=2023-06-30 --reading colour=blue
expect_status 24 "unknown reading"

run calendar --from 2005-12-30 --to 2005-12-31 --json
expect_line '{"date":"2005-12-31","working":true,"kind":"adjusted_working"' "calendar 2005-12-31"
run calendar --from 2020-01-31 --to 2020-01-31 --as-of 2020-01-20 --json
expect_line '{"date":"2020-01-31","working":true,"kind":"working"}' "calendar as of 2020-01-20"
run calendar --from 2026-12-31 --to 2027-01-01 --json --calendar-policy strict
expect_line '"outside_data":true' "calendar outside data (strict)"
# Past the last notice: each day projected, with its certainty and reason (issue 15)
run calendar --from 2027-01-01 --to 2027-12-31 --json
expect_status 0 "projected calendar"
expect_line '{"date":"2027-01-01","working":false,"kind":"holiday","name":"元旦","name_en":"New Year'"'"'s Day","notice":"projection"' "2027-01-01 projected"
expect_line '"date":"2027-01-01"' "2027-01-01 listed"
if [[ $(grep -c '"projected":true' <<<"$out") -eq 365 ]]; then ok; else bad "every 2027 day projected"; fi
if grep '"date":"2027-01-01"' <<<"$out" | grep -qF '"certainty":"certain_rest"'; then ok; else bad "2027-01-01 certain_rest"; fi
if grep '"date":"2027-10-01"' <<<"$out" | grep -qF '"certainty":"certain_rest"'; then ok; else bad "2027-10-01 certain_rest"; fi
if grep '"date":"2027-10-01"' <<<"$out" | grep -qF '"article":"全国年节及纪念日放假办法（2024年修订，国务院令第795号） Art. 2(7)"'; then ok; else bad "2027-10-01 article"; fi
if grep '"date":"2027-02-13"' <<<"$out" | grep -qF '"certainty":"uncertain"'; then ok; else bad "2027-02-13 uncertain"; fi
if grep '"date":"2027-07-14"' <<<"$out" | grep -qF '"certainty":"certain_work"'; then ok; else bad "2027-07-14 certain_work"; fi
run calendar --from 2026-12-31 --to 2026-12-31 --json
expect_line '"projected":true,"certainty":"uncertain"' "December tail uncertain"
run calendar --from 2101-01-01 --to 2101-01-01 --json
expect_line '"outside_data":true' "past the last projectable year"

# Forum calendars (rules/calendars/<forum>/, kind = "rules"): history, then projected years that say so.
run calendar --calendar us.ny --from 2024-01-01 --to 2024-12-31 --json
expect_status 0 "us.ny 2024"
if [[ $(grep -c '"kind":"holiday"' <<<"$out") -eq 14 ]]; then ok; else bad "us.ny 2024: 13 weekday holidays and Flag day"; fi
expect_line '{"date":"2024-11-05","working":false,"kind":"holiday","name":"大选日","name_en":"General election day","notice":"election"' "us.ny election day"
if grep -q '"projected"' <<<"$out"; then bad "us.ny 2024 is history, not projected"; else ok; fi
run calendar --calendar us.ny --from 2023-11-10 --to 2023-11-11
expect_line "2023-11-10 Fri  W  working" "us.ny: a Saturday holiday is not moved to Friday"
expect_line "2023-11-11 Sat  R  holiday  Veterans' day  [veterans]" "us.ny Veterans' day on a Saturday"
run calendar --calendar us.ny --from 2023-11-11 --to 2023-11-11 --lang zh
expect_line "退伍军人节  [veterans]" "us.ny: the holiday's Chinese name under --lang zh"
# A forum holiday in the roll step: its English name in English, its Chinese name in Chinese,
# and no notice (a rule calendar's day is placed by its rule, not by a notice).
run explain --convention us.ny --period P1Y --event start=2024-07-04
expect_line "2025-07-04 is a rest day (holiday, Independence day): moved 3 days to 2025-07-07" "us.ny roll in English"
run explain --convention us.ny --period P1Y --event start=2024-07-04 --lang zh
expect_line "2025-07-04 为休息日（法定节假日，独立日）：顺延 3 日至 2025-07-07" "us.ny roll in Chinese, no notice"
run calendar --calendar gb.ew --from 2027-12-27 --to 2027-12-27 --json
expect_line '"name":"圣诞节（替代假日）","name_en":"Christmas Day (substitute day)"' "gb.ew substitute day"
expect_line '"projected":true,"reason":"projected by the calendar' "gb.ew 2027 projected"
run calendar --calendar gb.ew --from 2027-12-27 --to 2027-12-27
expect_line "projected: projected by the calendar's rules: one-off closures" "projected in text"
run calendar --calendar us.federal --from 2076-01-01 --to 2076-01-01 --json
expect_line '"outside_data":true' "us.federal past its projection"
run calendar --calendar xx.none --from 2024-01-01 --to 2024-01-01
expect_status 24 "unknown calendar"

run rules check
expect_status 0 "rules check"
expect_line "ok: " "rules check ok"
run rules list --json
expect_line '"id": "cn.enforcement.application"' "rules list"
run rules show cn.enforcement.application
expect_line "cites   中华人民共和国民事诉讼法（2023年修正） art. 250" "rules show"
run --version
expect_line "qixian 0.1.0" "version"

# batch: exactly one answer per line, in order, errors inline with their line number.
batch_in=$(mktemp)
cat > "$batch_in" <<'JSONL'
{"id": "case-17", "rule": "cn.enforcement.application", "events": {"effective": "2013-12-14"}, "act": "2020-04-08", "zone": "America/New_York"}
not json
{"id": 3, "rule": "cn.nope", "events": {"effective": "2020-01-01"}}

{"id": "t", "rule": "cn.enforcement.application", "events": {"effective": "2013-12-14"}, "tolling": [{"kind": "interruption", "at": "2019-03-14"}]}
{"id": "x", "rule": "cn.enforcement.application", "events": {"effective": "2023-02-29"}}
{"id": {"nested": [1, 2]}, "rule": "cn.enforcement.application", "events": {"effective": "2024-02-29"}, "readings": {"adjusted_weekend": "weekday"}}
{"id": "last", "rule": "cn.enforcement.application", "events": {"effective": "2018-08-27"}, "colour": "red"}
JSONL
run batch "$batch_in"
expect_status 0 "batch answers every line"
if [[ $(wc -l <<<"$out") -eq 8 ]]; then ok; else bad "batch: 8 lines in, $(wc -l <<<"$out") out"; fi
line() { sed -n "${1}p" <<<"$out"; }
# An error answer carries message (English) and message_zh: the English checks read it without
# the Chinese (tests/messages/ checks the Chinese).
en_only() { sed 's/,"message_zh":"[^"]*"//' <<<"$1"; }
[[ $(line 1) == '{"id":"case-17","ok":true,"rule":"cn.enforcement.application"'* ]] && ok || bad "batch line 1"
grep -qF '"last_day":"2015-12-14"' <<<"$(line 1)" && grep -qF '"status":"late","days_late":1577' <<<"$(line 1)" && ok || bad "batch line 1 answer"
grep -qF '"message_zh":"该行不是有效的 JSON 对象"' <<<"$(line 2)" && ok || bad "batch line 2: message_zh"
grep -qF '"ends_at_local":"2015-12-14T11:00:00-05:00"' <<<"$(line 1)" && ok || bad "batch line 1 zone"
[[ $(en_only "$(line 2)") == '{"id":null,"line":2,"ok":false,"error":{"code":"invalid_request","message":"the line is not valid JSON"}}' ]] && ok || bad "batch line 2"
[[ $(line 3) == '{"id":3,"line":3,"ok":false,"error":{"code":"unknown_rule",'* ]] && ok || bad "batch line 3"
[[ $(en_only "$(line 4)") == '{"id":null,"line":4,"ok":false,"error":{"code":"invalid_request","message":"an empty line is not a request"}}' ]] && ok || bad "batch line 4"
[[ $(line 5) == '{"id":"t","ok":true,'* ]] && grep -qF '"last_day":"2015-12-14"' <<<"$(line 5)" && grep -qF 'interruption on 2019-03-14: no effect' <<<"$(line 5)" && ok || bad "batch line 5 (an interruption after expiry has no effect)"
[[ $(line 6) == '{"id":"x","line":6,"ok":false,"error":{"code":"invalid_date",'* ]] && ok || bad "batch line 6"
[[ $(line 7) == '{"id":{"nested":[1,2]},"ok":true,'* ]] && grep -qF '"last_day":"2026-03-02"' <<<"$(line 7)" && ok || bad "batch line 7"
[[ $(en_only "$(line 8)") == '{"id":"last","line":8,"ok":false,"error":{"code":"invalid_request","message":"unknown field '"'"'colour'"'"'"}}' ]] && ok || bad "batch line 8"
run batch --no-trace "$batch_in"
grep -qF '"trace"' <<<"$out" && bad "batch --no-trace" || ok
rm -f "$batch_in"
# batch: each request line is read as written, with the first problem in the line's order. A field given
# twice is refused (one of two values is never dropped silently); ids of every JSON type are echoed as given.
E='{"rule":"cn.enforcement.application","events":{"effective":"2024-01-05"}'
L='{"rule":"cn.civil.limitation","events":{"knew":"2020-01-05"}'
# Expected answers: an error line's number is filled in where it stands ("line":@).
bad_line() { printf '{"id":%s,"line":@,"ok":false,"error":{"code":"invalid_request","message":"%s"}}' "$1" "$2"; }
not_json=$(bad_line null "the line is not valid JSON")
deep_open=$(printf '[%.0s' {1..100000}); deep_close=$(printf ']%.0s' {1..100000})
request_cases=(
  "${E},\"rule\":\"cn.civil.limitation\"}"                         "$(bad_line null "field 'rule' is given twice")"
  '{"rule":"cn.enforcement.application","events":{"effective":"2024-01-05","effective":"2024-01-06"}}' "$(bad_line null "events.effective is given twice")"
  "${L},\"tolling\":[{\"kind\":\"interruption\",\"at\":\"2021-01-01\",\"at\":\"2021-02-01\"}]}" "$(bad_line null "tolling.at is given twice")"
  "${L},\"readings\":{\"instalments\":\"last\",\"instalments\":\"each\"}}" "$(bad_line null "readings.instalments is given twice")"
  '{"id":5,"colour":"red","rule":5}'                                "$(bad_line 5 "unknown field 'colour'")"
  '{"rule":5,"colour":"red","id":6}'                                "$(bad_line 6 "'rule' must be a string")"
  "${L},\"tolling\":[{\"at\":\"2021-01-01\",\"kind\":\"suspension\"}]}" "$(bad_line null "tolling suspension: unexpected field 'at' (from, to)")"
  "${L},\"tolling\":[{\"kind\":\"suspension\",\"from\":\"2021-01-01\"}]}" "$(bad_line null "tolling suspension needs from and to")"
  "${L},\"tolling\":[{\"kind\":\"interruption\",\"at\":5}]}"        "$(bad_line null "tolling.at must be a string")"
  "${L},\"tolling\":[5]}"                                           "$(bad_line null "each tolling entry must be an object")"
  "${L},\"tolling\":{}}"                                            "$(bad_line null "'tolling' must be an array")"
  '{"rule":"cn.enforcement.application","events":{"instalment_due":[]}}' "$(bad_line null "events.instalment_due: an empty list")"
  '{"rule":"cn.enforcement.application","events":{"effective":["2024-01-05"]}}' "$(bad_line null "events.effective: only instalment_due takes a list of days")"
  '{"rule":"cn.enforcement.application","events":{"effective":{"on":"2024-01-05"}}}' "$(bad_line null "events.effective must be a string")"
  "${L},\"trace\":\"yes\"}"                                         "$(bad_line null "'trace' must be true or false")"
  "${L},\"local_times\":3}"                                         "$(bad_line null "local_times must be reject, earliest or latest")"
  "${L},\"calendar_as_of\":20200101}"                               "$(bad_line null "'calendar_as_of' must be a string")"
  '{"id":18,"events":{"knew":"2020-01-05"}}'                        "$(bad_line 18 "'rule' is required (or, for an ad-hoc period, 'convention' and 'period')")"
  '[1,2]'                                                           "$(bad_line null "a request must be a JSON object")"
  '{"id":20,"rule":'                                                "$not_json"
  '{"id":21} trailing'                                              "$not_json"
  "{\"id\":NaN,${E:1}}"                                             "$not_json"
  "{\"id\":1e400,${E:1}}"                                           "$(bad_line null "a number in the line is too large to read (at byte 6)")"
  "{\"id\":\"a\",${E:1},\"x\":1e400}"                                "$(bad_line '"a"' "unknown field 'x'")"
  "{\"id\":23,${E:1},}"                                             "$not_json"
  "{\"id\":\"tab"$'\t'"here\",${E:1}}"                              "$not_json"
  "{\"id\":\"\\ud83d\",${E:1}}"                                     "$not_json"
  "{\"id\":1.5e3,${E:1},\"trace\":false}"                           '{"id":1.5e3,"ok":true,'
  "{\"id\":-7,${E:1},\"trace\":false}"                              '{"id":-7,"ok":true,'
  "{\"id\":18446744073709551615,${E:1},\"trace\":false}"            '{"id":18446744073709551615,"ok":true,'
  "{\"id\":\"a\\\"b\\u0001/é中\",${E:1},\"trace\":false}"           '{"id":"a\"b\u0001/é中","ok":true,'
  "{\"id\":[true,null,{\"k\":[]}],${E:1},\"trace\":false}"          '{"id":[true,null,{"k":[]}],"ok":true,'
  "{\"id\":\"\\ud83d\\ude00\",${E:1},\"trace\":false}"              '{"id":"😀","ok":true,'
  $'\xEF\xBB\xBF'"{\"id\":32,${E:1},\"trace\":false}"               '{"id":32,"ok":true,'
  # nested 100,000 deep: answered (the reader does not recurse), the id echoed in full
  "${deep_open}${deep_close}"                                       "$(bad_line null "a request must be a JSON object")"
  "{\"id\":${deep_open}1${deep_close},${E:1},\"trace\":false}"      "{\"id\":${deep_open}1${deep_close},\"ok\":true,"
)
batch_in=$(mktemp)
for ((i = 0; i < ${#request_cases[@]}; i += 2)); do printf '%s\n' "${request_cases[i]}"; done > "$batch_in"
run batch "$batch_in"
expect_status 0 "batch of request errors"
answers=()
mapfile -t answers <<<"$out"
for ((i = 0; i < ${#request_cases[@]}; i += 2)); do
  n=$((i / 2 + 1)); want=${request_cases[i + 1]//'"line":@'/"\"line\":$n"}; got=${answers[n - 1]-}
  [[ $(en_only "$got") == "$want"* && ( $want != *'"ok":false'* || $got == *'"message_zh":"'?* ) ]] && ok || { fail=$((fail + 1)); echo "FAIL: batch request line $n: got ${got:0:160}"; }
done
rm -f "$batch_in"
# batch answers an interactive client line by line: each answer comes before the next request is sent.
# (bash forgets a coprocess's pid and pipes once it ends: copies are kept here)
coproc BATCH { "$Q" batch --no-trace; }
batch_pid=$BATCH_PID
exec {to_batch}>&"${BATCH[1]}" {from_batch}<&"${BATCH[0]}"
exec {BATCH[1]}>&-
for day in 2013-12-14 2018-08-27; do
  printf '{"id":"%s","rule":"cn.enforcement.application","events":{"effective":"%s"}}\n' "$day" "$day" >&"$to_batch"
  reply=""
  read -t 10 -r reply <&"$from_batch"
  [[ $reply == "{\"id\":\"$day\",\"ok\":true,"* ]] && ok || { out=$reply; bad "interactive batch: no answer to $day"; }
done
exec {to_batch}>&-
wait "$batch_pid"; status=$?
exec {from_batch}<&-
expect_status 0 "interactive batch ends when its input does"
run batch /nonexistent.jsonl;                                   expect_status 26 "batch unreadable file"

# docket: every deadline a case's events trigger, chains followed, sorted by date.
run docket "$SRC/tests/data/cases/payment_order.toml"
expect_status 0 "docket"
expect_line "2024-02-04 (Sun)  cn.payment-order.objection" "docket: the objection period ends on a working Sunday"
expect_line "2026-02-04 (Wed)  cn.enforcement.application" "docket: the chained enforcement period"
expect_line "chained: performance_due from cn.payment-order.objection" "docket: the chain is shown"
expect_line "reading adjusted_weekend=weekday → 2026-02-05" "docket: a reading follows the chain"
[[ $(grep -n "^20.*  cn.payment-order.objection" <<<"$out" | cut -d: -f1) -lt $(grep -n "^20.*  cn.enforcement.application" <<<"$out" | cut -d: -f1) ]] && ok || bad "docket sorted by date"
run docket "$SRC/tests/data/cases/payment_order.toml" --lang zh
expect_line "2024-02-04 (周日)  cn.payment-order.objection" "docket zh: weekday"
expect_line "连锁：履行期间届满 (performance_due)，由 cn.payment-order.objection 产生" "docket zh: the chain"
expect_line "不同解读 调休上班的周六、周日仍作休息日 (adjusted_weekend=weekday) → 2026-02-05" "docket zh: the reading"
run docket "$SRC/tests/data/cases/payment_order.toml" --format json
expect_line '"trigger": "performance_due",' "docket json: chained trigger"
expect_line '"performance_due from cn.payment-order.objection"' "docket json: chain"
run docket "$SRC/tests/data/cases/recognition.json"
expect_line "2025-09-30 (Tue)  cn.recognition.reconsideration" "docket from a JSON case file"
run docket "$SRC/tests/data/cases/payment_order.toml" --format ics
expect_line "DTSTART;VALUE=DATE:20260204" "docket ics"
case_dir=$(mktemp -d)
printf 'rules = ["cn.nothing.*"]\nevents = { received = "2024-01-20" }\n' > "$case_dir/bad.toml"
run docket "$case_dir/bad.toml";                                  expect_status 21 "docket: an unknown rule pattern"
printf 'events = { received = "2024-01-20" \n' > "$case_dir/broken.toml"
run docket "$case_dir/broken.toml";                               expect_status 24 "docket: a broken case file"
expect_line "broken.toml:1:" "docket: broken case file position"
rm -rf "$case_dir"

# Acts with no time limit answer so, never with a date.
run compute cn.enforcement.reapplication-after-termination --act 2030-01-01
expect_status 0 "no time limit"
expect_line "not subject to any time limit: there is no last day" "no time limit: text"
run compute cn.enforcement.continued --format json
expect_line '"time_limited": false' "no time limit: json"
run compute cn.enforcement.continued --format ics
expect_status 24 "no time limit: no calendar entry"

# verify: the court's conclusion beside the engine's; a disagreement or a broken fixture fails.
run verify "$SRC/tests/rulings"
expect_status 0 "verify the ruling fixtures"
expect_line "PASS  (2020)辽01协外认7号" "verify names the case"
fixtures=$(mktemp -d)
# A ruling fixture on cn.enforcement.application (effective 2018-08-27): FILE CITATION
# REQUEST-LINES DECISION-LINES (the [decision] starts on line 9 plus the request lines).
fixture() {
  {
    printf '[case]\ncitation = "%s"\ncourt = "test"\ndecided = 2020-01-01\nsources = ["test"]\n' "$2"
    printf '[request]\nrule = "cn.enforcement.application"\nevents = { effective = "2018-08-27" }\n'
    if [[ -n $3 ]]; then printf '%s\n' "$3"; fi
    printf '[decision]\n%s\n' "$4"
  } > "$1"
}
fixture "$fixtures/wrong.toml" "A made-up case the engine must disagree with" 'act = "2020-08-27"' \
  $'last_day = 2020-08-28\nstatus = "late"'
fixture "$fixtures/broken.toml" "A fixture with a typo" "" $'status = "late"\nlastday = 2020-08-27'
run verify "$fixtures"
expect_status 4 "verify reports failures"
expect_line "FAIL  A made-up case the engine must disagree with — differs in status, last day" "verify disagreement"
expect_line "broken.toml:11:1: unknown key 'lastday' in [decision]" "verify broken fixture position"
expect_line "0 passed, 2 failed" "verify summary"
run verify "$fixtures" --json
expect_status 4 "verify --json reports failures"
if python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
assert (d["passed"], d["failed"]) == (0, 2)
broken, wrong = d["cases"]
assert broken["result"] == "error" and "unknown key" in broken["problems"][0]
assert wrong["result"] == "fail" and wrong["differs"] == ["status", "last day"]
assert wrong["court"] == {"status": "late", "last_day": "2020-08-28"}
assert wrong["qixian"]["status"] == "timely" and wrong["qixian"]["last_day"] == "2020-08-27"
' <<<"$out"; then ok; else bad "verify --json"; fi
rm -rf "$fixtures"
fixtures=$(mktemp -d)
run verify "$fixtures"
expect_status 4 "verify: a directory with no fixtures fails"
expect_line "no fixtures (*.toml) in this directory" "verify: says why"
fixture "$fixtures/string-day.toml" "A last day written as a string" 'act = "2020-08-27"' \
  $'status = "timely"\nlast_day = "2020-08-27"'
run verify "$fixtures"
expect_status 4 "verify: a last day that is not a date fails"
expect_line "string-day.toml:12:12: [decision] last_day must be a date, e.g. 2020-08-27" "verify: says where"
rm -rf "$fixtures"
# A court that settled the last day alone (no act known): the day is compared, no status.
fixtures=$(mktemp -d)
fixture "$fixtures/day-only.toml" "The last day alone" "" 'last_day = 2020-08-27'
fixture "$fixtures/day-only-wrong.toml" "The last day alone, wrong" "" 'last_day = 2020-08-28'
fixture "$fixtures/nothing.toml" "Neither status nor last day" "" 'expiry = "defence"'
run verify "$fixtures"
expect_status 4 "verify: the last day alone"
expect_line "PASS  The last day alone" "verify: the last day alone passes"
expect_line "FAIL  The last day alone, wrong — differs in last day" "verify: the last day alone differs"
expect_line "      court:  last day 2020-08-28" "verify: the court's day alone"
expect_line "nothing.toml:9:1: [decision] status must be timely, late or partly_late (it may be left out only with last_day)" \
  "verify: a status or a last day is needed"
rm -rf "$fixtures"

# Errors: a distinct exit status and a message that says what to fix.
run compute cn.nope --event effective=2023-06-30;              expect_status 21 "unknown rule"
run compute cn.enforcement.application --event effective=2023-02-29
expect_status 11 "impossible date"
expect_line "error invalid_date: event effective: '2023-02-29': February 2023 has no day 29 (it has 28 days)" "impossible date message"
run compute cn.enforcement.application --event 'effective=2023-06-30T10:00[Asia/Beijing]'; expect_status 20 "unknown zone"
run compute cn.enforcement.application --event 'effective=1986-05-04T02:30'; expect_status 18 "nonexistent local time"
run compute cn.enforcement.application --event served=2023-06-30; expect_status 23 "missing event"
run compute cn.enforcement.application --event effective=1990-06-30; expect_status 22 "no version in force"
run compute cn.enforcement.application --event effective=2007-06-30; expect_status 27 "missing fact (the 1991 text counts by the parties)"
run compute cn.enforcement.application --event effective=2025-06-30 --calendar-policy strict; expect_status 16 "outside calendar (strict)"
run compute cn.enforcement.application --event effective=2025-06-30 --format json --calendar-policy strict
expect_line '"code":"outside_calendar_coverage"' "json error"
run compute cn.enforcement.application --event effective=2025-06-30 --provisional; expect_status 0 "provisional"
expect_line "PROVISIONAL" "provisional flagged"
# Past the notices by default: provisional, best estimate and range (issue 15 done-when)
run compute cn.enforcement.application --event effective=2025-12-31; expect_status 0 "projected by default"
expect_line "PROVISIONAL  the holiday schedule for 2027, 2028 is not yet published" "provisional text"
run compute cn.enforcement.application --event effective=2025-12-31 --format json
expect_line '"provisional": true' "provisional json"
expect_line '"last_day_range": {' "range json"
expect_line '"calendar_years": [' "calendar years json"
run compute cn.enforcement.application --event effective=2025-02-06 --format json
expect_line '"raw_end": "2027-02-06"' "nominal end 2027-02-06"
expect_line '"earliest": "2027-02-13"' "earliest 2027-02-13"
expect_line '"latest": "2027-02-15"' "latest 2027-02-15"
run compute cn.enforcement.application --event effective=2025-02-06 --act 2027-02-14 --format json
expect_line '"status": "undetermined"' "undetermined"
run compute cn.enforcement.application --event effective=2025-02-06 --act 2027-02-14 --lang zh
expect_line "尚无法确定" "undetermined zh"
expect_line "2027年节假日安排尚未公布" "provisional zh"
run compute cn.enforcement.application --event effective=2025-02-06 --format ics
expect_line "DTSTART;VALUE=DATE:20270213" "ics: the earliest day is the event"
run batch <<<'{"id":1,"rule":"cn.enforcement.application","events":{"effective":"2025-02-06"},"calendar_policy":"strict"}'
expect_line '"code":"outside_calendar_coverage"' "batch strict"
run compute cn.enforcement.application --event effective=2099-06-01; expect_status 16 "past the last projectable year"
expect_line "2101" "names the year"
run compute cn.enforcement.application --bogus;                 expect_status 2 "usage error"
run --rules /nonexistent rules check;                           expect_status 3 "bad rules dir"

tmp=$(mktemp -d)
mkdir -p "$tmp/r" && cp -r "$SRC/rules/conventions" "$SRC/rules/calendars" "$tmp/r/" && cp "$SRC/tests/rules_bad/versions.toml" "$tmp/r/"
run rules check "$tmp/r"
expect_status 3 "rules check on a broken pack"
expect_line "versions.toml:18:3: error E0203:" "rules check position"
run rules check "$tmp/r" --json
expect_status 3 "rules check --json on a broken pack"
if python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
assert d["ok"] is False and d["errors"] >= 4
first = d["diagnostics"][0]
assert first["file"].endswith("versions.toml") and (first["line"], first["column"]) == (18, 3)
assert first["code"] == "E0203" and first["notes"][0]["line"] == 11
' <<<"$out"; then ok; else bad "rules check --json"; fi
rm -rf "$tmp"
run rules check --json
if python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
assert d["ok"] is True and d["errors"] == 0 and d["rules"] >= 36 and len(d["rule_pack_digest"]) == 16
' <<<"$out"; then ok; else bad "rules check --json on the built-in pack"; fi


# Second legal audit (AUDIT-2.md): what a period means, for the act judged against it.
# cn.enforcement.inaction is a waiting period: received 2025-03-03 + 6 months = Wed 2025-09-03; the
# creditor may apply to the higher court from Thu 2025-09-04 (P5: not "late").
run compute cn.enforcement.inaction --event received=2025-03-03 --act 2025-10-10
expect_line "act       permitted" "inaction: permitted after the six months"
expect_line "a waiting period: the act is allowed only after it, from 2025-09-04" "inaction: kind line"
expect_line "expiry    none: the end opens the act; it closes nothing" "inaction: no bar"
run compute cn.enforcement.inaction --event received=2025-03-03 --act 2025-09-03 --format json
expect_line '"status": "premature",' "inaction json: premature on the last day"
expect_line '"permitted_from": "2025-09-04",' "inaction json: permitted_from"
expect_line '"period_kind": "waiting",' "inaction json: period_kind"
# A court's period: the ruling after the end is overdue and stays valid; said in both languages.
run compute cn.enforcement.objection.decision --event received=2024-09-20 --act 2024-10-20
expect_line "act       overdue (12 days over)" "court period: overdue"
expect_line "expiry    none: a time the law gives the court; an act after it stays valid" "court period: expiry none"
run compute cn.enforcement.objection.decision --event received=2024-09-20 --act 2024-10-20 --lang zh
expect_line "无：法律给法院的期间，逾期作出的行为仍然有效" "court period zh"
run compute cn.enforcement.objection.decision --event received=2024-09-20 --format json
expect_line '"expiry": "none",' "court period json: expiry none"
# Deemed service: the answer gives the day.
run compute cn.service.publication.domestic --event published=2025-03-03 --format json
expect_line '"period_kind": "deemed",' "deemed period json"
expect_line '"deemed_on": "' "deemed_on given"
# A suspension does not restart the period (Civil Code Art. 194).
run compute cn.civil.limitation --event knew=2021-03-01 --suspension 2023-12-01..2024-01-26
expect_line "the period ends six months later, it does not run anew" "suspension is not anew"
run compute cn.civil.limitation --event knew=2021-03-01 --suspension 2023-12-01..2024-01-26 --lang zh
expect_line "不是重新计算" "suspension is not anew (zh)"
# An hour period: the starting hour is not counted; in ICS a timed event at the end instant.
run compute cn.preservation.pre-action.ruling --event accepted=2025-06-03T10:25
expect_line "the starting hour not counted; counted from the next whole hour" "hour period start"
run compute cn.preservation.pre-action.ruling --event accepted=2025-06-03T10:25 --format ics
expect_line "DTSTART:20250605T030000Z" "hour deadline: timed ICS event at the end (11:00 Beijing)"
# The end in a user's zone carries its abbreviation (01:00 happens twice on a fall-back night).
run compute cn.enforcement.application --event effective=2023-06-30 --zone America/New_York
expect_line "= 2025-06-30T12:00:00-04:00 EDT" "zone abbreviation"
# Instalments straddling 2022-01-01 (T23): each under the version of its own due day.
run compute cn.enforcement.application --instalment 2021-06-30 --instalment 2021-12-31 --instalment 2022-06-30 --act 2023-09-01
expect_line "instalment  due 2021-06-30 → last day 2023-06-30 (late)" "T23: the 2021 instalment under the 2008 text"
expect_line "act       partly_late" "T23: partly late"
expect_line "reading   instalments=last → 2024-07-01 (Mon) timely" "T23: the other reading"
# A tolling event with no effect is a note in compute too.
run compute cn.civil.limitation --event knew=2019-03-01 --interruption 2023-01-05
expect_line "interruption on 2023-01-05 has no effect: the period had ended on 2022-03-01" "no-effect tolling noted"
# Citations by date: a 2025 appeal cites the 2023 text only (D14).
run compute cn.appeal.judgment --event served=2025-03-03 --fact domicile=china --format json
if python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
assert d["version"] == "2024-01-01", d["version"]
assert all("2023年修正" in c["instrument"] for c in d["citations"]), d["citations"]
' <<<"$out"; then ok; else bad "appeal 2025 cites the 2023 text only"; fi
# An untimed rule asked about an act before its first version: no_version_in_force.
run compute cn.enforcement.reapplication-after-termination --act 2014-12-01
expect_status 22 "终本 re-application before 2015-02-04"
# Look-back: the report covers changes from one year before the notice.
run compute cn.enforcement.asset-report.lookback --event received=2025-03-03 --act 2024-05-10 --format json
expect_line '"direction": "before",' "look-back json"
expect_line '"last_day": "2024-03-03",' "look-back window start"
expect_line '"status": "within",' "look-back: a change within the window"
# Docket: the court's events apart; a deadline that cannot be computed makes the exit non-zero.
run docket "$SRC/tests/data/cases/payment_order_court.toml"
expect_status 0 "docket with court events"
expect_line "2024-01-15 (Mon)  cn.payment-order.acceptance" "docket: acceptance from the court's receipt (2024-01-08 + 5 = Sat 01-13 -> Mon 01-15)"
expect_line "2024-01-25 (Thu)  cn.payment-order.issue" "docket: issue from the court's acceptance"
expect_line "2024-02-09 (Fri)  cn.payment-order.objection" "docket: objection from the debtor's receipt"
if grep -q "cn.payment-order.acceptance" <<<"$(grep -A1 "cn.payment-order.acceptance" <<<"$out" | grep "from received 2024-01-25")"; then bad "docket: the debtor's receipt started the court's period"; else ok; fi
docket_tmp=$(mktemp -d)
printf 'rules = ["cn.appeal.judgment"]\nevents = { served = "2025-03-03" }\n' > "$docket_tmp/incomplete.toml"
run docket "$docket_tmp/incomplete.toml"
expect_status 5 "docket: a deadline that cannot be computed"
expect_line "missing_fact" "docket: the problem is listed"
run docket "$docket_tmp/incomplete.toml" --format json
expect_status 5 "docket json: exit 5"
expect_line '"complete": false,' "docket json says so"
rm -rf "$docket_tmp"

# One version per text (AUDIT-2.md D14, issue #16 item 4): the version for a trigger cites the
# articles of the texts in force on its day and no other. cites VERSION 'must;…' 'must-not;…' LABEL
cites() {
    if python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
want, must, never = sys.argv[1], [x for x in sys.argv[2].split(";") if x], [x for x in sys.argv[3].split(";") if x]
text = [c["instrument"] + " art. " + c["article"] for c in d["citations"]]
assert d["version"] == want, (d["version"], want)
for m in must: assert any(m in t for t in text), (m, text)
for n in never: assert not any(n in t for t in text), (n, text)
' "$1" "$2" "$3" <<<"$out"; then ok; else bad "$4"; fi
}
run compute cn.enforcement.application --event effective=2010-03-15 --format json
cites 2008-04-01 "2007年修正） art. 215" "2012年修正;2017年修正" "enforcement 2010: CPL 2007 Art. 215 only"
run compute cn.enforcement.application --event effective=2014-06-30 --format json
cites 2013-01-01 "2012年修正） art. 239" "2007年修正;2017年修正" "enforcement 2014: CPL 2012 Art. 239 only"
expect_line '"last_day": "2016-06-30"' "enforcement 2014: 2 years = Thu 2016-06-30"
run compute cn.enforcement.application --event effective=2019-03-15 --format json
cites 2017-07-01 "2017年修正） art. 239" "2007年修正;2012年修正;2021年修正" "enforcement 2019: CPL 2017 Art. 239 only"
run compute cn.enforcement.application --event effective=2023-03-15 --format json
cites 2022-01-01 "2021年修正） art. 246" "2023年修正" "enforcement 2023: CPL 2021 Art. 246 only"
run compute cn.enforcement.application --event effective=2024-03-15 --format json
cites 2024-01-01 "2023年修正） art. 250" "2021年修正" "enforcement 2024: CPL 2023 Art. 250 only"
run explain cn.enforcement.application --event effective=2014-06-30
expect_line "2013-01-01" "explain names the 2013 version"
run compute cn.recognition.foreign-judgment --event effective=2014-03-03 --format json
cites 2013-01-01 "2012年修正） art. 239" "法释〔2015〕5号;2007年修正;2017年修正;2020年修正" "foreign judgment 2014: no Interpretation yet"
run compute cn.recognition.foreign-judgment --event effective=2016-03-03 --format json
cites 2015-02-04 "2012年修正） art. 239;法释〔2015〕5号） art. 547" "2017年修正;2020年修正" "foreign judgment 2016: CPL 2012 + Interpretation 2015 Art. 547"
run compute cn.recognition.foreign-award --event effective=2021-06-01 --format json
cites 2021-01-01 "2017年修正） art. 239;2020年修正） art. 547" "法释〔2015〕5号;2021年修正" "foreign award 2021: CPL 2017 + Interpretation 2020 Art. 547"
run compute cn.recognition.foreign-award --event effective=2022-06-01 --format json
cites 2022-04-10 "2021年修正） art. 246;2022年修正） art. 545" "2023年修正;2020年修正" "foreign award 2022-06: CPL 2021 + Interpretation 2022 Art. 545"
run compute cn.recognition.foreign-judgment --event effective=2022-02-01 --format json
cites 2022-01-01 "2021年修正） art. 246;2020年修正） art. 547" "2022年修正;2023年修正" "foreign judgment 2022-02: the 2020 Interpretation still"
run compute cn.recognition.taiwan.application --event effective=2022-05-01 --act 2023-05-01 --format json
cites 2022-01-01 "法释〔2015〕13号） art. 20;2021年修正） art. 246" "2024年修正;2023年修正" "Taiwan application 2023: 2015 Provisions + CPL 2021"
run compute cn.recognition.taiwan.application --event effective=2022-05-01 --act 2024-06-01 --format json
cites 2024-01-01 "法释〔2015〕13号） art. 20;2023年修正） art. 250" "2024年修正;2021年修正" "Taiwan application 2024: 2015 Provisions + CPL 2023"
run compute cn.recognition.taiwan.application --event effective=2022-05-01 --act 2025-06-01 --format json
cites 2025-01-01 "2024年修正） art. 24;2023年修正） art. 250" "法释〔2015〕13号;2021年修正" "Taiwan application 2025: 2024 Provisions + CPL 2023"
# D15: the Taiwan respondent's domicile named as Art. 9 names it (在大陆没有住所); the old values
# still answer, saying they are the old spelling. 15 days from Mon 2025-03-03 = Tue 03-18; 30 = Wed 04-02.
run compute cn.recognition.taiwan.comments --event received=2025-03-03 --fact domicile=none_in_mainland
expect_line "last day  2025-04-02 (Wed)" "Taiwan comments: no domicile in the mainland, 30 days"
run compute cn.recognition.taiwan.comments --event received=2025-03-03 --fact domicile=mainland
expect_line "last day  2025-03-18 (Tue)" "Taiwan comments: domiciled in the mainland, 15 days"
run compute cn.recognition.taiwan.comments --event received=2025-03-03 --fact domicile=abroad --format json
expect_line '"last_day": "2025-04-02"' "Taiwan comments: the old value abroad still answers"
expect_line "the old spelling of domicile=none_in_mainland" "Taiwan comments: the old value is said to be old"
run compute cn.appeal.judgment --event served=2025-03-03 --fact domicile=mainland
expect_status 24 "appeal: the Taiwan Provisions' value is not the CPL's"
expect_line "its periods are for domicile=china, domicile=abroad" "appeal: the error names the values the version knows"
# Asset Investigation Provisions Art. 7: a change after the report, reported within 10 days of it.
run compute cn.enforcement.asset-report.change --event property_change=2025-03-03 --act 2025-03-14
expect_line "last day  2025-03-13 (Thu)" "asset report change: 10 days"
expect_line "act       late (1 day late)" "asset report change: a day late"
run compute cn.enforcement.asset-report.change --event property_change=2017-04-20
expect_status 22 "asset report change: before the Provisions (2017-05-01)"
# calendar_confidence: an answer ending in a year whose notice text was not found says so.
# 15 days from Mon 2003-03-03 = Tue 2003-03-18.
run compute cn.appeal.judgment --event served=2003-03-03 --fact domicile=china --format json
expect_line '"calendar_confidence": "secondary"' "confidence: 2003 is secondary"
if python3 -c 'import json, sys; d = json.loads(sys.stdin.read()); assert d["calendar_secondary_years"] == [2003], d' <<<"$out"; then ok; else bad "confidence: the year named"; fi
run compute cn.appeal.judgment --event served=2003-03-03 --fact domicile=china
expect_line "calendar  the answer depends on the calendar of 2003" "confidence: text"
run compute cn.appeal.judgment --event served=2003-03-03 --fact domicile=china --lang zh
expect_line "2003年的节假日安排未见国务院通知原文" "confidence: zh"
run compute cn.appeal.judgment --event served=2003-03-03 --fact domicile=china --format ics
out=$(python3 -c 'import sys; print(sys.stdin.read().replace("\r\n ", "").replace("\n ", ""))' <<<"$out")  # unfold (RFC 5545 §3.1)
expect_line "Calendar: the answer depends on the calendar of 2003" "confidence: ics"
run compute cn.appeal.judgment --event served=2025-03-03 --fact domicile=china --format json
expect_line '"calendar_confidence": "notice_text"' "confidence: 2025 from the notice's text"

# rules list says what each end means: no "expiry bar" for untimed acts or a court's period (AUDIT-2.md §4.1).
run rules list
expect_line "A new application after the case was closed for lack of assets (终本)  (3 version(s), no time limit)" "rules list: untimed"
if grep -F "cn.enforcement.objection.decision " <<<"$out" | grep -qF "court period, expiry none)"; then ok; else bad "rules list: a court's period"; fi
if grep -F "cn.enforcement.inaction " <<<"$out" | grep -qF "waiting period, expiry none)"; then ok; else bad "rules list: a waiting period"; fi

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
