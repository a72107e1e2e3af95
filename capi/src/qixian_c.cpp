// The C API (qixian/qixian.h) over the JSON contract of `qixian batch`: every entry point
// catches everything, answers NULLs with QX_INVALID_ARGUMENT, and returns text in
// malloc'd buffers the caller frees with qx_free.
#include "qixian/qixian.h"

#include "batch.hpp"
#include "docket.hpp"
#include "json_writer.hpp"
#include "render.hpp"

#include "qixian/error.hpp"
#include "qixian/messages.hpp"
#include "qixian/rule_pack.hpp"
#include "qixian/tz.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

struct qx_engine {
    qixian::rule_pack pack;
};

namespace {

using qixian::cli::json_writer;

constexpr unsigned known_flags = QX_NO_TRACE;

// Answers are written with citation lists cached per thread: an entry holds its list, so
// a cached key stays valid whichever engine it came from, and the cache stays bounded.
qixian::cli::citation_json_cache& thread_cache() {
    thread_local qixian::cli::citation_json_cache cache;
    return cache;
}

// A malloc'd, NUL-terminated copy of `text` (NULL when memory runs out).
char* copy_out(std::string_view text) noexcept {
    auto* p = static_cast<char*>(std::malloc(text.size() + 1));
    if (p == nullptr) return nullptr;
    std::memcpy(p, text.data(), text.size());
    p[text.size()] = '\0';
    return p;
}

// Hands `text` to the caller through `out` (when not NULL); `code` unless memory ran out.
int give(char** out, std::string_view text, int code) noexcept {
    if (out == nullptr) return code;
    *out = copy_out(text);
    return *out == nullptr ? QX_OUT_OF_MEMORY : code;
}

std::string error_answer(int code, std::string_view message) {
    std::string text;
    json_writer w(text);
    const char* name = qx_error_name(code);
    w.begin_object().key("id").null().field("ok", false);
    const std::string_view code_name = name != nullptr ? name : "internal_error";
    w.key("error").begin_object().field("code", code_name).field("message", message);
    w.field("message_zh", qixian::translate_zh(code_name, message));
    w.end_object().end_object();
    return w.finish();
}

// An error answer through `out`, and its code.
int fail(char** out, int code, std::string_view message) noexcept {
    if (out != nullptr) *out = nullptr;
    try {
        return give(out, error_answer(code, message), code);
    } catch (...) {
        return QX_OUT_OF_MEMORY;
    }
}

// Runs `body` (which returns a code), turning any exception into a code and an error answer.
template <class F>
int guarded(char** out, F&& body) noexcept {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return fail(out, QX_OUT_OF_MEMORY, "out of memory");
    } catch (const std::exception& e) {
        return fail(out, QX_INTERNAL_ERROR, e.what());
    } catch (...) {
        return fail(out, QX_INTERNAL_ERROR, "unexpected failure");
    }
}

// The code of an error answer written by answer_line: `"error":{"code":"NAME"` is its
// last object, and a message (a JSON string) cannot hold an unescaped quote, so the last
// occurrence is the answer's own.
int code_of_error_answer(std::string_view answer) {
    constexpr std::string_view marker = R"("error":{"code":")";
    const auto at = answer.rfind(marker);
    if (at == std::string_view::npos) return QX_INTERNAL_ERROR;
    const auto begin = at + marker.size();
    const auto name = answer.substr(begin, answer.find('"', begin) - begin);
    for (int c = 1; c <= QX_MISSING_FACT; ++c)
        if (name == qx_error_name(c)) return c;
    return QX_INTERNAL_ERROR;
}

