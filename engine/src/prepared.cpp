#include "qixian/prepared.hpp"

#include "qixian/calendar_projection.hpp"
#include "qixian/holiday_law.hpp"

#include <algorithm>
#include <mutex>

namespace qixian {

// The projected calendar, built on first use (rule_pack::find_projection, or as of the
// query's day), shared by the copies of a prepared rule and safe to ask from any thread.
struct prepared_rule::projection_source {
    const rule_pack* pack = nullptr;
    std::string calendar_id;
    const table_calendar* calendar = nullptr;
    const holiday_law* law = nullptr;
    std::optional<civil_date> as_of;
    std::once_flag once;
    std::shared_ptr<const calendar_projection> value;
    result<std::shared_ptr<const calendar_projection>> get() {
        std::optional<error> failed;
        std::call_once(once, [&] {
            if (!as_of) {
                value = pack->find_projection(calendar_id);
            } else if (auto built = calendar_projection::build(*calendar, *law, as_of)) {
                value = std::move(*built);
            } else {
                failed = built.error();
            }
        });
        if (failed) return unexpected(*failed);
        return value;
    }
};


// One version made ready: its period under the facts and its cap, as compute() chooses
// them (choice_for; an entry chosen by a fact escapes the version's cap). An error refuses
// the whole rule; a version the facts cannot use carries its `problem` instead.
result<prepared_rule::version_plan> prepared_rule::plan_version(const rule& r, const rule_version& v,
                                                                const std::map<std::string, std::string, std::less<>>& facts,
                                                                const counting_convention& counting) {
    auto refuse = [&](const char* why) {
        return unexpected(make_error(errc::invalid_request, "rule '" + r.id + "' " + why + ": use compute()"));
    };
    if (v.combine != combinator::none || !v.time_limited) return refuse("is not a simple period");
    if (v.backwards) return refuse("counts backwards from its trigger");
    const month_end policy = counting.month_end_policy;
    if ((counting.start != start_day::excluded && counting.start != start_day::included) ||
        (policy != month_end::clamp && policy != month_end::first_of_next && policy != month_end::spill &&
         policy != month_end::reject))
        return refuse("has a convention that does not say how to count");
    version_plan plan{v.valid_from, v.valid_until, {}, std::nullopt, std::nullopt, !v.takes_over_running.empty()};
    if (untimed_for(v, facts) != nullptr) {
        plan.problem = make_error(errc::invalid_request, "rule '" + r.id + "' (version from " + v.valid_from.to_string() +
                                                             ") does not limit a claim with these facts: use compute()");
        return plan;
    }
    auto chosen = choice_for(r, v, facts);
    if (!chosen) {
        plan.problem = chosen.error();
        return plan;
    }
    const period& l = (*chosen)->length;
    if (l.hours != 0) return refuse("counts hours");
    if (!l.is_non_negative()) return refuse("has a negative period");
    const std::int64_t months = static_cast<std::int64_t>(l.years) * 12 + l.months;
    if (months > 12 * 10000) return refuse("has a period longer than the supported years");
    plan.length = l;
    plan.cap = (*chosen)->ends_no_later_than ? (*chosen)->ends_no_later_than
               : (*chosen)->when.empty()     ? v.ends_no_later_than
                                             : std::nullopt;
    plan.months = static_cast<std::int32_t>(months);
    plan.back_one = counting.start == start_day::included && (months != 0 || l.days != 0 || l.working_days != 0);
    return plan;
}

result<prepared_rule> prepared_rule::prepare(const rule_pack& pack, std::string_view rule_id,
                                             const std::map<std::string, std::string, std::less<>>& facts,
                                             const calendar_query& q) {
    if (auto ok = check_facts(facts); !ok) return unexpected(ok.error());
    const rule* r = pack.find(rule_id);
    if (r == nullptr)
        return unexpected(make_error(errc::unknown_rule, "no rule '" + std::string(rule_id) + "' in the rule pack",
                                     std::string(rule_id)));
    const convention* conv = pack.find_convention(r->convention);
    const table_calendar* cal = conv ? pack.find_calendar(conv->calendar) : nullptr;
    if (cal == nullptr) return unexpected(make_error(errc::rules_invalid, "rule '" + r->id + "' has no calendar"));
    if (!r->version_by_application.empty())
        return unexpected(make_error(errc::invalid_request,
                                     "rule '" + r->id + "' chooses its version by the day of the application, "
                                     "which a prepared rule does not know: use compute() with the act"));
    prepared_rule p;
    p.counting_ = conv->counting;
    p.calendar_ = cal;
    p.query_ = q;
    p.rule_id_ = r->id;
    for (const auto& v : r->versions) {
        auto plan = plan_version(*r, v, facts, conv->counting);
        if (!plan) return unexpected(plan.error());
        p.versions_.push_back(std::move(*plan));
    }
    // Each covered day rolled once, by roll() itself, as count() rolls it; a day roll()
    // refuses, or one moved further than an int8_t holds, is left to roll() at each call.
    // The projection, where the calendar has a holiday law (compute()'s default policy).
    if (const holiday_law* law = pack.find_holiday_law(conv->calendar)) {
        p.projection_ = std::make_shared<projection_source>();
        p.projection_->pack = &pack;
        p.projection_->calendar_id = conv->calendar;
        p.projection_->calendar = cal;
        p.projection_->law = law;
        p.projection_->as_of = q.as_of;
        const civil_date published_last = q.as_of ? cal->coverage_last_as_of(*q.as_of) : cal->coverage_last();
        p.first_projected_ = add_calendar_days(published_last, 1 - std::max(law->reach.tail, 0));
    }
    const calendar_query strict{.reading = q.reading, .outside = coverage_policy::strict, .as_of = std::nullopt};
    if (conv->counting.roll != roll_convention::none) {
        p.rolls_from_ = cal->coverage_first();
        p.moved_.assign(static_cast<std::size_t>(calendar_days_between(cal->coverage_first(), cal->coverage_last())) + 1,
                        unrolled);
        for (std::size_t i = 0; i < p.moved_.size(); ++i) {
            auto rolled = roll(add_calendar_days(p.rolls_from_, static_cast<std::int32_t>(i)), conv->counting.roll, *cal, strict);
            if (rolled && rolled->moved > unrolled && rolled->moved <= 127) p.moved_[i] = static_cast<std::int8_t>(rolled->moved);
        }
    }
    // Refused only when no version can be used at all (e.g. every version needs a fact not given).
    if (std::all_of(p.versions_.begin(), p.versions_.end(), [](const version_plan& v) { return v.problem.has_value(); }))
        return unexpected(*p.versions_.back().problem);
    return p;
}

namespace {
// Days and civil dates (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), for the
// months of a prepared count without add_months()'s general checks: a day that has its
// corresponding day in a year 0001-9999 is moved here, any other by add_months().
struct ymd_parts {
    int y;
    unsigned m, d;
};
constexpr ymd_parts civil_from_days(std::int32_t z) noexcept {
    z += 719468;
    const std::int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}
constexpr std::int32_t days_from_civil(int y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int32_t>(doe) - 719468;
}
constexpr unsigned days_in_month(int y, unsigned m) noexcept {
    if (m != 2) return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
}
static_assert(days_from_civil(1970, 1, 1) == 0 && days_from_civil(2000, 3, 1) == 11017);
static_assert(civil_from_days(11016).m == 2 && civil_from_days(11016).d == 29);

/// `from` + `months` on the corresponding day, when that day exists in years 0001-9999.
inline std::optional<civil_date> corresponding_day(civil_date from, std::int32_t months) noexcept {
    const ymd_parts c = civil_from_days(from.serial());
    const std::int32_t index = c.y * 12 + static_cast<std::int32_t>(c.m) - 1 + months;
    if (index < 12 || index >= 12 * 10000) return std::nullopt;
    const int y = index / 12;
    const auto m = static_cast<unsigned>(index - y * 12 + 1);
    if (c.d > days_in_month(y, m)) return std::nullopt;
    return civil_date::from_serial(days_from_civil(y, m, c.d));
}

template <class Counted>
result<civil_date> last_of(result<Counted> c) {
    if (!c) return unexpected(std::move(c).error());
    return c->last;
}
}  // namespace

// compute()'s choice of calendar (projected_compute.cpp): the published data, and the
// projection's three views for an answer that reaches the last notice's tail or runs past
// the data — the best view's last day, or the first error of any view.
// The common case in a few dozen instructions, with no result at each step: the version in
// force counts calendar months and days, no later version takes the period over, the end is
// covered by the published data with its roll resolved, and lies before the projection's
// first day. Anything else (nullopt) is counted by the general path below, with its errors.
std::optional<civil_date> prepared_rule::common_last_day(civil_date trigger) const noexcept {
    if (query_.as_of) return std::nullopt;
    std::size_t at = versions_.size();
    for (std::size_t i = 0; i < versions_.size(); ++i)
        if (versions_[i].from <= trigger && (!versions_[i].until || trigger < *versions_[i].until)) at = i;
    if (at == versions_.size()) return std::nullopt;
    const version_plan& v = versions_[at];
    if (v.problem || v.length.working_days != 0) return std::nullopt;
    for (std::size_t j = at + 1; j < versions_.size(); ++j)
        if (versions_[j].takes_over_running) return std::nullopt;
    civil_date raw = trigger;
    if (v.months != 0) {
        auto moved = corresponding_day(raw, v.months);
        if (!moved) return std::nullopt;
        raw = *moved;
    }
    constexpr std::int32_t first_serial = days_from_civil(1, 1, 1), last_serial = days_from_civil(9999, 12, 31);
    const std::int32_t end = raw.serial() + v.length.days;  // before the day taken off: in range too
    if (end < first_serial || end > last_serial || end - 1 < first_serial) return std::nullopt;
    raw = civil_date::from_serial(v.back_one ? end - 1 : end);
    if (v.cap && *v.cap < raw) raw = *v.cap;
    civil_date last = raw;
    if (counting_.roll != roll_convention::none) {
        const auto i = static_cast<std::uint32_t>(calendar_days_between(rolls_from_, raw));
        if (i >= moved_.size() || moved_[i] == unrolled) return std::nullopt;
        last = add_calendar_days(raw, moved_[i]);
    }
    if (projection_ && !(std::max(raw, last) < first_projected_)) return std::nullopt;
    return last;
}

result<civil_date> prepared_rule::last_day(civil_date trigger) const {
    if (auto common = common_last_day(trigger)) return *common;
    if (!projection_) return last_of(on(*calendar_, query_, trigger));
    calendar_query strict = query_;
    strict.outside = coverage_policy::strict;
    auto d = on(*calendar_, strict, trigger);
    if (d) {
        if (std::max(d->raw, d->last) < first_projected_) return d->last;
    } else if (d.error().code != errc::outside_calendar_coverage) {
        return unexpected(d.error());
    } else if (auto asked = civil_date::parse(d.error().subject); asked && *asked < calendar_->coverage_first()) {
        return last_of(on(*calendar_, query_, trigger));
    }
    auto p = projection_->get();
    if (!p) return unexpected(p.error());
    if (*p == nullptr) return last_of(std::move(d));
    calendar_query view = strict;
    view.as_of.reset();
    civil_date best;
    for (auto v : {projection_view::best, projection_view::earliest, projection_view::latest}) {
        auto c = on((*p)->view(v), view, trigger);
        if (!c) return unexpected(c.error());
        if (v == projection_view::best) best = c->last;
    }
    return best;
}

// The version in force on the trigger day, and a later one that takes over periods still
// running when it came into force, on `cal` under `q`.
result<prepared_rule::counted> prepared_rule::on(const table_calendar& cal, const calendar_query& q,
                                                 civil_date trigger) const {
    std::size_t at = versions_.size();
    for (std::size_t i = 0; i < versions_.size(); ++i)
        if (versions_[i].from <= trigger && (!versions_[i].until || trigger < *versions_[i].until)) at = i;
    if (at == versions_.size())
        return unexpected(make_error(errc::no_version_in_force,
                                     "rule '" + rule_id_ + "' has no version in force for " + trigger.to_string()));
    auto here = count_under(versions_[at], trigger, cal, q);
    for (std::size_t j = at + 1; j < versions_.size(); ++j) {
        if (!versions_[j].takes_over_running) continue;
        if (!here || here->last < versions_[j].from) return here;
        return count_under(versions_[j], trigger, cal, q);
    }
    return here;
}

result<prepared_rule::counted> prepared_rule::count_under(const version_plan& v, civil_date trigger,
                                                          const table_calendar& cal, const calendar_query& q) const {
    if (v.problem) return unexpected(*v.problem);
    // count()'s steps (counting.cpp), without its trace: months on the corresponding day of
    // the trigger, then days; with the start day counted, the day before (1 March + 1 month
    // → 31 March); then working days. Then the version's cap and the roll.
    const period& p = v.length;
    civil_date raw = trigger;
    if (v.months != 0) {
        if (auto fast = corresponding_day(raw, v.months)) {
            raw = *fast;
        } else {  // no corresponding day: the month-end policy, with its errors
            auto m = add_months(raw, v.months, counting_.month_end_policy);
            if (!m) return unexpected(m.error());
            raw = *m;
        }
    }
    if (p.days != 0) {
        auto d = checked_add_calendar_days(raw, p.days);
        if (!d) return unexpected(d.error());
        raw = *d;
    }
    if (v.back_one) {
        auto d = checked_add_calendar_days(raw, -1);
        if (!d) return unexpected(d.error());
        raw = *d;
    }
    if (p.working_days != 0) {
        auto w = cal.add_working_days(raw, p.working_days, q);
        if (!w) return unexpected(w.error());
        raw = w->day;
    }
    if (v.cap && *v.cap < raw) raw = *v.cap;
    if (counting_.roll == roll_convention::none) return counted{raw, raw};
    // A covered day's roll on the published data was resolved at prepare time (strict, every
    // notice); roll() the rest, with its errors.
    if (&cal == calendar_ && q.outside == coverage_policy::strict && !q.as_of) {
        const auto i = static_cast<std::uint32_t>(calendar_days_between(rolls_from_, raw));
        if (i < moved_.size() && moved_[i] != unrolled) return counted{raw, add_calendar_days(raw, moved_[i])};
    }
    auto r = roll(raw, counting_.roll, cal, q);
    if (!r) return unexpected(r.error());
    return counted{raw, r->day};
}

}  // namespace qixian
