// Synopsis: rule_pack::load / load_directory / load_embedded, rule::version_for,
//           the mainland calendar as loaded from rules/calendars, compute().
#include "qixian/compute.hpp"
#include "qixian/rule_pack.hpp"
#include "qixian/tz.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace qixian;
using qixian::test::day;

namespace {
const rule_pack& pack() { return test::embedded_pack(); }
const table_calendar& mainland() {
    const auto* c = pack().find_calendar("cn.mainland");
    REQUIRE(c != nullptr);
    return *c;
}
}  // namespace

TEST_CASE("the embedded pack loads, and equals the rules/ directory") {
    CHECK(pack().find("cn.enforcement.application") != nullptr);
    CHECK(pack().find_convention("cn.counting") != nullptr);
    CHECK(mainland().coverage_first() == day("2000-01-01"));
    CHECK(mainland().coverage_last() == day("2026-12-31"));
    auto dir = rule_pack::load_directory(std::string(QIXIAN_SOURCE_DIR) + "/rules");
    REQUIRE(dir.has_value());
    CHECK(dir->rules().size() == pack().rules().size());
    CHECK(dir->calendar_ids() == pack().calendar_ids());
    for (const auto& w : pack().warnings()) CHECK_MESSAGE(w.level == severity::warning, format(w));
}

TEST_CASE("CASES.md counting table on the mainland calendar") {
    const convention* c = pack().find_convention("cn.counting");
    REQUIRE(c != nullptr);
    struct row { const char* start; period p; adjusted_weekend reading; const char* last_day; const char* as_of; };
    const row rows[] = {
        {"2014-05-28", period::of_months(3), adjusted_weekend::schedule, "2014-08-28", nullptr},
        {"2023-01-31", period::of_months(1), adjusted_weekend::schedule, "2023-02-28", nullptr},
        {"2024-01-31", period::of_months(1), adjusted_weekend::schedule, "2024-02-29", nullptr},
        {"2024-02-29", period::of_years(1), adjusted_weekend::schedule, "2025-02-28", nullptr},
        {"2024-02-29", period::of_years(2), adjusted_weekend::schedule, "2026-02-28", nullptr},
        {"2024-02-29", period::of_years(2), adjusted_weekend::weekday, "2026-03-02", nullptr},
        {"2025-09-16", period::of_days(15), adjusted_weekend::schedule, "2025-10-09", nullptr},
        {"2020-01-16", period::of_days(15), adjusted_weekend::schedule, "2020-02-03", nullptr},
        {"2020-01-16", period::of_days(15), adjusted_weekend::schedule, "2020-01-31", "2020-01-20"},
        {"2016-12-31", period::of_years(2), adjusted_weekend::schedule, "2019-01-02", nullptr},
        {"2018-09-10", period::of_days(20), adjusted_weekend::schedule, "2018-09-30", nullptr},
    };
    for (const auto& r : rows) {
        CAPTURE(r.start);
        CAPTURE(r.p);
        calendar_query q{.reading = r.reading};
        if (r.as_of) q.as_of = day(r.as_of);
        auto got = count(day(r.start), r.p, c->counting, &mainland(), q);
        REQUIRE(got.has_value());
        CHECK(got->last_day == day(r.last_day));
        CHECK_FALSE(got->provisional);
    }
}

TEST_CASE("the mainland calendar agrees with the examples calendar wherever both have data") {
    const auto& example = test::example_calendar();
    for (auto reading : {adjusted_weekend::schedule, adjusted_weekend::weekday}) {
        for (civil_date d = example.coverage_first(); d <= example.coverage_last(); d = add_calendar_days(d, 1)) {
            const auto e = example.status(d, {.reading = reading});
            if (e->kind == day_kind::working || e->kind == day_kind::weekend) continue;  // the examples hold few notices
            CAPTURE(d);
            const auto m = mainland().status(d, {.reading = reading});
            REQUIRE(m.has_value());
            CHECK(m->working == e->working);
        }
    }
}