// A case nests a few levels deep; the JSON tree's copies and destruction recurse, so a
// text nested deeper than `limit` is refused before it is parsed (strings are skipped).
bool nested_deeper_than(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

void write_region(json_writer& w, const qixian::source_region& r) {
    w.field("file", r.file).field("line", static_cast<std::int64_t>(r.begin.line));
    w.field("column", static_cast<std::int64_t>(r.begin.column));
}

std::string diagnostics_json(bool ok, int code, const std::vector<qixian::diagnostic>& ds) {
    std::string text;
    json_writer w(text);
    w.begin_object().field("ok", ok);
    if (!ok) {
        w.key("error").begin_object().field("code", qx_error_name(code));
        w.field("message", code == QX_IO_ERROR ? "the rules directory cannot be read"
                                               : "the rule pack has errors (see diagnostics)");
        w.end_object();
    }
    w.key("diagnostics").begin_array();
    for (const auto& d : ds) {
        w.begin_object().field("code", d.code).field("severity", qixian::to_string(d.level)).field("message", d.message);
        w.field("message_zh", qixian::message_zh(d));
        write_region(w, d.region);
        if (!d.notes.empty()) {
            w.key("notes").begin_array();
            for (const auto& n : d.notes) {
                w.begin_object().field("message", n.message).field("message_zh", qixian::translate_zh("note", n.message));
                write_region(w, n.region);
                w.end_object();
            }
            w.end_array();
        }
        w.end_object();
    }
    w.end_array().end_object();
    return w.finish();
}

int open_engine(const char* rules_dir, qx_engine** engine, char** diagnostics) {
    auto pack = rules_dir == nullptr ? qixian::rule_pack::load_embedded() : qixian::rule_pack::load_directory(rules_dir);
    if (!pack) {
        // E0002: the directory or one of its files cannot be read.
        const bool io = std::all_of(pack.error().begin(), pack.error().end(),
                                    [](const qixian::diagnostic& d) { return d.code == "E0002"; });
        const int code = io ? QX_IO_ERROR : QX_RULES_INVALID;
        return give(diagnostics, diagnostics_json(false, code, pack.error()), code);
    }
    std::string warnings = diagnostics != nullptr ? diagnostics_json(true, QX_OK, pack->warnings()) : std::string();
    *engine = new qx_engine{std::move(*pack)};
    const int rc = give(diagnostics, warnings, QX_OK);
    if (rc != QX_OK) {
        delete *engine;
        *engine = nullptr;
    }
    return rc;
}

void write_docket(json_writer& w, const qixian::cli::docket& d, bool trace) {
    w.begin_object().field("ok", true);
    qixian::cli::write_deadlines(w, d, trace, thread_cache());
    w.end_object();
}

std::string meta_json(const qixian::rule_pack& pack) {
    std::string text;
    json_writer w(text);
    w.begin_object().field("engine_version", qixian::engine_version()).field("abi_version", qx_abi_version());
    w.field("rule_pack_digest", pack.digest()).field("calendar_digest", pack.calendar_digest());
    w.field("tz_database_version", qixian::tz::database_version());
    w.key("calendars").begin_array();
    for (const auto& id : pack.calendar_ids()) {
        const auto* c = pack.find_calendar(id);
        w.begin_object().field("id", id).field("first", c->coverage_first()).field("last", c->coverage_last()).end_object();
    }
    w.end_array().key("rules").begin_array();
    for (const auto& r : pack.rules()) {
        w.begin_object().field("id", r.id).field("name_zh", r.name_zh).field("name_en", r.name_en);
        w.field("versions", static_cast<std::int64_t>(r.versions.size())).end_object();
    }
    w.end_array().field("warnings", static_cast<std::int64_t>(pack.warnings().size())).end_object();
    return w.finish();
}

}  // namespace

