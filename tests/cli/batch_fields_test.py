#!/usr/bin/env python3
"""batch --fields and a request's "fields": lean answers hold exactly the fields asked for (with
id and ok, and line and error on an error), with the same values as the full answer; every field
a full answer holds is a known answer field (tools/qixian/fields.cpp), so a new field is never
silently dropped; unknown names are errors.
Usage: batch_fields_test.py QIXIAN_BINARY SOURCE_DIR"""
import json, re, subprocess, sys, tempfile, os

q, src = sys.argv[1], sys.argv[2]
# The corpus's size: 2000 lines; fewer under the sanitizers (tests/CMakeLists.txt), where each
# of this test's hundred-odd runs of the CLI costs some ten times as much.
N = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
failures = []
def check(cond, what):
    if not cond: failures.append(what)

known = re.findall(r'"([a-z_]+)"', open(os.path.join(src, 'tools/qixian/fields.cpp')).read().split('answer_fields()')[1].split('};')[0])
corpus = subprocess.check_output([sys.executable, os.path.join(src, 'tools/bench/batch_corpus.py'), q, str(N)], text=True)
def batch(*args, text=corpus):
    r = subprocess.run([q, 'batch', *args], input=text, capture_output=True, text=True)
    return r.returncode, [json.loads(l) for l in r.stdout.splitlines()], r.stderr

rc, full, _ = batch('--jobs', '1')
check(rc == 0 and len(full) == N, 'full batch answers every line')
seen = {k for a in full for k in a}
check(seen <= set(known), f'fields a full answer holds but fields.cpp does not list: {sorted(seen - set(known))}')
# Every field a trace step holds is a known step field (docs/TRACE.md), and so is every field of its items.
fields_cpp = open(os.path.join(src, 'tools/qixian/fields.cpp')).read()
step_known = re.findall(r'"([a-z_]+)"', fields_cpp.split('trace_step_fields()')[1].split('};')[0])
items_known = re.findall(r'"([a-z_]+)"', fields_cpp.split('items_fields()')[1].split('};')[0])
steps = [t for a in full for t in a.get('trace', [])]
check(len(steps) > 0, 'the full answers carry their traces')
step_seen = {k for t in steps for k in t}
check(step_seen <= set(step_known), f'fields a trace step holds but fields.cpp does not list: {sorted(step_seen - set(step_known))}')
items_seen = {k for t in steps for i in t.get('items', []) for k in i}
check(items_seen <= set(items_known), f'fields a step item holds but fields.cpp does not list: {sorted(items_seen - set(items_known))}')
check(all('code' in t and 'step' in t and 'detail' in t and 'citations' in t for t in steps), 'every step has step, detail, citations and code')
for t in steps:  # the keys in the order fields.cpp lists them
    order = [step_known.index(k) for k in t if k in step_known]
    if order != sorted(order):
        check(False, f'trace step fields out of order: {list(t)}'); break
rc, every, _ = batch('--fields', ','.join(known))
check(every == full, '--fields with every answer field is the full answer')

rc, lean, _ = batch('--fields', 'last_day, status', '--jobs', '2')
check(rc == 0 and len(lean) == len(full), 'lean batch answers every line')
for f, l in zip(full, lean):
    want = {k: v for k, v in f.items() if k in ('id', 'ok', 'line', 'error', 'last_day', 'status')}
    if l != want:
        check(False, f'lean answer {l} is not {want}'); break
check(any('status' in l for l in lean) and any('last_day' in l for l in lean), 'lean answers carry the fields asked for')

# A request's own "fields" takes precedence over --fields; a misspelt name is an error for that line only.
lines = '\n'.join([
    '{"id":"a","rule":"cn.enforcement.application","events":{"effective":"2023-06-30"},"fields":["ends_at_utc"]}',
    '{"id":"b","rule":"cn.enforcement.application","events":{"effective":"2023-06-30"},"fields":["lastday"]}',
    '{"id":"c","rule":"cn.enforcement.application","events":{"effective":"2023-06-30"},"fields":"last_day"}',
    '{"id":"d","rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}}']) + '\n'
rc, out, _ = batch('--fields', 'last_day', text=lines)
check(out[0] == {'id': 'a', 'ok': True, 'ends_at_utc': '2025-06-30T16:00:00Z'}, f'request fields: {out[0]}')
check(out[1]['ok'] is False and out[1]['error']['code'] == 'invalid_request' and 'lastday' in out[1]['error']['message'], f'misspelt request field: {out[1]}')
check(out[2]['ok'] is False and 'fields' in out[2]['error']['message'], f'fields not an array: {out[2]}')
check(out[3] == {'id': 'd', 'ok': True, 'last_day': '2025-06-30'}, f'--fields applies to a request without its own: {out[3]}')
# Without the trace among the fields, none is computed: the answer is the same either way.
rc, out, _ = batch('--fields', 'trace', text=lines.splitlines()[3] + '\n')
check('trace' in out[0] and len(out[0]['trace']) > 0, 'the trace when asked for')
rc, _, err = batch('--fields', 'last_day,nope', text='')
check(rc == 2 and 'nope' in err, f'--fields with an unknown name is a usage error: {rc} {err}')
rc, _, err = batch('--fields', '', text='')
check(rc == 0, 'an empty --fields is all fields')

