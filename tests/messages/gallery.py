#!/usr/bin/env python3
"""The message gallery: every error code, in English and in Chinese, as the CLI says it.

Runs each case below with the real binary, in English and with --lang zh, and writes what it
printed (exit status, stdout and stderr) into one text; the text must equal
tests/messages/gallery.expected (a snapshot read once with care by a Chinese reader). Every
code of the message catalog (engine/src/messages.cpp) appears: as a real run where the
command line can reach it, else as its catalog line, and each Chinese line must hold no
English word (latin.py).

Usage: gallery.py QIXIAN SOURCE_DIR [--update]   (--update rewrites the snapshot)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latin import latin_words  # noqa: E402

QIXIAN, SRC = sys.argv[1], sys.argv[2]
UPDATE = "--update" in sys.argv[3:]

# (code, what the case shows, arguments; "{tmp}" is a scratch directory with the files below)
CASES = [
    ("invalid_date", "a day that does not exist", ["compute", "cn.civil.limitation", "--event", "knew=2023-02-30"]),
    ("invalid_date", "a month that does not exist", ["compute", "cn.civil.limitation", "--event", "knew=2023-13-01"]),
    ("invalid_time", "not a date (nor a time)", ["compute", "cn.civil.limitation", "--event", "knew=yesterday"]),
    ("invalid_date", "the calendar's --from", ["calendar", "--from", "2025-02-29", "--to", "2025-03-01"]),
    ("invalid_time", "an hour that does not exist", ["compute", "cn.civil.limitation", "--event", "knew=2023-01-01T25:00"]),
    ("invalid_time", "an offset out of range", ["compute", "cn.civil.limitation", "--event", "knew=2023-01-01T10:00+25:00"]),
    ("invalid_time", "an offset and a zone", ["compute", "cn.civil.limitation", "--event", "knew=2023-01-01T10:00+08:00[Asia/Shanghai]"]),
    ("out_of_range", "a period ending past 9999", ["compute", "cn.civil.limitation", "--event", "knew=9999-06-01"]),
    ("outside_calendar_coverage", "strict calendar policy past the data",
     ["compute", "cn.civil.limitation", "--event", "knew=2040-01-01", "--calendar-policy", "strict"]),
    ("nonexistent_local_time", "a time the spring-forward skipped",
     ["compute", "cn.civil.limitation", "--event", "knew=2024-03-10T02:30[America/New_York]"]),
    ("ambiguous_local_time", "a time the fall-back repeats",
     ["compute", "cn.civil.limitation", "--event", "knew=2024-11-03T01:30[America/New_York]"]),
    ("unknown_zone", "a zone the tz database does not know",
     ["compute", "cn.civil.limitation", "--event", "knew=2024-01-01", "--zone", "Mars/Olympus"]),
    ("unknown_rule", "compute", ["compute", "cn.no.such", "--event", "knew=2024-01-01"]),
    ("unknown_rule", "rules show", ["rules", "show", "cn.no.such"]),
    ("no_version_in_force", "a trigger before the first version",
     ["compute", "cn.enforcement.application", "--event", "effective=1980-01-01"]),
    ("missing_event", "the trigger not given", ["compute", "cn.civil.limitation"]),
    ("missing_fact", "the period depends on a fact not given",
     ["compute", "cn.enforcement.application", "--event", "effective=2000-01-01"]),
    ("invalid_request", "a fact the pack does not know",
     ["compute", "cn.civil.limitation", "--event", "knew=2024-01-01", "--fact", "colour=red"]),
    ("invalid_request", "an event kind the pack does not know",
     ["compute", "cn.civil.limitation", "--event", "birthday=2024-01-01"]),
    ("invalid_request", "a fact's value the pack does not know",
     ["compute", "cn.enforcement.application", "--event", "effective=2000-01-01", "--fact", "parties=aliens"]),
    ("invalid_request", "--to before --from", ["calendar", "--from", "2025-02-01", "--to", "2025-01-01"]),
    ("invalid_request", "no such calendar", ["calendar", "--from", "2025-01-01", "--to", "2025-01-02", "--calendar", "xx.none"]),
    ("invalid_request", "a batch line that is not JSON (JSON: message and message_zh)", ["batch", "{tmp}/bad.jsonl"]),
    ("io_error", "batch of a file that is not there", ["batch", "{tmp}/missing.jsonl"]),
    ("io_error", "docket of a file that is not there", ["docket", "{tmp}/missing.toml"]),
    ("unknown_rule", "docket: a rule pattern that matches nothing", ["docket", "{tmp}/case.toml"]),
    ("fixture", "verify: a path with no fixture", ["verify", "{tmp}/no-fixtures"]),
    ("usage.repeated", "a single-valued event given twice",
     ["compute", "cn.civil.limitation", "--event", "knew=2024-01-01", "--event", "knew=2024-02-01"]),
    ("usage.repeated", "a single-valued option given twice",
     ["compute", "cn.civil.limitation", "--event", "knew=2024-01-01", "--act", "2024-03-01", "--act", "2024-04-01"]),
    ("usage.extras", "an argument too many", ["compute", "cn.civil.limitation", "surplus", "--event", "knew=2024-01-01"]),
    ("usage.required", "a required option missing", ["calendar", "--from", "2025-01-01"]),
    ("usage.invalid_value", "a value not allowed", ["compute", "cn.civil.limitation", "--event", "knew=2024-01-01", "--format", "xml"]),
]

# Codes the command line cannot reach with the built-in pack; their catalog line stands for them
# (the engine's messages for them are checked in tests/unit/messages_test.cpp).
NOT_REACHABLE = {
    "invalid_period": "counting with a period the convention cannot apply (library callers)",
    "ambiguous_month_end": "month arithmetic under month_end::reject (no built-in convention rejects)",
    "no_working_day": "a calendar without a working day in 400 days (no built-in calendar)",
    "rules_invalid": "a rule whose convention or components are missing at compute time (the loader refuses such packs first)",
    "E0002": "a rule file that cannot be read (file permissions)",
    "W0305": "a calendar whose data has a gap",
    "E0306": "a calendar file whose year differs from its contents",
    "E0401": "a lunar table with a missing year",
    "E0402": "a lunar table not covering the calendar",
    "E0403": "a notice leaving out a statutory day",
    "W0404": "a notice working a day every earlier block held",
    "usage": "a usage error CLI11 names otherwise",
    "usage.conversion": "a value CLI11 cannot convert (no numeric option takes free text)",
    "usage.mismatch": "an option given the wrong number of values",
    "usage.unknown_option": "CLI11 reports an unknown option as an extra argument (usage.extras)",
    "usage.excludes": "two options that exclude each other (none in this CLI)",
    "usage.subcommand": "no subcommand",
    "not_found": "serve: GET of an unknown path (tests/serve)",
    "internal_error": "serve: an exception while answering (tests/serve)",
    "header_too_large": "serve: headers over the limit (tests/serve)",
    "body_too_large": "serve: a body over the limit (tests/serve)",
    "bad_http": "serve: a request that is not HTTP/1.1 (tests/serve)",
    "unsupported_media_type": "serve: a body that is not JSON (tests/serve)",
    "too_many_connections": "serve: the connection limit (tests/serve)",
    "method_not_allowed": "serve: POST to a GET-only path (tests/serve)",
    "invalid_argument": "C API: a NULL where a pointer is required (tests/capi)",
    "out_of_memory": "C API: allocation failure",
    "note": "a diagnostic's note no template knows (the notes above, 注：…, have templates)",
    "answer_note": "an answer's note written in a rule file (English only)",
}


def catalog():
    """(code, summary_zh) of engine/src/messages.cpp's catalog, in its order."""
    text = open(os.path.join(SRC, "engine/src/messages.cpp"), encoding="utf-8").read()
    body = text[text.index("constexpr message_code catalog[]"):]
    body = body[:body.index("};")]
    return re.findall(r'\{"([^"]+)", "([^"]*)"\}', body)


