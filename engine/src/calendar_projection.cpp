// The projection of a calendar past its notices: classes, the best estimate, three views.
#include "qixian/calendar_projection.hpp"

#include <algorithm>
#include <map>

namespace qixian {

std::string_view to_string(day_certainty c) noexcept {
    switch (c) {
        case day_certainty::certain_rest: return "certain_rest";
        case day_certainty::certain_work: return "certain_work";
        case day_certainty::uncertain: return "uncertain";
    }
    return "uncertain";
}

namespace {

constexpr const char* projection_notice = "projection";

struct statutory_index {
    std::vector<statutory_day> days;        // sorted
    std::map<std::int32_t, const statutory_day*> by_day;
    std::map<std::int32_t, const statutory_day*> core;  // core day -> the festival's first day

    // The statutory day nearest to d (after `after` only, when given), and its distance.
    std::pair<const statutory_day*, int> nearest(civil_date d, std::optional<civil_date> after) const {
        const statutory_day* best = nullptr;
        int dist = 1 << 30;
        auto it = std::lower_bound(days.begin(), days.end(), d, [](const auto& s, civil_date x) { return s.day < x; });
        for (auto j : {it, it == days.begin() ? it : std::prev(it)}) {
            for (auto k = j; k != days.end() && k - j < 2; ++k) {
                if (after && k->day <= *after) continue;
                const int x = std::abs(calendar_days_between(d, k->day));
                if (x < dist) dist = x, best = &*k;
            }
        }
        return {best, dist};
    }
};

result<statutory_index> index_statutory(const holiday_law& law, int from_year, int to_year,
                                        std::optional<civil_date> as_of) {
    statutory_index ix;
    for (int y = from_year; y <= to_year; ++y) {
        auto s = law.statutory_days(y, as_of);
        if (!s) {
            if (y < from_year + 1 || y > to_year - 1) continue;  // a neighbour year: only its fixed days matter
            return unexpected(s.error());
        }
        ix.days.insert(ix.days.end(), s->begin(), s->end());
    }
    std::sort(ix.days.begin(), ix.days.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
    for (const auto& s : ix.days) {
        ix.by_day.emplace(s.day.serial(), &s);
        if (s.index == 0 && s.of->core)
            for (int k = s.of->core->first; k <= s.of->core->second; ++k)
                ix.core.emplace(add_calendar_days(s.day, k).serial(), &s);
    }
    return ix;
}

std::string article_of(const statutory_day& s) {
    return s.version->title + " Art. " + s.of->article;
}

// The class of a day past the notices, or of an ordinary day in the tail (only statutory days
// after `published_last` count then: the next year's).
// The reasons of the days far from any statutory day, the same for every such day: made
// once per build (some 26,000 days are classified), copied into each day.
struct far_reasons {
    std::string weekend, weekend_zh, weekday, weekday_zh;
    explicit far_reasons(const projection_reach& reach)
        : weekend("a weekly rest day more than " + std::to_string(reach.working) +
                  " days from any statutory day: no notice has made such a day a working day"),
          weekend_zh("距任何法定节假日均超过" + std::to_string(reach.working) + "日的周休日：历年安排从未调为上班"),
          weekday("a weekday more than " + std::to_string(reach.bridge) +
                  " days from any statutory day: no notice has made such a day a rest day"),
          weekday_zh("距任何法定节假日均超过" + std::to_string(reach.bridge) + "日的工作日：历年安排从未调为休息") {}
};

projected_day classify_day(civil_date d, const statutory_index& ix, const projection_reach& reach,
                           const far_reasons& far, std::optional<civil_date> after) {
    projected_day p{d, day_certainty::certain_work, true, {}, {}, {}, {}};
    const bool weekend = d.is_saturday_or_sunday();
    if (!after) {
        if (auto it = ix.by_day.find(d.serial()); it != ix.by_day.end()) {
            const statutory_day& s = *it->second;
            p.certainty = day_certainty::certain_rest;
            p.name = s.of->name;
            p.article = article_of(s);
            p.reason = "statutory day (" + s.of->name_en + ", Art. " + s.of->article + ")";
            p.reason_zh = "法定节假日（" + s.of->name + "，第" + s.of->article + "条）";
            p.working = false;
            return p;
        }
        if (auto it = ix.core.find(d.serial()); it != ix.core.end()) {
            p.certainty = day_certainty::certain_rest;
            p.name = it->second->of->name;
            p.reason = "every " + it->second->of->name_en + " block under these Measures has held this day";
            p.reason_zh = "现行放假办法下历年" + it->second->of->name + "假期均含此日";
            p.working = false;
            return p;
        }
    }
    const auto [near, dist] = ix.nearest(d, after);
    p.working = !weekend;
    const bool close = near != nullptr && dist <= (weekend ? reach.working : reach.bridge);
    if (!close) {
        p.certainty = weekend ? day_certainty::certain_rest : day_certainty::certain_work;
        p.reason = weekend ? far.weekend : far.weekday;
        p.reason_zh = weekend ? far.weekend_zh : far.weekday_zh;
        return p;
    }
    p.certainty = day_certainty::uncertain;
    p.name = near->of->name;
    p.reason = weekend ? "may be a working day to make up for a day bridged into the " + near->of->name_en + " block"
                       : "may be bridged into the " + near->of->name_en + " block, or be its make-up day (Art. 6)";
    p.reason_zh = weekend ? "可能因" + near->of->name + "调休而上班" : "可能调休并入" + near->of->name + "假期，或为其补休日（第六条）";
    return p;
}

// The best estimate for one festival of a projected year (the patterns of the 2014–2026
// notices): a Tuesday or Thursday one-day festival bridges Monday or Friday and works the
// weekend day beyond; each statutory day on a weekend owes a weekday (Art. 6), taken from the
// core's extra weekdays first, then from the weekdays after the block; extra core weekdays
// beyond those owed are paid back by working weekend days, the nearest before the block first,
// then after it, alternately.
void estimate_festival(const std::vector<const statutory_day*>& days, std::vector<projected_day>& out,
                       civil_date first) {
    auto at = [&](civil_date d) -> projected_day* {
        const std::int32_t i = calendar_days_between(first, d);
        if (i < 0 || static_cast<std::size_t>(i) >= out.size()) return nullptr;
        projected_day* p = &out[static_cast<std::size_t>(i)];
        return p->certainty == day_certainty::uncertain ? p : nullptr;
    };
    const festival& f = *days.front()->of;
    civil_date from = days.front()->day, through = days.back()->day;
    if (f.core) {
        from = std::min(from, add_calendar_days(days.front()->day, f.core->first));
        through = std::max(through, add_calendar_days(days.front()->day, f.core->second));
    }
    int owed = 0, extra = 0;
    for (const auto* s : days) owed += s->day.is_saturday_or_sunday() ? 1 : 0;
    for (civil_date d = from; d <= through; d = add_calendar_days(d, 1)) {
        const bool statutory = std::any_of(days.begin(), days.end(), [&](const auto* s) { return s->day == d; });
        if (!statutory && !d.is_saturday_or_sunday()) ++extra;
    }
    if (days.size() == 1 && !f.core) {
        const civil_date d = days.front()->day;
        const int side = d.iso_weekday() == 2 ? -1 : d.iso_weekday() == 4 ? 1 : 0;
        if (side != 0) {
            if (auto* p = at(add_calendar_days(d, side))) p->working = false;
            if (auto* p = at(add_calendar_days(d, 3 * side))) p->working = true;
        }
    }
    for (civil_date d = add_calendar_days(through, 1); owed > extra; d = add_calendar_days(d, 1)) {
        if (d.is_saturday_or_sunday()) continue;
        if (auto* p = at(d)) p->working = false;
        ++extra;
        if (calendar_days_between(through, d) > 7) break;
    }
    int to_work = extra - owed;
    civil_date before = add_calendar_days(from, -1), after = add_calendar_days(through, 1);
    for (bool earlier = true; to_work > 0 && calendar_days_between(before, from) <= 10; earlier = !earlier) {
        civil_date& d = earlier ? before : after;
        const int step = earlier ? -1 : 1;
        while (!d.is_saturday_or_sunday()) d = add_calendar_days(d, step);
        if (auto* p = at(d)) {
            p->working = true;
            --to_work;
        }
        d = add_calendar_days(d, step);
    }
}

void estimate(const statutory_index& ix, civil_date published_last, std::vector<projected_day>& out, civil_date first) {
    std::map<std::pair<int, const festival*>, std::vector<const statutory_day*>> by_festival;
    for (const auto& s : ix.days)
        if (s.day > published_last) by_festival[{s.day.year(), s.of}].push_back(&s);
    for (const auto& [key, days] : by_festival) estimate_festival(days, out, first);
}

// The data of one view: the published entries as of `as_of`, and the projected days.
calendar_data view_data(const table_calendar& base, std::optional<civil_date> as_of, civil_date published_last,
                        civil_date last, const std::vector<projected_day>& days, projection_view v) {
    calendar_data data = base.data();
    data.years.clear();
    data.last = last;
    auto in_force = [&](const std::string& notice, const std::string& revoked_by) {
        if (!as_of) return revoked_by.empty();
        const calendar_notice* n = base.find_notice(notice);
        if (n == nullptr || n->published > *as_of) return false;
        const calendar_notice* r = revoked_by.empty() ? nullptr : base.find_notice(revoked_by);
        return r == nullptr || r->published > *as_of;
    };
    std::erase_if(data.holidays, [&](const auto& h) { return !in_force(h.notice, h.revoked_by); });
    std::erase_if(data.working_days, [&](const auto& w) { return !in_force(w.notice, w.revoked_by); });
    for (auto& h : data.holidays) h.revoked_by.clear();
    for (auto& w : data.working_days) w.revoked_by.clear();
    data.notices.push_back({projection_notice, "projected from the holiday law (全国年节及纪念日放假办法): no notice yet",
                            "", civil_date{}, civil_date{}, "", ""});
    for (const auto& p : days) {
        bool working = p.working;
        if (p.certainty == day_certainty::uncertain && v != projection_view::best)
            working = v == projection_view::earliest;
        const bool weekend = p.day.is_saturday_or_sunday();
        const bool set_by_notice =
            p.day <= published_last &&
            (std::any_of(data.holidays.begin(), data.holidays.end(),
                         [&](const auto& h) { return h.notice != projection_notice && h.from <= p.day && p.day <= h.through; }) ||
             std::any_of(data.working_days.begin(), data.working_days.end(),
                         [&](const auto& w) { return w.notice != projection_notice && w.day == p.day; }));
        if (set_by_notice) continue;
        const std::string name = p.name.empty() ? std::string("projected") : p.name;
        if (!working && !weekend)
            data.holidays.push_back({p.day, p.day, name, "projected", projection_notice, ""});
        else if (!working && weekend && !p.name.empty() && p.certainty != day_certainty::uncertain)
            data.holidays.push_back({p.day, p.day, name, "projected", projection_notice, ""});
        else if (working && weekend)
            data.working_days.push_back({p.day, name + "调休 (projected)", projection_notice, ""});
    }
    return data;
}

}  // namespace

result<std::shared_ptr<const calendar_projection>> calendar_projection::build(const table_calendar& base,
                                                                              const holiday_law& law,
                                                                              std::optional<civil_date> as_of) {
    std::shared_ptr<calendar_projection> p(new calendar_projection());
    p->published_last_ = as_of ? base.coverage_last_as_of(*as_of) : base.coverage_last();
    p->first_ = add_calendar_days(p->published_last_, 1 - std::max(law.reach.tail, 0));
    auto last = civil_date::from_ymd(law.last_year(), 12, 31);
    if (!last || *last <= p->published_last_)
        return unexpected(make_error(errc::outside_calendar_coverage,
                                     "the holiday law of '" + law.calendar + "' cannot be projected past " +
                                         p->published_last_.to_string()));
    p->last_ = *last;
    auto ix = index_statutory(law, p->first_.year() - 1, law.last_year() + 1, as_of);
    if (!ix) return unexpected(ix.error());
    const calendar_query asked{.as_of = as_of};
    const far_reasons far(law.reach);
    p->days_.reserve(static_cast<std::size_t>(calendar_days_between(p->first_, p->last_)) + 1);
    for (civil_date d = p->first_; d <= p->last_; d = add_calendar_days(d, 1)) {
        if (d > p->published_last_) {
            p->days_.push_back(classify_day(d, *ix, law.reach, far, std::nullopt));
            continue;
        }
        auto s = base.status(d, asked);
        if (!s) return unexpected(s.error());
        projected_day day = classify_day(d, *ix, law.reach, far, p->published_last_);
        if (s->kind == day_kind::holiday || s->kind == day_kind::adjusted_working) {
            day = projected_day{d, s->working ? day_certainty::certain_work : day_certainty::certain_rest,
                                s->working, std::string(s->name), {}, "set by the published notice",
                                "已公布的节假日安排所定"};
        }
        p->days_.push_back(std::move(day));
    }
    estimate(*ix, p->published_last_, p->days_, p->first_);
    for (auto v : {projection_view::best, projection_view::earliest, projection_view::latest}) {
        auto built = table_calendar::build(view_data(base, as_of, p->published_last_, p->last_, p->days_, v));
        if (!built) return unexpected(built.error());
        p->views_[static_cast<int>(v)] = std::make_unique<table_calendar>(std::move(*built));
    }
    return std::shared_ptr<const calendar_projection>(std::move(p));
}

result<projected_day> calendar_projection::classify(civil_date d) const {
    if (d < first_ || d > last_)
        return unexpected(make_error(errc::outside_calendar_coverage,
                                     d > last_ ? std::to_string(d.year()) +
                                                     " is past the last year the holiday law can be projected (" +
                                                     std::to_string(last_.year()) + ": the lunar table ends there)"
                                               : d.to_string() + " is not a projected day",
                                     d.to_string()));
    return days_[static_cast<std::size_t>(calendar_days_between(first_, d))];
}

}  // namespace qixian
