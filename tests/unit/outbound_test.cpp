// Synopsis: ad-hoc periods (compute_request::convention / duration, ISO 8601 durations) and
// readings a composite's data declares (a forum period capped by a mainland one under one
// reading, counted across zones), on the built-in pack and the test pack
// tests/data/packs/features.toml.
#include "qixian/compute.hpp"
#include "qixian/explain.hpp"
#include "qixian/rule_pack.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace qixian;
using qixian::test::day;
namespace fs = std::filesystem;

namespace {
const rule_pack& builtin() { return test::embedded_pack(); }
const rule_pack& features() { return test::features_pack(); }
compute_request adhoc(std::string convention, std::string duration, std::string start) {
    compute_request r;
    r.convention = std::move(convention);
    r.duration = std::move(duration);
    r.events["start"] = std::move(start);
    return r;
}
}  // namespace

TEST_CASE("parse_duration reads ISO 8601 durations, each unit kept") {
    struct row {
        const char* text;
        period want;
    };
    for (const row& r : {row{"P15D", period::of_days(15)}, row{"P3M", period::of_months(3)},
                         row{"P6Y", period::of_years(6)}, row{"PT48H", period::of_hours(48)},
                         row{"P2W", period::of_days(14)}, row{"P1Y6M", period{.years = 1, .months = 6}},
                         row{"P1Y2M10D", period{.years = 1, .months = 2, .days = 10}},
                         row{"P1W3D", period::of_days(10)}}) {
        CAPTURE(std::string(r.text));
        auto p = parse_duration(r.text);
        REQUIRE(p.has_value());
        CHECK(*p == r.want);
    }
    struct bad_row {
        const char* text;
        const char* says;
    };
    for (const bad_row& b : {bad_row{"", "begins with P"}, bad_row{"15D", "begins with P"},
                             bad_row{"P", "no length"}, bad_row{"PT", "no hours after it"},
                             bad_row{"p15d", "begins with P"}, bad_row{"P15", "no unit after it"},
                             bad_row{"P1.5Y", "fractions"}, bad_row{"PT30M", "minutes and seconds"},
                             bad_row{"PT10S", "minutes and seconds"}, bad_row{"P3X", "'X' is not a unit"},
                             bad_row{"P1D1Y", "out of order"}, bad_row{"P1Y1Y", "given twice or out of order"},
                             bad_row{"P1DT2H", "hours cannot be mixed"}, bad_row{"P0D", "zero length"},
                             bad_row{"P-1D", "a number was expected"}, bad_row{"P99999999999D", "too large"},
                             bad_row{"PT1H1H", "given twice"}, bad_row{"P1YT", "no hours after it"}}) {
        CAPTURE(std::string(b.text));
        auto p = parse_duration(b.text);
        REQUIRE_FALSE(p.has_value());
        CHECK(p.error().code == errc::invalid_duration);
        CHECK(p.error().message.find(b.says) != std::string::npos);
        CHECK(p.error().message.find("position") != std::string::npos);
    }
    CHECK(parse_duration("P3X").error().message.find("position 3") != std::string::npos);
}

