// Fuzz target: a docket case file (`qixian docket CASE`), TOML or JSON — JSON when the
// first non-blank byte is '{' (a TOML document cannot start so) — read and docketed over
// the embedded pack. Every outcome is a docket or an error with a message.
#include "fuzz_support.hpp"

#include "docket.hpp"

#include <cstdint>

using namespace qixian;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const rule_pack pack = std::move(*rule_pack::load_embedded());
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto first = text.find_first_not_of(" \t\r\n");
    const bool json = first != std::string_view::npos && text[first] == '{';
    auto parsed = cli::parse_case(text, json ? cli::case_format::json : cli::case_format::toml,
                                  json ? "case.json" : "case.toml");
    if (!parsed) {
        fuzz::require(!parsed.error().message.empty(), "an error without a message", text);
        return 0;
    }
    if (auto d = cli::build_docket(pack, *parsed)) {
        for (const auto& e : d->entries)
            fuzz::require(e.due.has_value() != e.problem.has_value(), "an entry with both or neither of due and problem");
    } else {
        fuzz::require(!d.error().message.empty(), "an error without a message", text);
    }
    return 0;
}
