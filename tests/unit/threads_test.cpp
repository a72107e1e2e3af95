// One loaded rule pack shared by several threads computing at once: every answer must
// equal the single-threaded one. (Run under the address and undefined-behaviour
// sanitizers by tools/check.)
#include "qixian/explain.hpp"
#include "qixian/qixian.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace qixian;

TEST_CASE("a loaded pack is shared by threads computing at once") {
    auto loaded = rule_pack::load_embedded();
    REQUIRE(loaded.has_value());
    const rule_pack& pack = *loaded;

    std::vector<compute_request> requests;
    const char* rules[] = {"cn.enforcement.application", "cn.appeal.judgment", "cn.civil.revocation",
                           "cn.payment-order.objection", "cn.civil.limitation"};
    for (int i = 0; i < 400; ++i) {
        const civil_date day = add_calendar_days(test::day("2016-01-01"), i * 7);
        compute_request r{.rule = rules[i % 5], .zone = i % 2 ? "America/New_York" : ""};
        r.events = {{"effective", day.to_string()}, {"served", day.to_string()}, {"received", day.to_string()},
                    {"knew", day.to_string()}, {"debtor_act", add_calendar_days(day, -300).to_string()}};
        r.facts = {{"domicile", i % 3 ? "china" : "abroad"}};
        r.outside = coverage_policy::provisional;
        requests.push_back(r);
    }
    std::vector<std::string> expected;
    for (const auto& r : requests) {
        auto d = compute(pack, r);
        expected.push_back(d ? d->last_day.to_string() + d->ends_at_local + qixian::describe(d->trace.back(), qixian::language::en)
                             : std::string(to_string(d.error().code)));
    }

    std::atomic<int> mismatches{0}, answers{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round)
                for (std::size_t i = static_cast<std::size_t>(t); i < requests.size(); i += 3) {
                    auto d = compute(pack, requests[i]);
                    const std::string got = d ? d->last_day.to_string() + d->ends_at_local + qixian::describe(d->trace.back(), qixian::language::en)
                                              : std::string(to_string(d.error().code));
                    if (got != expected[i]) ++mismatches;
                    ++answers;
                }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(mismatches.load() == 0);
    CHECK(answers.load() > 5000);
}
