#include "qixian/calendar.hpp"

namespace qixian {

namespace {
// A rest spell longer than this does not occur in any schedule; walking further
// means the calendar has no working days at all in reach.
constexpr std::int32_t max_walk = 400;
}  // namespace

std::string_view to_string(day_kind k) noexcept {
    switch (k) {
        case day_kind::working: return "working";
        case day_kind::weekend: return "weekend";
        case day_kind::holiday: return "holiday";
        case day_kind::adjusted_working: return "adjusted_working";
    }
    return "working";
}

std::string_view to_string(adjusted_weekend r) noexcept {
    return r == adjusted_weekend::schedule ? "schedule" : "weekday";
}

std::string_view to_string(roll_convention r) noexcept {
    switch (r) {
        case roll_convention::none: return "none";
        case roll_convention::next_working_day: return "next_working_day";
        case roll_convention::previous_working_day: return "previous_working_day";
    }
    return "none";
}

result<day_status> work_calendar::first_working_day_from(civil_date d,
                                                         const calendar_query& q) const {
    bool provisional = false, projected = false;
    for (std::int32_t i = 0; i <= max_walk; ++i) {
        auto day = checked_add_calendar_days(d, i);
        if (!day) return unexpected(day.error());
        auto s = status(*day, q);
        if (!s) return s;
        provisional = provisional || s->provisional;
        projected = projected || s->projected;
        if (s->working) {
            s->provisional = provisional;
            s->projected = projected;
            return s;
        }
    }
    return unexpected(make_error(errc::no_working_day,
                                 "no working day within " + std::to_string(max_walk) +
                                     " days from " + d.to_string() + " in calendar " +
                                     std::string(id()),
                                 d.to_string()));
}

result<day_status> work_calendar::add_working_days(civil_date d, std::int32_t n,
                                                   const calendar_query& q) const {
    if (n < 0)
        return unexpected(make_error(errc::invalid_period,
                                     "a negative number of working days cannot be added"));
    if (n == 0) return status(d, q);
    civil_date cursor = d;
    bool provisional = false;
    for (std::int32_t found = 0; found < n;) {
        auto next = checked_add_calendar_days(cursor, 1);
        if (!next) return unexpected(next.error());
        auto s = first_working_day_from(*next, q);
        if (!s) return s;
        provisional = provisional || s->provisional;
        cursor = s->day;
        if (++found == n) {
            s->provisional = provisional;
            return s;
        }
    }
    return status(cursor, q);
}

result<rolled_day> roll(civil_date d, roll_convention convention, const work_calendar& cal,
                        const calendar_query& q) {
    if (convention == roll_convention::none) {
        day_status unchanged;
        unchanged.day = d;
        return rolled_day{d, 0, false, false, unchanged};
    }
    auto original = cal.status(d, q);
    if (!original) return unexpected(original.error());
    if (original->working) return rolled_day{d, 0, original->provisional, original->projected, *original};

    if (convention == roll_convention::next_working_day) {
        auto s = cal.first_working_day_from(d, q);
        if (!s) return unexpected(s.error());
        return rolled_day{s->day, calendar_days_between(d, s->day),
                          s->provisional || original->provisional, s->projected || original->projected, *original};
    }
    bool provisional = original->provisional, projected = original->projected;
    for (std::int32_t i = 1; i <= 400; ++i) {
        auto day = checked_add_calendar_days(d, -i);
        if (!day) return unexpected(day.error());
        auto s = cal.status(*day, q);
        if (!s) return unexpected(s.error());
        provisional = provisional || s->provisional;
        projected = projected || s->projected;
        if (s->working) return rolled_day{s->day, -i, provisional, projected, *original};
    }
    return unexpected(make_error(errc::no_working_day,
                                 "no working day within 400 days before " + d.to_string(),
                                 d.to_string()));
}

}  // namespace qixian
