// Fuzz target: the C API's JSON entry points (capi/include/qixian/qixian.h) on any text.
// The first byte chooses qx_compute, qx_batch or qx_docket (and QX_NO_TRACE); the rest is
// the NUL-terminated request. Whatever the text: a known code, an answer that is JSON
// (one object; for qx_batch one object per line), and an error answer whose code is the
// name of the code returned.
#include "fuzz_support.hpp"

#include "qixian/qixian.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace {

// An answer object: "ok", and when it is false an error with a code and a message.
void check_object(const nlohmann::json& j, std::string_view text) {
    qixian::fuzz::require(j.is_object() && j.contains("ok") && j["ok"].is_boolean(),
                          "an answer that is not an object with 'ok'", text);
    if (j["ok"] == true) return;
    qixian::fuzz::require(j.contains("error") && j["error"]["code"].is_string() && j["error"]["message"].is_string(),
                          "an error answer without a code and a message", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static qx_engine* engine = [] {
        qx_engine* e = nullptr;
        qixian::fuzz::require(qx_engine_open(nullptr, &e, nullptr) == QX_OK, "the built-in pack did not open");
        return e;
    }();
    if (size == 0) return 0;
    const unsigned choice = data[0] % 3, flags = (data[0] / 3) % 2 ? QX_NO_TRACE : 0u;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);  // NUL-terminated, maybe with NULs inside
    char* answer = nullptr;
    std::size_t errors = 0;
    const int rc = choice == 0   ? qx_compute(engine, text.c_str(), flags, &answer)
                   : choice == 1 ? qx_batch(engine, text.c_str(), flags, &answer, &errors)
                                 : qx_docket(engine, text.c_str(), flags, &answer);
    qixian::fuzz::require(qx_error_name(rc) != nullptr, "a return code that is no code");
    qixian::fuzz::require(answer != nullptr, "no answer");
    const std::string out(answer);
    qx_free(answer);
    if (choice == 1) {
        qixian::fuzz::require(rc == QX_OK, "qx_batch did not answer every line", out);
        std::size_t from = 0, lines = 0, bad = 0;
        while (from < out.size()) {
            const std::size_t nl = out.find('\n', from);
            qixian::fuzz::require(nl != std::string::npos, "a batch answer without its newline", out);
            const auto j = nlohmann::json::parse(std::string_view(out).substr(from, nl - from), nullptr, false);
            qixian::fuzz::require(!j.is_discarded(), "a batch answer line that is not JSON", out);
            check_object(j, out);
            bad += j["ok"] == false;
            ++lines;
            from = nl + 1;
        }
        qixian::fuzz::require(bad == errors, "qx_batch's error count differs from its error answers", out);
        return 0;
    }
    const auto j = nlohmann::json::parse(out, nullptr, false);
    qixian::fuzz::require(!j.is_discarded(), "an answer that is not JSON", out);
    check_object(j, out);
    qixian::fuzz::require((rc == QX_OK) == (j["ok"] == true), "a return code that disagrees with 'ok'", out);
    if (rc != QX_OK)
        qixian::fuzz::require(j["error"]["code"] == qx_error_name(rc), "an error answer whose code is not the one returned", out);
    return 0;
}
