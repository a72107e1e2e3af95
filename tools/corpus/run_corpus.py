#!/usr/bin/env python3
"""Runs a corpus (tools/corpus/gen_corpus.py) through a qixian binary and writes what it
answered into OUTDIR: batch.jsonl (every line through `qixian batch`), and explain.txt
(the first M lines, default 400, as `qixian explain` command lines in English and in
Chinese, with each command's exit status and output). Comparing two OUTDIRs with
`diff -r` shows every answer a change altered.

Usage: tools/corpus/run_corpus.py QIXIAN_BINARY CORPUS OUTDIR [M]
"""
import json
import os
import subprocess
import sys


def cli_args(req):
    args = [req["rule"]]
    for k, v in req.get("events", {}).items():
        if k == "instalment_due":
            for d in v:
                args += ["--instalment", d]
        else:
            args += ["--event", f"{k}={v}"]
    for k, v in req.get("facts", {}).items():
        args += ["--fact", f"{k}={v}"]
    for k, v in req.get("readings", {}).items():
        args += ["--reading", f"{k}={v}"]
    if "act" in req:
        args += ["--act", req["act"]]
    if "zone" in req:
        args += ["--zone", req["zone"]]
    if "calendar_as_of" in req:
        args += ["--as-of", req["calendar_as_of"]]
    if req.get("provisional"):
        args += ["--provisional"]
    if "local_times" in req:
        args += ["--local-time", req["local_times"]]
    for t in req.get("tolling", []):
        k = t["kind"]
        if k == "suspension":
            args += ["--suspension", f"{t['from']}..{t['to']}"]
        elif k == "settlement":
            args += ["--settlement", t["at"] + (".." + t["performance_due"] if "performance_due" in t else "")]
        elif k == "agreed_after_expiry":
            args += ["--agreed-after-expiry", t["at"]]
        elif t.get("addressee") == "third_party":
            args += ["--demand-to-third-party", t["at"]]
        else:
            args += ["--interruption", t["at"]]
    return args


def main():
    binary, corpus, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
    m = int(sys.argv[4]) if len(sys.argv) > 4 else 400
    os.makedirs(outdir, exist_ok=True)
    with open(corpus, "rb") as inp, open(os.path.join(outdir, "batch.jsonl"), "wb") as out:
        subprocess.run([binary, "batch"], stdin=inp, stdout=out, check=True)
    with open(corpus, encoding="utf-8") as inp, open(os.path.join(outdir, "explain.txt"), "w", encoding="utf-8") as out:
        done = 0
        for line in inp:
            if done >= m:
                break
            try:
                req = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "rule" not in req:
                continue
            done += 1
            args = cli_args(req)
            for lang, fmt in (("en", "text"), ("zh", "text"), ("en", "json")):
                cmd = [binary, "explain"] + args + ["--lang", lang, "--format", fmt]
                p = subprocess.run(cmd, capture_output=True, text=True)
                out.write(f"$ explain {' '.join(args)} --lang {lang} --format {fmt}\n[exit {p.returncode}]\n")
                out.write(p.stdout)
                out.write(p.stderr)


if __name__ == "__main__":
    main()
