// Synopsis: composite rules (earliest_of, latest_of), transitional caps
// (ends_no_later_than) and produced events, on the test pack tests/data/packs/features.toml
// beside the real conventions and calendars.
#include "qixian/explain.hpp"
#include "qixian/compute.hpp"
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
const rule_pack& features() { return test::features_pack(); }
}  // namespace

TEST_CASE("earliest_of and latest_of take each component from its own trigger") {
    // knew 2024-03-10 + 1 year = Mon 2025-03-10; act 2021-06-01 + 5 years = Mon 2026-06-01.
    const compute_request req{.rule = "test.earliest",
                              .events = {{"knew", "2024-03-10"}, {"debtor_act", "2021-06-01"}}};
    auto e = compute(features(), req);
    REQUIRE(e.has_value());
    CHECK(e->combine == combinator::earliest_of);
    CHECK(e->last_day == day("2025-03-10"));
    CHECK(e->trigger == "knew");
    REQUIRE(e->components.size() == 2);
    CHECK(e->components[0].last_day == day("2025-03-10"));
    CHECK(e->components[1].last_day == day("2026-06-01"));
    CHECK(e->trace.front().kind == qixian::trace_kind::compose);
    CHECK(e->expiry == expiry_kind::extinguished);
    CHECK(e->notes.empty());

    auto l = compute(features(), {.rule = "test.latest", .events = req.events});
    REQUIRE(l.has_value());
    CHECK(l->last_day == day("2026-06-01"));
    CHECK(l->trigger == "debtor_act");

    // knowledge late: the 5-year bound governs. knew 2025-12-01 + 1 year = 2026-12-01;
    // act 2021-06-01 + 5 years = 2026-06-01, earlier.
    auto bound = compute(features(), {.rule = "test.earliest",
                                      .events = {{"knew", "2025-12-01"}, {"debtor_act", "2021-06-01"}}});
    CHECK(bound->last_day == day("2026-06-01"));
    CHECK(bound->trigger == "debtor_act");

    // The 5-year bound ends beyond the calendar's data (2030) but cannot govern: its raw
    // end 2030-05-01 is after the 1-year component's last day, Wed 2025-06-04 (knew 2024-06-04).
    auto beyond = compute(features(), {.rule = "test.earliest",
                                       .events = {{"knew", "2024-06-04"}, {"debtor_act", "2025-05-01"}}});
    REQUIRE(beyond.has_value());
    CHECK(beyond->last_day == day("2025-06-04"));
    CHECK_FALSE(beyond->provisional);
    CHECK(qixian::describe(beyond->trace.front(), qixian::language::en).find("ends after 2030-05-01, beyond the calendar's data") != std::string::npos);
    // ... but when the component beyond the data would govern, its error stands.
    auto governs = compute(features(), {.rule = "test.earliest",
                                        .events = {{"knew", "2026-06-04"}, {"debtor_act", "2022-05-01"}},
                                        .policy = calendar_policy::strict});
    REQUIRE_FALSE(governs.has_value());
    CHECK(governs.error().code == errc::outside_calendar_coverage);
    // by default the projected calendar answers it, provisionally, with its range
    auto projected = compute(features(), {.rule = "test.earliest",
                                          .events = {{"knew", "2026-06-04"}, {"debtor_act", "2022-05-01"}}});
    if (features().find_holiday_law("cn.mainland") != nullptr) {
        REQUIRE(projected.has_value());
        CHECK(projected->provisional);
        CHECK(projected->last_day_range.has_value());
    }

    // a missing component event is an error naming the component
    auto missing = compute(features(), {.rule = "test.earliest", .events = {{"knew", "2024-03-10"}}});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == errc::missing_event);
    CHECK(missing.error().message.rfind("component test.five-years-from-act: ", 0) == 0);
}

TEST_CASE("a composite reports a reading that changes which day governs") {
    // knew 2025-02-28 + 1 year = Sat 2026-02-28, a working Saturday (2026 notice):
    // under reading weekday it rolls to Mon 2026-03-02.
    auto e = compute(features(), {.rule = "test.earliest",
                                  .events = {{"knew", "2025-02-28"}, {"debtor_act", "2021-09-01"}}});
    REQUIRE(e.has_value());
    CHECK(e->last_day == day("2026-02-28"));
    REQUIRE(e->alternatives.size() == 1);
    CHECK(e->alternatives[0].reading == "adjusted_weekend=weekday");
    CHECK(e->alternatives[0].last_day == day("2026-03-02"));
}

TEST_CASE("a transitional cap ends the period no later than its day, then rolls it") {
    // effective 2012-03-01 + 2 years = 2014-03-01, after the cap 2013-06-30 (a Sunday):
    // the period ends at the cap, rolled to Monday 2013-07-01.
    auto c = compute(features(), {.rule = "test.capped", .events = {{"effective", "2012-03-01"}}});
    REQUIRE(c.has_value());
    CHECK(c->capped);
    CHECK(c->raw_end == day("2013-06-30"));
    CHECK(c->last_day == day("2013-07-01"));
    // effective 2011-03-01 + 2 years = 2013-03-01, before the cap: no change.
    auto early = compute(features(), {.rule = "test.capped", .events = {{"effective", "2011-03-01"}}});
    CHECK_FALSE(early->capped);
    CHECK(early->last_day == day("2013-03-01"));
    // effective 2011-06-30 + 2 years = 2013-06-30, the cap day itself: the period ends there
    // by its own count, not by the cap (then rolled from Sunday to Monday 2013-07-01).
    auto exact = compute(features(), {.rule = "test.capped", .events = {{"effective", "2011-06-30"}}});
    CHECK_FALSE(exact->capped);
    CHECK(exact->last_day == day("2013-07-01"));
    // without a trace the cap is still reported
    auto quiet = compute(features(), {.rule = "test.capped", .events = {{"effective", "2012-03-01"}}, .trace = false});
    CHECK(quiet->capped);
    CHECK(quiet->last_day == day("2013-07-01"));
    // the later version: 6 months, no cap. 2013-01-05 + 6 months = Fri 2013-07-05.
    auto later = compute(features(), {.rule = "test.capped", .events = {{"effective", "2013-01-05"}}});
    CHECK(later->version == day("2013-01-01"));
    CHECK(later->last_day == day("2013-07-05"));
}

TEST_CASE("a period's end produces the event that starts a chained period") {
    // received 2025-09-16 + 15 days = 2025-10-01, in the National Day block: 2025-10-09;
    // the order takes effect the day after: 2025-10-10.
    auto o = compute(features(), {.rule = "test.objection", .events = {{"received", "2025-09-16"}}});
    REQUIRE(o.has_value());
    CHECK(o->last_day == day("2025-10-09"));
    REQUIRE(o->produces.has_value());
    CHECK(*o->produces == "effective");
    CHECK(*o->produces_on == day("2025-10-10"));
}

TEST_CASE("a composite whose component sets no time limit is refused, not guessed") {
    compute_request req{.rule = "test.earliest",
                        .events = {{"knew", "2024-03-10"}, {"debtor_act", "2021-06-01"}},
                        .facts = {{"claim", "support"}}};
    auto e = compute(features(), req);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code == errc::invalid_request);
    CHECK(e.error().message ==
          "component test.five-years-from-act of rule 'test.earliest' sets no time limit for these facts, so the "
          "earliest_of of its components has no answer the pack states");
    // The component on its own: no time limit.
    req.rule = "test.five-years-from-act";
    auto alone = compute(features(), req);
    REQUIRE(alone.has_value());
    CHECK_FALSE(alone->time_limited);
}