def prepare(tmp):
    with open(os.path.join(tmp, "bad.jsonl"), "w") as f:
        f.write('{"rule": "cn.civil.limitation", "events": {"knew": "2024-01-01"}}\n')
        f.write('not json\n')
        f.write('{"rule": "cn.civil.limitation", "events": {"knew": "2024-02-30"}}\n')
    with open(os.path.join(tmp, "case.toml"), "w") as f:
        f.write('rules = ["cn.nothing.*"]\n[events]\neffective = "2024-01-01"\n')
    os.makedirs(os.path.join(tmp, "no-fixtures"))


def run(args, tmp, zh):
    argv = [QIXIAN] + [a.replace("{tmp}", tmp) for a in args] + (["--lang", "zh"] if zh else [])
    p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    out = (p.stdout + p.stderr).replace(tmp, "$TMP")
    return p.returncode, out


def main():
    tmp = tempfile.mkdtemp(prefix="qixian-gallery-")
    problems = []
    lines = []
    try:
        prepare(tmp)
        shown = set()
        for code, what, args in CASES:
            shown.add(code)
            lines.append(f"== {code}: {what}")
            lines.append("$ qixian " + " ".join(args))
            takes_lang = args[0] not in ("batch",)
            for zh in ([False, True] if takes_lang else [False]):
                status, out = run(args, tmp, zh)
                lines.append(f"[{'zh' if zh else 'en'}] exit {status}")
                lines.extend("  " + l for l in out.rstrip("\n").split("\n"))
                texts = out.split("\n")
                if not takes_lang:  # batch: the Chinese is each answer's message_zh
                    texts = [json.loads(l).get("error", {}).get("message_zh", "") for l in texts if l.startswith("{")]
                if zh or not takes_lang:
                    for t in texts:
                        if latin_words(t):
                            problems.append(f"{code} ({what}): English in {t!r}: {latin_words(t)}")
                if status == 0 and code != "invalid_request":
                    problems.append(f"{code} ({what}): exit 0")
            lines.append("")
        # rules check: every broken file of the rules_bad gallery, beside the good conventions and calendars.
        bad_dir = os.path.join(SRC, "tests/rules_bad")
        for name in sorted(os.listdir(bad_dir)):
            if not name.endswith(".toml"):
                continue
            pack = os.path.join(tmp, "pack-" + name[:-5])
            shutil.copytree(os.path.join(SRC, "rules/conventions"), os.path.join(pack, "conventions"))
            shutil.copytree(os.path.join(SRC, "rules/calendars"), os.path.join(pack, "calendars"))
            shutil.copy(os.path.join(bad_dir, name), os.path.join(pack, name))
            lines.append(f"== rules check: tests/rules_bad/{name}")
            for zh in (False, True):
                status, out = run(["rules", "check", pack], tmp, zh)
                out = out.replace("$TMP/pack-" + name[:-5] + "/", "")
                lines.append(f"[{'zh' if zh else 'en'}] exit {status}")
                lines.extend("  " + l for l in out.rstrip("\n").split("\n"))
                shown.update(re.findall(r"\b([EW]\d{4})\b", out))
                if zh:
                    for t in out.split("\n"):
                        if latin_words(t):
                            problems.append(f"rules check {name}: English in {t!r}: {latin_words(t)}")
            lines.append("")
        lines.append("== the catalog: every code and its Chinese summary")
        for code, zh in catalog():
            if latin_words(zh):
                problems.append(f"catalog {code}: English in {zh!r}")
            note = "" if code in shown else "  [" + NOT_REACHABLE.get(code, "NOT SHOWN") + "]"
            if code not in shown and code not in NOT_REACHABLE:
                problems.append(f"{code}: neither run in the gallery nor listed as not reachable")
            lines.append(f"{code}  {zh}{note}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    text = "\n".join(lines) + "\n"
    expected_path = os.path.join(SRC, "tests/messages/gallery.expected")
    if UPDATE:
        with open(expected_path, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        expected = open(expected_path, encoding="utf-8").read()
        if text != expected:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                                       "gallery.expected", "now"))
            problems.append("the gallery differs from tests/messages/gallery.expected (run with --update to accept)")
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
