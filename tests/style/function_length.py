#!/usr/bin/env python3
"""No function in engine/src, tz/src or tools/qixian is longer than 120 lines (STYLE.md).

A function is found the way the sources are laid out (clang-format, namespaces not indented):
a line at column 0 that is not a namespace, a type or an initializer starts a signature, whose
body opens on the first line that ends with '{' and ends at the next line that starts with '}'.
Member functions defined inside a class body (indented) are not measured. Lambdas are counted inside the function
that holds them. Usage: function_length.py SOURCE_DIR [--limit N] [--list]
"""
import pathlib
import re
import sys

NOT_A_FUNCTION = re.compile(r"^(public|private|protected):|^(namespace|struct|class|enum|union|extern|template\s*<[^>]*>\s*(struct|class))\b")
DIRS = ["engine/src", "tz/src", "tools/qixian"]


def functions(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        starts = line and not line[0].isspace() and line[0] not in "}#/" and not NOT_A_FUNCTION.match(line)
        if starts and "=" not in line.split("(")[0]:
            # The signature may run over several lines: up to the one that ends with '{'.
            k = i
            while k < len(lines) and not lines[k].rstrip().endswith(("{", ";", "}")) and k - i < 8:
                k += 1
            if k < len(lines) and lines[k].rstrip().endswith("{"):
                j = k + 1
                while j < len(lines) and not lines[j].startswith("}"):
                    j += 1
                yield i + 1, j - i + 1, line.strip()
                i = j
        i += 1


def main():
    src = pathlib.Path(sys.argv[1])
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 120
    found = []
    for d in DIRS:
        for path in sorted((src / d).rglob("*.cpp")):
            for line, length, head in functions(path):
                found.append((length, f"{path.relative_to(src)}:{line}", head[:100]))
    found.sort(reverse=True)
    if "--list" in sys.argv:
        for f in found[:20]:
            print(*f)
    long_ones = [f for f in found if f[0] > limit]
    for length, where, head in long_ones:
        print(f"FAIL: {where}: {length} lines (limit {limit}): {head}")
    print(f"{len(found)} functions, the longest {found[0][0]} lines ({found[0][1]})")
    return 1 if long_ones else 0


if __name__ == "__main__":
    sys.exit(main())
