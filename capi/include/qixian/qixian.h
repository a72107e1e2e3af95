/* qixian/qixian.h — the engine from C (and from any language that can call C).
 *
 * JSON in, JSON out: a request is the JSON object one line of `qixian batch` carries,
 * and the answer is the JSON object batch writes for it (INTERFACES.md). The C API adds
 * no second vocabulary; as the answers grow (traces, alternatives, provenance), this
 * header does not change.
 *
 * - An engine (`qx_engine`) is opened once on the built-in rule pack or a rules
 *   directory and closed once. It is immutable: any number of threads may call the
 *   functions below on one engine at the same time.
 * - Every function returns an `int`: 0 (QX_OK) on success, otherwise a stable code.
 *   Codes 1–17 are the engine's error codes (`qixian::errc`: 1 invalid_date …
 *   17 missing_fact), never renumbered; codes 100 and up are the C API's own.
 *   `qx_error_name` spells them as JSON answers do.
 * - Text comes back in buffers the library allocates and the caller frees with
 *   `qx_free`. Where an answer is given, it is given on failure too: an error answer
 *   `{"id": …, "ok": false, "error": {"code": "…", "message": "…"}}` whose code is the
 *   name of the returned code.
 * - Nothing is thrown across this boundary. NULL arguments and text that is not JSON
 *   are answered with a code, never a crash.
 *
 * Example (link with `pkg-config --cflags --libs qixian`):
 *
 *   qx_engine *engine = NULL;
 *   char *answer = NULL;
 *   if (qx_engine_open(NULL, &engine, NULL) != QX_OK) return 1;
 *   int rc = qx_compute(engine, "{\"rule\":\"cn.enforcement.application\","
 *                               "\"events\":{\"effective\":\"2023-06-30\"}}", 0, &answer);
 *   puts(answer);   // {"id":null,"ok":true,"rule":"cn.enforcement.application",…,"last_day":"2025-06-30",…}
 *   qx_free(answer);
 *   qx_engine_close(engine);
 */
#ifndef QIXIAN_QIXIAN_H
#define QIXIAN_QIXIAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI this header describes; `qx_abi_version()` is that of the library loaded. */
#define QX_ABI_VERSION 1

/* Return codes. 1–17 are `qixian::errc` (engine/include/qixian/error.hpp). */
enum qx_code {
    QX_OK = 0,
    QX_INVALID_DATE = 1,
    QX_INVALID_TIME = 2,
    QX_INVALID_PERIOD = 3,
    QX_OUT_OF_RANGE = 4,
    QX_AMBIGUOUS_MONTH_END = 5,
    QX_OUTSIDE_CALENDAR_COVERAGE = 6,
    QX_NO_WORKING_DAY = 7,
    QX_NONEXISTENT_LOCAL_TIME = 8,
    QX_AMBIGUOUS_LOCAL_TIME = 9,
    QX_UNKNOWN_ZONE = 10,
    QX_UNKNOWN_RULE = 11,
    QX_NO_VERSION_IN_FORCE = 12,
    QX_MISSING_EVENT = 13,
    QX_INVALID_REQUEST = 14,   /* also: text that is not JSON, or not an object */
    QX_RULES_INVALID = 15,     /* the rule pack did not load (see the diagnostics) */
    QX_IO_ERROR = 16,
    QX_MISSING_FACT = 17,
    QX_INVALID_ARGUMENT = 100, /* a NULL where a pointer is required ("invalid_argument") */
    QX_OUT_OF_MEMORY = 101,    /* "out_of_memory" */
    QX_INTERNAL_ERROR = 102    /* an unexpected failure inside the library ("internal_error") */
};

/* Flags for qx_compute, qx_batch and qx_docket. */
#define QX_NO_TRACE 1u /* leave the trace out of answers (not computed at all: faster) */

/* An engine: a loaded, validated rule pack. Opaque; shareable across threads. */
typedef struct qx_engine qx_engine;

/* Opens an engine on `rules_dir` (every .toml file under it), or on the pack built into
 * the library when `rules_dir` is NULL. On success *engine is set and QX_OK returned;
 * otherwise *engine is NULL and the code says why (QX_RULES_INVALID, QX_IO_ERROR …).
 * When `diagnostics` is not NULL it receives, either way, a JSON document to free with
 * qx_free: {"ok": bool, "error": {...} (on failure), "diagnostics": [{"code", "severity",
 * "message", "file", "line", "column"}, …]} — every problem (or warning) with its place.
 *
 *   char *diag = NULL;
 *   if (qx_engine_open("my-rules", &engine, &diag) != QX_OK) fprintf(stderr, "%s\n", diag);
 *   qx_free(diag);
 */
int qx_engine_open(const char *rules_dir, qx_engine **engine, char **diagnostics);

/* Closes an engine opened by qx_engine_open; NULL is ignored. Call it once, after every
 * thread using the engine is done with it. */
void qx_engine_close(qx_engine *engine);

/* Computes one deadline. `request` is one request object (NUL-terminated UTF-8 JSON);
 * *answer receives the answer object `qixian batch` writes for it (without newline).
 * Returns QX_OK when the answer is a deadline, otherwise the answer's error code.
 * `flags`: 0 or QX_NO_TRACE.
 *
 *   qx_compute(engine, "{\"id\":\"c1\",\"rule\":\"cn.appeal.judgment\","
 *                      "\"events\":{\"served\":\"2024-09-20\"}}", QX_NO_TRACE, &answer);
 */
int qx_compute(const qx_engine *engine, const char *request, unsigned flags, char **answer);

/* Answers JSON Lines: one request per line of `requests` (NUL-terminated), one answer
 * line each in *answers, in order, whatever goes wrong (exactly `qixian batch`). Returns
 * QX_OK when every line was answered, errors included; *errors (if not NULL) receives
 * the number of error answers. */
int qx_batch(const qx_engine *engine, const char *requests, unsigned flags, char **answers, size_t *errors);

/* Every deadline a case triggers, chains followed (`qixian docket`). `case_json` is a
 * case object as in a case file: "events", "facts", "tolling", "readings", "zone",
 * "calendar_as_of", "rules" (ids or prefixes ending in "*"). *answer receives
 * {"ok": true, "deadlines": [answer objects, each with "chain" where it was chained,
 * or {"rule", "ok": false, "error"} where a triggered rule has no answer]}, or an
 * error answer. */
int qx_docket(const qx_engine *engine, const char *case_json, unsigned flags, char **answer);

/* What the engine holds: {"engine_version", "abi_version", "rule_pack_digest",
 * "calendar_digest", "tz_database_version", "calendars": [{"id", "first", "last"}],
 * "rules": [{"id", "name_zh", "name_en", "versions"}], "warnings"}. */
int qx_meta(const qx_engine *engine, char **answer);

/* The engine's version, e.g. "0.1.0" (static storage; do not free). */
const char *qx_version(void);

/* The ABI of the library loaded; compare with QX_ABI_VERSION. */
int qx_abi_version(void);

/* The stable name of a code: "ok", "invalid_date" … "missing_fact", "invalid_argument",
 * "out_of_memory", "internal_error"; NULL for a number that is no code. Static storage. */
const char *qx_error_name(int code);

/* Frees a buffer the library returned; NULL is ignored. */
void qx_free(void *buffer);

#ifdef __cplusplus
}
#endif

#endif /* QIXIAN_QIXIAN_H */
