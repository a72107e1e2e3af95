#!/usr/bin/env bash
# A short libFuzzer run of one target: SECONDS from the seed corpus (new inputs go to a
# scratch directory; the corpus in the tree is not changed), then every regression input.
# A crash prints libFuzzer's report (with the input) and fails the test.
# Usage: smoke.sh FUZZER SECONDS CORPUS_DIR REGRESSIONS_DIR DICT
set -euo pipefail
fuzzer=$1 seconds=$2 corpus=$3 regressions=$4 dict=$5
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/new"
if ! "$fuzzer" -max_total_time="$seconds" -timeout=120 -rss_limit_mb=2560 -max_len=65536 -dict="$dict" \
        -artifact_prefix="$scratch/" -print_final_stats=1 "$scratch/new" "$corpus" >"$scratch/log" 2>&1; then
    cat "$scratch/log"
    exit 1
fi
grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$scratch/log"
shopt -s nullglob
inputs=("$regressions"/*)
if ((${#inputs[@]})) && ! "$fuzzer" "${inputs[@]}" >"$scratch/log" 2>&1; then
    cat "$scratch/log"
    exit 1
fi
echo "regressions: ${#inputs[@]} inputs ran"
