#!/usr/bin/python3
"""Faults of the system around qixian and hostile input, each a test (README "Reliability").

Usage: faults_test.py QIXIAN_BINARY SOURCE_DIR FAULT   (FAULT: one of FAULTS below, or "all")

Every fault must end in a clear answer: an error line per bad batch line (and the batch
goes on), or a message on stderr naming the problem and a non-zero exit status; never a
crash, a sanitizer report, a hang or silently lost output."""
import datetime
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

qixian, source = sys.argv[1], sys.argv[2]
failures = []
CRASH_MARKS = (b"AddressSanitizer", b"runtime error", b"terminate called", b"Aborted", b"Segmentation",
               b"LeakSanitizer", b"core dumped", b"std::", b"what():")
GOOD = '{"id":%s,"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}}'


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(args, stdin=b"", timeout=300, **kw):
    return subprocess.run([qixian, *args], input=stdin, capture_output=True, timeout=timeout, **kw)


def no_crash(p, what):
    check(not any(m in p.stderr for m in CRASH_MARKS) and p.returncode >= 0,
          f"{what}: ended without a crash (status {p.returncode}, stderr {p.stderr[:300]!r})")


def batch_answers(stdin, what, args=(), expect=None, deep=None, dates=False):
    """Runs a batch; checks one valid JSON answer (UTF-8) per input line, in order; returns them.
    `deep`: an id too deep for Python's parser, echoed as written: replaced before parsing.
    `dates`: also checks that every date written is a real day (real_dates)."""
    p = run(["batch", *args], stdin)
    no_crash(p, what)
    if dates:
        real_dates(p.stdout, what)
    check(p.returncode == 0, f"{what}: batch exit status 0 (got {p.returncode}, {p.stderr[:200]!r})")
    lines = stdin.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    out = p.stdout.split(b"\n")
    check(out[-1] == b"", f"{what}: output ends with a newline")
    out = out[:-1]
    check(len(out) == (expect if expect is not None else len(lines)),
          f"{what}: one answer per line ({len(out)} answers, {len(lines)} lines)")
    answers = []
    for i, line in enumerate(out, 1):
        if deep and line.startswith(b'{"id":' + deep):
            line = b'{"id":"(deep)"' + line[len(b'{"id":' + deep):]
        try:
            a = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as e:
            check(False, f"{what}: answer {i} is UTF-8 JSON ({e}: {line[:200]!r})")
            continue
        check(a.get("ok") is True or a.get("line") == i, f"{what}: error answer {i} names its line")
        check(a.get("ok") is True or a["error"]["message"], f"{what}: error answer {i} has a message")
        answers.append(a)
    return answers


def fails_clearly(p, what, *needles, report_on_stdout=False):
    """A crash-free failure whose message (on stderr; for verify, its report on stdout)
    names each of `needles`."""
    no_crash(p, what)
    check(p.returncode != 0, f"{what}: non-zero exit status")
    err = (p.stdout if report_on_stdout else p.stderr).decode("utf-8", "replace")
    for n in needles:
        check(n in err, f"{what}: stderr names {n!r} (stderr: {err[:300]!r})")


def docket_cases_fail(d, what, files):
    """Each (name, bytes) written as a case file in `d`: `docket` on it fails clearly, naming it."""
    for name, text in files:
        path = os.path.join(d, name)
        with open(path, "wb") as f:
            f.write(text)
        fails_clearly(run(["docket", path]), f"{what} ({name})", name)


def tmpdir():
    d = tempfile.mkdtemp(prefix="qixian-faults-")
    os.chmod(d, 0o755)
    return d


# ---- faults -------------------------------------------------------------------------

def stdout_closed_early():
    """`qixian batch big.jsonl | head -1` ends quietly: no message, no crash report, and it
    stops soon (it does not answer 200,000 lines to a closed pipe) — with SIGPIPE as the
    shell leaves it, and with SIGPIPE ignored (a parent that ignores it, as some do)."""
    d = tmpdir()
    big = os.path.join(d, "big.jsonl")
    with open(big, "w") as f:
        for i in range(200000):
            f.write(GOOD % i + "\n")
    for ignore in (False, True):
        what = f"stdout closed early (SIGPIPE {'ignored' if ignore else 'default'})"
        pre = (lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN)) if ignore else None
        p = subprocess.Popen([qixian, "batch", big], stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=pre)
        first = p.stdout.readline()
        p.stdout.close()
        err = p.stderr.read()
        status = p.wait(timeout=120)
        check(json.loads(first)["ok"] is True, f"{what}: the first answer arrived")
        check(err == b"", f"{what}: nothing on stderr (got {err[:300]!r})")
        check(status in (-signal.SIGPIPE, 26), f"{what}: ended by SIGPIPE or io_error status 26 (got {status})")
    shutil.rmtree(d)


