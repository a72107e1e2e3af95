// The close stage (simple.hpp): the event the period produces, and the end instant as the
// forum's local time, as UTC and in the reader's zone. The end instant itself is set by the
// count (a day ends at the forum's midnight; an hour count ends at its hour).
#include "simple.hpp"

namespace qixian::stage {

namespace {

// A roll onto a forum calendar's holiday names the holiday's own authority beside the
// convention's: the citation of the rule (or one-off day) that placed it, as the calendar
// gives it (`qixian calendar --json`'s notice_title).
void cite_rolled_holidays(const table_calendar& cal, deadline& d) {
    for (auto& s : d.trace)
        if (s.kind == trace_kind::roll && !s.holiday_rule.empty() && s.holiday_citation.empty())
            if (const calendar_notice* n = cal.find_notice(s.holiday_rule)) s.holiday_citation = n->title;
}

}  // namespace

result<deadline> close_answer(const working& w, deadline d) {
    if (w.ctx.cal != nullptr) cite_rolled_holidays(*w.ctx.cal, d);
    if (w.v->produces) {
        d.produces = w.v->produces->event;
        d.produces_on = w.v->produces->on == produced_event::day::last_day ? d.last_day
                                                                            : add_calendar_days(d.last_day, 1);
    }
    d.ends_at_forum = tz::format(d.ends_at, w.ctx.zone);
    d.ends_at_utc = tz::format_utc(d.ends_at);
    if (!w.req.zone.empty()) {
        auto z = tz::locate(w.req.zone);
        if (!z) return unexpected(z.error());
        d.ends_at_local = tz::format(d.ends_at, *z);
        d.ends_at_local_abbrev = tz::abbreviation(d.ends_at, *z);
    }
    return d;
}

}  // namespace qixian::stage
