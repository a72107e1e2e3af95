#!/usr/bin/python3
"""`qixian batch` memory stays flat in the number of lines: the peak resident set of a
200,000-line batch is within 10% (plus 4 MiB of slack) of a 20,000-line one, the lines
alike (varied days, acts, zones, traces on). Not run in the sanitizer build, whose
allocator keeps freed memory in quarantine on purpose.

Usage: memory_test.py QIXIAN_BINARY"""
import os
import subprocess
import sys
import tempfile

qixian = sys.argv[1]


def write_lines(path, n):
    zones = ["America/New_York", "Europe/London", "Asia/Tokyo", ""]
    with open(path, "w") as f:
        for i in range(n):
            y, m, d = 2010 + i % 15, 1 + i % 12, 1 + i % 28
            zone = zones[i % 4]
            f.write('{"id":%d,"rule":"cn.enforcement.application","events":{"effective":"%04d-%02d-%02d"},'
                    '"act":"2020-04-08"%s}\n' % (i, y, m, d, ',"zone":"%s"' % zone if zone else ""))


def peak_rss_kib(path):
    with open(path) as stdin, open(os.devnull, "w") as out:
        p = subprocess.Popen([qixian, "batch"], stdin=stdin, stdout=out)
        _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit(f"batch failed with status {status}")
    return usage.ru_maxrss


with tempfile.TemporaryDirectory() as d:
    small, large = os.path.join(d, "20k.jsonl"), os.path.join(d, "200k.jsonl")
    write_lines(small, 20000)
    write_lines(large, 200000)
    a, b = peak_rss_kib(small), peak_rss_kib(large)
    print(f"peak RSS: 20,000 lines {a} KiB, 200,000 lines {b} KiB")
    if b > a * 1.10 + 4096:
        sys.exit("FAIL: batch memory grows with the number of lines")
print("ok")
