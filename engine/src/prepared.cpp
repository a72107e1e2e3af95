#include "qixian/prepared.hpp"

#include <algorithm>

namespace qixian {

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
        if (v.combine != combinator::none || !v.time_limited)
            return unexpected(make_error(errc::invalid_request,
                                         "rule '" + r->id + "' is not a simple period: use compute()"));
        version_plan plan{v.valid_from, v.valid_until, {}, v.ends_no_later_than, std::nullopt,
                          !v.takes_over_running.empty()};
        if (untimed_for(v, facts) != nullptr)
            plan.problem = make_error(errc::invalid_request, "rule '" + r->id + "' (version from " +
                                                                 v.valid_from.to_string() +
                                                                 ") does not limit a claim with these facts: use compute()");
        else if (auto length = period_for(*r, v, facts)) plan.length = *length;
        else plan.problem = length.error();
        if (!plan.problem && plan.length.hours != 0)
            return unexpected(make_error(errc::invalid_request, "rule '" + r->id + "' counts hours: use compute()"));
        p.versions_.push_back(plan);
    }
    // Refused only when no version can be used at all (e.g. every version needs a fact not given).
    if (std::all_of(p.versions_.begin(), p.versions_.end(), [](const version_plan& v) { return v.problem.has_value(); }))
        return unexpected(*p.versions_.back().problem);
    return p;
}

result<civil_date> prepared_rule::last_day(civil_date trigger) const {
    std::size_t at = versions_.size();
    for (std::size_t i = 0; i < versions_.size(); ++i)
        if (versions_[i].from <= trigger && (!versions_[i].until || trigger < *versions_[i].until)) at = i;
    if (at == versions_.size())
        return unexpected(make_error(errc::no_version_in_force,
                                     "rule '" + rule_id_ + "' has no version in force for " + trigger.to_string()));
    auto here = last_day_under(versions_[at], trigger);
    // A later version that takes over periods still running when it came into force.
    for (std::size_t j = at + 1; j < versions_.size(); ++j) {
        if (!versions_[j].takes_over_running) continue;
        if (!here || *here < versions_[j].from) return here;
        return last_day_under(versions_[j], trigger);
    }
    return here;
}

result<civil_date> prepared_rule::last_day_under(const version_plan& plan, civil_date trigger) const {
    const version_plan* v = &plan;
    if (v->problem) return unexpected(*v->problem);
    // The same steps as count(): months on the corresponding day, then days, then roll.
    const auto& p = v->length;
    civil_date raw = trigger;
    if (counting_.start == start_day::included) raw = add_calendar_days(raw, -1);
    if (const std::int32_t months = p.years * 12 + p.months; months != 0) {
        auto m = add_months(raw, months, counting_.month_end_policy);
        if (!m) return m;
        raw = *m;
    }
    raw = add_calendar_days(raw, p.days);
    if (p.working_days != 0) {
        auto w = calendar_->add_working_days(raw, p.working_days, query_);
        if (!w) return unexpected(w.error());
        raw = w->day;
    }
    if (v->cap && *v->cap < raw) raw = *v->cap;
    if (counting_.roll == roll_convention::none) return raw;
    auto s = calendar_->status(raw, query_);
    if (!s) return unexpected(s.error());
    if (s->working) return raw;
    if (counting_.roll == roll_convention::next_working_day) {  // the table's O(1) answer
        auto next = calendar_->first_working_day_from(raw, query_);
        if (!next) return unexpected(next.error());
        return next->day;
    }
    auto r = roll(raw, counting_.roll, *calendar_, query_);
    if (!r) return unexpected(r.error());
    return r->day;
}

}  // namespace qixian
