// The holiday law as data (qixian/holiday_law.hpp), the lunar table, the projected calendar
// (qixian/calendar_projection.hpp) and answers past the published notices (compute()).
#include "qixian/calendar_projection.hpp"
#include "qixian/compute.hpp"
#include "qixian/rule_pack.hpp"
#include "support/test_support.hpp"

#include <filesystem>
#include <functional>
#include <sstream>
#include <fstream>

#include <unistd.h>

using namespace qixian;
using qixian::test::day;

namespace {

const rule_pack& pack() {
    static const rule_pack p = [] {
        auto loaded = rule_pack::load_embedded();
        REQUIRE(loaded.has_value());
        return std::move(*loaded);
    }();
    return p;
}

const holiday_law& law() {
    const holiday_law* l = pack().find_holiday_law("cn.mainland");
    REQUIRE(l != nullptr);
    return *l;
}

const calendar_projection& projection() {
    auto p = pack().find_projection("cn.mainland");
    REQUIRE(p != nullptr);
    return *p;
}

day_certainty certainty(const char* d) {
    auto c = projection().classify(day(d));
    REQUIRE_MESSAGE(c.has_value(), d);
    return c->certainty;
}

deadline compute_ok(compute_request r) {
    auto d = compute(pack(), r);
    REQUIRE_MESSAGE(d.has_value(), (d ? "" : d.error().message));
    return *d;
}

}  // namespace

TEST_CASE("lunar table: the days ICU 72 gets wrong, pinned (HKO)") {
    CHECK(law().lunar.day(2027, 1, 1) == day("2027-02-06"));  // ICU 72: 02-07
    CHECK(law().lunar.day(2030, 1, 1) == day("2030-02-03"));  // ICU 72: 02-02
    CHECK(law().lunar.day(2028, 8, 15) == day("2028-10-03"));  // 中秋 2028, after the leap 5th month
    CHECK(law().lunar.find(1990) != nullptr);
    CHECK(law().lunar.find(2100) != nullptr);
    CHECK(law().last_year() == 2100);
}

TEST_CASE("lunar table: 除夕, 初一, 清明, 端午, 中秋 2027-2040 as HKO's tables give them (PROJECTION.md §3)") {
    struct row { int year; const char *eve, *new_year, *qingming, *duanwu, *zhongqiu; };
    const row rows[] = {
        {2027, "2027-02-05", "2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15"},
        {2028, "2028-01-25", "2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03"},
        {2029, "2029-02-12", "2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22"},
        {2030, "2030-02-02", "2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12"},
        {2031, "2031-01-22", "2031-01-23", "2031-04-05", "2031-06-24", "2031-10-01"},
        {2032, "2032-02-10", "2032-02-11", "2032-04-04", "2032-06-12", "2032-09-19"},
        {2033, "2033-01-30", "2033-01-31", "2033-04-04", "2033-06-01", "2033-09-08"},
        {2034, "2034-02-18", "2034-02-19", "2034-04-05", "2034-06-20", "2034-09-27"},
        {2035, "2035-02-07", "2035-02-08", "2035-04-05", "2035-06-10", "2035-09-16"},
        {2036, "2036-01-27", "2036-01-28", "2036-04-04", "2036-05-30", "2036-10-04"},
        {2037, "2037-02-14", "2037-02-15", "2037-04-04", "2037-06-18", "2037-09-24"},
        {2038, "2038-02-03", "2038-02-04", "2038-04-05", "2038-06-07", "2038-09-13"},
        {2039, "2039-01-23", "2039-01-24", "2039-04-05", "2039-05-27", "2039-10-02"},
        {2040, "2040-02-11", "2040-02-12", "2040-04-04", "2040-06-14", "2040-09-20"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.year);
        auto days = law().statutory_days(r.year, std::nullopt);
        REQUIRE(days.has_value());
        auto named = [&](const char* name, int index) {
            for (const auto& s : *days)
                if (s.of->name == name && s.index == index) return s.day;
            FAIL("no " << name);
            return civil_date{};
        };
        CHECK(named("春节", 0) == day(r.eve));
        CHECK(named("春节", 1) == day(r.new_year));
        CHECK(named("清明节", 0) == day(r.qingming));
        CHECK(named("端午节", 0) == day(r.duanwu));
        CHECK(named("中秋节", 0) == day(r.zhongqiu));
        CHECK(days->size() == 13);  // Art. 2 of the 2024 version: 13 days
    }
}

