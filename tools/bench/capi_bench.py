"""Throughput of the Python package on a file of request lines: Engine.compute on each
request (a dict in, a dict out: JSON encoding and decoding included), then Engine.batch
over all of them. Every answer must be a deadline. Times are CPU time (process_time).
Usage: QIXIAN_LIBRARY=… PYTHONPATH=python python3 capi_bench.py FILE [--no-trace]"""
import json
import sys
import time

import qixian


def main() -> None:
    trace = "--no-trace" not in sys.argv[2:]
    what = "with traces" if trace else "no traces"
    with open(sys.argv[1], encoding="utf-8") as f:
        requests = [json.loads(line) for line in f]
    engine = qixian.Engine()
    n = len(requests)
    start = time.process_time()
    answers = [engine.compute(r, trace=trace) for r in requests]
    seconds = time.process_time() - start
    assert all(a["ok"] for a in answers) and len(answers) == n
    print(f"Python, Engine.compute per request: {n} lines in {seconds:.2f} CPU s: {n / seconds:.0f} lines per CPU second ({what})")
    start = time.process_time()
    answers = list(engine.batch(requests, trace=trace))
    seconds = time.process_time() - start
    assert all(a["ok"] for a in answers) and len(answers) == n
    print(f"Python, Engine.batch over all: {n} lines in {seconds:.2f} CPU s: {n / seconds:.0f} lines per CPU second ({what})")


if __name__ == "__main__":
    main()
