"""qixian (期限): deadlines and limitation periods of PRC civil procedure, from Python.

Pure ``ctypes`` over the C API (``libqixian.so``, ``qixian/qixian.h``): a request is the
dict one line of ``qixian batch`` carries, and an answer is the dict batch writes for it
(the project's INTERFACES.md lists every field). No compiler is needed.

>>> import qixian
>>> engine = qixian.Engine()                       # the rule pack built into the library
>>> d = engine.compute({"rule": "cn.enforcement.application",
...                     "events": {"effective": "2023-06-30"}})
>>> d["last_day"], d["citations"][0]["article"]
('2025-06-30', '246')
>>> [step["step"] for step in d["trace"]][:3]
['select', 'anchor', 'start']

The library is found through the ``QIXIAN_LIBRARY`` environment variable (a path), next
to this package (``qixian/libqixian.so.1``), or by the system's loader (``libqixian.so.1``
on ``LD_LIBRARY_PATH`` or in an ``ldconfig`` directory).

An :class:`Engine` is immutable once open: any number of threads may use one engine (the
library runs without the GIL during a computation).
"""

from __future__ import annotations

import ctypes
import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Union

__all__ = ["Engine", "QixianError", "RulesError", "LibraryNotFound", "ABI_VERSION", "error_name", "library_version"]

#: The C ABI this package speaks (QX_ABI_VERSION in qixian/qixian.h).
ABI_VERSION = 1

_SONAME = "libqixian.so.1"
_QX_NO_TRACE = 1
_lib: Optional[ctypes.CDLL] = None

Answer = Dict[str, Any]


class LibraryNotFound(ImportError):
    """``libqixian.so.1`` could not be loaded (set ``QIXIAN_LIBRARY`` to its path)."""


class QixianError(Exception):
    """An error the engine answered: ``code`` is the stable number (1–17 are the engine's
    ``errc``: 1 invalid_date … 17 missing_fact; 100+ the C API's own), ``name`` its
    spelling, ``message`` what went wrong, ``answer`` the whole error answer.

    >>> try:
    ...     Engine().compute({"rule": "cn.enforcement.application", "events": {"effective": "2023-02-30"}})
    ... except QixianError as e:
    ...     print(e.code, e.name)
    1 invalid_date
    """

    def __init__(self, code: int, name: str, message: str, answer: Optional[Answer] = None) -> None:
        super().__init__(f"{name}: {message}")
        self.code = code
        self.name = name
        self.message = message
        self.answer = answer


class RulesError(QixianError):
    """A rules directory that did not load; ``diagnostics`` lists every problem, each a
    dict with ``code``, ``severity``, ``message``, ``file``, ``line`` and ``column``."""

    def __init__(self, code: int, name: str, message: str, diagnostics: List[Dict[str, Any]]) -> None:
        detail = "; ".join(f"{d.get('file', '')}:{d.get('line', 0)}:{d.get('column', 0)}: {d.get('message', '')}"
                           for d in diagnostics)
        super().__init__(code, name, f"{message}: {detail}" if detail else message)
        self.diagnostics = diagnostics


def _candidates() -> List[str]:
    explicit = os.environ.get("QIXIAN_LIBRARY")
    if explicit:
        return [explicit]
    beside = os.path.join(os.path.dirname(os.path.abspath(__file__)), _SONAME)
    return [beside, _SONAME] if os.path.exists(beside) else [_SONAME]


def _load() -> ctypes.CDLL:
    global _lib
    if _lib is not None:
        return _lib
    errors = []
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as e:
            errors.append(str(e))
    else:
        raise LibraryNotFound("cannot load libqixian (set QIXIAN_LIBRARY to the path of libqixian.so.1): "
                              + "; ".join(errors))
    out = ctypes.POINTER(ctypes.POINTER(ctypes.c_char))
    signatures = {
        "qx_engine_open": ([ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), out], ctypes.c_int),
        "qx_engine_close": ([ctypes.c_void_p], None),
        "qx_compute": ([ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint, out], ctypes.c_int),
        "qx_batch": ([ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint, out, ctypes.POINTER(ctypes.c_size_t)],
                     ctypes.c_int),
        "qx_docket": ([ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint, out], ctypes.c_int),
        "qx_meta": ([ctypes.c_void_p, out], ctypes.c_int),
        "qx_version": ([], ctypes.c_char_p),
        "qx_abi_version": ([], ctypes.c_int),
        "qx_error_name": ([ctypes.c_int], ctypes.c_char_p),
        "qx_free": ([ctypes.c_void_p], None),
    }
    for name, (args, result) in signatures.items():
        f = getattr(lib, name)
        f.argtypes = args
        f.restype = result
    if lib.qx_abi_version() != ABI_VERSION:
        raise LibraryNotFound(f"libqixian has ABI {lib.qx_abi_version()}, this package speaks {ABI_VERSION}")
    _lib = lib
    return lib


