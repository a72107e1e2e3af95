// The close stage (simple.hpp): the event the period produces, and the end instant as the
// forum's local time, as UTC and in the reader's zone. The end instant itself is set by the
// count (a day ends at the forum's midnight; an hour count ends at its hour).
#include "simple.hpp"

namespace qixian::stage {

result<deadline> close_answer(const working& w, deadline d) {
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