TEST_CASE("days other holiday packages get wrong, as the notices set them") {
    const auto& cal = mainland();
    // the 2006 notice (国办发明电〔2005〕35号) made Saturday 2005-12-31 a working day
    CHECK(cal.status(day("2005-12-31"), {})->kind == day_kind::adjusted_working);
    CHECK(cal.status(day("2005-12-31"), {})->notice == "2006");
    // the 2020 extension (published 2020-01-27)
    CHECK(cal.status(day("2020-01-31"), {})->kind == day_kind::holiday);
    CHECK(cal.status(day("2020-02-01"), {})->kind == day_kind::holiday);
    CHECK(cal.status(day("2020-01-31"), {.as_of = day("2020-01-26")})->kind == day_kind::working);
    CHECK(cal.status(day("2020-02-01"), {.as_of = day("2020-01-26")})->kind == day_kind::adjusted_working);
    // 2015 Victory Day: 3-5 September off, Sunday 6 September worked
    CHECK(cal.status(day("2015-09-03"), {})->kind == day_kind::holiday);
    CHECK(cal.status(day("2015-09-06"), {})->kind == day_kind::adjusted_working);
    // 2019 May Day, changed on 2019-03-22: 1-4 May off, Sundays 28 April and 5 May worked
    CHECK(cal.status(day("2019-05-02"), {})->kind == day_kind::holiday);
    CHECK(cal.status(day("2019-05-02"), {.as_of = day("2019-03-21")})->kind == day_kind::working);
    CHECK(cal.status(day("2019-05-05"), {})->kind == day_kind::adjusted_working);
    // 2003 May Day (SARS): the notice of 2003-04-21 cut the 1-7 May block to 1-5 May and
    // dropped the working weekend of 26-27 April
    CHECK(cal.status(day("2003-05-06"), {})->kind == day_kind::working);
    CHECK(cal.status(day("2003-05-06"), {.as_of = day("2003-04-20")})->kind == day_kind::holiday);
    CHECK(cal.status(day("2003-04-26"), {})->kind == day_kind::weekend);
    CHECK(cal.status(day("2003-04-26"), {.as_of = day("2003-04-20")})->kind == day_kind::adjusted_working);
    // New Year's Day 2001, set by the 1999 regulation itself (art. 2)
    CHECK(cal.status(day("2001-01-01"), {})->kind == day_kind::holiday);
    // a year is covered only once its notice was published (2026: 2025-11-04)
    CHECK(cal.status(day("2026-06-01"), {.as_of = day("2025-11-03")}).error().code ==
          errc::outside_calendar_coverage);
    CHECK(cal.status(day("2026-06-01"), {.as_of = day("2025-11-04")}).has_value());
    // before the data: an error, never a weekends-only guess
    CHECK(cal.status(day("1999-12-31"), {}).error().code == errc::outside_calendar_coverage);
    CHECK(cal.status(day("2027-01-04"), {}).error().code == errc::outside_calendar_coverage);
}

TEST_CASE("every covered year: working weekend days are weekends, net days off as the era says") {
    const auto& cal = mainland();
    int adjusted = 0;
    for (civil_date d = cal.coverage_first(); d <= cal.coverage_last(); d = add_calendar_days(d, 1)) {
        const auto s = cal.status(d, {});
        REQUIRE(s.has_value());
        if (s->kind == day_kind::adjusted_working) {
            ++adjusted;
            CHECK_MESSAGE(d.is_saturday_or_sunday(), d);
        }
        if (s->kind == day_kind::weekend) CHECK_MESSAGE(d.is_saturday_or_sunday(), d);
        if (s->kind == day_kind::working) CHECK_MESSAGE(!d.is_saturday_or_sunday(), d);
    }
    CHECK(adjusted > 23 * 4);
}

