/* Throughput of the C API on a file of request lines (tools/bench/capi_throughput makes
 * one): qx_compute on each line, then qx_batch on chunks of 1,000 lines; every answer must be
 * a deadline. Prints lines per CPU second for each. Usage: capi_bench FILE [--no-trace] */
#include <qixian/qixian.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU seconds of this process: on a shared host, wall time measures the neighbours. */
static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    const long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (text != NULL && fread(text, 1, (size_t)size, f) != (size_t)size) {
        free(text);
        text = NULL;
    }
    if (text != NULL) text[size] = '\0';
    fclose(f);
    return text;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: capi_bench FILE [--no-trace]\n");
        return 2;
    }
    const unsigned flags = argc > 2 && strcmp(argv[2], "--no-trace") == 0 ? QX_NO_TRACE : 0u;
    const char *what = flags ? "no traces" : "with traces";
    char *text = read_file(argv[1]);
    qx_engine *engine = NULL;
    if (text == NULL || qx_engine_open(NULL, &engine, NULL) != QX_OK) {
        fprintf(stderr, "capi_bench: cannot read %s or open the engine\n", argv[1]);
        return 1;
    }
    /* The lines, split in place. */
    size_t n = 0, cap = 1024;
    char **lines = malloc(cap * sizeof *lines);
    for (char *p = text; *p != '\0';) {
        char *end = strchr(p, '\n');
        if (n == cap) lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[n++] = p;
        if (end == NULL) break;
        *end = '\0';
        p = end + 1;
    }
    size_t bad = 0, bytes = 0;
    double start = now();
    for (size_t i = 0; i < n; ++i) {
        char *answer = NULL;
        if (qx_compute(engine, lines[i], flags, &answer) != QX_OK) ++bad;
        bytes += strlen(answer);
        qx_free(answer);
    }
    double seconds = now() - start;
    printf("C API, qx_compute per line: %zu lines in %.2f CPU s: %.0f lines per CPU second (%s)\n", n, seconds,
           (double)n / seconds, what);
    /* The same lines as JSON Lines texts of `chunk` lines each (as the Python package
     * sends them): one buffer per chunk keeps the answers' memory small. */
    enum { chunk = 1000 };
    size_t errors = 0;
    int rc = QX_OK;
    start = now();
    for (size_t first = 0; first < n && rc == QX_OK; first += chunk) {
        const size_t last = first + chunk < n ? first + chunk : n;
        for (size_t i = first; i + 1 < last; ++i) lines[i][strlen(lines[i])] = '\n';
        char *answers = NULL;
        size_t chunk_errors = 0;
        rc = qx_batch(engine, lines[first], flags, &answers, &chunk_errors);
        errors += chunk_errors;
        qx_free(answers);
    }
    seconds = now() - start;
    printf("C API, qx_batch, %d lines a call: %zu lines in %.2f CPU s: %.0f lines per CPU second (%s)\n", chunk, n,
           seconds, (double)n / seconds, what);
    free(lines);
    free(text);
    qx_engine_close(engine);
    if (bad != 0 || rc != QX_OK || errors != 0) {
        fprintf(stderr, "capi_bench: %zu + %zu lines not answered with a deadline\n", bad, errors);
        return 1;
    }
    return bytes > 0 ? 0 : 1;
}
