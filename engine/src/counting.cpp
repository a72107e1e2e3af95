#include "qixian/counting.hpp"
#include "text.hpp"

#include <cstdio>

namespace qixian {

std::string_view to_string(start_day s) noexcept {
    return s == start_day::included ? "included" : "excluded";
}

std::string_view to_string(month_end m) noexcept {
    switch (m) {
        case month_end::clamp: return "clamp";
        case month_end::first_of_next: return "first_of_next";
        case month_end::spill: return "spill";
        case month_end::reject: return "reject";
    }
    return "unset";
}

std::string to_string(const day_end& e) {
    if (e.which == day_end::kind::midnight) return "24:00";
    char buf[8];
    const auto m = e.close.count();
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(m / 60 % 100),
                  static_cast<long long>(m % 60));
    return buf;
}

namespace {

bool valid_policy(month_end m) noexcept {
    return m == month_end::clamp || m == month_end::first_of_next || m == month_end::spill ||
           m == month_end::reject;
}

civil_date from_local_days(date::local_days d) noexcept {
    return civil_date::from_serial(static_cast<std::int32_t>(d.time_since_epoch().count()));
}

std::string describe_month_adjustment(civil_date from, std::int32_t n, date::year_month y_m) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(y_m.year()),
                  static_cast<unsigned>(y_m.month()));
    return from.to_string() + " + " + std::to_string(n) + (n == 1 || n == -1 ? " month" : " months") +
           ": " + buf + " has no day " + std::to_string(from.day());
}

}  // namespace

result<civil_date> add_months(civil_date from, std::int32_t n, month_end policy, bool* adjusted) {
    if (adjusted) *adjusted = false;
    if (!valid_policy(policy))
        return unexpected(make_error(errc::invalid_period,
                                     "no month-end policy given (clamp, first_of_next, spill or reject)"));
    const auto ymd = from.ymd();
    // Months since year 0 fit in 32 bits for the supported years (0001-9999) and any n that
    // keeps the result in range; larger n is rejected below.
    if (n > 12 * 10000 || n < -12 * 10000)
        return unexpected(make_error(errc::out_of_range, std::to_string(n) + " months is outside any supported range"));
    const std::int32_t month_index = static_cast<int>(ymd.year()) * 12 +
                                     static_cast<std::int32_t>(static_cast<unsigned>(ymd.month()) - 1) + n;
    const std::int32_t year = month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
    if (year < 1 || year > 9999)
        return unexpected(make_error(errc::out_of_range,
                                     from.to_string() + " + " + std::to_string(n) +
                                         " months is outside the years 0001-9999"));
    const auto y_m = date::year{year} / date::month{static_cast<unsigned>(month_index - year * 12 + 1)};
    const auto target = y_m / ymd.day();
    if (target.ok()) return from_local_days(date::local_days{target});

    if (adjusted) *adjusted = true;
    switch (policy) {
        case month_end::clamp:
            return from_local_days(date::local_days{y_m / date::last});
        case month_end::first_of_next:
            return from_local_days(date::local_days{y_m / date::last} + date::days{1});
        case month_end::spill:
            // date::local_days of an out-of-range day counts on past the month's end.
            return from_local_days(date::local_days{target});
        case month_end::reject:
            return unexpected(make_error(
                errc::ambiguous_month_end,
                describe_month_adjustment(from, n, y_m) +
                    " and the month-end policy is reject (clamp would give " +
                    from_local_days(date::local_days{y_m / date::last}).to_string() + ")",
                from.to_string()));
    }
    return unexpected(make_error(errc::invalid_period, "unknown month-end policy"));
}

