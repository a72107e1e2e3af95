#!/usr/bin/env bash
# Installs qixian from the build tree into a temporary prefix, builds the example
# consumer (tools/examples/docketing) against the installed package with
# find_package(qixian), runs it, and checks its output. A broken install fails here.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
test -x "$tmp/prefix/bin/qixian"
test -f "$tmp/prefix/include/qixian/qixian.hpp"
test -f "$tmp/prefix/lib/cmake/qixian/qixianConfig.cmake" || test -f "$tmp/prefix/lib64/cmake/qixian/qixianConfig.cmake"
"$tmp/prefix/bin/qixian" --version | grep -q "qixian "
cmake -S "$src/tools/examples/docketing" -B "$tmp/example" -DCMAKE_PREFIX_PATH="$tmp/prefix" > "$tmp/configure.log" 2>&1 \
    || { cat "$tmp/configure.log"; exit 1; }
cmake --build "$tmp/example" > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
out=$("$tmp/example/docketing")
echo "$out"
expected="cn.enforcement.application: last day 2025-06-30, ends 2025-06-30T16:00:00Z = 2025-06-30T12:00:00-04:00 (中华人民共和国民事诉讼法（2021年修正） art. 246)"
grep -qF "$expected" <<<"$out" || { echo "FAIL: missing: $expected"; exit 1; }
grep -qF "cn.appeal.judgment: last day 2024-10-21" <<<"$out" || { echo "FAIL: appeal (abroad, 30 days)"; exit 1; }
grep -qF "cn.civil.revocation: last day 2025-06-04" <<<"$out" || { echo "FAIL: revocation"; exit 1; }
grep -qF "cn.enforcement.application: error invalid_date" <<<"$out" || { echo "FAIL: error value"; exit 1; }
echo "1 passed, 0 failed"