TEST_CASE("holiday law: the version in force and each day's article") {
    CHECK(law().version_for(2007, std::nullopt)->id == "1999");
    CHECK(law().version_for(2008, std::nullopt)->id == "2007");
    CHECK(law().version_for(2014, std::nullopt)->id == "2013");
    CHECK(law().version_for(2025, std::nullopt)->id == "2024");
    // as the law stood before Order 795 was published: the 2013 version still governs 2025
    CHECK(law().version_for(2025, day("2024-07-01"))->id == "2013");
    auto d2013 = law().statutory_days(2020, std::nullopt);
    REQUIRE(d2013.has_value());
    CHECK(d2013->size() == 11);
    CHECK(d2013->front().day == day("2020-01-01"));
    CHECK(d2013->front().of->article == "2(1)");
    auto past = law().statutory_days(2101, std::nullopt);
    REQUIRE_FALSE(past.has_value());
    CHECK(past.error().message.find("2101") != std::string::npos);
}

TEST_CASE("projection: each day class, with its reason") {
    CHECK(projection().published_last() == day("2026-12-31"));
    // statutory days (Art. 2) are certain rest days
    for (const char* d : {"2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05",
                          "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02",
                          "2027-10-03"})
        CHECK_MESSAGE(certainty(d) == day_certainty::certain_rest, d);
    auto newyear = projection().classify(day("2027-01-01"));
    CHECK(newyear->name == "元旦");
    CHECK(newyear->article.find("Art. 2(1)") != std::string::npos);
    // the core every Spring Festival and National Day block has held
    for (const char* d : {"2027-02-09", "2027-02-12", "2027-10-04", "2027-10-07"})
        CHECK_MESSAGE(certainty(d) == day_certainty::certain_rest, d);
    // near a statutory day: may be bridged, or worked
    CHECK(certainty("2027-02-13") == day_certainty::uncertain);  // Saturday after the block
    CHECK(certainty("2027-04-30") == day_certainty::uncertain);  // Friday before Labour Day
    CHECK(certainty("2027-09-26") == day_certainty::uncertain);  // Sunday before National Day
    CHECK(projection().classify(day("2027-04-30"))->reason.find("bridged") != std::string::npos);
    CHECK(projection().classify(day("2027-09-26"))->reason.find("working day") != std::string::npos);
    // far from any statutory day
    CHECK(certainty("2027-07-14") == day_certainty::certain_work);  // a Wednesday in July
    CHECK(certainty("2027-07-17") == day_certainty::certain_rest);  // a Saturday in July
    CHECK(certainty("2027-02-15") == day_certainty::certain_work);
    CHECK_FALSE(projection().classify(day("2027-07-14"))->reason.empty());
    // the best estimate: the 2025 pattern (Sunday before, Saturday after the Spring Festival block)
    CHECK(projection().view(projection_view::best).status(day("2027-01-31"), {})->working);
    CHECK(projection().view(projection_view::best).status(day("2027-02-13"), {})->working);
    CHECK_FALSE(projection().view(projection_view::best).status(day("2027-02-12"), {})->working);
    // the views: uncertain days worked (earliest) or rested (latest)
    CHECK(projection().view(projection_view::earliest).status(day("2027-02-13"), {})->working);
    CHECK_FALSE(projection().view(projection_view::latest).status(day("2027-02-13"), {})->working);
    CHECK(projection().view(projection_view::earliest).status(day("2027-04-30"), {})->working);
    CHECK_FALSE(projection().view(projection_view::latest).status(day("2027-04-30"), {})->working);
}

