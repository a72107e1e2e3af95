#!/usr/bin/env python3
"""Every code the sources raise has a Chinese message in the catalog (engine/src/messages.cpp).

Codes looked for: the errc spellings (engine/include/qixian/error.hpp), the rule-file
diagnostic codes ("E0203", "W0305" in engine/src), the server's problem codes
(tools/qixian/serve), the CLI's usage codes (tools/qixian) and the C API's own codes
(capi/include/qixian/qixian.h). Every template of the catalog names a code the catalog has.

Usage: catalog_test.py SOURCE_DIR
"""
import glob
import os
import re
import sys

SRC = sys.argv[1]


def read(*patterns):
    text = ""
    for p in patterns:
        for f in sorted(glob.glob(os.path.join(SRC, p), recursive=True)):
            text += open(f, encoding="utf-8").read()
    return text


def main():
    messages = read("engine/src/messages.cpp")
    body = messages[messages.index("constexpr message_code catalog[]"):]
    body = body[:body.index("};")]
    codes = set(re.findall(r'\{"([^"]+)", "[^"]*"\}', body))
    wanted = {}
    error_hpp = read("engine/include/qixian/error.hpp")
    enum = error_hpp[error_hpp.index("enum class errc"):]
    enum = enum[:enum.index("};")]
    for name in re.findall(r"^\s*(\w+) = \d+,", enum, re.M):
        wanted[name] = "errc (error.hpp)"
    for name in re.findall(r'"([EW]\d{4})"', read("engine/src/**/*.cpp", "engine/src/**/*.hpp")):
        wanted[name] = "diagnostic code (engine/src)"
    for name in re.findall(r'problem\(\d+, "(\w+)"', read("tools/qixian/serve/*.cpp")):
        wanted[name] = "server problem (tools/qixian/serve)"
    for name in re.findall(r'"(usage(?:\.\w+)?)"', read("tools/qixian/*.cpp")):
        wanted[name] = "usage code (tools/qixian)"
    for name in re.findall(r'\("(\w+)"\)', read("capi/include/qixian/qixian.h")):
        wanted[name] = "C API code (qixian.h)"
    missing = sorted(c for c in wanted if c not in codes)
    for c in missing:
        print(f"FAIL: {c} ({wanted[c]}) has no Chinese message in engine/src/messages.cpp")
    templates = messages[messages.index("constexpr message_template templates[]"):]
    templates = templates[:templates.index("\n};")]
    for code in re.findall(r'^\s*\{"([^"]*)",', templates, re.M):
        if code not in codes and code not in ("", "note"):
            print(f"FAIL: a template names {code!r}, which the catalog does not have")
            missing.append(code)
    print(f"{len(wanted)} codes raised, {len(codes)} in the catalog")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
