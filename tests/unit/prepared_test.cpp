// Synopsis: prepared_rule::prepare(pack, id, facts, query), last_day(trigger). The
// prepared path must give compute()'s last day for every trigger day.
#include "qixian/qixian.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace qixian;
using qixian::test::day;

namespace {
const rule_pack& pack() { return test::embedded_pack(); }

using fact_map = std::map<std::string, std::string, std::less<>>;

// The conventions and calendars of rules/, with a convention that counts the start day (as
// some other jurisdictions do) and rules under it. Not law: test.* ids.
const rule_pack& start_counted_pack() {
    static const rule_pack p = [] {
        namespace fs = std::filesystem;
        std::vector<source_file> files;
        const fs::path root = fs::path(QIXIAN_SOURCE_DIR);
        for (const auto& e : fs::recursive_directory_iterator(root / "rules"))
            if (e.path().extension() == ".toml" && e.path().generic_string().find("/statutes/") == std::string::npos) {
                std::ifstream in(e.path(), std::ios::binary);
                std::stringstream ss;
                ss << in.rdbuf();
                files.push_back({fs::relative(e.path(), root).generic_string(), ss.str()});
            }
        std::string text = R"(schema_version = 1
[[convention]]
id        = "test.start-counted"
name_zh   = "起算日计入"
name_en   = "Start day counted"
start_day = "included"
month_end = "clamp"
roll      = "next_working_day"
day_end   = "24:00"
calendar  = "cn.mainland"
zone      = "Asia/Shanghai"
citations = [{ instrument = "test", article = "1" }]
)";
        int n = 0;
        for (const char* length : {"months = 1", "years = 2", "days = 15", "working_days = 5", "months = 1, days = 3"})
            text += std::string(R"(
[[rule]]
id = "test.start-counted.)") + std::to_string(++n) + R"("
name_zh = "测试"
name_en = "Test, the start day counted"
expiry = "bar"
tolling = "fixed"
convention = "test.start-counted"
  [[rule.version]]
  valid_from = 2000-01-01
  trigger = "served"
  period = { )" + length + R"( }
  citations = [{ instrument = "test", article = "2" }]
)";
        files.push_back({"test/start_counted.toml", text});
        return test::load_or_report(std::move(files));
    }();
    return p;
}