TEST_CASE("an ad-hoc period is counted, rolled and explained under the convention named") {
    // 2025-01-01 + 15 days = Thu 2025-01-16 (a working day).
    auto d = compute(builtin(), adhoc("cn.counting", "P15D", "2025-01-01"));
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2025-01-16"));
    CHECK(d->rule == "adhoc:cn.counting:P15D");
    CHECK(d->trigger == "start");
    const trace_entry& what = d->trace.front();
    CHECK(what.kind == trace_kind::select);
    CHECK(what.reason == trace_reason::adhoc);
    CHECK(what.written == "P15D");
    CHECK(what.event == "cn.counting");
    CHECK(what.notice == "cn.mainland");
    CHECK(what.zone == "Asia/Shanghai");
    CHECK(describe(what, language::en) ==
          "ad-hoc period P15D (15 days) under the convention cn.counting, from the event start; calendar cn.mainland, "
          "zone Asia/Shanghai");
    CHECK(describe(what, language::zh) ==
          "自定义期间 P15D（15日），依计算规则 cn.counting，自起算事件 (start) 起算；日历 cn.mainland，时区 Asia/Shanghai");
    CHECK(d->trace.front().citations == builtin().find_convention("cn.counting")->citations);
    // Each step cites the convention's authority for a period begun that day (2025: the Civil Code).
    bool roll_cited = false;
    for (const auto& s : d->trace)
        if (s.kind == trace_kind::roll) roll_cited = !s.citations.empty() && s.citations.front().article == "203";
    CHECK(roll_cited);

    // A month ending in the Spring Festival block rolls: 2025-01-28 + 1 month = Fri 2025-02-28,
    // a working day; 2024-12-31 + 1 month = Fri 2025-01-31, in the 01-28..02-04 block -> 02-05.
    CHECK(compute(builtin(), adhoc("cn.counting", "P1M", "2024-12-31"))->last_day == day("2025-02-05"));
    // Years: 2023-06-30 + 2 years = Mon 2025-06-30.
    CHECK(compute(builtin(), adhoc("cn.counting", "P2Y", "2023-06-30"))->last_day == day("2025-06-30"));
    // Weeks are days: 2025-03-03 + 2 weeks = Mon 2025-03-17.
    CHECK(compute(builtin(), adhoc("cn.counting", "P2W", "2025-03-03"))->last_day == day("2025-03-17"));
    // Hours: from the next whole hour: 10:25 + 48 hours -> ends 2025-03-03 11:00 (exclusive).
    auto h = compute(builtin(), adhoc("cn.counting", "PT48H", "2025-03-01T10:25"));
    REQUIRE(h.has_value());
    CHECK(h->ends_at_forum == "2025-03-03T11:00:00+08:00");

    // With an act: judged like any rule.
    auto late = adhoc("cn.counting", "P15D", "2025-01-01");
    late.act = "2025-01-17";
    auto j = compute(builtin(), late);
    REQUIRE(j.has_value());
    CHECK(j->status == "late");
    CHECK(j->days_late == 1);
}

TEST_CASE("ad-hoc requests that cannot be answered say why, each with its own code") {
    auto both = adhoc("cn.counting", "P15D", "2025-01-01");
    both.rule = "cn.enforcement.application";
    CHECK(compute(builtin(), both).error().code == errc::conflicting_request);
    CHECK(compute(builtin(), adhoc("xx.nowhere", "P15D", "2025-01-01")).error().code == errc::unknown_convention);
    CHECK(compute(builtin(), adhoc("cn.counting", "P15X", "2025-01-01")).error().code == errc::invalid_duration);
    CHECK(compute(builtin(), adhoc("cn.counting", "", "2025-01-01")).error().code == errc::invalid_request);
    CHECK(compute(builtin(), adhoc("", "P15D", "2025-01-01")).error().code == errc::invalid_request);
    auto no_start = adhoc("cn.counting", "P15D", "2025-01-01");
    no_start.events = {{"effective", "2025-01-01"}};
    auto e = compute(builtin(), no_start);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code == errc::missing_event);
    CHECK(e.error().message.find("start") != std::string::npos);
}

TEST_CASE("a composite's declared reading: the default's components, the other value reported with its day") {
    // effective 2023-03-15. Forum (New York zone): + 3 years = Sun 2026-03-15 -> Mon 2026-03-16.
    // Mainland: + 2 years = Sat 2025-03-15 -> Mon 2025-03-17, ending 2025-03-18T00:00+08:00 =
    // 2025-03-17T12:00-04:00: the New York legal day 2025-03-17.
    compute_request req{.rule = "test.forum-capped", .events = {{"effective", "2023-03-15"}}};
    auto d = compute(features(), req);
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2026-03-16"));
    CHECK(d->forum_zone == "America/New_York");
    REQUIRE(d->components.size() == 1);
    REQUIRE(d->alternatives.size() == 1);
    CHECK(d->alternatives[0].reading == "test_effect=capped");
    CHECK(d->alternatives[0].last_day == day("2025-03-17"));
    REQUIRE(d->trace.size() > 1);
    const trace_entry& reading = d->trace[1];
    CHECK(reading.kind == trace_kind::compose);
    CHECK(reading.reason == trace_reason::reading_applied);
    CHECK(describe(reading, language::en) ==
          "reading test_effect=forum_only (the default); test.mainland-two-years not applied (it applies under another value)");

    req.readings["test_effect"] = "capped";
    auto c = compute(features(), req);
    REQUIRE(c.has_value());
    CHECK(c->last_day == day("2025-03-17"));
    CHECK(c->rule == "test.forum-capped");
    CHECK(c->trigger == "effective");
    CHECK(c->forum_zone == "America/New_York");
    CHECK(c->ends_at_forum == "2025-03-17T12:00:00-04:00");
    CHECK(c->ends_at_utc == "2025-03-17T16:00:00Z");
    REQUIRE(c->components.size() == 2);
    REQUIRE(c->alternatives.size() == 1);
    CHECK(c->alternatives[0].reading == "test_effect=forum_only");
    CHECK(c->alternatives[0].last_day == day("2026-03-16"));
    bool anchored = false;
    for (const auto& s : c->trace) {
        if (s.reason != trace_reason::anchored_other_forum) continue;
        anchored = true;
        CHECK(s.event == "test.mainland-two-years");
        CHECK(s.other_zone == "Asia/Shanghai");
        CHECK(s.zone == "America/New_York");
        CHECK(s.on == day("2025-03-17"));
        CHECK(s.last_day == day("2025-03-17"));
        CHECK(describe(s, language::en) ==
              "test.mainland-two-years is counted in Asia/Shanghai: its last day 2025-03-17 ends at 2025-03-18T00:00:00 "
              "there = 2025-03-17T12:00:00 in America/New_York, the legal day 2025-03-17 there");
    }
    CHECK(anchored);

    // The act on the mainland period's last New York day, in the afternoon: past its end (noon).
    req.act = "2025-03-17T13:00";
    auto after_noon = compute(features(), req);
    REQUIRE(after_noon.has_value());
    CHECK(after_noon->status == "late");
    req.act = "2025-03-17T11:00";
    CHECK(compute(features(), req)->status == "timely");
}

