"""Tests of the qixian Python package over libqixian.so (set QIXIAN_LIBRARY, or install).

Answers are checked against the law's dates; every error path gives its code; batch
answers every request in order; several threads share one engine.
"""

import concurrent.futures
import os
import pathlib
import subprocess
import sys

import pytest

import qixian

# The project's sources (rules/, tests/capi/bad_rules): QIXIAN_SOURCE_DIR, else this checkout.
ROOT = pathlib.Path(os.environ.get("QIXIAN_SOURCE_DIR") or pathlib.Path(__file__).resolve().parents[2])


@pytest.fixture(scope="module")
def engine():
    with qixian.Engine() as e:
        yield e


def enforcement(effective, **extra):
    return {"rule": "cn.enforcement.application", "events": {"effective": effective}, **extra}


def test_compute_answers_the_law(engine):
    # Two years from a judgment effective 2023-06-30 (CPL 2021 art. 246, the text in force that day): Monday 2025-06-30.
    d = engine.compute(enforcement("2023-06-30", id="c1", zone="America/New_York"))
    assert d["id"] == "c1" and d["ok"] is True
    assert d["last_day"] == "2025-06-30"
    assert d["ends_at"] == "2025-07-01T00:00:00+08:00"
    assert d["ends_at_utc"] == "2025-06-30T16:00:00Z"
    assert d["ends_at_local"] == "2025-06-30T12:00:00-04:00"
    assert [(c["instrument"], c["article"]) for c in d["citations"]] == [("中华人民共和国民事诉讼法（2021年修正）", "246")]
    assert [s["step"] for s in d["trace"]][0] == "select"
    assert d["provenance"]["engine_version"] == engine.version


def test_compute_rolls_off_the_national_day_holiday(engine):
    # Served 2024-09-20, 15 days → 2024-10-05, inside the 2024 National Day holiday → 10-08.
    d = engine.compute({"rule": "cn.appeal.judgment", "events": {"served": "2024-09-20"},
                        "facts": {"domicile": "china"}}, trace=False)
    assert d["last_day"] == "2024-10-08"
    assert "trace" not in d
    # Domiciled abroad: 30 days → 2024-10-20, a Sunday → 2024-10-21.
    d = engine.compute({"rule": "cn.appeal.judgment", "events": {"served": "2024-09-20"},
                        "facts": {"domicile": "abroad"}})
    assert d["last_day"] == "2024-10-21"


def test_compute_accepts_json_text(engine):
    d = engine.compute('{"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"}}')
    assert d["last_day"] == "2025-06-30"


@pytest.mark.parametrize("request_, code, name", [
    (enforcement("2023-02-30"), 1, "invalid_date"),
    ({"rule": "cn.nope", "events": {"effective": "2023-06-30"}}, 11, "unknown_rule"),
    ({"rule": "cn.enforcement.application", "events": {}}, 13, "missing_event"),
    ({"rule": "cn.appeal.judgment", "events": {"served": "2024-09-20"}}, 17, "missing_fact"),
    (enforcement("2023-06-30", zone="Mars/Base"), 10, "unknown_zone"),
    (enforcement("2023-06-30", colour="red"), 14, "invalid_request"),
    ("not json", 14, "invalid_request"),
    ("[]", 14, "invalid_request"),
])
def test_errors_carry_code_name_and_message(engine, request_, code, name):
    with pytest.raises(qixian.QixianError) as info:
        engine.compute(request_)
    e = info.value
    assert (e.code, e.name) == (code, name)
    assert e.message and e.answer["ok"] is False and e.answer["error"]["code"] == name
    assert qixian.error_name(code) == name


def test_a_request_that_is_not_json_serialisable_is_a_type_error(engine):
    with pytest.raises(TypeError):
        engine.compute({"rule": object()})


