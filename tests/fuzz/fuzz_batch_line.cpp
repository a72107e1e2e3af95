// Fuzz target: one line of `qixian batch` through parsing and computation
// (cli::answer_line over the embedded pack). Whatever the line, the answer is one JSON
// object on one line, and an error answer says which line and why.
#include "fuzz_support.hpp"

#include "batch.hpp"
#include "render.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

using namespace qixian;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const rule_pack pack = std::move(*rule_pack::load_embedded());
    static cli::citation_json_cache cache;
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    std::string answer;
    const bool ok = cli::answer_line(pack, line, 7, true, cache, answer);
    fuzz::require(answer.find('\n') == std::string::npos, "an answer of more than one line", answer);
    const auto j = nlohmann::json::parse(answer, nullptr, false);
    fuzz::require(!j.is_discarded() && j.is_object(), "an answer that is not a JSON object", answer);
    fuzz::require(j.contains("ok") && j["ok"] == ok, "an answer whose 'ok' is not what answer_line returned", answer);
    if (!ok) {
        fuzz::require(j.contains("line") && j["line"] == 7, "an error answer without its line", answer);
        fuzz::require(j["error"]["code"].is_string() && !j["error"]["message"].get<std::string>().empty(),
                      "an error answer without a code and message", answer);
    }
    return 0;
}