TEST_CASE("projection: the tail of the last notice's December stays uncertain") {
    CHECK(projection().first_projected() == day("2026-12-22"));
    CHECK(certainty("2026-12-31") == day_certainty::uncertain);  // Thursday before 元旦 2027: may be bridged
    CHECK(certainty("2026-12-26") == day_certainty::uncertain);  // Saturday: may be worked (as 2018-12-29 was)
    CHECK(projection().classify(day("2026-12-21")).error().code == errc::outside_calendar_coverage);
    // the best estimate keeps the published status
    CHECK(projection().view(projection_view::best).status(day("2026-12-31"), {})->working);
    // a deadline ending there is provisional
    auto d = compute_ok({.rule = "cn.appeal.judgment", .events = {{"served", "2026-12-16"}}, .facts = {{"domicile", "china"}}});
    CHECK(d.last_day == day("2026-12-31"));
    CHECK(d.provisional);
    REQUIRE(d.last_day_range.has_value());
    CHECK(d.last_day_range->earliest == day("2026-12-31"));
    CHECK(d.last_day_range->latest > day("2027-01-03"));
    CHECK(d.calendar_years == std::vector<int>{2026, 2027});
    // one ending before the tail is not
    auto early = compute_ok({.rule = "cn.appeal.judgment", .events = {{"served", "2026-11-16"}}, .facts = {{"domicile", "china"}}});
    CHECK_FALSE(early.provisional);
    CHECK_FALSE(early.last_day_range.has_value());
    CHECK(early.calendar_years == std::vector<int>{2026});
}

TEST_CASE("compute past the notices: provisional, best estimate and range (issue 15 done-when)") {
    auto d = compute_ok({.rule = "cn.enforcement.application", .events = {{"effective", "2025-12-31"}}});
    CHECK(d.provisional);
    REQUIRE(d.last_day_range.has_value());
    CHECK(d.last_day_range->earliest <= d.last_day);
    CHECK(d.last_day <= d.last_day_range->latest);
    CHECK(d.last_day_range->earliest == day("2027-12-31"));
    // nominal end Saturday 2027-02-06 (正月初一): never 02-08 (初三, a statutory day)
    auto sf = compute_ok({.rule = "cn.enforcement.application", .events = {{"effective", "2025-02-06"}}});
    CHECK(sf.raw_end == day("2027-02-06"));
    REQUIRE(sf.last_day_range.has_value());
    CHECK(sf.last_day_range->earliest >= day("2027-02-12"));
    CHECK(sf.last_day_range->latest <= day("2027-02-15"));
    CHECK(sf.last_day_range->earliest == day("2027-02-13"));
    CHECK(sf.last_day_range->latest == day("2027-02-15"));
    CHECK(sf.last_day != day("2027-02-08"));
    CHECK(sf.calendar_years == std::vector<int>{2027});
    // an act: timely only against the earliest end, late only against the latest
    auto judged = [](const char* act) {
        return *compute_ok({.rule = "cn.enforcement.application", .events = {{"effective", "2025-02-06"}}, .act = act})
                    .status;
    };
    CHECK(judged("2027-02-12") == "timely");
    CHECK(judged("2027-02-13") == "timely");
    CHECK(judged("2027-02-14") == "undetermined");
    CHECK(judged("2027-02-15") == "undetermined");
    CHECK(judged("2027-02-16") == "late");
    // strict keeps the old error
    auto strict = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2025-12-31"}},
                                   .policy = calendar_policy::strict});
    REQUIRE_FALSE(strict.has_value());
    CHECK(strict.error().code == errc::outside_calendar_coverage);
    // --provisional (legacy) now means project
    auto legacy = compute_ok({.rule = "cn.enforcement.application", .events = {{"effective", "2025-12-31"}},
                              .outside = coverage_policy::provisional, .policy = calendar_policy::strict});
    CHECK(legacy.last_day_range.has_value());
}