TEST_CASE("compute: the enforcement-application period end to end") {
    compute_request req{.rule = "cn.enforcement.application", .events = {{"effective", "2023-06-30"}},
                        .zone = "America/New_York"};
    auto d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->version == day("2022-01-01"));
    CHECK(d->start == day("2023-06-30"));
    CHECK(d->last_day == day("2025-06-30"));
    CHECK(d->ends_at_forum == "2025-07-01T00:00:00+08:00");
    CHECK(d->ends_at_utc == "2025-06-30T16:00:00Z");
    CHECK(d->ends_at_local == "2025-06-30T12:00:00-04:00");
    CHECK(d->expiry == expiry_kind::defence);
    CHECK(d->citations.front().article == "246");  // CPL 2021, the text in force on 2023-06-30
    CHECK(d->alternatives.empty());
    CHECK(d->source.tz_database_version == tz::database_version());

    // CASES.md decided cases
    struct row { const char* effective; const char* act; const char* last_day; const char* status; int late; };
    const row rows[] = {
        {"2013-12-14", "2020-04-08", "2015-12-14", "late", 1577},   // (2020)辽01协外认7号
        {"2018-08-27", "2023-11-23", "2020-08-27", "late", 1183},   // Zhang v Li, Huating
        {"2016-12-31", "2020-11-16", "2019-01-02", "late", 684},    // Beijing instalment case
        {"2023-06-30", "2025-06-30T23:59", "2025-06-30", "timely", 0},
        {"2023-06-30", "2025-07-01T00:00", "2025-06-30", "late", 1},
    };
    for (const auto& r : rows) {
        CAPTURE(r.effective);
        auto got = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", r.effective}},
                                    .act = std::string(r.act)});
        REQUIRE(got.has_value());
        CHECK(got->last_day == day(r.last_day));
        CHECK(*got->status == r.status);
        if (r.late) CHECK(*got->days_late == r.late);
    }

    // a New York act after 12:00 EDT on the last day is late in Beijing
    auto ny = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2023-06-30"}},
                               .act = std::string("2025-06-30T12:30[America/New_York]")});
    CHECK(*ny->status == "late");

    auto weekend = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2024-02-29"}}});
    REQUIRE(weekend->alternatives.size() == 1);
    CHECK(weekend->alternatives[0].reading == "adjusted_weekend=weekday");
    CHECK(weekend->alternatives[0].last_day == day("2026-03-02"));
    CHECK_FALSE(weekend->alternatives[0].status.has_value());  // no act, nothing to judge
    // LAW.md §1 reading 1: an act on Mon 2026-03-02 is late under the schedule (the working
    // Saturday 2026-02-28 ends it) and timely under adjusted_weekend=weekday: both are said.
    auto act = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2024-02-29"}},
                                .act = std::string("2026-03-02")});
    REQUIRE(act.has_value());
    CHECK(act->status == "late");
    REQUIRE(act->alternatives.size() == 1);
    CHECK(act->alternatives[0].status == "timely");
    // An act on the Saturday itself is timely under both.
    auto saturday = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2024-02-29"}},
                                     .act = std::string("2026-02-28T23:59")});
    CHECK(saturday->status == "timely");
    CHECK(saturday->alternatives[0].status == "timely");
}

TEST_CASE("compute: each bad request has its own error") {
    auto code = [](compute_request r) { return compute(pack(), r).error().code; };
    CHECK(code({.rule = "cn.nope"}) == errc::unknown_rule);
    CHECK(code({.rule = "cn.enforcement.application"}) == errc::missing_event);
    CHECK(code({.rule = "cn.enforcement.application", .events = {{"effective", "2023-02-29"}}}) == errc::invalid_date);
    CHECK(code({.rule = "cn.enforcement.application", .events = {{"effective", "2023-02-28T25:00"}}}) ==
          errc::invalid_time);
    CHECK(code({.rule = "cn.enforcement.application", .events = {{"effective", "2023-02-28T10:00[Mars/Olympus]"}}}) ==
          errc::unknown_zone);
    CHECK(code({.rule = "cn.enforcement.application", .events = {{"effective", "1986-05-04T02:30"}}}) ==
          errc::nonexistent_local_time);
    CHECK(code({.rule = "cn.enforcement.application", .events = {{"effective", "1990-05-01"}}}) ==
          errc::no_version_in_force);
    CHECK(code({.rule = "cn.enforcement.application", .events = {{"effective", "2025-03-01"}},
                .policy = calendar_policy::strict}) == errc::outside_calendar_coverage);
    CHECK(code({.rule = "cn.enforcement.application", .events = {{"effective", "1999-03-01"}},
                .facts = {{"parties", "legal_persons"}}}) == errc::outside_calendar_coverage);  // before the data: never projected
    CHECK(code({.rule = "cn.enforcement.application", .events = {{"happened", "2025-03-01"}}}) ==
          errc::invalid_request);
    auto missing = compute(pack(), {.rule = "cn.enforcement.application"});
    CHECK(missing.error().message ==
          "rule 'cn.enforcement.application' runs from the event found_in_china or breach or instalment_due or performance_due or "
          "effective; give it, e.g. --event effective=2024-01-31");
    // provisional on request: flagged
    auto p = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2025-03-01"}},
                              .outside = coverage_policy::provisional});
    REQUIRE(p.has_value());
    CHECK(p->provisional);
    CHECK(p->last_day == day("2027-03-01"));
}

