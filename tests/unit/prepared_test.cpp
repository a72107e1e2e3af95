// Synopsis: prepared_rule::prepare(pack, id, facts, query), last_day(trigger). The
// prepared path must give compute()'s last day for every trigger day.
#include "qixian/qixian.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

using namespace qixian;
using qixian::test::day;

namespace {
const rule_pack& pack() { return test::embedded_pack(); }
}  // namespace

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
            for (civil_date d = day(c.first); d <= day(c.last); d = add_calendar_days(d, 1), ++days) {
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
            CHECK(days > 5000);
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
    CHECK(p->last_day(day("2025-06-01")).error().code == errc::outside_calendar_coverage);
    CHECK(*p->last_day(day("2016-12-31")) == day("2019-01-02"));
    // Facts are checked as compute() checks them; a claim a version does not limit has no last day.
    CHECK(prepared_rule::prepare(pack(), "cn.enforcement.application", {{"party", "legal_persons"}}, {}).error().message ==
          "'party' is not a fact (facts: parties, domicile, claim, retrial_ground)");
    auto support = prepared_rule::prepare(pack(), "cn.civil.limitation", {{"claim", "support"}}, {});
    REQUIRE(support.has_value());
    CHECK(support->last_day(day("2019-03-01")).error().code == errc::invalid_request);  // the 2017 text: untimed
    CHECK(*support->last_day(day("2012-03-01")) == day("2014-03-03"));  // GPCL 2008: no such exclusion, 2 years
}