def test_batch_answers_every_request_in_order(engine):
    requests = [enforcement(f"2023-06-{day:02d}", id=day) for day in range(1, 8)]
    requests[3] = {"id": "bad", "rule": "cn.nope", "events": {}}
    requests[5] = "not json"
    answers = list(engine.batch(iter(requests), trace=False, chunk=2))
    assert len(answers) == 7
    assert [a["id"] for a in answers] == [1, 2, 3, "bad", 5, None, 7]
    assert [a["ok"] for a in answers] == [True, True, True, False, True, False, True]
    assert answers[3]["error"]["code"] == "unknown_rule" and answers[3]["line"] == 4
    assert answers[5]["error"]["code"] == "invalid_request" and answers[5]["line"] == 6
    assert answers[0]["last_day"] == "2025-06-03"  # 2025-06-01 is a Sunday, 06-02 Dragon Boat Festival
    assert list(engine.batch([])) == []
    # An empty request, last in its chunk, is answered too (a line that is not JSON).
    answers = list(engine.batch([enforcement("2023-06-30"), ""], chunk=2))
    assert [a["ok"] for a in answers] == [True, False] and answers[1]["line"] == 2
    # JSON text spread over lines is one request.
    assert next(engine.batch(['{"rule": "cn.enforcement.application",\n "events": {"effective": "2023-06-30"}}']))["ok"]
    with pytest.raises(ValueError):
        list(engine.batch([], chunk=0))


def test_batch_is_lazy(engine):
    def requests():
        yield enforcement("2023-06-30", id=1)
        raise RuntimeError("the second request is never needed")

    answers = engine.batch(requests(), chunk=1)
    assert next(answers)["id"] == 1


def test_docket(engine):
    docket = engine.docket({"events": {"effective": "2023-06-30"},
                            "rules": ["cn.enforcement.application", "cn.retrial.application"]}, trace=False)
    assert docket["ok"] is True
    assert [(d["rule"], d["last_day"]) for d in docket["deadlines"]] == [
        ("cn.retrial.application", "2024-01-02"), ("cn.enforcement.application", "2025-06-30")]
    with pytest.raises(qixian.QixianError) as info:
        engine.docket("{")
    assert info.value.code == 14


def test_meta(engine):
    m = engine.meta()
    assert m["abi_version"] == qixian.ABI_VERSION == 1
    assert m["engine_version"] == qixian.library_version()
    assert any(c["id"] == "cn.mainland" and c["first"] <= "2000-01-01" for c in m["calendars"])
    assert {"id": "cn.enforcement.application", "name_zh": "申请执行期间"}.items() <= \
        next(r for r in m["rules"] if r["id"] == "cn.enforcement.application").items()
    assert m["tz_database_version"]


def test_rules_directory():
    with qixian.Engine(ROOT / "rules") as e:
        assert e.compute(enforcement("2023-06-30"))["last_day"] == "2025-06-30"
    with pytest.raises(qixian.RulesError) as info:
        qixian.Engine(ROOT / "tests" / "capi" / "bad_rules")
    e = info.value
    assert (e.code, e.name) == (15, "rules_invalid")
    assert [(pathlib.Path(d["file"]).name, d["line"], d["code"]) for d in e.diagnostics] == [
        ("broken.toml", 5, "E0202"), ("broken.toml", 13, "E0206")]
    with pytest.raises(qixian.RulesError) as info:
        qixian.Engine("/nonexistent/rules")
    assert info.value.code == 16


def test_closed_engine():
    e = qixian.Engine()
    e.close()
    e.close()
    with pytest.raises(ValueError):
        e.compute(enforcement("2023-06-30"))


def test_threads_share_one_engine(engine):
    requests = [enforcement(f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}", id=i, act="2020-04-08")
                for i in range(200)]
    expected = [engine.compute(r) for r in requests]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            assert list(pool.map(engine.compute, requests)) == expected


def test_library_not_found_is_explained():
    env = dict(os.environ, QIXIAN_LIBRARY="/nonexistent/libqixian.so.1")
    code = "import qixian\ntry:\n    qixian.Engine()\nexcept qixian.LibraryNotFound as e:\n    print('explained:', e)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert "explained: cannot load libqixian (set QIXIAN_LIBRARY" in out.stdout