TEST_CASE("compute: an act abroad, the forum's legal day and the event_zone reading") {
    // 22:00 on 31 December 2023 in New York is 11:00 on 1 January 2024 in Beijing.
    // From 2024-01-01: + 2 years = 2026-01-01, in the New Year block (1-3 January 2026);
    // Sunday 4 January 2026 is a working day under the 2026 notice, so the period ends then.
    compute_request req{.rule = "cn.enforcement.application",
                        .events = {{"effective", "2023-12-31T22:00[America/New_York]"}}};
    auto forum = compute(pack(), req);
    REQUIRE(forum.has_value());
    CHECK(forum->start == day("2024-01-01"));
    CHECK(forum->last_day == day("2026-01-04"));
    REQUIRE(forum->alternatives.size() == 2);
    CHECK(forum->alternatives[0].reading == "adjusted_weekend=weekday");
    CHECK(forum->alternatives[0].last_day == day("2026-01-05"));
    CHECK(forum->alternatives[1].reading == "event_zone=local");
    CHECK(forum->alternatives[1].last_day == day("2025-12-31"));

    req.event_zone = event_zone_reading::local;
    auto local = compute(pack(), req);
    REQUIRE(local.has_value());
    CHECK(local->start == day("2023-12-31"));
    CHECK(local->last_day == day("2025-12-31"));
    REQUIRE(local->alternatives.size() == 1);
    CHECK(local->alternatives[0].reading == "event_zone=forum");
    CHECK(local->alternatives[0].last_day == day("2026-01-04"));

    // an offset is an instant: 12:00 at -05:00 is 01:00 the next day in Beijing
    auto offset = compute(pack(), {.rule = "cn.enforcement.application",
                                   .events = {{"effective", "2023-06-30T12:00-05:00"}}});
    CHECK(offset->start == day("2023-07-01"));
    // the same legal day in both zones: no event_zone alternative
    auto same = compute(pack(), {.rule = "cn.enforcement.application",
                                 .events = {{"effective", "2023-06-30T09:00[America/New_York]"}}});
    CHECK(same->start == day("2023-06-30"));
    CHECK(same->alternatives.empty());
}

TEST_CASE("compute: a DST gap is an error unless the caller chose a policy") {
    compute_request req{.rule = "cn.enforcement.application",
                        .events = {{"effective", "2024-03-10T02:30[America/New_York]"}}};
    CHECK(compute(pack(), req).error().code == errc::nonexistent_local_time);
    req.local_times = tz::local_policy::earliest;
    CHECK(compute(pack(), req)->start == day("2024-03-10"));  // 06:30Z = 14:30 in Beijing
    req.events = {{"effective", "2023-11-05T01:30[America/New_York]"}};
    req.local_times = tz::local_policy::reject;
    CHECK(compute(pack(), req).error().code == errc::ambiguous_local_time);
    req.local_times = tz::local_policy::latest;
    CHECK(compute(pack(), req)->start == day("2023-11-05"));
}

