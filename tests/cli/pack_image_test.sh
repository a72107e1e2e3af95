#!/usr/bin/env bash
# The built-in pack, read from its build-time image, is the pack parsed from rules/ TOML:
# the same digests, every rule shown the same, the same calendar, and byte-identical answers
# on a varied corpus (run from the source directory, so that file paths, which the digests
# include, are the same).
# Usage: pack_image_test.sh QIXIAN_BINARY SOURCE_DIR
set -u
Q=$1
cd "$2" || exit 1
fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
[[ $("$Q" rules check --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["rule_pack_digest"], d["calendar_digest"])') == \
   $("$Q" rules check rules --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["rule_pack_digest"], d["calendar_digest"])') ]] \
  || bad "the digests of the embedded pack and of rules/ differ"
for r in $("$Q" rules list --json | python3 -c 'import json,sys; print(" ".join(x["id"] for x in json.load(sys.stdin)))'); do
  cmp -s <("$Q" rules show "$r" --json) <("$Q" --rules rules rules show "$r" --json) || bad "rules show $r differs"
  cmp -s <("$Q" rules show "$r") <("$Q" --rules rules rules show "$r") || bad "rules show $r (text, with file:line) differs"
done
cmp -s <("$Q" calendar --from 2000-01-01 --to 2026-12-31 --json) <("$Q" --rules rules calendar --from 2000-01-01 --to 2026-12-31 --json) \
  || bad "the calendar differs"
python3 tools/bench/batch_corpus.py "$Q" 3000 > "$dir/in.jsonl"
"$Q" batch --jobs 1 "$dir/in.jsonl" > "$dir/embedded"
"$Q" --rules rules batch --jobs 1 "$dir/in.jsonl" > "$dir/parsed"
[[ -s $dir/embedded ]] && cmp -s "$dir/embedded" "$dir/parsed" || bad "answers differ between the image and rules/"
[[ $fail -eq 0 ]] && echo "pack image: all checks passed"
exit $((fail > 0))
