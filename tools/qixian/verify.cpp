#include "verify.hpp"
#include "request_json.hpp"

#define TOML_EXCEPTIONS 0
#define TOML_HEADER_ONLY 1
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace qixian::cli {

namespace {

namespace fs = std::filesystem;

struct decision {
    std::optional<civil_date> last_day;
    std::string status;
    std::string expiry;
    std::optional<bool> waived;
};

std::string where(const std::string& file, const toml::source_region& r) {
    return file + ":" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column);
}

// Checks a table's keys against `allowed`; returns the problems.
std::vector<std::string> unknown_keys(const std::string& file, const toml::table& t,
                                      std::initializer_list<std::string_view> allowed, const char* table) {
    std::vector<std::string> problems;
    for (auto&& [k, v] : t)
        if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end())
            problems.push_back(where(file, k.source()) + ": unknown key '" + std::string(k.str()) + "' in [" + table + "]");
    return problems;
}

void run_one(const rule_pack& pack, const fs::path& path, std::ostream& out, verify_stats& stats) {
    const std::string file = path.generic_string();
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto parsed = toml::parse(ss.str(), std::string_view(file));
    auto broken = [&](const std::vector<std::string>& problems) {
        ++stats.failed;
        out << "ERROR " << file << "\n";
        for (const auto& p : problems) out << "      " << p << "\n";
    };
    if (!parsed) {
        broken({where(file, parsed.error().source()) + ": " + std::string(parsed.error().description())});
        return;
    }
    const toml::table& doc = parsed.table();
    std::vector<std::string> problems = unknown_keys(file, doc, {"case", "request", "decision"}, "top level");
    const toml::table* c = doc["case"].as_table();
    const toml::table* r = doc["request"].as_table();
    const toml::table* d = doc["decision"].as_table();
    if (!c || !r || !d) problems.push_back(file + ": a fixture has the tables [case], [request] and [decision]");
    std::string citation = path.filename().string();
    decision want;
    if (c) {
        auto p = unknown_keys(file, *c, {"citation", "court", "decided", "sources", "note"}, "case");
        problems.insert(problems.end(), p.begin(), p.end());
        if (auto s = (*c)["citation"].value<std::string>()) citation = *s;
        else problems.push_back(where(file, c->source()) + ": [case] needs a citation");
        if (!(*c)["court"].is_string()) problems.push_back(where(file, c->source()) + ": [case] needs a court");
        if (!(*c)["decided"].is_date()) problems.push_back(where(file, c->source()) + ": [case] needs decided = a date");
        if (!(*c)["sources"].is_array() || (*c)["sources"].as_array()->empty())
            problems.push_back(where(file, c->source()) + ": [case] needs sources");
    }
    if (d) {
        auto p = unknown_keys(file, *d, {"last_day", "status", "expiry", "waived"}, "decision");
        problems.insert(problems.end(), p.begin(), p.end());
        if (auto ld = (*d)["last_day"].value<toml::date>())
            if (auto day = civil_date::from_ymd(ld->year, ld->month, ld->day)) want.last_day = *day;
        want.status = (*d)["status"].value_or(std::string());
        if (want.status != "timely" && want.status != "late" && want.status != "partly_late")
            problems.push_back(where(file, d->source()) + ": [decision] status must be timely, late or partly_late");
        want.expiry = (*d)["expiry"].value_or(std::string());
        want.waived = (*d)["waived"].value<bool>();
    }
    if (!problems.empty()) {
        broken(problems);
        return;
    }
    // The request is a batch request written in TOML: the same reader checks it.
    std::ostringstream json;
    json << toml::json_formatter{*r};
    auto req = request_from_json(nlohmann::json::parse(json.str(), nullptr, false));
    if (!req) {
        broken({file + ": [request]: " + req.error().message});
        return;
    }
    auto got = compute(pack, *req);
    std::string court = want.status;
    if (want.last_day) court += ", last day " + want.last_day->to_string();
    if (!want.expiry.empty()) court += ", expiry " + want.expiry;
    if (want.waived && *want.waived) court += ", waived";
    if (!got) {
        ++stats.failed;
        out << "FAIL  " << citation << "\n      court:  " << court << "\n      qixian: error "
            << to_string(got.error().code) << ": " << got.error().message << "\n";
        return;
    }
    std::string engine = got->status.value_or("(no act given)");
    engine += got->time_limited
                  ? ", last day " + got->last_day.to_string() + ", expiry " + std::string(to_string(got->expiry))
                  : std::string(", no time limit");
    if (got->waived) engine += ", waived";
    std::vector<std::string> differences;
    if (got->status.value_or("") != want.status) differences.push_back("status");
    if (want.last_day && (!got->time_limited || *want.last_day != got->last_day)) differences.push_back("last day");
    if (!want.expiry.empty() && (!got->time_limited || want.expiry != to_string(got->expiry)))
        differences.push_back("expiry");
    if (want.waived && *want.waived != got->waived) differences.push_back("waived");
    if (differences.empty()) {
        ++stats.passed;
        out << "PASS  " << citation << "\n      court:  " << court << "\n      qixian: " << engine << "  ("
            << got->rule << ", version " << got->version << ")\n";
    } else {
        ++stats.failed;
        std::string what;
        for (const auto& x : differences) what += (what.empty() ? "" : ", ") + x;
        out << "FAIL  " << citation << " — differs in " << what << "\n      court:  " << court
            << "\n      qixian: " << engine << "  (" << got->rule << ", version " << got->version << ")\n";
    }
}

}  // namespace

verify_stats run_verify(const rule_pack& pack, const std::string& path, std::ostream& out) {
    verify_stats stats;
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(path, ec)) {
        for (const auto& e : fs::directory_iterator(path, ec))
            if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
        std::sort(files.begin(), files.end());
    } else if (fs::is_regular_file(path, ec)) {
        files.push_back(path);
    } else {
        ++stats.failed;
        out << "ERROR " << path << ": not a fixture file or directory\n";
        return stats;
    }
    for (const auto& f : files) run_one(pack, f, out, stats);
    out << stats.passed << " passed, " << stats.failed << " failed\n";
    return stats;
}

}  // namespace qixian::cli