TEST_CASE("which days the notices changed between two dates") {
    const auto& cal = mainland();
    // The 2020 extension, published 2020-01-27: 31 January - 2 February.
    auto changes = cal.changed_days(day("2020-01-01"), day("2020-12-31"), day("2020-01-20"), day("2020-01-28"));
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].before.day == day("2020-01-31"));
    CHECK(changes[0].before.kind == day_kind::working);
    CHECK(changes[0].after.kind == day_kind::holiday);
    CHECK(changes[1].before.kind == day_kind::adjusted_working);  // Saturday 1 February, no longer worked
    CHECK(changes[1].after.kind == day_kind::holiday);
    CHECK(changes[2].before.kind == day_kind::weekend);           // Sunday 2 February, now in the block
    CHECK(changes[2].after.kind == day_kind::holiday);
    // The 2019 May Day change, announced 2019-03-22.
    auto may = cal.changed_days(day("2019-04-01"), day("2019-05-31"), day("2019-03-21"), day("2019-03-22"));
    std::vector<std::string> days;
    for (const auto& c : may) days.push_back(c.before.day.to_string());
    CHECK(days == std::vector<std::string>{"2019-04-28", "2019-05-02", "2019-05-03", "2019-05-04", "2019-05-05"});
    // Nothing changes when no notice was published in between.
    CHECK(cal.changed_days(day("2020-01-01"), day("2020-12-31"), day("2020-02-01"), day("2026-11-21")).empty());
}

TEST_CASE("compute without a trace gives the same answer and no text") {
    for (const char* effective : {"2016-12-31", "2024-02-29", "2023-06-30"}) {
        CAPTURE(effective);
        compute_request req{.rule = "cn.enforcement.application", .events = {{"effective", effective}},
                            .act = std::string("2025-01-01")};
        auto full = compute(pack(), req);
        req.trace = false;
        auto lean = compute(pack(), req);
        REQUIRE(full.has_value());
        REQUIRE(lean.has_value());
        CHECK_FALSE(full->trace.empty());
        CHECK(lean->trace.empty());
        CHECK(lean->last_day == full->last_day);
        CHECK(lean->ends_at == full->ends_at);
        CHECK(lean->status == full->status);
        CHECK(lean->alternatives.size() == full->alternatives.size());
    }
}

TEST_CASE("compute: the 2008 take-over on awkward days, with the other readings reported") {
    struct row { const char* effective; const char* parties; const char* version; const char* last_day;
                 const char* other_reading; const char* other_day; };
    const row rows[] = {
        // Leap day: 1 year from 2008-02-29 = 2009-02-28 (Sat) -> Mon 2009-03-02, still running on
        // 2008-04-01, so 2 years from 2008-02-29 = Sun 2010-02-28 -> Mon 2010-03-01. Under
        // transition=by_trigger the 1991 text's day stands.
        {"2008-02-29", "natural_person_involved", "2008-04-01", "2010-03-01", "transition=by_trigger", "2009-03-02"},
        // A working Saturday before the cutover: 6 months from 2007-08-02 = Sat 2008-02-02, a
        // Spring Festival make-up day; it ends then (schedule), or Mon 2008-02-04 (weekday) —
        // both before 2008-04-01, so no take-over either way.
        {"2007-08-02", "legal_persons", "1991-04-09", "2008-02-02", "adjusted_weekend=weekday", "2008-02-04"},
    };
    for (const auto& x : rows) {
        CAPTURE(x.effective);
        auto d = compute(pack(), {.rule = "cn.enforcement.application",
                                  .events = {{"effective", x.effective}},
                                  .facts = {{"parties", x.parties}}});
        REQUIRE(d.has_value());
        CHECK(d->version == day(x.version));
        CHECK(d->last_day == day(x.last_day));
        REQUIRE(d->alternatives.size() == 1);
        CHECK(d->alternatives[0].reading == x.other_reading);
        CHECK(d->alternatives[0].last_day == day(x.other_day));
        bool transition_step = false;
        for (const auto& t : d->trace) transition_step = transition_step || t.kind == qixian::trace_kind::transition;
        CHECK(transition_step);  // taken over or not, the trace says why
    }
}