TEST_CASE("an instant abroad falls on the forum's own legal day for the forum's period") {
    // 2023-03-15T09:00+08:00 = 2023-03-14 21:00 EDT: the forum counts from 03-14 (+3 years =
    // Sat 2026-03-14 -> Mon 2026-03-16); the mainland from 03-15, as before.
    compute_request req{.rule = "test.forum-capped", .events = {{"effective", "2023-03-15T09:00+08:00"}}};
    req.readings["test_effect"] = "capped";
    auto d = compute(features(), req);
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2025-03-17"));
    req.readings.clear();
    auto f = compute(features(), req);
    REQUIRE(f.has_value());
    CHECK(f->start == day("2023-03-14"));
    CHECK(f->last_day == day("2026-03-16"));
}

TEST_CASE("readings a rule's data declares are checked") {
    compute_request req{.rule = "test.forum-capped", .events = {{"effective", "2023-03-15"}}};
    req.readings["test_effect"] = "sometimes";
    auto bad = compute(features(), req);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == errc::invalid_request);
    CHECK(bad.error().message.find("test_effect=forum_only|capped") != std::string::npos);

    req.readings = {{"no_such_reading", "x"}};
    CHECK(compute(features(), req).error().code == errc::invalid_request);

    // Declared by another rule of the pack: a note, not an error (a docket applies its readings to all).
    compute_request other{.rule = "test.one-year-from-knew", .events = {{"knew", "2024-03-10"}},
                          .readings = {{"test_effect", "capped"}}};
    auto n = compute(features(), other);
    REQUIRE(n.has_value());
    bool noted = false;
    for (const auto& s : n->notes) noted = noted || s.find("reading test_effect=capped does not apply") != std::string::npos;
    CHECK(noted);
}

TEST_CASE("a composite whose versions govern applications: the act's day chooses the version") {
    compute_request req{.rule = "test.forum-capped", .events = {{"effective", "2009-06-01"}}};
    // Without an act the trigger day chooses: 2009 is before the version.
    CHECK(compute(features(), req).error().code == errc::no_version_in_force);
    req.act = "2011-06-01";
    auto d = compute(features(), req);
    REQUIRE(d.has_value());
    CHECK(d->version == day("2010-01-01"));
    CHECK(d->status == "timely");  // 2009-06-01 + 3 years = Fri 2012-06-01
    req.act = "2009-12-31";
    auto early = compute(features(), req);
    REQUIRE_FALSE(early.has_value());
    CHECK(early.error().message.find("an application on 2009-12-31") != std::string::npos);
}

