// The words of the web page, in English and Chinese (internal to serve/).
#pragma once

#include "qixian/civil.hpp"
#include "qixian/error.hpp"

#include <string>
#include <string_view>

namespace qixian::serve {

struct page_text {
    std::string_view title, lead, skip, nav, deadline_nav, docket_nav, footer;
    std::string_view pick_rule, search, search_hint, search_button, no_rule_matches, unknown_rule;
    std::string_view events, events_hint, day, time, zone, not_given, facts, readings, readings_hint;
    std::string_view tolling, tolling_hint, interruption, suspension, settlement, agreed;
    std::string_view act_and_zone, act, show_zone, as_of, provisional_opt, compute;
    std::string_view need_day, need_event, need_range;
    std::string_view answer, rule, version, last_day, last_moment, last_moment_in, forum_zone, status, days_late;
    std::string_view provisional, provisional_range, range_to, expiry, no_limit, period, start;
    std::string_view alternatives, reading, instalments, due, trace, step, provenance, download_ics, permalink;
    std::string_view docket_title, docket_lead, case_events, case_events_hint, rules_filter, rules_filter_hint;
    std::string_view build_docket, chained, no_answer, no_deadlines;
};

const page_text& en_text();
const page_text& zh_text();

/// The label of an event kind ("the instrument takes effect" / "裁判文书生效").
std::string event_label(const page_text& t, std::string_view kind);
/// The weekday of `d` ("Monday" / "星期一").
std::string_view weekday(const page_text& t, civil_date d);
/// A status, an expiry or a step name in the page's language (the code itself when unknown).
std::string term(const page_text& t, std::string_view code);
/// A period ("2 years", "6 months") in the page's language ("2年", "6个月").
std::string period_text(const page_text& t, std::string_view period);
/// An engine error for a person: a sentence in the page's language and the engine's message.
std::string error_text(const page_text& t, const error& e);

}  // namespace qixian::serve
