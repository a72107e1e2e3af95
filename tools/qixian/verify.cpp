#include "verify.hpp"
#include "io.hpp"
#include "request_json.hpp"
#include "qixian/messages.hpp"

#define TOML_EXCEPTIONS 0
#define TOML_HEADER_ONLY 0  // the implementation is in the engine (toml_impl.cpp)
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

// One fixture's outcome: what the court decided, what the engine says, how they differ
// (or why the fixture could not be run).
struct case_result {
    std::string file;
    std::string citation;
    enum class outcome { pass, fail, error } result = outcome::error;
    std::vector<std::string> problems;  // error: what is wrong with the fixture
    decision want;
    std::optional<deadline> got;
    std::optional<error> got_error;
    std::vector<std::string> differs;
};

case_result run_one(const rule_pack& pack, const fs::path& path) {
    case_result res;
    const std::string file = path.generic_string();
    res.file = file;
    res.citation = path.filename().string();
    auto broken = [&](std::vector<std::string> problems) {
        res.result = case_result::outcome::error;
        res.problems = std::move(problems);
        return res;
    };
    const auto text = read_file(file);
    if (!text) return broken({text.error().message});
    auto parsed = toml::parse(*text, std::string_view(file));
    if (!parsed)
        return broken({where(file, parsed.error().source()) + ": " + std::string(parsed.error().description())});
    const toml::table& doc = parsed.table();
    std::vector<std::string> problems = unknown_keys(file, doc, {"case", "request", "decision"}, "top level");
    const toml::table* c = doc["case"].as_table();
    const toml::table* r = doc["request"].as_table();
    const toml::table* d = doc["decision"].as_table();
    if (!c || !r || !d) problems.push_back(file + ": a fixture has the tables [case], [request] and [decision]");
    decision& want = res.want;
    if (c) {
        auto p = unknown_keys(file, *c, {"citation", "court", "decided", "sources", "note"}, "case");
        problems.insert(problems.end(), p.begin(), p.end());
        if (auto s = (*c)["citation"].value<std::string>()) res.citation = *s;
        else problems.push_back(where(file, c->source()) + ": [case] needs a citation");
        if (!(*c)["court"].is_string()) problems.push_back(where(file, c->source()) + ": [case] needs a court");
        if (!(*c)["decided"].is_date()) problems.push_back(where(file, c->source()) + ": [case] needs decided = a date");
        if (!(*c)["sources"].is_array() || (*c)["sources"].as_array()->empty())
            problems.push_back(where(file, c->source()) + ": [case] needs sources");
    }
    if (d) {
        auto p = unknown_keys(file, *d, {"last_day", "status", "expiry", "waived"}, "decision");
        problems.insert(problems.end(), p.begin(), p.end());
        if (const toml::node* ld_node = d->get("last_day")) {  // a date, never a string silently ignored
            const auto ld = ld_node->value<toml::date>();
            auto day = ld ? civil_date::from_ymd(ld->year, ld->month, ld->day) : result<civil_date>(unexpected(
                                                                                      make_error(errc::invalid_date, "")));
            if (day) want.last_day = *day;
            else problems.push_back(where(file, ld_node->source()) + ": [decision] last_day must be a date, e.g. 2020-08-27");
        }
        // A court may settle the last day alone (the filing day not known): status is then left out.
        want.status = (*d)["status"].value_or(std::string());
        if (want.status.empty() ? !want.last_day
                                : want.status != "timely" && want.status != "late" && want.status != "partly_late")
            problems.push_back(where(file, d->source()) +
                               ": [decision] status must be timely, late or partly_late (it may be left out only with last_day)");
        want.expiry = (*d)["expiry"].value_or(std::string());
        want.waived = (*d)["waived"].value<bool>();
    }
    if (!problems.empty()) return broken(std::move(problems));
    // The request is a batch request written in TOML: the same reader checks it.
    std::ostringstream json;
    json << toml::json_formatter{*r};
    auto req = request_from_json(nlohmann::json::parse(json.str(), nullptr, false));
    if (!req) return broken({file + ": [request]: " + req.error().message});
    auto got = compute(pack, *req);
    if (!got) {
        res.result = case_result::outcome::fail;
        res.got_error = got.error();
        res.differs.push_back("error");
        return res;
    }
    if (!want.status.empty() && got->status.value_or("") != want.status) res.differs.push_back("status");
    if (want.last_day && (!got->time_limited || *want.last_day != got->last_day)) res.differs.push_back("last day");
    if (!want.expiry.empty() && (!got->time_limited || want.expiry != to_string(got->expiry)))
        res.differs.push_back("expiry");
    if (want.waived && *want.waived != got->waived) res.differs.push_back("waived");
    res.result = res.differs.empty() ? case_result::outcome::pass : case_result::outcome::fail;
    res.got = std::move(*got);
    return res;
}