// Ontario's awkward days (Limitations Act, 2002 s.4; Legislation Act, 2006 s.89(1), holidays
// ss.87-88: Sundays and the listed days, not Saturdays), counted as ad-hoc periods on the ca.on
// calendar: a leap day; an anniversary on a Saturday, a Sunday, a Monday holiday; Good Friday
// and Easter Monday; Family Day; Christmas on a Sunday; Boxing Day on a Saturday.
TEST_CASE("ca.on: each awkward day of the Ontario convention") {
    struct row {
        const char* period;
        const char* start;
        const char* last_day;
        const char* why;
    };
    const row rows[] = {
        {"P2Y", "2014-03-20", "2016-03-21", "Sun 2016-03-20 -> Mon (Golberg v. North East CCAC, Ont. S.C.J. 2016)"},
        {"P2Y", "2014-07-17", "2016-07-18", "Sun 2016-07-17 -> Mon (Figliolini's appeal decision)"},
        {"P2Y", "2014-07-16", "2016-07-16", "Sat 2016-07-16: no Legislation Act holiday, not rolled"},
        {"P1Y", "2025-03-14", "2026-03-14", "Sat 2026-03-14: not rolled"},
        {"P2Y", "2020-02-29", "2022-02-28", "from a leap day: the anniversary in a common year is 28 February (clamp)"},
        {"P2Y", "2022-02-28", "2024-02-28", "over a leap day: the same date two years on"},
        {"P2Y", "2024-02-16", "2026-02-17", "Mon 2026-02-16 Family Day -> Tue"},
        {"P1Y", "2007-02-19", "2008-02-19", "Mon 2008-02-18 the first Family Day; 2008-02-19 a Tuesday: no roll"},
        {"P1Y", "2007-02-18", "2008-02-19", "Mon 2008-02-18 the first Family Day -> Tue"},
        {"P2Y", "2024-04-03", "2026-04-04", "Good Friday 2026-04-03 -> Sat 04-04, not a holiday"},
        {"P2Y", "2024-04-06", "2026-04-07", "Easter Monday 2026-04-06 -> Tue"},
        {"P2Y", "2024-05-18", "2026-05-19", "Mon 2026-05-18 Victoria Day -> Tue"},
        {"P2Y", "2020-12-25", "2022-12-28", "Christmas 2022 on a Sunday, Boxing Day Mon, the added Tuesday (s.88(5)) -> Wed"},
        {"P2Y", "2024-12-25", "2026-12-28", "Christmas Fri 2026, Boxing Day a Saturday holiday, Sunday -> Mon"},
        {"P1Y", "2017-07-01", "2018-07-03", "Canada Day 2018 a Sunday, Mon 07-02 (s.88(4)) -> Tue"},
        {"P1Y", "2023-08-05", "2024-08-05", "Mon 2024-08-05 the Civic Holiday: no Legislation Act holiday, not rolled"},
    };
    for (const row& r : rows) {
        CAPTURE(r.start);
        CAPTURE(r.why);
        auto d = compute(builtin(), adhoc("ca.on", r.period, r.start));
        REQUIRE(d.has_value());
        CHECK(d->last_day == day(r.last_day));
        CHECK(d->forum_zone == "America/Toronto");
    }
}

TEST_CASE("a roll onto a forum holiday names the holiday's own authority") {
    auto d = compute(builtin(), adhoc("ca.on", "P2Y", "2024-02-16"));
    REQUIRE(d.has_value());
    const trace_entry* roll = nullptr;
    for (const auto& s : d->trace)
        if (s.kind == trace_kind::roll) roll = &s;
    REQUIRE(roll != nullptr);
    CHECK(roll->holiday_rule == "family-day");
    CHECK(roll->holiday_citation.find("Legislation Act, 2006 (Ontario) art. 87") == 0);
    CHECK(roll->holiday_citation.find("Employment Standards Act, 2000 (Ontario)") != std::string::npos);
    // The step's own citations stay the convention's roll rule (Legislation Act s.89(1)).
    REQUIRE_FALSE(roll->citations.empty());
    CHECK(to_string(roll->citations.front()).find("art. 89") != std::string::npos);
    const std::string en = describe(*roll, language::en), zh = describe(*roll, language::zh);
    CHECK(en.find("moved 1 day to 2026-02-17; the holiday's authority: Legislation Act, 2006 (Ontario) art. 87") !=
          std::string::npos);
    CHECK(zh.find("；该假日的依据：Legislation Act, 2006 (Ontario) art. 87") != std::string::npos);
    // A one-off day cites its order (New South Wales, 2027-04-26); a Sunday cites no holiday.
    auto n = compute(builtin(), adhoc("au.nsw", "P1Y", "2026-04-26"));
    REQUIRE(n.has_value());
    CHECK(n->last_day == day("2027-04-27"));
    for (const auto& s : n->trace)
        if (s.kind == trace_kind::roll) {
            CHECK(s.holiday_rule == "one-off:2027-04-26");
            CHECK(s.holiday_citation.find("Public Holidays Amendment (Anzac Day) Order 2026 (NSW)") == 0);
        }
    auto sunday = compute(builtin(), adhoc("ca.on", "P2Y", "2014-03-20"));
    REQUIRE(sunday.has_value());
    for (const auto& s : sunday->trace)
        if (s.kind == trace_kind::roll) CHECK(s.holiday_citation.empty());
}