TEST_CASE("Taiwan judgments: the version in force on the day of the application governs") {
    // [2010]民四他字第68号: the provisions in force when recognition is sought apply, counted
    // from the judgment's own effective day. Worked by hand (the 1998 text: 1 year; the 2009
    // Supplementary Provisions Art. 9: 2 years; from 2015-07-01 the CPL's 2 years).
    struct row { const char* effective; const char* act; const char* reading; const char* version;
                 const char* last_day; expiry_kind expiry; const char* status;
                 const char* other_reading; const char* other_day; const char* other_expiry; };
    const row rows[] = {
        // Applied 2019: the 2015 Provisions with CPL 2017 Art. 239 (the version from 2017-07-01),
        // 2 years -> Thu 2004-04-01; by the trigger day the 1998 text's 1 year -> Tue 2003-04-01.
        {"2002-04-01", "2019-06-25", "application", "2017-07-01", "2004-04-01", expiry_kind::defence, "late",
         "version_by=trigger", "2003-04-01", "bar"},
        {"2002-04-01", "2019-06-25", "trigger", "1998-05-26", "2003-04-01", expiry_kind::bar, "late",
         "version_by=application", "2004-04-01", "defence"},
        // Applied 2010 (the 2009 text), judgment of 2008-06-30: 2 years -> Wed 2010-06-30, so an
        // application on 2010-02-01 is timely; by the trigger day (the 1998 text) 1 year -> Tue
        // 2009-06-30, and it would have been late.
        {"2008-06-30", "2010-02-01", "application", "2009-05-14", "2010-06-30", expiry_kind::bar, "timely",
         "version_by=trigger", "2009-06-30", nullptr},
        // Applied 2023 (the 2022 version, CPL 2021/2023): 2 years from 2013-06-01 = Mon 2015-06-01
        // under either reading (the 2009 text also gives 2 years), but by the trigger day expiry
        // is a bar, not a defence: that is reported too.
        {"2013-06-01", "2023-03-01", "application", "2022-01-01", "2015-06-01", expiry_kind::defence, "late",
         "version_by=trigger", "2015-06-01", "bar"},
    };
    for (const auto& x : rows) {
        CAPTURE(x.effective);
        CAPTURE(x.reading);
        compute_request req{.rule = "cn.recognition.taiwan.application",
                            .events = {{"effective", x.effective}}, .act = x.act};
        req.version_by = std::string_view(x.reading) == "trigger" ? version_reading::trigger : version_reading::application;
        auto d = compute(pack(), req);
        REQUIRE(d.has_value());
        CHECK(d->version == day(x.version));
        CHECK(d->last_day == day(x.last_day));
        CHECK(d->expiry == x.expiry);
        CHECK(d->status == x.status);
        if (x.other_reading == nullptr) {
            CHECK(d->alternatives.empty());
        } else {
            REQUIRE(d->alternatives.size() == 1);
            CHECK(d->alternatives[0].reading == x.other_reading);
            CHECK(d->alternatives[0].last_day == day(x.other_day));
            CHECK(d->alternatives[0].status == "late");  // judged against the act under that reading too
            if (x.other_expiry == nullptr) CHECK_FALSE(d->alternatives[0].expiry.has_value());
            else CHECK(to_string(d->alternatives[0].expiry.value_or(x.expiry)) == std::string_view(x.other_expiry));
        }
        // The authority for choosing by the application day is cited with it, and only then.
        const bool cites_reply = std::any_of(d->citations.begin(), d->citations.end(), [](const citation& c) {
            return c.instrument.find("[2010]民四他字第68号") != std::string::npos;
        });
        CHECK(cites_reply == (std::string_view(x.reading) == "application"));
    }
}