def write_error():
    """`> /dev/full`: a clear message and a non-zero exit, never a silent truncation."""
    d = tmpdir()
    case = os.path.join(d, "case.toml")
    with open(case, "w") as f:
        f.write('events = { received = "2024-01-20" }\n')
    commands = {
        "batch": (["batch"], (GOOD % 1 + "\n").encode() * 5000),
        "batch (one line)": (["batch"], (GOOD % 1 + "\n").encode()),
        "compute": (["compute", "cn.enforcement.application", "--event", "effective=2023-06-30"], b""),
        "compute --format json": (["compute", "cn.enforcement.application", "--event", "effective=2023-06-30",
                                   "--format", "json"], b""),
        "calendar": (["calendar", "--from", "2024-01-01", "--to", "2024-12-31", "--json"], b""),
        "rules list": (["rules", "list"], b""),
        "docket": (["docket", case], b""),
        "verify": (["verify", os.path.join(source, "tests/rulings")], b""),
    }
    for name, (args, stdin) in commands.items():
        with open("/dev/full", "wb") as full:
            p = subprocess.run([qixian, *args], input=stdin, stdout=full, stderr=subprocess.PIPE, timeout=300)
        fails_clearly(p, f"{name} > /dev/full", "cannot write", "No space left on device")
        check(p.returncode == 26, f"{name} > /dev/full: exit status 26 (io_error), got {p.returncode}")
    with open("/dev/full", "wb") as full:
        p = subprocess.run([qixian, "rules", "list", "--lang", "zh"], stdout=full, stderr=subprocess.PIPE, timeout=300)
    fails_clearly(p, "rules list --lang zh > /dev/full", "qixian：错误 io_error：无法写出输出")
    shutil.rmtree(d)


def unreadable_files():
    """A file that exists but cannot be read (permissions; an I/O error; a directory where
    a file is expected): the command names it and fails; nothing is silently skipped."""
    d = tmpdir()
    secret = os.path.join(d, "secret.jsonl")
    with open(secret, "w") as f:
        f.write(GOOD % 1 + "\n")
    os.chmod(secret, 0)
    case = os.path.join(d, "case.toml")
    shutil.copy(os.path.join(source, "tests/data/cases/payment_order.toml"), case)
    os.chmod(case, 0)
    rules = os.path.join(d, "rules")
    shutil.copytree(os.path.join(source, "rules"), rules)
    os.chmod(os.path.join(rules, "statutes/civil_code/limitation.toml"), 0)
    # Root reads anything: the permission cases run as nobody.
    drop = (lambda: (os.setgid(65534), os.setuid(65534))) if os.geteuid() == 0 else None
    p = subprocess.run([qixian, "batch", secret], capture_output=True, preexec_fn=drop)
    fails_clearly(p, "batch of an unreadable file", secret)
    p = subprocess.run([qixian, "docket", case], capture_output=True, preexec_fn=drop)
    fails_clearly(p, "docket of an unreadable case file", case)
    p = subprocess.run([qixian, "rules", "check", rules], capture_output=True, preexec_fn=drop)
    fails_clearly(p, "rules check with an unreadable rule file", "limitation.toml", "cannot read")
    p = subprocess.run([qixian, "--rules", rules, "rules", "list"], capture_output=True, preexec_fn=drop)
    fails_clearly(p, "--rules with an unreadable rule file", "limitation.toml")
    # An I/O error while reading (EIO from /proc/self/mem at offset 0), and a directory.
    fails_clearly(run(["batch", "/proc/self/mem"]), "batch of a file that fails to read", "/proc/self/mem", "cannot read")
    fails_clearly(run(["batch", d]), "batch of a directory", d)
    fails_clearly(run(["docket", d]), "docket of a directory", d)
    fails_clearly(run(["verify", "/proc/self/mem"]), "verify of a file that fails to read", "/proc/self/mem",
                  "cannot read", report_on_stdout=True)
    shutil.rmtree(d)


