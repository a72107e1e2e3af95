/* Tests of the C API (qixian/qixian.h), in C: answers with the law's dates, every error
 * code path (NULLs, text that is not JSON, unknown flags, broken rule directories), the
 * meta document, batch and docket, and several threads computing on one engine, whose
 * answers must equal those computed on one thread. Runs in the sanitizer build too.
 * Usage: capi_test SOURCE_DIR */
#include <qixian/qixian.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        ++checks;                                                                      \
        if (!(cond)) {                                                                 \
            ++failures;                                                                \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);   \
        }                                                                              \
    } while (0)

/* `text` contains `part` (and says which text when it does not). */
static void check_has(const char *text, const char *part, int line) {
    ++checks;
    if (text == NULL || strstr(text, part) == NULL) {
        ++failures;
        fprintf(stderr, "%s:%d: expected %s in: %s\n", __FILE__, line, part, text ? text : "(NULL)");
    }
}
#define CHECK_HAS(text, part) check_has((text), (part), __LINE__)

static const char *source_dir = ".";
static qx_engine *engine = NULL;

static void test_versions_and_names(void) {
    CHECK(qx_abi_version() == QX_ABI_VERSION);
    CHECK(strlen(qx_version()) > 0);
    CHECK(strcmp(qx_error_name(QX_OK), "ok") == 0);
    CHECK(strcmp(qx_error_name(QX_INVALID_DATE), "invalid_date") == 0);
    CHECK(strcmp(qx_error_name(QX_UNKNOWN_RULE), "unknown_rule") == 0);
    CHECK(strcmp(qx_error_name(QX_MISSING_FACT), "missing_fact") == 0);
    CHECK(strcmp(qx_error_name(QX_INVALID_ARGUMENT), "invalid_argument") == 0);
    CHECK(strcmp(qx_error_name(QX_OUT_OF_MEMORY), "out_of_memory") == 0);
    CHECK(strcmp(qx_error_name(QX_INTERNAL_ERROR), "internal_error") == 0);
    CHECK(qx_error_name(18) == NULL);
    CHECK(qx_error_name(-1) == NULL);
    CHECK(qx_error_name(99) == NULL);
}

static void test_compute(void) {
    char *a = NULL;
    /* A judgment effective 2023-06-30: two years, to Monday 2025-06-30 (CPL 2021 art. 246, in force that day). */
    int rc = qx_compute(engine,
                        "{\"id\":\"c1\",\"rule\":\"cn.enforcement.application\","
                        "\"events\":{\"effective\":\"2023-06-30\"},\"zone\":\"America/New_York\"}",
                        0, &a);
    CHECK(rc == QX_OK);
    CHECK(strncmp(a, "{\"id\":\"c1\",\"ok\":true,", 20) == 0);
    CHECK_HAS(a, "\"last_day\":\"2025-06-30\"");
    CHECK_HAS(a, "\"ends_at_local\":\"2025-06-30T12:00:00-04:00\"");
    CHECK_HAS(a, "\"article\":\"246\"");
    CHECK_HAS(a, "\"trace\":[");
    qx_free(a);

    /* Served 2024-09-20, 15 days: 2024-10-05 falls in the National Day holiday → 2024-10-08. */
    rc = qx_compute(engine,
                    "{\"id\":2,\"rule\":\"cn.appeal.judgment\",\"events\":{\"served\":\"2024-09-20\"},"
                    "\"facts\":{\"domicile\":\"china\"}}",
                    QX_NO_TRACE, &a);
    CHECK(rc == QX_OK);
    CHECK_HAS(a, "\"last_day\":\"2024-10-08\"");
    CHECK(strstr(a, "\"trace\"") == NULL);
    qx_free(a);

    /* A party domiciled abroad: 30 days → 2024-10-21 (2024-10-20 is a Sunday). */
    rc = qx_compute(engine,
                    "{\"rule\":\"cn.appeal.judgment\",\"events\":{\"served\":\"2024-09-20\"},"
                    "\"facts\":{\"domicile\":\"abroad\"}}",
                    0, &a);
    CHECK(rc == QX_OK);
    CHECK_HAS(a, "\"last_day\":\"2024-10-21\"");
    qx_free(a);
}