// Every combination of the facts a rule's periods and exclusions name (each absent or one
// of its values).
std::vector<fact_map> fact_sets(const rule& r) {
    std::set<std::string, std::less<>> named;
    for (const auto& v : r.versions) {
        for (const auto& c : v.periods)
            for (const auto& [fact, value] : c.when) named.insert(fact);
        for (const auto& u : v.not_time_limited)
            for (const auto& [fact, value] : u.when) named.insert(fact);
    }
    std::vector<fact_map> out{{}};
    for (const auto& fact : named) {
        const fact_kind* kind = find_fact(fact);
        REQUIRE(kind != nullptr);
        std::vector<fact_map> more;
        for (const auto& set : out)
            for (auto value : kind->values) {
                auto with = set;
                with.emplace(fact, std::string(value));
                more.push_back(std::move(with));
            }
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

// The prepared rule against compute() on every trigger day in [first, last]: the same last
// day, or the same error code. Returns the number of mismatches (the first few reported).
int mismatches(const rule_pack& p, const rule& r, const fact_map& facts, const prepared_rule& prepared,
               adjusted_weekend reading, civil_date first, civil_date last) {
    int bad = 0;
    for (civil_date d = first; d <= last; d = add_calendar_days(d, 1)) {
        const rule_version* in_force = &r.versions.front();
        for (const auto& v : r.versions)
            if (v.in_force_on(d)) in_force = &v;
        compute_request req{.rule = r.id, .events = {{in_force->trigger.front(), d.to_string()}}, .facts = facts,
                            .adjusted = reading, .trace = false};
        auto full = compute(p, req);
        auto fast = prepared.last_day(d);
        // A claim the version does not limit: compute() answers time_limited = false, last_day()
        // invalid_request.
        const bool same = !full               ? (!fast && fast.error().code == full.error().code)
                          : full->time_limited ? (fast && *fast == full->last_day)
                                               : (!fast && fast.error().code == errc::invalid_request);
        if (!same && ++bad <= 3) {
            CAPTURE(r.id);
            CAPTURE(d);
            CAPTURE(facts.size());
            CHECK_MESSAGE(same, (full ? full->last_day.to_string() : std::string(to_string(full.error().code))) << " vs "
                                                                                                  << (fast ? fast->to_string() : std::string(to_string(fast.error().code))));
        }
    }
    return bad;
}
}  // namespace

TEST_CASE("start_day = included: prepared rules count as count() does") {
    // 2025-03-01 counted as day one: + 1 month ends the day before the corresponding day,
    // 2025-03-31 (Mon, a working day), as count() (counting_test) and compute() give.
    const rule_pack& p = start_counted_pack();
    const rule* one_month = nullptr;
    int rules = 0;
    for (const auto& r : p.rules()) {
        if (r.convention != "test.start-counted") continue;
        ++rules;
        if (r.versions.front().periods.front().length == period::of_months(1)) one_month = &r;
        auto prepared = prepared_rule::prepare(p, r.id, {}, {});
        REQUIRE(prepared.has_value());
        CHECK(mismatches(p, r, {}, *prepared, adjusted_weekend::schedule, day("2021-01-01"), day("2024-12-31")) == 0);
    }
    CHECK(rules == 5);
    REQUIRE(one_month != nullptr);
    auto prepared = prepared_rule::prepare(p, one_month->id, {}, {});
    CHECK(*prepared->last_day(day("2025-03-01")) == day("2025-03-31"));
    auto full = compute(p, {.rule = one_month->id, .events = {{"served", "2025-03-01"}}});
    REQUIRE(full.has_value());
    CHECK(full->last_day == day("2025-03-31"));
}

// The sweep's first day: 2021 in the normal build, 2024 under the sanitizers (CI's time budget:
// the four years take some 200 s there; each year has the same rules and calendar features).
// The trigger-day sweep across the transitions takes every day in the normal build and every
// fifth day under the sanitizers (5 and 7 are coprime: every weekday still comes up, and each
// take-over is still crossed; what the sanitizers look for is not in which day it is).
#ifdef QIXIAN_SANITIZED
constexpr const char* sweep_from = "2024-01-01";
constexpr int sweep_step = 5;
#else
constexpr const char* sweep_from = "2021-01-01";
constexpr int sweep_step = 1;
#endif

TEST_CASE("every built-in rule that can be prepared gives compute()'s answer on every day 2021-2024") {
    // Under every combination of the facts it names and both readings of an adjusted weekend;
    // what prepare refuses is a composite, untimed, backwards or hours rule, one chosen by the
    // application, or facts that leave no version usable.
    int prepared_count = 0, refused = 0;
    for (const auto& r : pack().rules()) {
        for (const auto& facts : fact_sets(r)) {
            for (auto reading : {adjusted_weekend::schedule, adjusted_weekend::weekday}) {
                auto prepared = prepared_rule::prepare(pack(), r.id, facts, {.reading = reading});
                if (!prepared) {
                    ++refused;
                    CHECK((prepared.error().code == errc::invalid_request || prepared.error().code == errc::missing_fact));
                    continue;
                }
                ++prepared_count;
                CHECK(mismatches(pack(), r, facts, *prepared, reading, day(sweep_from), day("2024-12-31")) == 0);
            }
        }
    }
    MESSAGE(prepared_count << " prepared (rule, facts, reading), " << refused << " refused");
    CHECK(prepared_count >= 40);
}

TEST_CASE("prepared rules give compute()'s last day on every trigger day") {
    struct cfg { const char* rule; const char* event; std::map<std::string, std::string, std::less<>> facts;
                 const char* first; const char* last; };
    const cfg cases[] = {
        {"cn.enforcement.application", "effective", {}, "2008-04-01", "2024-12-31"},
        // the 1991 text and the 2008 take-over of periods still running on 2008-04-01
        {"cn.enforcement.application", "effective", {{"parties", "legal_persons"}}, "2000-01-01", "2024-12-31"},
        {"cn.enforcement.application", "effective", {{"parties", "natural_person_involved"}}, "2000-01-01", "2024-12-31"},
        // the 2017 take-over of GPCL periods still running on 2017-10-01
        {"cn.civil.limitation", "knew", {}, "2000-01-01", "2023-12-31"},
        {"cn.appeal.judgment", "served", {{"domicile", "abroad"}}, "2004-01-01", "2026-11-30"},
        {"cn.retrial.application", "effective", {}, "2004-01-01", "2026-06-30"},  // the 2013 cap
        {"cn.payment-order.objection", "received", {}, "2004-01-01", "2026-12-15"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.rule);
        for (auto reading : {adjusted_weekend::schedule, adjusted_weekend::weekday}) {
            auto prepared = prepared_rule::prepare(pack(), c.rule, c.facts, {.reading = reading});
            REQUIRE(prepared.has_value());
            int days = 0, mismatches = 0;
            for (civil_date d = day(c.first); d <= day(c.last); d = add_calendar_days(d, sweep_step), ++days) {
                compute_request req{.rule = c.rule, .events = {{c.event, d.to_string()}}, .facts = c.facts,
                                    .adjusted = reading, .trace = false};
                auto full = compute(pack(), req);
                auto fast = prepared->last_day(d);
                const bool same = full ? (fast && *fast == full->last_day) : (!fast && fast.error().code == full.error().code);
                if (!same && ++mismatches < 5) {
                    CAPTURE(d);
                    CHECK(same);
                }
            }
            CHECK(mismatches == 0);
            CHECK(days > 5000 / sweep_step);
        }
    }
}

TEST_CASE("what cannot be prepared is refused") {
    CHECK(prepared_rule::prepare(pack(), "cn.nope", {}, {}).error().code == errc::unknown_rule);
    CHECK(prepared_rule::prepare(pack(), "cn.appeal.judgment", {}, {}).error().code == errc::missing_fact);
    CHECK(prepared_rule::prepare(pack(), "cn.civil.revocation", {}, {}).error().code == errc::invalid_request);
    CHECK(prepared_rule::prepare(pack(), "cn.preservation.pre-action.ruling", {}, {}).error().code == errc::invalid_request);
    auto p = prepared_rule::prepare(pack(), "cn.enforcement.application", {}, {});
    CHECK(p->last_day(day("1990-05-01")).error().code == errc::no_version_in_force);
    CHECK(p->last_day(day("2007-05-01")).error().code == errc::missing_fact);  // the 1991 text needs `parties`
    auto legal = prepared_rule::prepare(pack(), "cn.enforcement.application", {{"parties", "legal_persons"}}, {});
    CHECK(*legal->last_day(day("2007-09-30")) == day("2008-03-31"));  // ran out the day before 2008-04-01
    CHECK(*legal->last_day(day("2007-10-01")) == day("2009-10-09"));  // still running: 2 years
    // Past the published data, the projected calendar's best estimate, as compute() gives it;
    // past the last projectable year, an error.
    auto projected = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2025-06-01"}}});
    REQUIRE(projected.has_value());
    CHECK(projected->provisional);
    CHECK(*p->last_day(day("2025-06-01")) == projected->last_day);
    CHECK(p->last_day(day("2300-06-01")).error().code == errc::outside_calendar_coverage);
    CHECK(*p->last_day(day("2016-12-31")) == day("2019-01-02"));
    // Facts are checked as compute() checks them; a claim a version does not limit has no last day.
    CHECK(prepared_rule::prepare(pack(), "cn.enforcement.application", {{"party", "legal_persons"}}, {}).error().message ==
          "'party' is not a fact (facts: parties, domicile, claim, retrial_ground)");
    auto support = prepared_rule::prepare(pack(), "cn.civil.limitation", {{"claim", "support"}}, {});
    REQUIRE(support.has_value());
    CHECK(support->last_day(day("2019-03-01")).error().code == errc::invalid_request);  // the 2017 text: untimed
    CHECK(*support->last_day(day("2012-03-01")) == day("2014-03-03"));  // GPCL 2008: no such exclusion, 2 years
}