def vanishing_files():
    """Files that are not there (any more): named in the error, never silently skipped."""
    d = tmpdir()
    gone = os.path.join(d, "gone.jsonl")
    fails_clearly(run(["batch", gone]), "batch of a missing file", gone)
    fails_clearly(run(["docket", os.path.join(d, "gone.toml")]), "docket of a missing file", "gone.toml")
    fails_clearly(run(["verify", os.path.join(d, "gone.toml")]), "verify of a missing fixture", "gone.toml",
                  report_on_stdout=True)
    fails_clearly(run(["--rules", os.path.join(d, "gone"), "rules", "list"]), "a missing rules directory", "gone")
    # A rule file that vanished, leaving its symlink behind.
    rules = os.path.join(d, "rules")
    shutil.copytree(os.path.join(source, "rules"), rules)
    target = os.path.join(d, "moved.toml")
    os.rename(os.path.join(rules, "statutes/civil_code/limitation.toml"), target)
    os.symlink(target, os.path.join(rules, "statutes/civil_code/limitation.toml"))
    os.remove(target)
    fails_clearly(run(["rules", "check", rules]), "a rule file's symlink left dangling", "limitation.toml")
    # A batch input file removed while it is being read is still read whole (POSIX keeps it).
    src = os.path.join(d, "vanishing.jsonl")
    with open(src, "w") as f:
        for i in range(20000):
            f.write(GOOD % i + "\n")
    p = subprocess.Popen([qixian, "batch", src], stdout=subprocess.PIPE)
    first = p.stdout.readline()
    os.remove(src)
    rest = p.stdout.read()  # not communicate(): it would skip what readline() buffered
    p.wait(timeout=300)
    check(len((first + rest).splitlines()) == 20000 and p.returncode == 0,
          "a batch file removed while read: every line answered")
    shutil.rmtree(d)


def symlink_loop():
    """A rules directory with symlink loops (a directory linking to itself, two files
    linking to each other): the loader neither hangs nor crashes, and names the loop."""
    d = tmpdir()
    rules = os.path.join(d, "rules")
    shutil.copytree(os.path.join(source, "rules"), rules)
    os.symlink(".", os.path.join(rules, "statutes", "loop"))
    os.symlink(rules, os.path.join(rules, "calendars", "up"))
    p = run(["rules", "check", rules], timeout=60)
    no_crash(p, "rules with a directory symlink loop")
    check(p.returncode == 0, f"rules with directory symlinks to themselves load once (status {p.returncode}, {p.stderr[:300]!r})")
    os.symlink("b.toml", os.path.join(rules, "statutes", "a.toml"))
    os.symlink("a.toml", os.path.join(rules, "statutes", "b.toml"))
    p = run(["rules", "check", rules], timeout=60)
    fails_clearly(p, "rules with a file symlink loop", "a.toml")
    p = run(["--rules", rules, "compute", "cn.enforcement.application", "--event", "effective=2023-06-30"], timeout=60)
    fails_clearly(p, "compute over rules with a file symlink loop", "a.toml")
    shutil.rmtree(d)


def long_line():
    """A 100 MB single line: answered with an error (or an answer), and the next line is
    answered as usual."""
    big_id = b'{"id":"' + b"x" * (100 * 1024 * 1024) + b'","rule":"cn.nope","events":{}}'
    a = batch_answers(big_id + b"\n" + (GOOD % 2).encode() + b"\n", "a 100 MB line (a long id)")
    check(len(a) == 2 and a[0]["ok"] is False and a[1]["ok"] is True, "a 100 MB line: error, then the next answered")
    junk = b"[" * 10 + b"y" * (100 * 1024 * 1024)
    a = batch_answers(junk + b"\n" + (GOOD % 2).encode() + b"\n", "a 100 MB line (not JSON)")
    check(len(a) == 2 and a[0]["ok"] is False and a[1]["ok"] is True, "a 100 MB junk line: error, then the next answered")