TEST_CASE("compute past the last projectable year: an error naming it") {
    auto d = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2099-06-01"}}});
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().code == errc::outside_calendar_coverage);
    CHECK(d.error().message.find("2101") != std::string::npos);
    CHECK(d.error().message.find("2100") != std::string::npos);
}

TEST_CASE("calendar_as_of: a notice published later is unknown, its year projected") {
    // Spring Festival 2020 as the notices stood on 2019-07-01 (the 2020 notice came 2019-11-21)
    auto before = compute_ok({.rule = "cn.enforcement.application", .events = {{"effective", "2018-01-25"}},
                              .calendar_as_of = day("2019-07-01")});
    CHECK(before.provisional);
    REQUIRE(before.last_day_range.has_value());
    auto after = compute_ok({.rule = "cn.enforcement.application", .events = {{"effective", "2018-01-25"}},
                             .calendar_as_of = day("2019-12-01")});
    CHECK_FALSE(after.provisional);
    CHECK(before.last_day_range->earliest <= after.last_day);
    CHECK(after.last_day <= before.last_day_range->latest);
    auto p = calendar_projection::build(*pack().find_calendar("cn.mainland"), law(), day("2019-07-01"));
    REQUIRE(p.has_value());
    CHECK((*p)->published_last() == day("2019-12-31"));
    CHECK((*p)->classify(day("2020-01-25"))->certainty == day_certainty::certain_rest);  // 初一
}

TEST_CASE("a notice added later replaces the projection (an invented 2027 notice in a test pack)") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("qixian-projection-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(fs::path(QIXIAN_SOURCE_DIR) / "rules", dir, fs::copy_options::recursive);
    fs::copy_file(fs::path(QIXIAN_TEST_DATA_DIR) / "calendars" / "invented-2027.toml",
                  dir / "calendars" / "cn-mainland" / "2027.toml");
    auto loaded = rule_pack::load_directory(dir.string());
    fs::remove_all(dir);
    REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : format(loaded.error().front())));
    auto d = compute(*loaded, {.rule = "cn.enforcement.application", .events = {{"effective", "2025-02-06"}}});
    REQUIRE(d.has_value());
    CHECK_FALSE(d->provisional);
    CHECK_FALSE(d->last_day_range.has_value());
    CHECK(d->last_day == day("2027-02-15"));  // the invented notice works 02-20, not 02-13
    CHECK(loaded->find_projection("cn.mainland")->published_last() == day("2027-12-31"));
}