result<civil_date> add(civil_date from, const period& p, month_end policy) {
    if (p.hours != 0 || p.working_days != 0)
        return unexpected(make_error(errc::invalid_period,
                                     "add() takes years, months and days only, not '" +
                                         to_string(p) + "'"));
    const std::int64_t months = static_cast<std::int64_t>(p.years) * 12 + p.months;
    if (months > 12 * 10000 || months < -12 * 10000)
        return unexpected(make_error(errc::out_of_range, "period too long: " + to_string(p)));
    civil_date d = from;
    if (months != 0) {
        auto m = add_months(from, static_cast<std::int32_t>(months), policy);
        if (!m) return m;
        d = *m;
    } else if (!valid_policy(policy)) {
        return unexpected(make_error(errc::invalid_period,
                                     "no month-end policy given (clamp, first_of_next, spill or reject)"));
    }
    return checked_add_calendar_days(d, p.days);
}

local_time end_of(civil_date last_day, const day_end& end) noexcept {
    if (end.which == day_end::kind::midnight) return start_of(add_calendar_days(last_day, 1));
    return start_of(last_day) + end.close;
}

result<day_count> count(civil_date start, const period& p, const counting_convention& convention,
                        const work_calendar* calendar, const calendar_query& q, trace_detail detail) {
    const bool explain = detail == trace_detail::full;
    if (convention.start != start_day::excluded && convention.start != start_day::included)
        return unexpected(make_error(errc::invalid_request,
                                     "counting convention '" + convention.id +
                                         "' does not say whether the start day is counted"));
    if (!valid_policy(convention.month_end_policy))
        return unexpected(make_error(errc::invalid_request,
                                     "counting convention '" + convention.id +
                                         "' names no month-end policy"));
    if (p.hours != 0)
        return unexpected(make_error(errc::invalid_period,
                                     "'" + to_string(p) +
                                         "' has hours: hour periods are counted from a time, not a day"));
    if (!p.is_non_negative())
        return unexpected(make_error(errc::invalid_period,
                                     "'" + to_string(p) + "' has a negative unit"));
    if ((convention.roll != roll_convention::none || p.working_days != 0) && calendar == nullptr)
        return unexpected(make_error(errc::invalid_request,
                                     "counting '" + to_string(p) + "' under '" + convention.id +
                                         "' needs a calendar"));

    day_count out;
    out.start = start;
    const bool excluded = convention.start == start_day::excluded;

    // start: under exclusion the count runs from the next day (Civil Code Art. 201).
    auto first_counted = excluded ? checked_add_calendar_days(start, 1) : result<civil_date>(start);
    if (!first_counted) return unexpected(first_counted.error());
    if (explain) {
        trace_step st{.kind = trace_kind::start,
                      .reason = excluded ? trace_reason::start_excluded : trace_reason::start_included};
        st.from = start;
        st.to = *first_counted;
        out.trace.push_back(std::move(st));
    }

    // count: months and years on the corresponding day, then days, then working days.
    // With the start day counted (other jurisdictions), a calendar period ends the day
    // before the corresponding day (1 March + 1 month → 31 March), and a working-day
    // period counts the start day itself when it is a working day.
    const std::int64_t months = static_cast<std::int64_t>(p.years) * 12 + p.months;
    civil_date raw = start;
    trace_reason how = trace_reason::counted;
    civil_date month_end_day;
    if (months != 0) {
        bool adjusted = false;
        auto m = add_months(raw, static_cast<std::int32_t>(months), convention.month_end_policy,
                            &adjusted);
        if (!m) return unexpected(m.error());
        raw = *m;
        out.month_end_adjusted = adjusted;
        how = adjusted ? trace_reason::counted_month_end : trace_reason::counted_corresponding;
        month_end_day = raw;
    }
    if (p.days != 0) {
        auto d = checked_add_calendar_days(raw, p.days);
        if (!d) return unexpected(d.error());
        raw = *d;
    }
    if (!excluded && (months != 0 || p.days != 0 || p.working_days != 0)) {
        auto back = checked_add_calendar_days(raw, -1);
        if (!back) return unexpected(back.error());
        raw = *back;
    }
    if (p.working_days != 0) {
        auto w = calendar->add_working_days(raw, p.working_days, q);
        if (!w) return unexpected(w.error());
        out.provisional = out.provisional || w->provisional;
        out.projected = out.projected || w->projected;
        raw = w->day;
    }
    out.raw_end = raw;
    if (explain) {
        trace_step st{.kind = trace_kind::count, .reason = how};
        st.from = start;
        st.to = raw;
        st.length = p;
        if (how == trace_reason::counted_month_end) {
            st.other_day = month_end_day;
            st.policy = to_string(convention.month_end_policy);
        }
        st.start_counted = !excluded && (months != 0 || p.days != 0);
        out.trace.push_back(std::move(st));
    }

    return settle(std::move(out), convention, calendar, q, detail);
}