def nul_bytes():
    """NUL bytes in a batch line, inside and outside strings, in a case file and in a rule file."""
    lines = [b'{"id":"a\x00b","rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}}',
             b'{"id":1,"rule":"cn.enforcement.application\x00","events":{"effective":"2023-06-30"}}',
             b'{"id":2,"rule":"cn.enforcement.application","events":{"effective":"2023-06-30\x00"}}',
             b'{"id":3,\x00"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}}',
             b'\x00\x00\x00', b'\x00' + (GOOD % 5).encode(), (GOOD % 6).encode() + b'\x00',
             b'{"id":"\\u0000","rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}}',
             (GOOD % 7).encode()]
    a = batch_answers(b"\n".join(lines) + b"\n", "NUL bytes in batch lines")
    check(all(x["ok"] is False for x in a[:7]), "NUL bytes: every line with a raw NUL is an error")
    check(a[-1]["ok"] is True and a[-2]["ok"] is True, "NUL bytes: an escaped NUL in the id is fine, and the last line answered")
    d = tmpdir()
    docket_cases_fail(d, "NUL in a case file", (("case.toml", b'events = { received = "2024-01\x00-20" }\n'),
                                              ("case.json", b'{"events": {"received": "2024-01-20\x00"}}')))
    rules = os.path.join(d, "rules")
    shutil.copytree(os.path.join(source, "rules"), rules)
    with open(os.path.join(rules, "statutes/civil_code/limitation.toml"), "ab") as f:
        f.write(b'\n# a comment\x00 with a NUL\n')
    fails_clearly(run(["rules", "check", rules]), "NUL in a rule file", "limitation.toml")
    shutil.rmtree(d)


REQUEST = {"id": "u", "rule": "cn.enforcement.application",
           "events": {"effective": "2013-12-14", "instalment_due": ["2016-04-30", "2016-09-30"]},
           "facts": {"parties": "legal_persons", "domicile": "abroad"},
           "tolling": [{"kind": "interruption", "at": "2019-03-14"},
                       {"kind": "suspension", "from": "2021-01-01", "to": "2021-02-01"},
                       {"kind": "settlement", "at": "2019-05-01", "performance_due": "2019-09-30"}],
           "act": "2020-04-08",
           "readings": {"adjusted_weekend": "schedule", "suspension": "civil_code", "instalments": "each",
                        "event_zone": "forum"},
           "zone": "America/New_York", "calendar_as_of": "2020-01-20", "calendar_policy": "project",
           "lang": "zh"}
ADHOC = {"id": "a", "convention": "us.ny", "period": "P6Y", "events": {"start": "2019-03-01"}}


