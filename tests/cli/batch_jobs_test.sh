#!/usr/bin/env bash
# batch --jobs: the answers are byte for byte those of --jobs 1, in input order, whatever
# the number of threads; an interactive client is still answered line by line.
# Usage: batch_jobs_test.sh QIXIAN_BINARY SOURCE_DIR
set -u
Q=$1
SRC=$2
fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$SRC/tools/bench/batch_corpus.py" "$Q" 3000 > "$dir/in.jsonl" || bad "corpus"
"$Q" batch --jobs 1 "$dir/in.jsonl" > "$dir/j1" || bad "--jobs 1 exit"
[[ $(wc -l < "$dir/j1") -eq 3000 ]] || bad "--jobs 1: one answer per line"
grep -q '"ok":false' "$dir/j1" || bad "the corpus holds errors"
for j in 2 3 16; do
  "$Q" batch --jobs $j "$dir/in.jsonl" > "$dir/j$j" || bad "--jobs $j exit"
  cmp -s "$dir/j1" "$dir/j$j" || bad "--jobs $j differs from --jobs 1"
  "$Q" batch --jobs $j --no-trace < "$dir/in.jsonl" > "$dir/n$j" || bad "--jobs $j stdin exit"
done
"$Q" batch --jobs 1 --no-trace < "$dir/in.jsonl" > "$dir/n1"
cmp -s "$dir/n1" "$dir/n2" && cmp -s "$dir/n1" "$dir/n16" || bad "--no-trace from stdin differs across --jobs"
# The default (the machine's cores) gives the same answers.
"$Q" batch "$dir/in.jsonl" | cmp -s "$dir/j1" - || bad "default --jobs differs from --jobs 1"
"$Q" batch --jobs 0 "$dir/in.jsonl" > /dev/null 2>&1; [[ $? -eq 2 ]] || bad "--jobs 0 is a usage error"
# Interactive: each answer comes before the next request is sent, with several threads.
coproc BATCH { "$Q" batch --jobs 2 --no-trace; }
batch_pid=$BATCH_PID
exec {to_batch}>&"${BATCH[1]}" {from_batch}<&"${BATCH[0]}"
exec {BATCH[1]}>&-
for day in 2013-12-14 2018-08-27 2020-02-29; do
  printf '{"id":"%s","rule":"cn.enforcement.application","events":{"effective":"%s"}}\n' "$day" "$day" >&"$to_batch"
  reply=""
  read -t 10 -r reply <&"$from_batch"
  [[ $reply == "{\"id\":\"$day\",\"ok\":true,"* ]] || bad "interactive --jobs 2: no answer to $day"
done
exec {to_batch}>&-
wait "$batch_pid" || bad "interactive --jobs 2 exit"
exec {from_batch}<&-
[[ $fail -eq 0 ]] && echo "batch --jobs: all checks passed"
exit $((fail > 0))