TEST_CASE("Taiwan judgments: the application's day is the forum's legal day, across the 2015 cutover") {
    // Effective 2014-01-02: 2 years = Sat 2016-01-02, after the New Year holiday of Fri 1 January
    // 2016 and the weekend -> Mon 2016-01-04 under every text. An application made at 13:00 on
    // 2015-06-30 in New York (EDT) is 01:00 on 2015-07-01 in Beijing: the 2015 Provisions govern
    // it (a defence; the 2009 text's bar is the other reading). At 11:00 it is 23:00 on 2015-06-30
    // in Beijing: the 2009 Supplementary Provisions govern (a bar), and both readings agree.
    struct row { const char* act; const char* version; expiry_kind expiry; std::size_t alternatives; };
    const row rows[] = {
        {"2015-06-30T13:00[America/New_York]", "2015-07-01", expiry_kind::defence, 1},
        {"2015-06-30T11:00[America/New_York]", "2009-05-14", expiry_kind::bar, 0},
    };
    for (const auto& x : rows) {
        CAPTURE(x.act);
        auto d = compute(pack(), {.rule = "cn.recognition.taiwan.application",
                                  .events = {{"effective", "2014-01-02"}}, .act = std::string(x.act)});
        REQUIRE(d.has_value());
        CHECK(d->version == day(x.version));
        CHECK(d->last_day == day("2016-01-04"));
        CHECK(d->expiry == x.expiry);
        CHECK(d->status == "timely");
        REQUIRE(d->alternatives.size() == x.alternatives);
        if (x.alternatives == 1) {
            CHECK(d->alternatives[0].last_day == day("2016-01-04"));
            CHECK(d->alternatives[0].expiry == expiry_kind::bar);
            CHECK(d->alternatives[0].status == "timely");
        }
    }
}

TEST_CASE("Taiwan judgments: without an act the trigger day chooses, and says so") {
    // 2 years from 2012-03-01 (the 2009 text) = Sat 2014-03-01 -> Mon 2014-03-03.
    auto d = compute(pack(), {.rule = "cn.recognition.taiwan.application", .events = {{"effective", "2012-03-01"}}});
    REQUIRE(d.has_value());
    CHECK(d->version == day("2009-05-14"));
    CHECK(d->last_day == day("2014-03-03"));
    REQUIRE(d->notes.size() == 1);
    CHECK(d->notes[0].find("with no act given, the version was chosen by the trigger day") != std::string::npos);

    // Before the 1998 Provisions there is no version, by either day.
    auto none = compute(pack(), {.rule = "cn.recognition.taiwan.application", .events = {{"effective", "1997-03-01"}}});
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code == errc::no_version_in_force);
    CHECK(none.error().message.find("give the day of the application (act)") != std::string::npos);
    auto early = compute(pack(), {.rule = "cn.recognition.taiwan.application",
                                  .events = {{"effective", "2002-04-01"}}, .act = "1998-01-01"});
    REQUIRE_FALSE(early.has_value());
    CHECK(early.error().code == errc::no_version_in_force);
    CHECK(early.error().message ==
          "rule 'cn.recognition.taiwan.application' has no version in force for an application on 1998-01-01 (its "
          "versions govern the applications made while they are in force; versions from 1998-05-26)");

    // The 1998 and 2009 texts cite no tolling rule: a tolling request is refused, not guessed.
    compute_request tolled{.rule = "cn.recognition.taiwan.application", .events = {{"effective", "2010-01-04"}},
                           .act = "2011-06-01"};
    tolled.tolling.push_back({.what = tolling_event::kind::interruption, .at = "2011-01-04"});
    auto refused = compute(pack(), tolled);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == errc::invalid_request);
    CHECK(refused.error().message.find("cites no rule for interruption") != std::string::npos);
}