def string_paths(obj, path=()):
    """Every string in a request (keys and values) as a path to it."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield path + (("key", k),)
            yield from string_paths(v, path + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from string_paths(v, path + (i,))
    elif isinstance(obj, str):
        yield path


MARK = "\udcff"  # stands for a raw 0xFF byte until encoded with surrogateescape


def with_string(obj, path, make):
    obj = json.loads(json.dumps(obj))
    node = obj
    for p in path[:-1]:
        node = node[p]
    last = path[-1]
    if isinstance(last, tuple):  # a key
        node[make(last[1])] = node.pop(last[1])
    else:
        node[last] = make(node[last])
    return obj


def invalid_utf8():
    """Invalid UTF-8 in every string field (and key) of a request: an error answer that is
    itself valid UTF-8 JSON, one per line; the id is echoed only as valid JSON."""
    bads = [lambda s: s + MARK, lambda s: MARK + s[1:], lambda s: s[:1] + "\udcc3" + s[1:],  # lone lead byte
            lambda s: "\udced\udca0\udc80" + s]  # an encoded surrogate (CESU)
    lines = []
    for base in (REQUEST, ADHOC):
        for path in string_paths(base):
            for bad in bads:
                text = json.dumps(with_string(base, path, bad), ensure_ascii=False)
                lines.append(text.encode("utf-8", "surrogateescape"))
    lines.append((GOOD % 9).encode())
    a = batch_answers(b"\n".join(lines) + b"\n", "invalid UTF-8 in every string field")
    check(all(x["ok"] is False for x in a[:-1]), "invalid UTF-8: every such line is an error")
    check(a and a[-1]["ok"] is True, "invalid UTF-8: the next good line is answered")
    d = tmpdir()
    docket_cases_fail(d, "invalid UTF-8 in a case file",
                      (("case.toml", b'events = { received = "2024-01-20\xff" }\n'),
                       ("case.json", b'{"events": {"received": "2024-01-20"}, "zone": "Asia/\xffShanghai"}')))
    p = run(["compute", "cn.enforcement.application", "--event", b"effective=2023-06-30\xff", "--format", "json"])
    no_crash(p, "invalid UTF-8 in a compute argument")
    check(p.returncode != 0, "invalid UTF-8 in a compute argument: an error")
    try:
        json.loads(p.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        check(False, f"invalid UTF-8 in a compute argument: the JSON error is UTF-8 JSON ({e})")
    shutil.rmtree(d)


def deep_json():
    """JSON nested 100,000 deep: in a batch line (as a whole line, as the id, as an event),
    and as a case file: an error, never a stack overflow."""
    n = 100000
    deep = "[" * n + "]" * n
    lines = [deep, '{"id":' + deep + ',"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}}',
             '{"id":1,"rule":"cn.enforcement.application","events":{"effective":' + deep + '}}',
             '{"a":' * n + "1" + "}" * n, "[" * n, GOOD % 5]
    a = batch_answers("\n".join(lines).encode() + b"\n", "JSON nested 100,000 deep", deep=deep.encode())
    check([x["ok"] for x in a] == [False, True, False, False, False, True],
          "deep JSON: errors, an id echoed as written, and the next line answered")
    d = tmpdir()
    path = os.path.join(d, "case.json")
    for name, text in (("whole", '{"events":{"received":"2024-01-20"},"facts":' + deep + "}"),
                       ("as a rule list", '{"events":{"received":"2024-01-20"},"rules":' + deep + "}"),
                       ("unclosed", "{" + '"a":[' * n)):
        with open(path, "w") as f:
            f.write(text)
        fails_clearly(run(["docket", path]), f"a case file nested 100,000 deep ({name})", "case.json")
    path = os.path.join(d, "case.toml")
    with open(path, "w") as f:
        f.write("a = " + "[" * n + "]" * n + "\n")
    fails_clearly(run(["docket", path]), "a TOML case file nested 100,000 deep", "case.toml")
    shutil.rmtree(d)


def numbers_out_of_range():
    """Numbers where strings belong, and numbers beyond every range (ids, dates, periods,
    years past 9999, offsets past ±24 h): each line an error answer, none a crash."""
    big = ["1e999", "-1e999", "18446744073709551616", "-9223372036854775809", "1" + "0" * 400, "0.1e-400",
           "123456789012345678901234567890"]
    lines = []
    for b in big:
        lines.append('{"id":%s,"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}}' % b)
        lines.append('{"id":1,"rule":"cn.enforcement.application","events":{"effective":%s}}' % b)
        lines.append('{"id":1,"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"},"act":%s}' % b)
    for text in ["99999-01-01", "2023-99-01", "2023-06-99", "-2023-06-30", "+2023-06-30", "0000-01-01",
                 "10000-01-01", "2023-06-30T99:00", "2023-06-30T12:00+99:00", "2023-06-30T12:00+24:00",
                 "2023-06-30T12:00:99", "2023-06-30T23:59:60Z", "9999-12-31T23:59:59-23:59",
                 "0001-01-01T00:00:00+23:59", "2023-06-30T12:00[Etc/GMT-14]"]:
        lines.append('{"id":1,"rule":"cn.enforcement.application","events":{"effective":"%s"}}' % text)
    for period in ["P99999999999999999999Y", "P2147483648D", "P9999Y", "PT99999999999H", "P-1D", "P1.5Y",
                   "P0D", "P", "PT"]:
        lines.append('{"id":1,"convention":"cn","period":"%s","events":{"start":"2023-06-30"}}' % period)
    lines.append(GOOD % 9)
    a = batch_answers("\n".join(lines).encode() + b"\n", "numbers out of range")
    check(a and a[-1]["ok"] is True, "numbers out of range: the last good line answered")
    d = tmpdir()
    path = os.path.join(d, "case.toml")
    with open(path, "w") as f:
        f.write('events = { received = 99999999999999999999 }\n')
    fails_clearly(run(["docket", path]), "a TOML integer out of range in a case file", "case.toml")
    with open(path, "w") as f:
        f.write('events = { received = inf }\nzone = nan\n')
    p = run(["docket", path])
    no_crash(p, "inf and nan in a TOML case file")
    check(b"invalid_time: event received: 'Infinity'" in p.stdout,
          f"inf in a TOML case file: each rule it triggers says the event is not a time ({p.stdout[:300]!r})")
    p = run(["calendar", "--from", "0001-01-01", "--to", "9999-12-31"])
    fails_clearly(p, "calendar over 9,999 years", "50 years")
    shutil.rmtree(d)


DATE = re.compile(rb"(?<![0-9])(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})(?![0-9])")


def real_dates(text, what):
    """Every YYYY-MM-DD in `text` is a real day of 0001-9999 (a date pushed past 9999-12-31
    must be an error, never a wrapped year such as 0000-01-01)."""
    for m in DATE.finditer(text):
        try:
            datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            check(False, f"{what}: {m.group(0)!r} is no day of 0001-9999 ({text[max(0, m.start() - 120):m.end() + 60]!r})")
            return


EXTREME_DAYS = ("0001-01-01", "9999-12-31", "0001-01-01T00:00Z", "9999-12-31T23:59:59-12:00",
                "0001-01-01T00:00+14:00", "9999-12-31T23:59[Pacific/Kiritimati]", "0001-01-01T00:00[Pacific/Pago_Pago]")


def extreme_dates():
    """0001-01-01 and 9999-12-31 (as days, instants and zoned times at both ends of the
    world's offsets) in every date field of every rule (each event, the act, tolling dates,
    calendar_as_of, with and without a display zone): every line answered, every answer
    a right one or a clear error, never a crash nor a date outside 0001-9999; the same
    through compute, docket, calendar and serve."""
    listing = json.loads(run(["rules", "list", "--json"]).stdout)
    rules = [r["id"] for r in listing] if isinstance(listing, list) else [r["id"] for r in listing["rules"]]
    events = ["effective", "performance_due", "instalment_due", "found_in_china", "recognition_effective",
              "served", "received", "accepted", "knew", "debtor_act", "harm", "measure", "published", "posted"]
    lines = []
    for day in EXTREME_DAYS:
        for rule in rules:
            ev = {k: ([day] if k == "instalment_due" else day) for k in events}
            for extra in ({}, {"act": day}, {"calendar_as_of": day[:10]}, {"zone": "Pacific/Kiritimati"},
                          {"zone": "Pacific/Pago_Pago", "act": day, "readings": {"event_zone": "local"}},
                          {"tolling": [{"kind": "interruption", "at": day},
                                       {"kind": "suspension", "from": day, "to": day},
                                       {"kind": "settlement", "at": day, "performance_due": day},
                                       {"kind": "agreed_after_expiry", "at": day}]},
                          {"act": "2020-01-01", "calendar_policy": "strict"}, {"calendar_policy": "project"}):
                lines.append(json.dumps({"id": len(lines), "rule": rule, "events": ev, **extra}))
        lines.append(json.dumps({"id": 0, "convention": "cn", "period": "P1D", "events": {"start": day}}))
    lines.append(GOOD % 1)
    stdin = "\n".join(lines).encode() + b"\n"
    a = batch_answers(stdin, "0001-01-01 and 9999-12-31 in every date field", dates=True)
    check(a and a[-1]["ok"] is True, "extreme dates: the last good line answered")
    for day in ("0001-01-01", "9999-12-31"):
        for rule in rules:
            p = run(["compute", rule, "--event", f"effective={day}", "--event", f"received={day}", "--act", day,
                     "--zone", "Pacific/Kiritimati", "--format", "json"])
            no_crash(p, f"compute {rule} on {day}")
            real_dates(p.stdout, f"compute {rule} on {day}")
        for args in (["--from", day, "--to", day], ["--from", day, "--to", day, "--as-of", day, "--json"],
                     ["--from", "2025-01-01", "--to", "2025-01-02", "--since", day]):
            p = run(["calendar", *args])
            no_crash(p, f"calendar {' '.join(args)}")
            real_dates(p.stdout, f"calendar {' '.join(args)}")
    d = tmpdir()
    for i, day in enumerate(EXTREME_DAYS):
        case = os.path.join(d, f"case{i}.json")
        with open(case, "w") as f:
            json.dump({"events": {k: ([day] if k == "instalment_due" else day) for k in events},
                       "act": day, "zone": "Pacific/Kiritimati", "calendar_as_of": day[:10],
                       "tolling": [{"kind": "interruption", "at": day}], "rules": ["*"]}, f)
        for fmt in ("json", "text"):
            p = run(["docket", case, "--format", fmt])
            no_crash(p, f"docket on {day} ({fmt})")
            real_dates(p.stdout, f"docket on {day} ({fmt})")
    shutil.rmtree(d)
    extreme_dates_served(lines)


def extreme_dates_served(lines):
    """The same through `qixian serve`: POST /v1/deadline, /v1/batch, /v1/docket and
    GET /v1/calendar at both ends, then a good request still answered."""
    sys.path.insert(0, os.path.join(source, "tests", "serve"))
    from serve_harness import Server  # noqa: E402  (tests/serve/, python3-jsonschema)
    server = Server(qixian)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)

        def call(method, path, body=None, ctype="application/json"):
            conn.request(method, path, body=body, headers={"Content-Type": ctype} if body is not None else {})
            r = conn.getresponse()
            data = r.read()
            check(r.status < 500, f"serve {method} {path}: status {r.status} ({data[:200]!r})")
            real_dates(data, f"serve {method} {path}")
            return r.status, data

        for line in lines[::7]:
            call("POST", "/v1/deadline", line.encode())
        call("POST", "/v1/batch", ("\n".join(lines[:400]) + "\n").encode(), "application/x-ndjson")
        for day in ("0001-01-01", "9999-12-31"):
            call("GET", f"/v1/calendar?from={day}&to={day}")
            call("GET", f"/v1/calendar?from={day}&to={day}&as_of={day}")
            call("POST", "/v1/docket", json.dumps({"events": {"received": day, "served": day, "effective": day},
                                                   "rules": ["cn.*"]}).encode())
            call("GET", f"/deadline?rule=cn.enforcement.application&lang=en&ev.effective.date={day}")
        status, data = call("POST", "/v1/deadline", (GOOD % 1).encode())
        check(status == 200 and json.loads(data)["ok"] is True, "serve: a good request after the extreme ones")
        conn.close()
    finally:
        check(server.stop() == 0, "serve: stops cleanly after the extreme dates")
    log = "".join(server.log)
    check(not any(m.decode() in log for m in CRASH_MARKS), f"serve: no crash report in its log ({log[-300:]!r})")


def tz_database():
    """The tz database missing or corrupt (/usr/share/zoneinfo replaced in a private mount
    namespace): the error names the database and the package to install (tzdata)."""
    d = tmpdir()
    empty = os.path.join(d, "empty")
    os.mkdir(empty)
    corrupt = os.path.join(d, "corrupt")
    shutil.copytree("/usr/share/zoneinfo", corrupt, symlinks=True)
    for name in ("Asia/Shanghai", "America/New_York", "tzdata.zi"):
        path = os.path.join(corrupt, name)
        if os.path.islink(path):
            os.remove(path)
        with open(path, "wb") as f:
            f.write(b"TZif2 not really\x00\x01garbage" * 3)
    for label, replacement in (("missing", empty), ("corrupt", corrupt)):
        for args in (["compute", "cn.enforcement.application", "--event", "effective=2023-06-30", "--zone", "America/New_York"],
                     ["compute", "cn.enforcement.application", "--event", "effective=2023-06-30"]):
            script = f'mount --bind "$1" /usr/share/zoneinfo && shift && exec "$@"'
            p = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh",
                                replacement, qixian, *args], capture_output=True, timeout=60)
            fails_clearly(p, f"tz database {label} ({' '.join(args[-2:])})", "/usr/share/zoneinfo", "tzdata")
        p = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                            'mount --bind "$1" /usr/share/zoneinfo && shift && exec "$@"', "sh", replacement, qixian,
                            "batch"], input=(GOOD % 1 + "\n").encode(), capture_output=True, timeout=60)
        # The pack's own convention needs Asia/Shanghai: the batch cannot run at all.
        fails_clearly(p, f"batch with the tz database {label}", "/usr/share/zoneinfo", "tzdata")
    shutil.rmtree(d)


FAULTS = {f.__name__: f for f in (stdout_closed_early, write_error, unreadable_files, vanishing_files, symlink_loop,
                                  long_line, nul_bytes, invalid_utf8, deep_json, numbers_out_of_range, extreme_dates,
                                  tz_database)}

if __name__ == "__main__":
    chosen = list(FAULTS) if sys.argv[3] == "all" else [sys.argv[3]]
    for name in chosen:
        FAULTS[name]()
    print(f"{', '.join(chosen)}: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)
