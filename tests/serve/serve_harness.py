"""Shared by the server tests: start `qixian serve` on an ephemeral loopback port, stop it,
and validate every response against the OpenAPI 3.1 document the server publishes
(Debian's python3-jsonschema, draft 2020-12)."""
import http.client
import json
import re
import signal
import subprocess
import threading

import jsonschema


class Server:
    """`qixian serve --listen 127.0.0.1:0 ARGS…`; the port is read from its first log line.
    Its log (stderr) is collected in `log`."""

    def __init__(self, qixian, *args):
        self.proc = subprocess.Popen([qixian, "serve", "--listen", "127.0.0.1:0", *args],
                                     stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        first = self.proc.stderr.readline().decode()
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", first)
        if not m:
            self.proc.kill()
            raise RuntimeError("server did not start: " + first)
        self.port = int(m.group(1))
        self.log = [first]
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()

    def _read_log(self):
        for line in self.proc.stderr:
            self.log.append(line.decode(errors="replace"))

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def stop(self, sig=signal.SIGTERM, timeout=20):
        """Sends `sig` and waits; returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        status = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)
        return status


class OpenAPI:
    """The server's /openapi.json; `check` validates one response against it."""

    def __init__(self, doc):
        self.doc = doc
        jsonschema.Draft202012Validator.check_schema({**doc["components"]["schemas"]["Answer"]})
        self.templates = []
        for path in doc["paths"]:
            pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$"
            self.templates.append((re.compile(pattern), path))

    def schema_for(self, ref_or_schema):
        # The whole document is the root, so that "#/components/schemas/…" resolves.
        return {**{k: v for k, v in self.doc.items() if k != "paths"}, **ref_or_schema}

    def validate(self, schema, value, what):
        root = self.schema_for(schema)
        jsonschema.Draft202012Validator(root).validate(value)

    def check(self, method, path, status, content_type, body):
        """Raises when the response is not documented or does not match its schema."""
        path = path.split("?")[0]
        matches = [t for rx, t in self.templates if rx.match(path)]
        if not matches:
            # Undocumented paths answer 404 problems; those follow the Problem schema.
            assert status == 404, "%s %s: undocumented path answered %d" % (method, path, status)
            self.validate({"$ref": "#/components/schemas/Problem"}, json.loads(body), path)
            return
        template = sorted(matches, key=len)[-1] if path not in matches else path
        operations = self.doc["paths"][template]
        if method.lower() not in operations:
            assert status == 405, "%s %s: answered %d, not 405" % (method, path, status)
            self.validate({"$ref": "#/components/schemas/Problem"}, json.loads(body), path)
            return
        responses = operations[method.lower()]["responses"]
        assert str(status) in responses, "%s %s: status %d is not documented" % (method, path, status)
        media = (content_type or "").split(";")[0].strip()
        content = responses[str(status)].get("content", {})
        assert media in content, "%s %s %d: %s is not documented (%s)" % (method, path, status, media, list(content))
        entry = content[media]
        if media in ("application/json", "application/problem+json"):
            self.validate(entry["schema"], json.loads(body), path)
        elif "x-jsonl-item" in entry:
            for line in body.decode().splitlines():
                self.validate(entry["x-jsonl-item"], json.loads(line), path)
        elif media == "text/calendar":
            assert body.startswith(b"BEGIN:VCALENDAR\r\n"), "an RFC 5545 calendar"
        elif media == "text/html":
            assert body.startswith(b"<!DOCTYPE html>"), "an HTML page"


class Client:
    """HTTP over one keep-alive connection; each response is checked against the OpenAPI."""

    def __init__(self, server, api):
        self.server, self.api = server, api
        self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)

    def call(self, method, path, body=None, headers=None, check=True):
        hdrs = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False).encode()
            hdrs.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            body = body.encode()
        try:
            self.conn.request(method, path, body=body, headers=hdrs)
            r = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed an idle keep-alive connection: open a new one.
            self.conn.close()
            self.conn.request(method, path, body=body, headers=hdrs)
            r = self.conn.getresponse()
        data = r.read()
        if check and self.api is not None:
            self.api.check(method, path, r.status, r.getheader("Content-Type"), data)
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data

    def close(self):
        self.conn.close()