namespace {

// The mainland rules copied to a temp directory, one file edited, then loaded.
std::vector<diagnostic> load_edited(const std::string& file, const std::function<std::string(std::string)>& edit) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("qixian-projection-bad-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(fs::path(QIXIAN_SOURCE_DIR) / "rules", dir, fs::copy_options::recursive);
    const fs::path path = dir / "calendars" / "cn-mainland" / file;
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    in.close();
    std::ofstream(path) << edit(ss.str());
    auto loaded = rule_pack::load_directory(dir.string());
    fs::remove_all(dir);
    return loaded ? loaded->warnings() : loaded.error();
}

const diagnostic* find_code(const std::vector<diagnostic>& ds, const char* code) {
    for (const auto& d : ds)
        if (d.code == code) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("bad holiday data: a gap in the lunar table, a year it lacks, a notice against the law") {
    // a gap: lunar year 2000 left out
    auto gap = load_edited("lunar.toml", [](std::string t) {
        const auto at = t.find("[[year]]\nyear       = 2000");
        const auto next = t.find("[[year]]", at + 1);
        return t.erase(at, next - at);
    });
    const diagnostic* g = find_code(gap, "E0401");
    REQUIRE(g != nullptr);
    CHECK(g->message.find("year 2000 is missing") != std::string::npos);
    CHECK(g->region.file.find("lunar.toml") != std::string::npos);
    CHECK(g->region.begin.line > 1);
    CHECK(g->region.begin.column >= 1);
    // a table that ends before the calendar's years: every covered year it lacks is named
    auto short_table = load_edited("lunar.toml", [](std::string t) {
        return t.substr(0, t.find("[[year]]\nyear       = 2026"));
    });
    const diagnostic* s = find_code(short_table, "E0402");
    REQUIRE(s != nullptr);
    CHECK(s->message.find("2026") != std::string::npos);
    // a notice whose blocks leave out a statutory day (Art. 2): 2026's Qingming block without 清明 (Sun 4/5)
    auto against = load_edited("2026.toml", [](std::string t) {
        const std::string was = "from      = 2026-04-04\nthrough   = 2026-04-06\ndays      = 3";
        return t.replace(t.find(was), was.size(), "from      = 2026-04-06\nthrough   = 2026-04-06\ndays      = 1");
    });
    const diagnostic* a = find_code(against, "E0403");
    REQUIRE(a != nullptr);
    CHECK(a->message.find("2026-04-05") != std::string::npos);
    CHECK(a->message.find("清明节") != std::string::npos);
    CHECK(a->region.file.find("2026.toml") != std::string::npos);
    CHECK(a->region.begin.line == 2);
    // a bad day rule in the law
    auto rule = load_edited("holiday_law.toml", [](std::string t) {
        const auto at = t.find("{ fixed = \"10-03\" }");
        return t.replace(at, std::string("{ fixed = \"10-03\" }").size(), "{ fixed = \"10-3\" }");
    });
    const diagnostic* r = find_code(rule, "E0104");
    REQUIRE(r != nullptr);
    CHECK(r->message.find("'10-3' is not MM-DD") != std::string::npos);
    CHECK(r->region.file.find("holiday_law.toml") != std::string::npos);
}

TEST_CASE("calendar confidence: an answer resting on a year whose notice text was not found says so (issue 16)") {
    // rules/calendars/cn-mainland: 2000, 2002-2005 and 2008 are `secondary`; 2001, 2006, 2007, 2009- `notice_text`.
    struct row {
        const char* rule;
        const char* kind;
        const char* day;
        const char* last_day;
        std::vector<int> secondary;
    };
    const row rows[] = {
        // 15 days from Mon 2003-03-03 = Tue 2003-03-18
        {"cn.appeal.judgment", "served", "2003-03-03", "2003-03-18", {2003}},
        // 15 days from Mon 2001-03-05 = Tue 2001-03-20: the 2001 notice was read
        {"cn.appeal.judgment", "served", "2001-03-05", "2001-03-20", {}},
        // 15 days from Sat 2007-12-22 = Sun 2008-01-06 -> Mon 2008-01-07: rolled in 2008
        {"cn.appeal.judgment", "served", "2007-12-22", "2008-01-07", {2008}},
        // 15 days from 2025-03-03 = Tue 2025-03-18
        {"cn.appeal.judgment", "served", "2025-03-03", "2025-03-18", {}},
    };
    for (const auto& r : rows) {
        CAPTURE(r.day);
        auto d = compute_ok({.rule = r.rule, .events = {{r.kind, r.day}}, .facts = {{"domicile", "china"}}});
        CHECK(d.last_day == day(r.last_day));
        CHECK(d.secondary_calendar_years == r.secondary);
    }
    // Instalments: each instalment's last day counts (legal persons, 1991 text, 6 months each):
    // due 2002-04-15 -> Tue 2002-10-15; due 2006-12-29 -> Fri 2007-06-29 (both before 2008-04-01).
    auto inst = compute_ok({.rule = "cn.enforcement.application",
                            .facts = {{"parties", "legal_persons"}},
                            .instalments = {"2002-04-15", "2006-12-29"}});
    REQUIRE(inst.instalments.size() == 2);
    CHECK(inst.instalments[0].last_day == day("2002-10-15"));
    CHECK(inst.instalments[1].last_day == day("2007-06-29"));
    CHECK(inst.secondary_calendar_years == std::vector<int>{2002});
}