def _take(lib: ctypes.CDLL, buffer: Any) -> str:
    """The text of a buffer the library returned, which is then freed."""
    if not buffer:
        return ""
    try:
        return ctypes.string_at(buffer).decode("utf-8", errors="replace")
    finally:
        lib.qx_free(buffer)


def _encode(document: Union[Mapping[str, Any], str]) -> bytes:
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def error_name(code: int) -> Optional[str]:
    """The stable spelling of a code, as answers write it; None for no code.

    >>> error_name(11), error_name(0), error_name(999)
    ('unknown_rule', 'ok', None)
    """
    name = _load().qx_error_name(code)
    return name.decode() if name is not None else None


def library_version() -> str:
    """The engine version of the loaded library, e.g. ``'0.1.0'``."""
    return _load().qx_version().decode()


class Engine:
    """A loaded, validated rule pack: the built-in one, or every ``.toml`` file under
    ``rules_dir``. A directory with errors raises :class:`RulesError` listing them all.

    >>> with Engine() as engine:
    ...     engine.compute({"rule": "cn.appeal.judgment", "events": {"served": "2024-09-20"},
    ...                     "facts": {"domicile": "china"}}, trace=False)["last_day"]
    '2024-10-08'
    """

    def __init__(self, rules_dir: Union[str, "os.PathLike[str]", None] = None) -> None:
        self._lib = _load()
        self._handle = ctypes.c_void_p()
        diagnostics = ctypes.POINTER(ctypes.c_char)()
        path = os.fsencode(rules_dir) if rules_dir is not None else None
        rc = self._lib.qx_engine_open(path, ctypes.byref(self._handle), ctypes.byref(diagnostics))
        report = json.loads(_take(self._lib, diagnostics) or "{}")
        if rc != 0:
            self._handle = ctypes.c_void_p()
            error = report.get("error", {})
            raise RulesError(rc, error.get("code", error_name(rc) or "error"), error.get("message", ""),
                             report.get("diagnostics", []))
        #: Warnings found while loading (the pack loaded despite them).
        self.warnings: List[Dict[str, Any]] = report.get("diagnostics", [])

    def _check_open(self) -> ctypes.c_void_p:
        if not self._handle:
            raise ValueError("the engine is closed")
        return self._handle

    def _call(self, function: str, document: Union[Mapping[str, Any], str], trace: bool) -> Answer:
        buffer = ctypes.POINTER(ctypes.c_char)()
        rc = getattr(self._lib, function)(self._check_open(), _encode(document), 0 if trace else _QX_NO_TRACE,
                                          ctypes.byref(buffer))
        answer = json.loads(_take(self._lib, buffer))
        if rc != 0:
            error = answer.get("error", {})
            raise QixianError(rc, error.get("code", error_name(rc) or "error"), error.get("message", ""), answer)
        return answer

    def compute(self, request: Union[Mapping[str, Any], str], *, trace: bool = True) -> Answer:
        """One deadline: ``request`` is a request object (a dict, or its JSON text) with
        ``rule``, ``events`` and optionally ``facts``, ``tolling``, ``act``, ``zone``,
        ``readings``, ``calendar_as_of``, ``calendar_policy``, ``lang``, ``id``. Returns
        the answer (``last_day``, ``ends_at``, ``status``, ``citations``, ``trace``,
        ``provenance`` …); ``trace=False`` leaves the trace out (and is faster). An error
        answer raises :class:`QixianError`.

        >>> d = Engine().compute({"id": "m-17", "rule": "cn.enforcement.application",
        ...                       "events": {"effective": "2023-06-30"}, "act": "2025-07-02",
        ...                       "zone": "America/New_York"})
        >>> d["id"], d["status"], d["days_late"], d["ends_at_local"]
        ('m-17', 'late', 2, '2025-06-30T12:00:00-04:00')
        """
        return self._call("qx_compute", request, trace)

    def docket(self, case: Union[Mapping[str, Any], str], *, trace: bool = True) -> Answer:
        """Every deadline a case triggers, chains followed (``qixian docket``). ``case``
        has ``events`` and optionally ``facts``, ``tolling``, ``readings``, ``zone``,
        ``calendar_as_of`` and ``rules`` (ids, or prefixes ending in ``*``). Returns
        ``{"ok": True, "deadlines": [...]}`` sorted by last day; a triggered rule that has no
        answer is listed with its error.

        >>> docket = Engine().docket({"events": {"effective": "2023-06-30"},
        ...                           "rules": ["cn.enforcement.application", "cn.retrial.application"]})
        >>> [(d["rule"], d["last_day"]) for d in docket["deadlines"]]
        [('cn.retrial.application', '2024-01-02'), ('cn.enforcement.application', '2025-06-30')]
        """
        return self._call("qx_docket", case, trace)

    def batch(self, requests: Iterable[Union[Mapping[str, Any], str]], *, trace: bool = True,
              chunk: int = 1000) -> Iterator[Answer]:
        """Answers every request, in order, one answer each, whatever goes wrong: an
        erroneous request yields its error answer (``ok`` false, ``error``, ``line`` = its
        1-based position) and raises nothing. Requests are sent ``chunk`` at a time.

        >>> answers = Engine().batch([
        ...     {"id": 1, "rule": "cn.enforcement.application", "events": {"effective": "2023-06-30"}},
        ...     {"id": 2, "rule": "cn.no.such.rule", "events": {"effective": "2023-06-30"}}], trace=False)
        >>> [(a["id"], a["ok"], a.get("last_day") or a["error"]["code"]) for a in answers]
        [(1, True, '2025-06-30'), (2, False, 'unknown_rule')]
        """
        if chunk < 1:
            raise ValueError("chunk must be at least 1")
        pending: List[bytes] = []
        done = 0
        for request in requests:
            line = _encode(request)
            if b"\n" in line or b"\r" in line:  # JSON text given by the caller, spread over lines
                line = line.replace(b"\r", b" ").replace(b"\n", b" ")
            pending.append(line)
            if len(pending) == chunk:
                yield from self._batch_chunk(pending, done, trace)
                done += len(pending)
                pending = []
        if pending:
            yield from self._batch_chunk(pending, done, trace)

    def _batch_chunk(self, lines: List[bytes], offset: int, trace: bool) -> Iterator[Answer]:
        buffer = ctypes.POINTER(ctypes.c_char)()
        errors = ctypes.c_size_t()
        text_in = b"".join(line + b"\n" for line in lines)  # an empty last request is a line too
        rc = self._lib.qx_batch(self._check_open(), text_in, 0 if trace else _QX_NO_TRACE,
                                ctypes.byref(buffer), ctypes.byref(errors))
        text = _take(self._lib, buffer)
        if rc != 0:
            error = json.loads(text).get("error", {}) if text else {}
            raise QixianError(rc, error.get("code", error_name(rc) or "error"), error.get("message", ""))
        for line in text.splitlines():
            answer = json.loads(line)
            if "line" in answer:
                answer["line"] += offset
            yield answer

    def meta(self) -> Answer:
        """What the engine holds: ``engine_version``, ``abi_version``, ``rule_pack_digest``,
        ``calendar_digest``, ``tz_database_version``, ``calendars`` (id and coverage),
        ``rules`` (id and names) and the number of load ``warnings``.

        >>> m = Engine().meta()
        >>> m["abi_version"], "cn.enforcement.application" in [r["id"] for r in m["rules"]]
        (1, True)
        """
        buffer = ctypes.POINTER(ctypes.c_char)()
        rc = self._lib.qx_meta(self._check_open(), ctypes.byref(buffer))
        answer = json.loads(_take(self._lib, buffer))
        if rc != 0:
            error = answer.get("error", {})
            raise QixianError(rc, error.get("code", "error"), error.get("message", ""), answer)
        return answer

    @property
    def version(self) -> str:
        """The engine version of the loaded library, e.g. ``'0.1.0'``."""
        return library_version()

    def close(self) -> None:
        """Releases the engine (once every thread using it is done); further calls raise
        ValueError. Closing twice is harmless."""
        handle, self._handle = self._handle, ctypes.c_void_p()
        if handle:
            self._lib.qx_engine_close(handle)

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # the interpreter is shutting down
            pass