/* Each engine error comes back as its errc number, with the batch error answer. */
static void test_compute_errors(void) {
    static const struct {
        const char *request;
        int code;
        const char *name;
    } cases[] = {
        {"{\"rule\":\"cn.nope\",\"events\":{\"effective\":\"2023-06-30\"}}", QX_UNKNOWN_RULE, "unknown_rule"},
        {"{\"rule\":\"cn.enforcement.application\",\"events\":{\"effective\":\"2023-02-30\"}}", QX_INVALID_DATE,
         "invalid_date"},
        {"{\"rule\":\"cn.appeal.judgment\",\"events\":{\"served\":\"2024-09-20\"}}", QX_MISSING_FACT, "missing_fact"},
        {"{\"rule\":\"cn.enforcement.application\",\"events\":{}}", QX_MISSING_EVENT, "missing_event"},
        {"{\"rule\":\"cn.enforcement.application\",\"events\":{\"effective\":\"2023-06-30\"},\"zone\":\"Mars/Base\"}",
         QX_UNKNOWN_ZONE, "unknown_zone"},
        {"not json", QX_INVALID_REQUEST, "invalid_request"},
        {"", QX_INVALID_REQUEST, "invalid_request"},
        {"[1,2]", QX_INVALID_REQUEST, "invalid_request"},
        {"{\"rule\":\"cn.enforcement.application\",\"rule\":\"x\"}", QX_INVALID_REQUEST, "invalid_request"},
        {"{\"id\":{\"ok\":false,\"error\":{\"code\":\"unknown_zone\"}},\"rule\":\"cn.nope\",\"events\":{}}",
         QX_UNKNOWN_RULE, "unknown_rule"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        char *a = NULL;
        const int rc = qx_compute(engine, cases[i].request, 0, &a);
        if (rc != cases[i].code) fprintf(stderr, "case %zu: %s → %d, %s\n", i, cases[i].request, rc, a ? a : "(NULL)");
        CHECK(rc == cases[i].code);
        CHECK_HAS(a, "\"ok\":false");
        char code[64];
        snprintf(code, sizeof code, "\"code\":\"%s\"", cases[i].name);
        CHECK_HAS(a, code);
        qx_free(a);
    }
}

/* NULLs and unknown flags: a code (and an error answer where one can be given), no crash. */
static void test_null_arguments(void) {
    char *a = (char *)"sentinel";
    CHECK(qx_compute(NULL, "{}", 0, &a) == QX_INVALID_ARGUMENT);
    CHECK_HAS(a, "\"code\":\"invalid_argument\"");
    qx_free(a);
    a = (char *)"sentinel";
    CHECK(qx_compute(engine, NULL, 0, &a) == QX_INVALID_ARGUMENT);
    CHECK_HAS(a, "request is NULL");
    qx_free(a);
    CHECK(qx_compute(engine, "{}", 0, NULL) == QX_INVALID_ARGUMENT);
    CHECK(qx_compute(engine, "{}", 8u, &a) == QX_INVALID_ARGUMENT);
    CHECK_HAS(a, "unknown flags");
    qx_free(a);
    CHECK(qx_docket(NULL, "{}", 0, &a) == QX_INVALID_ARGUMENT);
    qx_free(a);
    CHECK(qx_docket(engine, NULL, 0, &a) == QX_INVALID_ARGUMENT);
    qx_free(a);
    CHECK(qx_docket(engine, "{}", 0, NULL) == QX_INVALID_ARGUMENT);
    size_t errors = 7;
    CHECK(qx_batch(engine, NULL, 0, &a, &errors) == QX_INVALID_ARGUMENT);
    CHECK(errors == 0);
    qx_free(a);
    CHECK(qx_batch(NULL, "", 0, &a, NULL) == QX_INVALID_ARGUMENT);
    qx_free(a);
    CHECK(qx_batch(engine, "", 0, NULL, NULL) == QX_INVALID_ARGUMENT);
    CHECK(qx_meta(NULL, &a) == QX_INVALID_ARGUMENT);
    qx_free(a);
    CHECK(qx_meta(engine, NULL) == QX_INVALID_ARGUMENT);
    CHECK(qx_engine_open(NULL, NULL, NULL) == QX_INVALID_ARGUMENT);
    char *diag = NULL;
    CHECK(qx_engine_open(NULL, NULL, &diag) == QX_INVALID_ARGUMENT);
    CHECK_HAS(diag, "invalid_argument");
    qx_free(diag);
    qx_engine_close(NULL);
    qx_free(NULL);
}

static void test_open(void) {
    char path[4096];
    qx_engine *e = (qx_engine *)&path;  /* must be reset to NULL on failure */
    char *diag = NULL;
    CHECK(qx_engine_open("/nonexistent/qixian-rules", &e, &diag) == QX_IO_ERROR);
    CHECK(e == NULL);
    CHECK_HAS(diag, "\"ok\":false");
    CHECK_HAS(diag, "\"code\":\"E0002\"");
    qx_free(diag);

    /* A broken rules directory: every problem with its file, line and column. */
    snprintf(path, sizeof path, "%s/tests/capi/bad_rules", source_dir);
    CHECK(qx_engine_open(path, &e, &diag) == QX_RULES_INVALID);
    CHECK(e == NULL);
    CHECK_HAS(diag, "\"code\":\"rules_invalid\"");
    CHECK_HAS(diag, "\"severity\":\"error\"");
    CHECK_HAS(diag, "broken.toml\",\"line\":");
    qx_free(diag);

    /* The project's rules/ directory holds the built-in pack: the same answer. */
    snprintf(path, sizeof path, "%s/rules", source_dir);
    CHECK(qx_engine_open(path, &e, &diag) == QX_OK);
    CHECK(e != NULL);
    CHECK_HAS(diag, "\"ok\":true");
    qx_free(diag);
    char *a = NULL;
    CHECK(qx_compute(e, "{\"rule\":\"cn.enforcement.application\",\"events\":{\"effective\":\"2023-06-30\"}}",
                     QX_NO_TRACE, &a) == QX_OK);
    CHECK_HAS(a, "\"last_day\":\"2025-06-30\"");
    qx_free(a);
    qx_engine_close(e);
}

static void test_meta(void) {
    char *m = NULL;
    CHECK(qx_meta(engine, &m) == QX_OK);
    CHECK_HAS(m, "\"abi_version\":1");
    CHECK_HAS(m, "\"engine_version\":\"");
    CHECK_HAS(m, "\"tz_database_version\":\"");
    CHECK_HAS(m, "{\"id\":\"cn.mainland\",\"first\":\"");
    CHECK_HAS(m, "{\"id\":\"cn.enforcement.application\",\"name_zh\":\"申请执行期间\"");
    qx_free(m);
}

static void test_batch(void) {
    char *a = NULL;
    size_t errors = 0;
    const char *lines =
        "{\"id\":1,\"rule\":\"cn.enforcement.application\",\"events\":{\"effective\":\"2023-06-30\"}}\n"
        "not json\r\n"
        "{\"id\":3,\"rule\":\"cn.appeal.judgment\",\"events\":{\"served\":\"2024-09-20\"},"
        "\"facts\":{\"domicile\":\"china\"}}";
    CHECK(qx_batch(engine, lines, QX_NO_TRACE, &a, &errors) == QX_OK);
    CHECK(errors == 1);
    CHECK(strncmp(a, "{\"id\":1,\"ok\":true", 17) == 0);
    CHECK_HAS(a, "\n{\"id\":null,\"line\":2,\"ok\":false,\"error\":{\"code\":\"invalid_request\"");
    CHECK_HAS(a, "\n{\"id\":3,\"ok\":true");
    CHECK_HAS(a, "\"last_day\":\"2024-10-08\"");
    size_t newlines = 0;
    for (const char *p = a; *p; ++p) newlines += *p == '\n';
    CHECK(newlines == 3);
    qx_free(a);
    CHECK(qx_batch(engine, "", 0, &a, &errors) == QX_OK);
    CHECK(strcmp(a, "") == 0 && errors == 0);
    qx_free(a);
    /* Lines as `qixian batch` reads them: no line after a final newline; empty lines are
     * lines (and not requests). */
    CHECK(qx_batch(engine, "{\"rule\":\"cn.nope\",\"events\":{}}\n", 0, &a, &errors) == QX_OK);
    CHECK(errors == 1);
    CHECK(strncmp(a, "{\"id\":null,\"line\":1,\"ok\":false,\"error\":{\"code\":\"unknown_rule\",", 62) == 0);
    CHECK(strchr(a, '\n') == a + strlen(a) - 1);
    qx_free(a);
    CHECK(qx_batch(engine, "\n\r\n", 0, &a, &errors) == QX_OK);
    CHECK(errors == 2);
    CHECK_HAS(a, "{\"id\":null,\"line\":2,\"ok\":false,\"error\":{\"code\":\"invalid_request\"");
    qx_free(a);
}

static void test_docket(void) {
    char *a = NULL;
    /* A judgment effective 2023-06-30: retrial by 2024-01-02 (six months; 2023-12-30 to
     * 2024-01-01 is the New Year holiday), enforcement by 2025-06-30; sorted by last day. */
    int rc = qx_docket(engine,
                       "{\"events\":{\"effective\":\"2023-06-30\"},"
                       "\"rules\":[\"cn.enforcement.application\",\"cn.retrial.application\"]}",
                       QX_NO_TRACE, &a);
    CHECK(rc == QX_OK);
    CHECK(strncmp(a, "{\"ok\":true,\"deadlines\":[{\"ok\":true,\"rule\":\"cn.retrial.application\"", 66) == 0);
    CHECK_HAS(a, "\"last_day\":\"2024-01-02\"");
    CHECK_HAS(a, "},{\"ok\":true,\"rule\":\"cn.enforcement.application\"");
    CHECK_HAS(a, "\"last_day\":\"2025-06-30\"");
    qx_free(a);
    CHECK(qx_docket(engine, "{\"events\":", 0, &a) == QX_INVALID_REQUEST);
    CHECK_HAS(a, "not valid JSON");
    qx_free(a);
    /* Nested 200,000 levels deep: refused, not a stack overflow (64 levels are accepted). */
    enum { deep = 200000 };
    char *text = malloc(2 * deep + 16);
    strcpy(text, "{\"events\":");
    memset(text + 10, '[', deep);
    memset(text + 10 + deep, ']', deep);
    strcpy(text + 10 + 2 * deep, "}");
    CHECK(qx_docket(engine, text, 0, &a) == QX_INVALID_REQUEST);
    CHECK_HAS(a, "deeper than 64 levels");
    qx_free(a);
    CHECK(qx_compute(engine, text, 0, &a) == QX_INVALID_REQUEST);
    qx_free(a);
    strcpy(text, "{\"events\":{\"a\":\"[[[[\"},\"facts\":");
    const size_t at = strlen(text);
    memset(text + at, '[', 62);
    memset(text + at + 62, ']', 62);
    strcpy(text + at + 124, "}");
    CHECK(qx_docket(engine, text, 0, &a) == QX_INVALID_REQUEST);
    CHECK(strstr(a, "deeper than") == NULL);  /* 64 levels (brackets in strings not counted) pass to the reader */
    qx_free(a);
    free(text);
    CHECK(qx_docket(engine, "[]", 0, &a) == QX_INVALID_REQUEST);
    CHECK_HAS(a, "\"ok\":false");
    qx_free(a);
}

/* Threads: every thread computes every request on the one engine; each answer must be
 * byte for byte the answer computed beforehand on one thread. */
enum { n_requests = 300, n_threads = 6 };
static char *requests[n_requests];
static char *expected[n_requests];

static void *compute_all(void *arg) {
    const size_t offset = (size_t)arg;
    size_t wrong = 0;
    for (size_t k = 0; k < n_requests; ++k) {
        const size_t i = (k + offset * 37) % n_requests;  /* each thread in its own order */
        char *a = NULL;
        if (qx_compute(engine, requests[i], 0, &a) != QX_OK || strcmp(a, expected[i]) != 0) ++wrong;
        qx_free(a);
    }
    return (void *)wrong;
}

static void test_threads(void) {
    static const char *rules[] = {"cn.appeal.judgment", "cn.enforcement.application", "cn.retrial.application"};
    static const char *kinds[] = {"served", "effective", "effective"};
    for (int i = 0; i < n_requests; ++i) {
        requests[i] = malloc(256);
        snprintf(requests[i], 256,
                 "{\"id\":%d,\"rule\":\"%s\",\"events\":{\"%s\":\"20%02d-%02d-%02d\"},"
                 "\"facts\":{\"domicile\":\"china\"},\"act\":\"2020-04-08\"}",
                 i, rules[i % 3], kinds[i % 3], 10 + i % 15, 1 + i % 12, 1 + i % 28);
        CHECK(qx_compute(engine, requests[i], 0, &expected[i]) == QX_OK);
    }
    pthread_t threads[n_threads];
    for (size_t t = 0; t < n_threads; ++t) CHECK(pthread_create(&threads[t], NULL, compute_all, (void *)t) == 0);
    size_t wrong = 0;
    for (size_t t = 0; t < n_threads; ++t) {
        void *r = NULL;
        CHECK(pthread_join(threads[t], &r) == 0);
        wrong += (size_t)r;
    }
    CHECK(wrong == 0);
    for (int i = 0; i < n_requests; ++i) {
        free(requests[i]);
        qx_free(expected[i]);
    }
}

int main(int argc, char **argv) {
    if (argc > 1) source_dir = argv[1];
    char *diag = NULL;
    if (qx_engine_open(NULL, &engine, &diag) != QX_OK) {
        fprintf(stderr, "cannot open the built-in pack: %s\n", diag);
        return 1;
    }
    CHECK_HAS(diag, "\"ok\":true,\"diagnostics\":[");
    qx_free(diag);
    test_versions_and_names();
    test_compute();
    test_compute_errors();
    test_null_arguments();
    test_open();
    test_meta();
    test_batch();
    test_docket();
    test_threads();
    qx_engine_close(engine);
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