TEST_CASE("the counting steps cite the texts in force when the period began") {
    struct row { const char* effective; const char* start_cites; const char* roll_cites; };
    const row rows[] = {
        {"2004-07-12", "中华人民共和国民法通则 art. 154 para. 2; 中华人民共和国民事诉讼法（1991年） art. 75 para. 2",
         "中华人民共和国民法通则 art. 154 para. 3; 中华人民共和国民事诉讼法（1991年） art. 75 para. 3"},
        {"2010-05-04", "中华人民共和国民法通则 art. 154 para. 2; 中华人民共和国民事诉讼法（2007年修正） art. 75 para. 2", nullptr},
        {"2017-06-30", "中华人民共和国民法通则 art. 154 para. 2; 中华人民共和国民事诉讼法（2012年修正） art. 82 para. 2", nullptr},
        {"2017-07-01", "中华人民共和国民法通则 art. 154 para. 2; 中华人民共和国民事诉讼法（2017年修正） art. 82 para. 2", nullptr},
        {"2017-10-01", "中华人民共和国民法总则 art. 201 para. 1; 中华人民共和国民事诉讼法（2017年修正） art. 82 para. 2", nullptr},
        {"2021-01-01", "中华人民共和国民法典 art. 201 para. 1; 中华人民共和国民事诉讼法（2017年修正） art. 82 para. 2", nullptr},
        {"2023-12-31", "中华人民共和国民法典 art. 201 para. 1; 中华人民共和国民事诉讼法（2021年修正） art. 85 para. 2", nullptr},
        {"2024-01-01", "中华人民共和国民法典 art. 201 para. 1; 中华人民共和国民事诉讼法（2023年修正） art. 85 para. 2",
         "中华人民共和国民法典 art. 203 para. 1; 中华人民共和国民事诉讼法（2023年修正） art. 85 para. 3"},
    };
    const auto cites = [](const trace_entry& t) {
        std::string out;
        for (const auto& c : t.citations) out += (out.empty() ? "" : "; ") + to_string(c);
        return out;
    };
    for (const auto& x : rows) {
        CAPTURE(x.effective);
        auto d = compute(pack(), {.rule = "cn.appeal.judgment", .events = {{"served", x.effective}},
                                  .facts = {{"domicile", "china"}}});
        REQUIRE_MESSAGE(d.has_value(), (d ? "" : d.error().message));
        for (const auto& t : d->trace) {
            if (t.kind == qixian::trace_kind::start) CHECK(cites(t) == x.start_cites);
            if (t.kind == qixian::trace_kind::roll && x.roll_cites != nullptr) CHECK(cites(t) == x.roll_cites);
        }
    }
}

TEST_CASE("citation_list: shared when copied, joined without repeats, equal by content") {
    const citation cpl{"中华人民共和国民事诉讼法（2023年修正）", "250", "", ""};
    const citation cc201{"中华人民共和国民法典", "201", "1", ""};
    const citation cc201_2{"中华人民共和国民法典", "201", "2", ""};

    const citation_list none;
    CHECK(none.empty());
    CHECK(none.size() == 0);
    CHECK(none.begin() == none.end());
    CHECK(citation_list(std::vector<citation>{}).empty());

    const citation_list a{cpl, cc201};
    const citation_list copy = a;  // a pointer copied, not the text
    CHECK(copy.begin() == a.begin());
    REQUIRE(copy.size() == 2);
    CHECK(copy[1].article == "201");
    CHECK(copy.front().instrument == "中华人民共和国民事诉讼法（2023年修正）");

    // b adds only what a does not cite (instrument, article and paragraph all count)
    const citation_list b{cc201, cc201_2};
    const citation_list ab = citation_list::join(a, b);
    REQUIRE(ab.size() == 3);
    CHECK(ab[0] == cpl);
    CHECK(ab[1] == cc201);
    CHECK(ab[2] == cc201_2);
    // nothing new: the same list, not a copy
    CHECK(citation_list::join(a, citation_list{cc201}).begin() == a.begin());
    CHECK(citation_list::join(a, none).begin() == a.begin());
    CHECK(citation_list::join(none, b) == b);

    CHECK(a == citation_list{cpl, cc201});  // different storage, same citations
    CHECK_FALSE(a == citation_list{cc201, cpl});  // order counts
    CHECK_FALSE(a == none);
}

TEST_CASE("an answer's trace steps share the version's citation list") {
    compute_request req{.rule = "cn.enforcement.application", .events = {{"effective", "2023-06-30"}}};
    auto d = compute(pack(), req);
    REQUIRE(d.has_value());
    const rule_version* v = pack().find("cn.enforcement.application")->version_for(day("2023-06-30"));
    REQUIRE(v != nullptr);
    REQUIRE(!d->trace.empty());
    CHECK(d->trace.front().kind == qixian::trace_kind::select);
    CHECK(d->trace.front().citations.begin() == v->citations.begin());
    CHECK(d->citations == v->citations);
}
