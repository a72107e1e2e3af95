// qixian/qixian.hpp — the library a docketing system links, in one include.
//
// Lifecycle: load a rule pack once, compute many deadlines from it.
//
//   1. Load. `rule_pack::load_embedded()` gives the pack compiled into the library
//      (rules and calendars of the qixian release you linked); `load_directory(dir)`
//      reads a rules directory instead. Both return `result<rule_pack,
//      std::vector<diagnostic>>`: on failure, every problem with file:line:column.
//   2. Describe a case. A `compute_request` names the rule and gives events as text in
//      any INTERFACES.md form ("2025-03-01", "2025-03-01T09:30", "…+08:00",
//      "…[America/New_York]"), facts, readings, an act to judge, a zone to show.
//   3. Compute. `compute(pack, request)` returns `result<deadline>`: the last day, the
//      exclusive end instant (forum zone, UTC, your zone), status, expiry, readings that
//      would change the answer, whether it is provisional, the trace with citations, and
//      provenance (engine version, rule-pack and calendar digests, tzdata version).
//
// Errors are values, never exceptions: each `error` has a code from `errc` (stable
// names via `to_string`) and a message naming the offending input.
//
// Threads: a loaded `rule_pack` is immutable; any number of threads may call
// `compute` on the same pack at once (tests/unit/threads_test.cpp does, under the
// address and undefined-behaviour sanitizers). There is no global mutable state
// beyond the system tz database, which date/tz loads once and thread-safely.
//
// Example:
//
//   #include <qixian/qixian.hpp>
//
//   auto pack = qixian::rule_pack::load_embedded();
//   if (!pack) return 1;
//   auto d = qixian::compute(*pack, {.rule = "cn.enforcement.application",
//                                    .events = {{"effective", "2023-06-30"}},
//                                    .zone = "America/New_York"});
//   if (d) std::cout << d->last_day << ' ' << d->ends_at_local << '\n';
//   // 2025-06-30 2025-06-30T12:00:00-04:00
//   else   std::cerr << qixian::to_string(d.error().code) << ": " << d.error().message << '\n';
#pragma once

#include "qixian/calendar.hpp"
#include "qixian/civil.hpp"
#include "qixian/compute.hpp"
#include "qixian/counting.hpp"
#include "qixian/diagnostics.hpp"
#include "qixian/error.hpp"
#include "qixian/messages.hpp"
#include "qixian/explain.hpp"
#include "qixian/period.hpp"
#include "qixian/prepared.hpp"
#include "qixian/result.hpp"
#include "qixian/rule_pack.hpp"
#include "qixian/table_calendar.hpp"
#include "qixian/trace.hpp"
#include "qixian/tz.hpp"
