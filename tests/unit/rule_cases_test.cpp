// Every worked case in tests/data/rule_cases/*.csv, through compute() on the built-in
// pack: the version applied and the last day (or the error code), as the law gives them.
#include "qixian/compute.hpp"
#include "qixian/rule_pack.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

using namespace qixian;
namespace fs = std::filesystem;

namespace {
// One CSV line into fields; "…" quotes a field, "" inside it is a quote.
std::vector<std::string> split_csv(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { out.back() += '"'; ++i; }
            else if (c == '"') quoted = false;
            else out.back() += c;
        } else if (c == '"') quoted = true;
        else if (c == ',') out.emplace_back();
        else out.back() += c;
    }
    return out;
}

std::map<std::string, std::string, std::less<>> pairs(const std::string& text) {
    std::map<std::string, std::string, std::less<>> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(';', pos);
        if (end == std::string::npos) end = text.size();
        const std::string item = text.substr(pos, end - pos);
        const auto eq = item.find('=');
        if (eq != std::string::npos) out[item.substr(0, eq)] = item.substr(eq + 1);
        pos = end + 1;
    }
    return out;
}
// `a;b;!c` into its items (no `=` needed).
std::vector<std::pair<std::string, int>> pairs_list(const std::string& text) {
    std::vector<std::pair<std::string, int>> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(';', pos);
        if (end == std::string::npos) end = text.size();
        if (end > pos) out.emplace_back(text.substr(pos, end - pos), 0);
        pos = end + 1;
    }
    return out;
}
}  // namespace

TEST_CASE("worked cases of every rule (tests/data/rule_cases)") {
    auto pack = rule_pack::load_embedded();
    REQUIRE(pack.has_value());
    std::set<std::string> covered;
    int cases = 0;
    for (const auto& e : fs::directory_iterator(fs::path(QIXIAN_TEST_DATA_DIR) / "rule_cases")) {
        if (e.path().extension() != ".csv") continue;
        std::ifstream in(e.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            if (++n == 1 || line.empty() || line[0] == '#') continue;
            const auto f = split_csv(line);
            CAPTURE(e.path().filename().string());
            CAPTURE(n);
            CAPTURE(line);
            REQUIRE(f.size() >= 6);
            compute_request req{.rule = f[0], .events = pairs(f[1]), .facts = pairs(f[2])};
            if (!f[3].empty()) req.act = f[3];
            auto d = compute(*pack, req);
            ++cases;
            covered.insert(f[0]);
            const std::string& expected = f[5];
            if (expected.size() == 10 && expected[4] == '-') {
                REQUIRE_MESSAGE(d.has_value(), (d ? "" : d.error().message));
                CHECK(d->last_day.to_string() == expected);
                if (!f[4].empty()) CHECK(d->version.to_string() == f[4]);
                if (f.size() > 8 && !f[8].empty()) CHECK(d->status.value_or("") == f[8]);
            } else if (expected == "no_time_limit") {
                REQUIRE_MESSAGE(d.has_value(), (d ? "" : d.error().message));
                CHECK_FALSE(d->time_limited);
                // no period: an act is in time whenever it was done; without one, nothing to judge
                if (req.act) CHECK(d->status == "timely");
                else CHECK_FALSE(d->status.has_value());
                if (!f[4].empty()) CHECK(d->version.to_string() == f[4]);
            } else {
                REQUIRE_FALSE(d.has_value());
                CHECK(to_string(d.error().code) == expected);
            }
            // cites: the citations of the answer contain each text, and none marked with '!'
            // (a version cites only the texts in force on its days).
            if (d && f.size() > 7 && !f[7].empty()) {
                std::string all;
                for (const auto& c : d->citations) all += to_string(c) + "\n";
                for (const auto& [text, unused] : pairs_list(f[7])) {
                    const bool absent = text[0] == '!';
                    const std::string needle = absent ? text.substr(1) : text;
                    CAPTURE(all);
                    if (absent) CHECK_MESSAGE(all.find(needle) == std::string::npos, "cites " << needle);
                    else CHECK_MESSAGE(all.find(needle) != std::string::npos, "does not cite " << needle);
                }
            }
        }
    }
    CHECK(cases >= 7);
    // every rule of the pack has at least one worked case
    for (const auto& r : pack->rules()) CHECK_MESSAGE(covered.count(r.id) == 1, "no worked case for " << r.id);
}