extern "C" {

int qx_engine_open(const char* rules_dir, qx_engine** engine, char** diagnostics) {
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (engine == nullptr) return fail(diagnostics, QX_INVALID_ARGUMENT, "engine is NULL");
    *engine = nullptr;
    return guarded(diagnostics, [&] { return open_engine(rules_dir, engine, diagnostics); });
}

void qx_engine_close(qx_engine* engine) { delete engine; }

int qx_compute(const qx_engine* engine, const char* request, unsigned flags, char** answer) {
    if (answer == nullptr) return QX_INVALID_ARGUMENT;
    *answer = nullptr;
    if (engine == nullptr) return fail(answer, QX_INVALID_ARGUMENT, "engine is NULL");
    if (request == nullptr) return fail(answer, QX_INVALID_ARGUMENT, "request is NULL");
    if ((flags & ~known_flags) != 0) return fail(answer, QX_INVALID_ARGUMENT, "unknown flags");
    return guarded(answer, [&] {
        std::string text;
        const bool trace = (flags & QX_NO_TRACE) == 0;
        const bool ok = qixian::cli::answer_line(engine->pack, request, 1, trace, thread_cache(), text);
        return give(answer, text, ok ? QX_OK : code_of_error_answer(text));
    });
}

int qx_batch(const qx_engine* engine, const char* requests, unsigned flags, char** answers, size_t* errors) {
    if (errors != nullptr) *errors = 0;
    if (answers == nullptr) return QX_INVALID_ARGUMENT;
    *answers = nullptr;
    if (engine == nullptr) return fail(answers, QX_INVALID_ARGUMENT, "engine is NULL");
    if (requests == nullptr) return fail(answers, QX_INVALID_ARGUMENT, "requests is NULL");
    if ((flags & ~known_flags) != 0) return fail(answers, QX_INVALID_ARGUMENT, "unknown flags");
    return guarded(answers, [&] {
        // Lines as run_batch reads them (getline: no empty line after a final newline; a
        // carriage return before the newline dropped), each answered by answer_line into
        // one string: no stream copies of the input or the output.
        const std::string_view text(requests);
        const bool trace = (flags & QX_NO_TRACE) == 0;
        std::string out;
        std::size_t line_no = 0, failed = 0;
        for (std::size_t at = 0; at < text.size();) {
            const auto end = std::min(text.find('\n', at), text.size());
            std::string_view line = text.substr(at, end - at);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (!qixian::cli::answer_line(engine->pack, line, ++line_no, trace, thread_cache(), out)) ++failed;
            out += '\n';
            at = end + 1;
        }
        if (errors != nullptr) *errors = failed;
        return give(answers, out, QX_OK);
    });
}

int qx_docket(const qx_engine* engine, const char* case_json, unsigned flags, char** answer) {
    if (answer == nullptr) return QX_INVALID_ARGUMENT;
    *answer = nullptr;
    if (engine == nullptr) return fail(answer, QX_INVALID_ARGUMENT, "engine is NULL");
    if (case_json == nullptr) return fail(answer, QX_INVALID_ARGUMENT, "case is NULL");
    if ((flags & ~known_flags) != 0) return fail(answer, QX_INVALID_ARGUMENT, "unknown flags");
    return guarded(answer, [&] {
        constexpr int max_depth = 64;
        if (nested_deeper_than(case_json, max_depth))
            return fail(answer, QX_INVALID_REQUEST, "the case nests deeper than 64 levels");
        const auto parsed = nlohmann::json::parse(case_json, nullptr, false);
        if (parsed.is_discarded()) return fail(answer, QX_INVALID_REQUEST, "the case is not valid JSON");
        const auto d = qixian::cli::build_docket(engine->pack, parsed);
        if (!d) return fail(answer, static_cast<int>(d.error().code), d.error().message);
        std::string text;
        json_writer w(text);
        write_docket(w, *d, (flags & QX_NO_TRACE) == 0);
        return give(answer, w.finish(), QX_OK);
    });
}

int qx_meta(const qx_engine* engine, char** answer) {
    if (answer == nullptr) return QX_INVALID_ARGUMENT;
    *answer = nullptr;
    if (engine == nullptr) return fail(answer, QX_INVALID_ARGUMENT, "engine is NULL");
    return guarded(answer, [&] { return give(answer, meta_json(engine->pack), QX_OK); });
}

const char* qx_version(void) { return qixian::engine_version().data(); }

int qx_abi_version(void) { return QX_ABI_VERSION; }

const char* qx_error_name(int code) {
    switch (code) {
    case QX_OK: return "ok";
    case QX_INVALID_ARGUMENT: return "invalid_argument";
    case QX_OUT_OF_MEMORY: return "out_of_memory";
    case QX_INTERNAL_ERROR: return "internal_error";
    default: break;
    }
    if (code < 1 || code > QX_MISSING_FACT) return nullptr;
    // errc's spellings are string literals: NUL-terminated, static.
    return qixian::to_string(static_cast<qixian::errc>(code)).data();
}

void qx_free(void* buffer) { std::free(buffer); }

}  // extern "C"
