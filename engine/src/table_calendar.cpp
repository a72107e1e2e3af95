#include "qixian/table_calendar.hpp"

#include <algorithm>

namespace qixian {

namespace {

constexpr std::size_t reading_index(adjusted_weekend r) noexcept {
    return r == adjusted_weekend::schedule ? 0 : 1;
}

error build_error(std::string message) {
    return make_error(errc::invalid_request, std::move(message));
}

}  // namespace

table_calendar::table_calendar(const table_calendar& other)
    : work_calendar(other),
      data_(other.data_),
      days_(other.days_),
      prefix_{other.prefix_[0], other.prefix_[1]},
      working_{other.working_[0], other.working_[1]},
      latest_publication_(other.latest_publication_),
      projected_index_(other.projected_index_) {
    rebuild_labels();
}

table_calendar& table_calendar::operator=(const table_calendar& other) {
    if (this != &other) {
        table_calendar copy(other);
        *this = std::move(copy);
    }
    return *this;
}

// labels_[0] is the empty label of ordinary days; then one per holiday block, then one
// per working day, in data order (build() assigns the same indices).
void table_calendar::rebuild_labels() {
    labels_.clear();
    labels_.push_back({});
    for (const auto& h : data_.holidays) labels_.push_back({h.name, h.name_en, h.notice});
    for (const auto& w : data_.working_days) labels_.push_back({w.name, {}, w.notice});
}

const calendar_notice* table_calendar::find_notice(std::string_view id) const noexcept {
    for (const auto& n : data_.notices)
        if (n.id == id) return &n;
    return nullptr;
}

weekday_set table_calendar::weekly_rest_on(civil_date d) const noexcept {
    weekday_set days = data_.weekly_rest.empty() ? sat_sun : data_.weekly_rest.front().days;
    for (const auto& w : data_.weekly_rest) {
        if (w.valid_from <= d)
            days = w.days;
        else
            break;
    }
    return days;
}

bool table_calendar::in_force(const std::string& notice, const std::string& revoked_by,
                              civil_date as_of) const noexcept {
    const calendar_notice* n = find_notice(notice);
    if (n == nullptr || n->published > as_of) return false;
    if (revoked_by.empty()) return true;
    const calendar_notice* r = find_notice(revoked_by);
    return r == nullptr || r->published > as_of;
}

result<table_calendar> table_calendar::build(calendar_data data) {
    if (data.last < data.first)
        return unexpected(build_error("calendar '" + data.id + "': coverage ends before it starts"));
    std::sort(data.weekly_rest.begin(), data.weekly_rest.end(),
              [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    if (data.weekly_rest.empty() || data.first < data.weekly_rest.front().valid_from)
        return unexpected(build_error("calendar '" + data.id +
                                      "': no weekly rest days in force on its first day " +
                                      data.first.to_string()));
    std::sort(data.years.begin(), data.years.end(),
              [](const auto& a, const auto& b) { return a.year < b.year; });

    table_calendar cal;
    cal.data_ = std::move(data);
    const auto& d = cal.data_;
    for (std::size_t i = 0; i < d.notices.size(); ++i)
        for (std::size_t j = i + 1; j < d.notices.size(); ++j)
            if (d.notices[i].id == d.notices[j].id)
                return unexpected(build_error("calendar '" + d.id + "': notice id '" +
                                              d.notices[i].id + "' is used twice"));
    auto known = [&](const std::string& id) { return id.empty() || cal.find_notice(id) != nullptr; };
    for (const auto& h : d.holidays) {
        if (h.notice.empty() || !known(h.notice) || !known(h.revoked_by))
            return unexpected(build_error("calendar '" + d.id + "': holiday '" + h.name + "' from " +
                                          h.from.to_string() + " names an unknown notice"));
        if (h.through < h.from)
            return unexpected(build_error("calendar '" + d.id + "': holiday '" + h.name +
                                          "' ends before it starts"));
    }
    for (const auto& w : d.working_days)
        if (w.notice.empty() || !known(w.notice) || !known(w.revoked_by))
            return unexpected(build_error("calendar '" + d.id + "': working day " +
                                          w.day.to_string() + " names an unknown notice"));
    for (const auto& y : d.years)
        if (!known(y.notice))
            return unexpected(build_error("calendar '" + d.id + "': year " +
                                          std::to_string(y.year) + " names an unknown notice"));

    cal.latest_publication_ = civil_date::min();
    for (const auto& n : d.notices) cal.latest_publication_ = std::max(cal.latest_publication_, n.published);

    const std::size_t n = static_cast<std::size_t>(calendar_days_between(d.first, d.last)) + 1;
    if (d.holidays.size() + d.working_days.size() + 1 > 65535)
        return unexpected(build_error("calendar '" + d.id + "': too many entries"));
    cal.days_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const civil_date day = add_calendar_days(d.first, static_cast<std::int32_t>(i));
        const bool rest = (cal.weekly_rest_on(day) >> (day.iso_weekday() - 1)) & 1U;
        cal.days_[i] = {rest ? day_kind::weekend : day_kind::working, 0, 0};
    }
    cal.rebuild_labels();
    if (d.projected_from && *d.projected_from <= d.last)
        cal.projected_index_ = d.projected_from <= d.first
                                   ? 0
                                   : static_cast<std::size_t>(calendar_days_between(d.first, *d.projected_from));
    auto index_of = [&](civil_date day) -> std::ptrdiff_t {
        if (day < d.first || d.last < day) return -1;
        return calendar_days_between(d.first, day);
    };
    for (const auto& block : d.holidays) {
        const auto label = static_cast<std::uint16_t>(1 + (&block - d.holidays.data()));
        if (!block.revoked_by.empty()) continue;
        for (civil_date day = block.from; day <= block.through; day = add_calendar_days(day, 1)) {
            const auto i = index_of(day);
            if (i >= 0) cal.days_[static_cast<std::size_t>(i)] = {day_kind::holiday, 0, label};
        }
    }
    for (const auto& wd : d.working_days) {
        const auto label = static_cast<std::uint16_t>(1 + d.holidays.size() + (&wd - d.working_days.data()));
        if (!wd.revoked_by.empty()) continue;
        const auto i = index_of(wd.day);
        if (i < 0) continue;
        if (cal.days_[static_cast<std::size_t>(i)].kind == day_kind::holiday)
            return unexpected(build_error("calendar '" + d.id + "': " + wd.day.to_string() +
                                          " is both a holiday and a working day"));
        cal.days_[static_cast<std::size_t>(i)] = {day_kind::adjusted_working, 0, label};
    }
    for (std::size_t r = 0; r < 2; ++r) {
        const auto reading = r == 0 ? adjusted_weekend::schedule : adjusted_weekend::weekday;
        cal.prefix_[r].resize(n + 1);
        cal.prefix_[r][0] = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const bool working = is_working(cal.days_[i].kind, reading);
            cal.prefix_[r][i + 1] = cal.prefix_[r][i] + (working ? 1 : 0);
            if (working) cal.working_[r].push_back(static_cast<std::int32_t>(i));
        }
    }
    return cal;
}

civil_date table_calendar::coverage_last_as_of(civil_date as_of) const noexcept {
    if (data_.years.empty()) return data_.last;
    civil_date last = add_calendar_days(data_.first, -1);
    for (const auto& y : data_.years) {
        const calendar_notice* n = find_notice(y.notice);
        if (n == nullptr || n->published > as_of) break;
        auto end = civil_date::from_ymd(y.year, 12, 31);
        if (end) last = std::min(*end, data_.last);
    }
    return last;
}

day_status table_calendar::provisional_status(civil_date d, const calendar_query& q) const {
    day_status s;
    s.day = d;
    const bool rest = (weekly_rest_on(d) >> (d.iso_weekday() - 1)) & 1U;
    s.kind = rest ? day_kind::weekend : day_kind::working;
    s.working = is_working(s.kind, q.reading);
    s.provisional = true;
    return s;
}

day_status table_calendar::status_from_entries(civil_date d, const calendar_query& q) const {
    const civil_date as_of = *q.as_of;
    day_status s = provisional_status(d, q);
    s.provisional = false;
    for (const auto& h : data_.holidays) {
        if (h.from <= d && d <= h.through && in_force(h.notice, h.revoked_by, as_of)) {
            s.kind = day_kind::holiday;
            s.name = h.name;
            s.name_en = h.name_en;
            s.notice = h.notice;
        }
    }
    for (const auto& w : data_.working_days) {
        if (w.day == d && in_force(w.notice, w.revoked_by, as_of)) {
            s.kind = day_kind::adjusted_working;
            s.name = w.name;
            s.notice = w.notice;
        }
    }
    s.working = is_working(s.kind, q.reading);
    s.by_rule = data_.by_rules;
    if (data_.projected_from && *data_.projected_from <= d) {
        s.projected = true;
        s.caveat = data_.projected_caveat;
    }
    return s;
}

result<day_status> table_calendar::status_slow(civil_date d, const calendar_query& q) const {
    const bool historical = q.as_of && *q.as_of < latest_publication_;
    const civil_date last = historical ? coverage_last_as_of(*q.as_of) : data_.last;
    if (d < data_.first || last < d) {
        if (q.outside == coverage_policy::provisional) return provisional_status(d, q);
        std::string why = "calendar '" + data_.id + "' has data for " + data_.first.to_string() +
                          " to " + last.to_string();
        if (historical) why += " as the notices stood on " + q.as_of->to_string();
        return unexpected(make_error(errc::outside_calendar_coverage,
                                     d.to_string() + " is outside the calendar's data: " + why,
                                     d.to_string()));
    }
    if (historical) return status_from_entries(d, q);
    return indexed_status(static_cast<std::size_t>(calendar_days_between(data_.first, d)), q);
}

result<day_status> table_calendar::first_working_day_from(civil_date d,
                                                          const calendar_query& q) const {
    const bool historical = q.as_of && *q.as_of < latest_publication_;
    if (!historical && covers(d)) {
        const std::size_t r = reading_index(q.reading);
        const auto i = static_cast<std::size_t>(calendar_days_between(data_.first, d));
        const auto k = static_cast<std::size_t>(prefix_[r][i]);
        if (k < working_[r].size()) return indexed_status(static_cast<std::size_t>(working_[r][k]), q);
    }
    return work_calendar::first_working_day_from(d, q);
}

result<day_status> table_calendar::add_working_days(civil_date d, std::int32_t n,
                                                    const calendar_query& q) const {
    const bool historical = q.as_of && *q.as_of < latest_publication_;
    if (!historical && n > 0 && covers(d)) {
        const std::size_t r = reading_index(q.reading);
        const auto i = static_cast<std::size_t>(calendar_days_between(data_.first, d));
        const auto k = static_cast<std::size_t>(prefix_[r][i + 1]) + static_cast<std::size_t>(n) - 1;
        if (k < working_[r].size()) return indexed_status(static_cast<std::size_t>(working_[r][k]), q);
    }
    return work_calendar::add_working_days(d, n, q);
}

std::vector<table_calendar::day_change> table_calendar::changed_days(civil_date from, civil_date to,
                                                                    civil_date earlier, civil_date later) const {
    std::vector<day_change> out;
    const calendar_query before{.as_of = earlier}, after{.as_of = later};
    for (civil_date d = from; d <= to; d = add_calendar_days(d, 1)) {
        auto a = status(d, before);
        auto b = status(d, after);
        if (!a || !b) continue;
        if (a->kind != b->kind || a->name != b->name) out.push_back({*a, *b});  // not a mere re-attribution
    }
    return out;
}

result<std::int32_t> table_calendar::working_days_between(civil_date a, civil_date b,
                                                          adjusted_weekend reading) const {
    if (!covers(a) || !covers(b))
        return unexpected(make_error(errc::outside_calendar_coverage,
                                     a.to_string() + ".." + b.to_string() + " is not inside calendar '" +
                                         data_.id + "' data " + data_.first.to_string() + ".." +
                                         data_.last.to_string()));
    const std::size_t r = reading_index(reading);
    const auto i = static_cast<std::size_t>(calendar_days_between(data_.first, a));
    const auto j = static_cast<std::size_t>(calendar_days_between(data_.first, b));
    return prefix_[r][j] - prefix_[r][i];
}

}  // namespace qixian