result<day_count> settle(day_count out, const counting_convention& convention, const work_calendar* calendar,
                         const calendar_query& q, trace_detail detail) {
    const bool explain = detail == trace_detail::full;
    if (convention.roll != roll_convention::none && calendar == nullptr)
        return unexpected(make_error(errc::invalid_request,
                                     "rolling under '" + convention.id + "' needs a calendar"));
    const civil_date raw = out.raw_end;
    // roll: a last day that is a rest day moves per the convention.
    out.last_day = raw;
    if (convention.roll != roll_convention::none) {
        auto r = roll(raw, convention.roll, *calendar, q);
        if (!r) return unexpected(r.error());
        out.last_day = r->day;
        out.provisional = out.provisional || r->provisional;
        out.projected = out.projected || r->projected;
        if (explain) {
            trace_step st{.kind = trace_kind::roll,
                          .reason = r->moved == 0 ? trace_reason::working_day : trace_reason::rest_day};
            st.from = raw;
            st.to = r->day;
            st.days = r->moved;
            st.day_kind = to_string(r->original.kind);
            st.holiday = r->original.name;
            st.holiday_en = r->original.name_en;
            // A rule calendar's day names the rule that placed it, not a notice: kept apart, and
            // its authority added by the close stage (close.cpp), which has the calendar.
            if (!r->original.by_rule) st.notice = r->original.notice;
            else st.holiday_rule = r->original.notice;
            st.provisional = r->provisional;
            st.projected = r->projected;
            out.trace.push_back(std::move(st));
        }
    }

    // close: the exclusive end of the last day (a last day of 9999-12-31 would end in year 10000).
    if (convention.end.which == day_end::kind::midnight && out.last_day == civil_date::max())
        return unexpected(make_error(errc::out_of_range, "the period ends on " + out.last_day.to_string() +
                                                              ", whose end lies outside the supported years 0001-9999"));
    out.ends_before = end_of(out.last_day, convention.end);
    if (explain) {
        trace_step st{.kind = trace_kind::close, .reason = trace_reason::closed};
        st.on = out.last_day;
        st.to_time = out.ends_before;
        st.day_ends = convention.end.which == day_end::kind::midnight
                          ? 1440
                          : static_cast<std::int32_t>(convention.end.close.count());
        out.trace.push_back(std::move(st));
    }
    return out;
}

result<hour_count> count_hours(local_time start, const period& p) {
    if (!p.is_hours_only() || p.hours < 0)
        return unexpected(make_error(errc::invalid_period,
                                     "count_hours() takes a positive number of hours only, not '" +
                                         to_string(p) + "'"));
    hour_count out;
    out.start = start;
    out.counted_from = date::floor<std::chrono::hours>(start) + std::chrono::hours{1};
    out.ends_before = out.counted_from + std::chrono::hours{p.hours};
    // As for day periods: the end, and its day in every zone, stay inside years 0001-9999.
    if (!(day_of(out.ends_before) < civil_date::max()))
        return unexpected(make_error(errc::out_of_range, to_string(p) + " from " + to_string(start) +
                                                              " ends too near the end of the supported years 0001-9999"));
    return out;
}

}  // namespace qixian