std::string court_text(const decision& want) {
    std::string court = want.status;
    if (want.last_day) court += (court.empty() ? "last day " : ", last day ") + want.last_day->to_string();
    if (!want.expiry.empty()) court += ", expiry " + want.expiry;
    if (want.waived && *want.waived) court += ", waived";
    return court;
}

// The verify words in Chinese: statuses, the fields that differ, the court's decision.
std::string status_zh(const std::string& st) {
    static constexpr std::pair<std::string_view, std::string_view> words[] = {
        {"timely", "未逾期"},          {"late", "逾期"},         {"partly_late", "部分逾期"},
        {"overdue", "超过期限"},       {"premature", "期间未满"}, {"permitted", "期间已满，准许"},
        {"within", "在回溯期间内"},    {"before_window", "早于回溯期间"}, {"undetermined", "尚无法确定"}};
    for (const auto& [en, zh] : words)
        if (en == st) return std::string(zh);
    return st;
}
std::string expiry_zh(std::string_view e) {
    return e == "bar" ? "期间届满即不得为之" : e == "defence" ? "可作时效抗辩" : e == "extinguished" ? "权利消灭" : "无";
}
std::string field_zh(const std::string& f) {
    return f == "status" ? "结论" : f == "last day" ? "届满日" : f == "expiry" ? "届满效果" : f == "waived" ? "放弃抗辩" : "计算出错";
}
std::string court_zh(const decision& want) {
    std::string court = want.status.empty() ? std::string() : std::string(status_zh(want.status));
    if (want.last_day) court += (court.empty() ? "届满日 " : "，届满日 ") + want.last_day->to_string();
    if (!want.expiry.empty()) court += "，届满效果 " + expiry_zh(want.expiry);
    if (want.waived && *want.waived) court += "，已放弃时效抗辩";
    return court;
}

void print_text_zh(const case_result& x, std::ostream& out) {
    if (x.result == case_result::outcome::error) {
        out << "案例文件有误 " << x.file << "\n";
        for (const auto& p : x.problems) out << "      " << translate_zh("fixture", p) << "\n";
        return;
    }
    if (x.got_error) {
        out << "不符  " << x.citation << "\n      法院：  " << court_zh(x.want) << "\n      本程序：错误 "
            << to_string(x.got_error->code) << "：" << message_zh(*x.got_error) << "\n";
        return;
    }
    const deadline& got = *x.got;
    std::string engine = got.status ? status_zh(*got.status) : "（未给出行为日）";
    engine += got.time_limited ? "，届满日 " + got.last_day.to_string() + "，届满效果 " + expiry_zh(to_string(got.expiry))
                               : std::string("，不受期间限制");
    if (got.waived) engine += "，已放弃时效抗辩";
    std::string what;
    for (const auto& d : x.differs) what += (what.empty() ? "" : "、") + field_zh(d);
    out << (x.result == case_result::outcome::pass ? "通过  " + x.citation : "不符  " + x.citation + " — 不同之处：" + what)
        << "\n      法院：  " << court_zh(x.want) << "\n      本程序：" << engine << "（" << got.rule << "，"
        << got.version << " 起施行的版本）\n";
}

