// Fuzz target: the rule-pack loader over a directory of rule and calendar TOML files.
// The input is split at NUL bytes into files f00.toml, f01.toml, …; a pack that loads
// is used: each rule (the first 8) is computed from its first trigger event, so that
// fuzzed periods, conventions and calendars reach the engine, not only the checks.
#include "fuzz_support.hpp"

#include "qixian/compute.hpp"
#include "qixian/diagnostics.hpp"
#include "qixian/rule_pack.hpp"

#include <cstdint>

using namespace qixian;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<source_file> files;
    for (std::size_t from = 0;;) {
        const auto nul = input.find('\0', from);
        const std::size_t n = files.size();
        std::string name = std::string(n < 10 ? "f0" : "f") + std::to_string(n) + ".toml";
        files.push_back({std::move(name), std::string(input.substr(from, nul == std::string_view::npos ? nul : nul - from))});
        if (nul == std::string_view::npos || files.size() == 64) break;
        from = nul + 1;
    }
    auto pack = rule_pack::load(std::move(files));
    if (!pack) {
        fuzz::require(!pack.error().empty(), "a pack that fails without a diagnostic");
        for (const auto& d : pack.error()) fuzz::require(!format(d).empty(), "an empty diagnostic");
        return 0;
    }
    std::size_t computed = 0;
    for (const auto& r : pack->rules()) {
        if (computed++ == 8) break;
        compute_request req{.rule = r.id};
        for (const auto& v : r.versions)
            if (!v.trigger.empty()) {
                req.events[v.trigger.front()] = "2020-02-29";
                break;
            }
        req.act = "2021-03-01";
        if (auto d = compute(*pack, req); !d)
            fuzz::require(!d.error().message.empty(), "an error without a message", r.id);
    }
    return 0;
}
