#!/usr/bin/python3
"""`qixian serve` over loopback: every endpoint, every bad input, the limits, the timeout,
the connection cap and the drain on SIGTERM. Every response is validated against the
server's own /openapi.json. Usage: api_test.py QIXIAN_BINARY"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Client, OpenAPI, Server  # noqa: E402

qixian = sys.argv[1]
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, flush=True)


ENF = {"rule": "cn.enforcement.application", "events": {"effective": "2023-06-30"}}


def raw(server, data, wait=5.0):
    """Sends bytes on a fresh connection and returns what comes back before it closes."""
    s = socket.create_connection(("127.0.0.1", server.port), timeout=wait)
    s.sendall(data)
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    except socket.timeout:
        pass
    s.close()
    return out


def test_reads(c):
    status, _, body = c.call("GET", "/healthz")
    check(status == 200 and json.loads(body) == {"status": "ok"}, "healthz")
    status, _, body = c.call("GET", "/v1/meta")
    meta = json.loads(body)
    check(status == 200 and meta["calendars"][0]["id"] == "cn.mainland", "meta names the calendar")
    check(meta["calendars"][0]["coverage"]["first"] == "2000-01-01", "meta gives the calendar coverage")
    check(len(meta["tz_database_version"]) >= 5, "meta gives the tz database version")
    status, _, body = c.call("GET", "/v1/rules")
    ids = [r["id"] for r in json.loads(body)["rules"]]
    check(status == 200 and "cn.enforcement.application" in ids, "rules lists the pack")
    status, _, body = c.call("GET", "/v1/rules/cn.enforcement.application")
    rule = json.loads(body)
    check(status == 200 and rule["name_zh"] == "申请执行期间", "one rule, with its Chinese name")
    check(any(p["period"] == "2 years" for v in rule["versions"] for p in v["periods"]), "the rule's periods")
    status, _, body = c.call("GET", "/v1/rules/no.such.rule")
    check(status == 404 and json.loads(body)["code"] == "unknown_rule", "unknown rule id: 404")
    status, _, body = c.call("GET", "/v1/calendar?from=2025-09-28&to=2025-10-11")
    days = json.loads(body)["days"]
    check(status == 200 and len(days) == 14, "calendar: one entry per day")
    check(days[0]["kind"] == "adjusted_working" and days[0]["working"], "2025-09-28 (Sunday) was an adjusted working day")
    check(days[3]["kind"] == "holiday" and not days[3]["working"], "2025-10-01 is a holiday")
    status, _, body = c.call("GET", "/v1/calendar?from=2025-13-01&to=2025-10-11")
    check(status == 400 and json.loads(body)["field"] == "from", "calendar: a bad day names the parameter")
    status, _, body = c.call("GET", "/v1/calendar?from=2025-01-01")
    check(status == 400 and json.loads(body)["field"] == "to", "calendar: 'to' is required")
    status, _, body = c.call("GET", "/openapi.json")
    check(status == 200 and json.loads(body)["openapi"] == "3.1.0", "openapi.json is OpenAPI 3.1")


def test_deadline(c):
    request = {"id": "case-17", **ENF, "act": "2025-07-10", "zone": "America/New_York"}
    status, headers, body = c.call("POST", "/v1/deadline", request)
    a = json.loads(body)
    check(status == 200 and headers["content-type"] == "application/json", "deadline: 200 JSON")
    check(a["id"] == "case-17" and a["last_day"] == "2025-06-30", "deadline: the last day (2025-06-30)")
    check(a["status"] == "late" and a["days_late"] == 10, "deadline: judged late by 10 days")
    check(a["ends_at_local"] == "2025-06-30T12:00:00-04:00", "deadline: the end in the requested zone")
    # The same line through `qixian batch` gives the same answer, byte for byte.
    line = json.dumps(request, ensure_ascii=False)
    batch = subprocess.run([qixian, "batch"], input=line.encode(), capture_output=True, check=True).stdout
    check(batch.rstrip(b"\n") == body, "deadline answer == qixian batch's answer for the same line")
    for how in ({"headers": {"Accept": "text/calendar"}}, {"path": "/v1/deadline?format=ics"}):
        status, headers, body = c.call("POST", how.get("path", "/v1/deadline"), ENF, how.get("headers"))
        check(status == 200 and headers["content-type"].startswith("text/calendar"), "ICS by %s" % how)
        check(b"DTSTART;VALUE=DATE:20250630\r\n" in body, "ICS event on the last day (%s)" % how)


def test_bad_deadlines(c):
    status, headers, body = c.call("POST", "/v1/deadline", '{"rule": "cn.enforcement.application", "events": {')
    p = json.loads(body)
    check(status == 400 and headers["content-type"] == "application/problem+json", "malformed JSON: 400 problem")
    check(p["type"] == "urn:qixian:problem:invalid_request" and p["status"] == 400, "problem type and status")
    status, _, body = c.call("POST", "/v1/deadline", {**ENF, "evnts": {}})
    p = json.loads(body)
    check(status == 400 and p["field"] == "evnts" and "evnts" in p["detail"], "unknown field: 400 naming it")
    status, _, body = c.call("POST", "/v1/deadline", {"rule": "cn.enforcement.application", "events": {"effective": "2023-02-30"}})
    p = json.loads(body)
    check(status == 422 and p["code"] == "invalid_date" and p["field"] == "events.effective", "bad date: 422 naming the event")
    status, _, body = c.call("POST", "/v1/deadline", {"rule": "cn.enforcement.application", "events": {}})
    p = json.loads(body)
    check(status == 422 and p["code"] == "missing_event" and p["field"] == "events", "missing event: 422")
    status, _, body = c.call("POST", "/v1/deadline", {**ENF, "zone": "Mars/Olympus"})
    p = json.loads(body)
    check(status == 422 and p["code"] == "unknown_zone" and p["field"] == "zone", "unknown zone: 422 naming zone")
    status, _, body = c.call("POST", "/v1/deadline", {"rule": "no.such", "events": {"effective": "2023-06-30"}})
    check(status == 422 and json.loads(body)["field"] == "rule", "unknown rule: 422 naming rule")
    status, _, body = c.call("POST", "/v1/deadline", "<xml/>", {"Content-Type": "application/xml"})
    check(status == 415, "XML body: 415")
    # The connection is still good after all of that.
    status, _, body = c.call("POST", "/v1/deadline", ENF)
    check(status == 200 and json.loads(body)["last_day"] == "2025-06-30", "bad requests do not affect the next")


def test_methods_and_paths(c):
    status, headers, _ = c.call("GET", "/v1/deadline")
    check(status == 405 and headers.get("allow") == "POST", "GET /v1/deadline: 405 with Allow: POST")
    status, headers, _ = c.call("DELETE", "/v1/rules")
    check(status == 405 and headers.get("allow") == "GET", "DELETE /v1/rules: 405 with Allow: GET")
    status, _, body = c.call("GET", "/v1/nothing")
    check(status == 404 and json.loads(body)["code"] == "not_found", "unknown API path: 404 problem")
    status, _, _ = c.call("GET", "/nothing.html")
    check(status == 404, "unknown page: 404")
    status, headers, _ = c.call("POST", "/")
    check(status == 405 and headers.get("allow") == "GET", "POST /: 405")


def test_batch(c, server):
    lines = [json.dumps({"id": 1, **ENF}), "not json", json.dumps({"id": 3, **ENF, "oops": 1}), "",
             json.dumps({"id": 5, "rule": "cn.appeal.judgment", "events": {"served": "2025-09-25"}, "facts": {"domicile": "china"}})]
    text = "\n".join(lines) + "\n"
    status, headers, body = c.call("POST", "/v1/batch", text, {"Content-Type": "application/x-ndjson"})
    out = body.decode().splitlines()
    check(status == 200 and headers.get("transfer-encoding") == "chunked", "batch: streamed (chunked)")
    check(len(out) == 5, "batch: one answer per line")
    answers = [json.loads(x) for x in out]
    check([a.get("line") for a in answers] == [None, 2, 3, 4, None], "batch: errors carry their line")
    check(answers[0]["last_day"] == "2025-06-30" and answers[4]["ok"], "batch: answers in order")
    cli = subprocess.run([qixian, "batch"], input=text.encode(), capture_output=True, check=True).stdout
    check(cli == body, "batch over HTTP == qixian batch, byte for byte")
    # Many lines: answered in order across chunks.
    many = "".join(json.dumps({"id": i, **ENF}) + "\n" for i in range(3000))
    status, _, body = c.call("POST", "/v1/batch", many, {"Content-Type": "application/x-ndjson"})
    ids = [json.loads(x)["id"] for x in body.decode().splitlines()]
    check(status == 200 and ids == list(range(3000)), "batch: 3000 lines in order")


def test_docket(c):
    case = {"events": {"received": "2025-03-03"}, "rules": ["cn.payment-order.*"]}
    status, _, body = c.call("POST", "/v1/docket", case)
    d = json.loads(body)
    check(status == 200 and len(d["deadlines"]) >= 1, "docket: deadlines")
    status, headers, body = c.call("POST", "/v1/docket?format=ics", case)
    check(status == 200 and body.count(b"BEGIN:VEVENT") == sum(1 for e in d["deadlines"] if e.get("last_day")),
          "docket ICS: one event per timed deadline")
    status, _, body = c.call("POST", "/v1/docket", {"events": {"received": "2025-03-03"}, "rules": ["zz.*"]})
    check(status == 422 and json.loads(body)["code"] == "unknown_rule", "docket: a rules filter matching nothing")
    status, _, body = c.call("POST", "/v1/docket", "{")
    check(status == 400, "docket: malformed JSON")


def test_recheck(c):
    request = {"id": "r1", **ENF}
    _, _, body = c.call("POST", "/v1/deadline", request)
    answer = json.loads(body)
    stale = json.loads(body)
    stale["last_day"] = "2025-07-01"
    stale["provenance"]["calendar_digest"] = "0000000000000000"
    stale["provenance"]["tz_database_version"] = "2024a"
    old_version = json.loads(body)
    old_version["version"] = "2017-07-01"
    old_version["last_day"] = "2025-06-29"
    stored = [{"request": request, "answer": answer}, {"request": {**request, "id": "r2"}, "answer": stale},
              {"request": {**request, "id": "r3"}, "answer": old_version}, {"request": request}]
    text = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stored)
    status, _, body = c.call("POST", "/v1/recheck", text, {"Content-Type": "application/x-ndjson"})
    out = [json.loads(x) for x in body.decode().splitlines()]
    if len(out) != 3:
        print(body.decode())
    check(status == 200 and [o["line"] for o in out] == [2, 3, 4], "recheck: only changed (and bad) lines, in order")
    check(out[0]["old_last_day"] == "2025-07-01" and out[0]["new_last_day"] == "2025-06-30", "recheck: old and new last day")
    kinds = [c["kind"] for c in out[0]["causes"]]
    check(kinds == ["calendar", "tzdata"], "recheck: causes calendar and tzdata, got %s" % kinds)
    check(out[1]["causes"][0] == {"kind": "rule_version", "old": "2017-07-01", "new": "2022-01-01"}, "recheck: rule version cause")
    check(out[2]["ok"] is False and out[2]["error"]["code"] == "invalid_request", "recheck: a line without answer")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(text)
    cli = subprocess.run([qixian, "recheck", f.name], capture_output=True, check=True).stdout
    os.unlink(f.name)
    check(cli == body, "qixian recheck FILE == POST /v1/recheck")


def test_pages(c):
    status, headers, body = c.call("GET", "/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"})
    check(status == 200 and b'<html lang="zh-CN">' in body, "page: Accept-Language zh gives Chinese")
    status, _, body = c.call("GET", "/?lang=en", headers={"Accept-Language": "zh-CN"})
    check(b'<html lang="en">' in body, "page: the switch overrides Accept-Language")
    check("content-security-policy" in headers, "page: a Content-Security-Policy")
    status, _, body = c.call("GET", "/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    check(b"<script>" not in body and b"&lt;script&gt;" in body, "page: the search echoed escaped")
    status, _, body = c.call("GET", "/?q=%E6%89%A7%E8%A1%8C&lang=zh")  # 执行
    check(b"cn.enforcement.application" in body and b"cn.appeal.judgment" not in body, "page: search by Chinese name")
    q = "/deadline?rule=cn.enforcement.application&lang=en&ev.effective.date=2023-06-30&zone=%22%3E%3Cb%3E"
    status, _, body = c.call("GET", q)
    check(status == 400 and b'"><b>' not in body and b"&quot;&gt;&lt;b&gt;" in body, "page: bad zone echoed escaped")
    check(b'id="zone-error"' in body, "page: the zone's error beside the zone field")
    status, _, body = c.call("GET", "/deadline?rule=cn.enforcement.application&lang=en")
    check(status == 400 and b'id="events-error"' in body, "page: a form without its event, message beside the events")
    status, _, body = c.call("GET", "/deadline?rule=cn.enforcement.application&lang=en&ev.effective.date=2023-06-30")
    check(status == 200 and b'datetime="2025-06-30">2025-06-30</time> <span class="weekday">Monday' in body,
          "page: the last day with its weekday")
    status, headers, body = c.call("GET", "/deadline?rule=cn.enforcement.application&ev.effective.date=2023-06-30&format=ics")
    check(status == 200 and b"DTSTART;VALUE=DATE:20250630" in body, "page: the .ics download")
    status, _, body = c.call("GET", "/docket?lang=en&events=received%3D2025-03-03&rules=cn.payment-order.*")
    check(status == 200 and b'id="docket"' in body, "docket page")
    status, _, body = c.call("GET", "/docket?lang=en&events=received")
    check(status == 400 and b'id="events-error"' in body, "docket page: a bad line, message beside the events")


def test_limits(server):
    big = json.dumps({**ENF, "id": "x" * 5000}).encode()
    reply = raw(server, b"POST /v1/deadline HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                % len(big) + big)
    check(reply.startswith(b"HTTP/1.1 413"), "body over --max-body: 413")
    reply = raw(server, b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + b"a" * 3000 + b"\r\n\r\n")
    check(reply.startswith(b"HTTP/1.1 431"), "header over --max-header: 431")
    reply = raw(server, b"GARBAGE\r\n\r\n")
    check(reply.startswith(b"HTTP/1.1 400"), "not HTTP: 400")
    # A slow client: half a request, then nothing. The server closes the connection after
    # the whole-request timeout (1 s here), even though bytes keep trickling in.
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    start = time.monotonic()
    s.sendall(b"POST /v1/deadline HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{")
    closed = False
    try:
        for _ in range(40):
            s.sendall(b" ")
            time.sleep(0.1)
    except OSError:
        closed = True
    if not closed:
        try:
            closed = s.recv(100) == b""
        except OSError:
            closed = True
    elapsed = time.monotonic() - start
    s.close()
    check(closed and elapsed < 4.5, "slow client closed after the timeout (%.1f s)" % elapsed)


def test_connection_cap(server):
    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(4)]
    time.sleep(0.3)
    reply = raw(server, b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
    check(reply.startswith(b"HTTP/1.1 503"), "connection over --max-connections: 503")
    for s in idle:
        s.close()
    time.sleep(0.3)
    reply = raw(server, b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    check(reply.startswith(b"HTTP/1.1 200"), "after they close, connections are accepted again")


def test_drain(server):
    # A request in flight when SIGTERM arrives is answered; then the server stops.
    body = json.dumps(ENF).encode()
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(b"POST /v1/deadline HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
              % len(body) + body[:10])
    idle = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    time.sleep(0.3)
    server.proc.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    s.sendall(body[10:])
    reply = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        reply += chunk
    check(reply.startswith(b"HTTP/1.1 200") and b'"last_day":"2025-06-30"' in reply, "in-flight request answered on SIGTERM")
    check(b"Connection: close" in reply, "and its connection closed")
    check(idle.recv(10) == b"", "an idle connection is closed on SIGTERM")
    check(server.proc.wait(timeout=15) == 0, "the server exits 0 after draining")


def main():
    server = Server(qixian, "--timeout", "1", "--max-connections", "4", "--max-body", "4096",
                    "--max-header", "2048", "--threads", "2")
    try:
        c0 = Client(server, None)
        _, _, doc = c0.call("GET", "/openapi.json")
        c0.close()
        api = OpenAPI(json.loads(doc))
        c = Client(server, api)
        for test in (test_reads, test_deadline, test_bad_deadlines, test_methods_and_paths, test_docket,
                     test_recheck, test_pages):
            test(c)
            c.close()  # a fresh connection per group (the server's keep-alive timeout is 1 s here)
        test_batch(c, server)
        c.close()
        test_limits(server)
        test_connection_cap(server)
        log = "".join(server.log)
        check("qixian serve: POST /v1/deadline 200 " in log and "us\n" in log, "one log line per request")
        check("case-17" not in log and "evnts" not in log, "no request bodies in the log")
        check("GET /?" not in log and "<script>" not in log, "no query strings in the log")
        test_drain(server)
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


main()