# --citations ids: every citation, in the answer and in each trace step, becomes an id that
# `rules show` resolves to the same authority; nothing else changes.
rc, ids, _ = batch('--citations', 'ids', '--jobs', '2')
check(rc == 0 and len(ids) == len(full), 'ids batch answers every line')
pairs = {}
def key_of(obj):
    return (obj['instrument'], obj['article'], obj.get('paragraph', ''))
trace_ids = {}
for f, i in zip(full, ids):
    if not f.get('ok'):
        check(f == i, 'an error answer is the same with ids'); continue
    check(len(f['citations']) == len(i['citations']), 'as many ids as citations')
    for c, cid in zip(f['citations'], i['citations']): pairs.setdefault(cid, set()).add(key_of(c))
    for ft, it in zip(f.get('trace', []), i.get('trace', [])):
        check(len(ft['citations']) == len(it['citations']), 'as many ids as citations in a trace step')
        for c, cid in zip(ft['citations'], it['citations']): trace_ids.setdefault(cid, set()).add(c)
    rest_f = {k: v for k, v in f.items() if k not in ('citations', 'trace')}
    rest_i = {k: v for k, v in i.items() if k not in ('citations', 'trace')}
    if rest_f != rest_i: check(False, f'ids change nothing but citations: {rest_i}'); break
check(len(pairs) > 20, f'the corpus cites many authorities ({len(pairs)})')
for cid, texts in pairs.items():
    check(re.fullmatch(r'cite:[0-9a-f]{12}', cid) is not None, f'id form {cid}')
    check(len(texts) == 1, f'{cid} stands for one authority, not {texts}')
    r = subprocess.run([q, 'rules', 'show', cid, '--json'], capture_output=True, text=True)
    check(r.returncode == 0 and key_of(json.loads(r.stdout)) in texts, f'rules show {cid} resolves it: {r.stdout} {texts}')
for cid, texts in trace_ids.items():  # the trace's citations, as text: one authority each, resolved to it
    r = subprocess.run([q, 'rules', 'show', cid, '--json'], capture_output=True, text=True)
    check(len(texts) == 1 and r.returncode == 0 and json.loads(r.stdout)['text'] in texts, f'trace id {cid}: {r.stdout} {texts}')
r = subprocess.run([q, 'rules', 'show', 'cite:000000000000'], capture_output=True, text=True)
check(r.returncode == 21, f'an unknown citation id: exit {r.returncode}')

# "lang": "zh" gives each step's detail and the notes in Chinese (tests/messages/latin.py), and
# changes nothing else; "lang": "en" is the default; any other value is refused.
sys.path.insert(0, os.path.join(src, 'tests/messages'))
from latin import latin_words  # noqa: E402
lines = corpus.splitlines()[:400]
def with_lang(line, lang):  # the corpus's malformed lines stay as they are
    try:
        obj = json.loads(line)
    except ValueError:
        return line
    return json.dumps({**obj, 'lang': lang}, ensure_ascii=False) if isinstance(obj, dict) and 'lang' not in obj else line
zh_text = '\n'.join(with_lang(l, 'zh') for l in lines) + '\n'
en_text = '\n'.join(with_lang(l, 'en') for l in lines) + '\n'
rc, zh, _ = batch('--jobs', '1', text=zh_text)
rc_en, en, _ = batch('--jobs', '1', text=en_text)
check(rc == 0 and len(zh) == len(lines), 'lang zh: every line answered')
check(en == full[:len(lines)], 'lang en: the same answers as no lang')
def words_of(a):
    return [t['detail'] for t in a.get('trace', [])] + a.get('notes', [])
def without_words(a):
    b = dict(a)
    b.pop('notes', None)
    b['trace'] = [{k: v for k, v in t.items() if k != 'detail'} for t in a.get('trace', [])]
    return b
check([without_words(a) for a in zh] == [without_words(a) for a in full[:len(lines)]],
      'lang zh changes only the details and the notes')
english = [(w, latin_words(w)) for a in zh for w in words_of(a) if latin_words(w)]
check(not english, f'lang zh: English words in details or notes: {english[:5]}')
check(any(words_of(a) for a in zh), 'lang zh: the answers have details to check')
rc, bad, _ = batch(text='{"rule": "cn.civil.limitation", "events": {"knew": "2024-01-01"}, "lang": "fr"}\n')
check(not bad[0]['ok'] and 'lang must be en or zh' in bad[0]['error']['message'], f'lang fr is refused: {bad}')

for f in failures: print('FAIL:', f)
print(f'batch fields: {len(failures)} failures')
sys.exit(1 if failures else 0)