void print_text(const case_result& x, std::ostream& out) {
    if (x.result == case_result::outcome::error) {
        out << "ERROR " << x.file << "\n";
        for (const auto& p : x.problems) out << "      " << p << "\n";
        return;
    }
    if (x.got_error) {
        out << "FAIL  " << x.citation << "\n      court:  " << court_text(x.want) << "\n      qixian: error "
            << to_string(x.got_error->code) << ": " << x.got_error->message << "\n";
        return;
    }
    const deadline& got = *x.got;
    std::string engine = got.status.value_or("(no act given)");
    engine += got.time_limited
                  ? ", last day " + got.last_day.to_string() + ", expiry " + std::string(to_string(got.expiry))
                  : std::string(", no time limit");
    if (got.waived) engine += ", waived";
    if (x.result == case_result::outcome::pass) {
        out << "PASS  " << x.citation << "\n      court:  " << court_text(x.want) << "\n      qixian: " << engine
            << "  (" << got.rule << ", version " << got.version << ")\n";
        return;
    }
    std::string what;
    for (const auto& d : x.differs) what += (what.empty() ? "" : ", ") + d;
    out << "FAIL  " << x.citation << " — differs in " << what << "\n      court:  " << court_text(x.want)
        << "\n      qixian: " << engine << "  (" << got.rule << ", version " << got.version << ")\n";
}

nlohmann::ordered_json to_json(const case_result& x) {
    using json = nlohmann::ordered_json;
    json out{{"file", x.file},
             {"citation", x.citation},
             {"result", x.result == case_result::outcome::pass ? "pass"
                        : x.result == case_result::outcome::fail ? "fail"
                                                                : "error"}};
    if (x.result == case_result::outcome::error) {
        out["problems"] = x.problems;
        return out;
    }
    json court = json::object();
    if (!x.want.status.empty()) court["status"] = x.want.status;
    if (x.want.last_day) court["last_day"] = x.want.last_day->to_string();
    if (!x.want.expiry.empty()) court["expiry"] = x.want.expiry;
    if (x.want.waived) court["waived"] = *x.want.waived;
    out["court"] = std::move(court);
    if (x.got_error) {
        out["qixian"] = {{"error",
                          {{"code", std::string(to_string(x.got_error->code))},
                           {"message", x.got_error->message},
                           {"message_zh", message_zh(*x.got_error)}}}};
    } else {
        const deadline& got = *x.got;
        json engine{{"rule", got.rule}, {"version", got.version.to_string()}, {"time_limited", got.time_limited}};
        if (got.status) engine["status"] = *got.status;
        if (got.time_limited) {
            engine["last_day"] = got.last_day.to_string();
            engine["expiry"] = std::string(to_string(got.expiry));
        }
        engine["waived"] = got.waived;
        out["qixian"] = std::move(engine);
    }
    out["differs"] = x.differs;
    return out;
}

}  // namespace

verify_stats run_verify(const rule_pack& pack, const std::string& path, std::ostream& out, bool json, bool zh) {
    verify_stats stats;
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(path, ec)) {
        for (const auto& e : fs::directory_iterator(path, ec))
            if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
        std::sort(files.begin(), files.end());
    } else if (fs::is_regular_file(path, ec)) {
        files.push_back(path);
    }
    // A path with no fixture in it fails: a mistyped directory must not pass in CI.
    if (files.empty()) {
        ++stats.failed;
        const std::string why = path + (fs::is_directory(path, ec) ? ": no fixtures (*.toml) in this directory"
                                                                    : ": not a fixture file or directory");
        if (json)
            out << nlohmann::ordered_json{{"passed", 0}, {"failed", 1}, {"error", why},
                                          {"cases", nlohmann::ordered_json::array()}}
                       .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
        else if (zh)
            out << "案例文件有误 " << path
                << (fs::is_directory(path, ec) ? "：该目录中没有案例文件（*.toml）\n" : "：不是案例文件，也不是目录\n");
        else
            out << "ERROR " << why << "\n";
        return stats;
    }
    nlohmann::ordered_json cases = nlohmann::ordered_json::array();
    for (const auto& f : files) {
        const case_result x = run_one(pack, f);
        (x.result == case_result::outcome::pass ? stats.passed : stats.failed) += 1;
        if (json) cases.push_back(to_json(x));
        else if (zh) print_text_zh(x, out);
        else print_text(x, out);
    }
    if (json)
        out << nlohmann::ordered_json{{"passed", stats.passed}, {"failed", stats.failed}, {"cases", std::move(cases)}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
    else if (zh)
        out << "通过 " << stats.passed << " 件，不符或有误 " << stats.failed << " 件\n";
    else
        out << stats.passed << " passed, " << stats.failed << " failed\n";
    return stats;
}

}  // namespace qixian::cli
