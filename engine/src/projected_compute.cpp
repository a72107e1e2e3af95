// compute(): the deadline on the published calendar data, and past it on the projected
// calendar (qixian/calendar_projection.hpp) — the best estimate, with the range the earliest
// and latest views give, and a status only where the whole range agrees.
#include "qixian/compute.hpp"

#include <algorithm>

namespace qixian {

std::string_view to_string(calendar_policy p) noexcept {
    return p == calendar_policy::strict ? "strict" : "project";
}

namespace {

// The calendar years an answer consulted: from the counted end (the start, for periods counted
// in working days) to the last day.
std::vector<int> years_of(const deadline& d, civil_date last) {
    std::vector<int> out;
    if (!d.time_limited) return out;
    civil_date from = std::min(d.raw_end, d.last_day);
    if (d.length.working_days != 0) from = d.start;
    for (int y = from.year(); y <= last.year(); ++y) out.push_back(y);
    return out;
}

// Same status on both ends of the range, or "undetermined".
std::optional<std::string> judged(const std::optional<std::string>& earliest, const std::optional<std::string>& latest) {
    if (earliest == latest) return earliest;
    return std::string("undetermined");
}

// A day past the last projectable year: an error naming that year. (A day before the data is
// left as it was.)
error past_projection(const error& e, const calendar_projection& p) {
    auto asked = civil_date::parse(e.subject);
    if (!asked || *asked <= p.last_projectable()) return e;
    const int year = asked->year();
    return make_error(errc::outside_calendar_coverage,
                      "the answer needs " + std::to_string(year) + ", past " + std::to_string(p.last_projectable().year()) +
                          ", the last year the holiday law can be projected (its lunar table ends there; published "
                          "notices end " + p.published_last().to_string() + ")",
                      e.subject);
}

result<deadline> compute_projected(const rule_pack& pack, const compute_request& req, const calendar_projection& p) {
    deadline views[3];
    for (auto v : {projection_view::best, projection_view::earliest, projection_view::latest}) {
        compute_request r = req;
        r.outside = coverage_policy::strict;
        r.calendar_as_of.reset();
        r.calendar_view = &p.view(v);
        r.trace = req.trace && v == projection_view::best;
        auto d = compute_on_data(pack, r);
        if (!d) {
            if (d.error().code == errc::outside_calendar_coverage) return unexpected(past_projection(d.error(), p));
            return unexpected(d.error());
        }
        views[static_cast<int>(v)] = std::move(*d);
    }
    deadline out = std::move(views[0]);
    const deadline& early = views[1];
    const deadline& late = views[2];
    if (!out.time_limited) return out;
    const civil_date lo = std::min({out.last_day, early.last_day, late.last_day});
    const civil_date hi = std::max({out.last_day, early.last_day, late.last_day});
    out.source.calendar_last = p.published_last();  // the published data, not the projection's reach
    out.provisional = true;
    out.last_day_range = deadline::day_range{lo, hi};
    out.calendar_years = years_of(out, hi);
    if (req.act) {
        out.status = judged(early.status, late.status);
        if (out.status == "undetermined") out.days_late.reset();
        for (std::size_t i = 0; i < out.instalments.size() && i < early.instalments.size() && i < late.instalments.size(); ++i)
            out.instalments[i].status = judged(early.instalments[i].status, late.instalments[i].status);
    }
    if (req.trace) {
        trace_entry t;
        t.kind = trace_kind::project;
        t.reason = trace_reason::projected;
        t.other_day = p.published_last();
        t.from = lo;
        t.to = hi;
        t.last_day = out.last_day;
        out.trace.push_back(std::move(t));
    }
    return out;
}

}  // namespace

namespace {

// The years an answer depends on whose calendar data is of secondary confidence (notice text
// not found): those consulted for the last day, and each instalment's and component's last day.
void mark_confidence(const rule_pack& pack, deadline& d) {
    const table_calendar* cal = pack.find_calendar(d.source.calendar);
    if (cal == nullptr || !d.time_limited) return;
    std::vector<int> years = d.calendar_years;
    for (const auto& i : d.instalments)
        if (i.time_limited && i.last_day != civil_date{}) years.push_back(i.last_day.year());
    for (const auto& c : d.components)
        if (c.last_day != civil_date{}) years.push_back(c.last_day.year());
    for (const auto& y : cal->data().years)
        if (y.confidence == "secondary" && std::find(years.begin(), years.end(), y.year) != years.end())
            d.secondary_calendar_years.push_back(y.year);
    std::sort(d.secondary_calendar_years.begin(), d.secondary_calendar_years.end());
}

result<deadline> compute_unmarked(const rule_pack& pack, const compute_request& req);

}  // namespace

result<deadline> compute(const rule_pack& pack, const compute_request& req) {
    auto d = compute_unmarked(pack, req);
    if (d) mark_confidence(pack, *d);
    return d;
}

namespace {

result<deadline> compute_unmarked(const rule_pack& pack, const compute_request& req) {
    const bool strict = req.policy == calendar_policy::strict && req.outside != coverage_policy::provisional;
    const rule* r = pack.find(req.rule);
    const convention* conv = r ? pack.find_convention(r->convention) : nullptr;
    const table_calendar* cal = conv ? pack.find_calendar(conv->calendar) : nullptr;
    const holiday_law* law = conv ? pack.find_holiday_law(conv->calendar) : nullptr;
    if (strict || cal == nullptr || law == nullptr || req.calendar_view != nullptr) {
        auto d = compute_on_data(pack, req);
        if (d) d->calendar_years = years_of(*d, d->time_limited ? d->last_day : civil_date{});
        return d;
    }
    compute_request plain = req;
    plain.outside = coverage_policy::strict;
    auto d = compute_on_data(pack, plain);
    // The first day a projection could concern (the last notice's tail), known without
    // building it: most answers end well before it and never build the projection.
    const civil_date published_last =
        req.calendar_as_of ? cal->coverage_last_as_of(*req.calendar_as_of) : cal->coverage_last();
    const civil_date first_projected = add_calendar_days(published_last, 1 - std::max(law->reach.tail, 0));
    if (d) {
        const bool touches = d->time_limited && std::max(d->raw_end, d->last_day) >= first_projected;
        if (!touches) {
            d->calendar_years = years_of(*d, d->time_limited ? d->last_day : civil_date{});
            return d;
        }
    } else if (d.error().code != errc::outside_calendar_coverage) {
        return d;
    } else if (auto asked = civil_date::parse(d.error().subject); asked && *asked < cal->coverage_first()) {
        return compute_on_data(pack, req);  // before the data: never projected (--provisional: weekends only)
    }
    std::shared_ptr<const calendar_projection> p;
    if (req.calendar_as_of) {
        auto built = calendar_projection::build(*cal, *law, req.calendar_as_of);
        if (!built) return unexpected(built.error());
        p = std::move(*built);
    } else {
        p = pack.find_projection(conv->calendar);
    }
    if (p == nullptr) return d;
    return compute_projected(pack, req, *p);
}

}  // namespace

}  // namespace qixian
