// Calendar and counting benchmarks: day status, next working day, add N working days
// (N = 1, 10, 1000), and one deadline end to end; QuantLib's China(China::IB) beside
// them where it is installed. Run a Release build:
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release -DQIXIAN_BUILD_BENCHMARKS=ON
//   cmake --build build-rel --target qixian_bench && build-rel/tools/bench/qixian_bench
#include "qixian/compute.hpp"
#include "qixian/prepared.hpp"
#include "qixian/counting.hpp"
#include "qixian/rule_pack.hpp"

#include <benchmark/benchmark.h>

#ifdef QIXIAN_HAVE_QUANTLIB
#include <ql/time/calendars/china.hpp>
#endif

#include <cstdlib>
#include <iostream>
#include <vector>

namespace {

using namespace qixian;

const rule_pack& pack() {
    static const rule_pack p = [] {
        auto r = rule_pack::load_embedded();
        if (!r) {
            for (const auto& d : r.error()) std::cerr << format(d) << '\n';
            std::abort();
        }
        return std::move(*r);
    }();
    return p;
}

const table_calendar& mainland() { return *pack().find_calendar("cn.mainland"); }

// Days spread over 2005-2022 (inside both qixian's and QuantLib's data), in a fixed
// pseudo-random order so that the branch predictor cannot learn the sequence.
const std::vector<civil_date>& sample_days() {
    static const std::vector<civil_date> days = [] {
        std::vector<civil_date> out;
        const civil_date first = *civil_date::parse("2005-01-01");
        std::uint32_t x = 12345;
        for (int i = 0; i < 4096; ++i) {
            x = x * 1664525U + 1013904223U;
            out.push_back(add_calendar_days(first, static_cast<std::int32_t>((x >> 8) % (18 * 365))));
        }
        return out;
    }();
    return days;
}

void bm_day_status(benchmark::State& state) {
    const auto& cal = mainland();
    const auto& days = sample_days();
    const calendar_query q{};
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = cal.status(days[i++ & 4095], q);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(bm_day_status);

void bm_next_working_day(benchmark::State& state) {
    const auto& cal = mainland();
    const auto& days = sample_days();
    const calendar_query q{};
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = cal.first_working_day_from(days[i++ & 4095], q);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(bm_next_working_day);

void bm_add_working_days(benchmark::State& state) {
    const auto& cal = mainland();
    const auto& days = sample_days();
    const calendar_query q{};
    const auto n = static_cast<std::int32_t>(state.range(0));
    std::size_t i = 0;
    for (auto _ : state) {
        auto s = cal.add_working_days(days[i++ & 4095], n, q);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(bm_add_working_days)->Arg(1)->Arg(10)->Arg(1000);

void bm_count_two_years_with_roll(benchmark::State& state) {
    const auto& cal = mainland();
    const auto& conv = pack().find_convention("cn.counting")->counting;
    const auto& days = sample_days();
    std::size_t i = 0;
    for (auto _ : state) {
        auto r = count(days[i++ & 4095], period::of_years(2), conv, &cal, {});
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(bm_count_two_years_with_roll);

// One deadline through the public API, on a loaded pack: with the trace (range 1) and
// without (range 0). Rules: a days rule (an appeal, 15 days), a years rule whose last
// day rolls (2016-12-31 + 2 years = 2018-12-31, New Year block -> 2019-01-02), and the
// enforcement-application period of the CASES.md example.
void bm_compute(benchmark::State& state, compute_request req) {
    req.trace = state.range(0) != 0;
    for (auto _ : state) {
        auto d = compute(pack(), req);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK_CAPTURE(bm_compute, days_rule_appeal,
                  compute_request{.rule = "cn.appeal.judgment", .events = {{"served", "2024-09-20"}},
                                  .facts = {{"domicile", "china"}}})
    ->Arg(0)->Arg(1);
BENCHMARK_CAPTURE(bm_compute, years_rule_with_roll,
                  compute_request{.rule = "cn.enforcement.application", .events = {{"effective", "2016-12-31"}}})
    ->Arg(0)->Arg(1);
BENCHMARK_CAPTURE(bm_compute, enforcement_application,
                  compute_request{.rule = "cn.enforcement.application", .events = {{"effective", "2023-06-30"}},
                                  .zone = "America/New_York"})
    ->Arg(0)->Arg(1);

// The same deadlines through a prepared rule (no parsing, no strings, no trace), over
// varied trigger days: the bulk-recomputation path of a docketing system.
void bm_prepared(benchmark::State& state, const char* rule, std::map<std::string, std::string, std::less<>> facts) {
    auto p = prepared_rule::prepare(pack(), rule, facts, {});
    if (!p) {
        state.SkipWithError("prepare failed");
        return;
    }
    // Triggers 2008-04-01 .. 2024-10-31, so that every answer lies inside the calendar's data.
    static const std::vector<civil_date> triggers = [] {
        std::vector<civil_date> out;
        const civil_date first = *civil_date::parse("2008-04-01");
        std::uint32_t x = 777;
        for (int i = 0; i < 4096; ++i) {
            x = x * 1664525U + 1013904223U;
            out.push_back(add_calendar_days(first, static_cast<std::int32_t>((x >> 8) % 6057)));
        }
        return out;
    }();
    std::size_t i = 0;
    for (auto _ : state) {
        auto d = p->last_day(triggers[i++ & 4095]);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK_CAPTURE(bm_prepared, days_rule_appeal, "cn.appeal.judgment",
                  std::map<std::string, std::string, std::less<>>{{"domicile", "china"}});
BENCHMARK_CAPTURE(bm_prepared, years_rule_with_roll, "cn.enforcement.application",
                  std::map<std::string, std::string, std::less<>>{});

// The enforcement period with an interruption, through compute (the prepared path takes
// no tolling): effective 2018-08-27, interrupted 2020-08-27 -> 2022-08-29.
BENCHMARK_CAPTURE(bm_compute, enforcement_with_interruption,
                  compute_request{.rule = "cn.enforcement.application", .events = {{"effective", "2018-08-27"}},
                                  .tolling = {{tolling_event::kind::interruption, "2020-08-27", {}, {}, {}, false}}})
    ->Arg(0)->Arg(1);

#ifdef QIXIAN_HAVE_QUANTLIB
QuantLib::Date to_ql(civil_date d) {
    return QuantLib::Date(static_cast<QuantLib::Day>(d.day()), static_cast<QuantLib::Month>(d.month()),
                          static_cast<QuantLib::Year>(d.year()));
}

const std::vector<QuantLib::Date>& ql_days() {
    static const std::vector<QuantLib::Date> days = [] {
        std::vector<QuantLib::Date> out;
        for (auto d : sample_days()) out.push_back(to_ql(d));
        return out;
    }();
    return days;
}

void ql_is_business_day(benchmark::State& state) {
    const QuantLib::China cal(QuantLib::China::IB);
    const auto& days = ql_days();
    std::size_t i = 0;
    for (auto _ : state) {
        bool b = cal.isBusinessDay(days[i++ & 4095]);
        benchmark::DoNotOptimize(b);
    }
}
BENCHMARK(ql_is_business_day);

void ql_adjust_following(benchmark::State& state) {
    const QuantLib::China cal(QuantLib::China::IB);
    const auto& days = ql_days();
    std::size_t i = 0;
    for (auto _ : state) {
        auto d = cal.adjust(days[i++ & 4095], QuantLib::Following);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(ql_adjust_following);

void ql_advance_business_days(benchmark::State& state) {
    const QuantLib::China cal(QuantLib::China::IB);
    const auto& days = ql_days();
    const auto n = static_cast<QuantLib::Integer>(state.range(0));
    std::size_t i = 0;
    for (auto _ : state) {
        auto d = cal.advance(days[i++ & 4095], n, QuantLib::Days);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(ql_advance_business_days)->Arg(1)->Arg(10)->Arg(1000);

void ql_two_years_following(benchmark::State& state) {
    const QuantLib::China cal(QuantLib::China::IB);
    const auto& days = ql_days();
    std::size_t i = 0;
    for (auto _ : state) {
        auto d = cal.adjust(days[i++ & 4095] + QuantLib::Period(2, QuantLib::Years), QuantLib::Following);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(ql_two_years_following);
#endif

}  // namespace

BENCHMARK_MAIN();
