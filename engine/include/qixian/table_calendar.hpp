// qixian/table_calendar.hpp — a work calendar built from data, with history.
//
// A `table_calendar` is built once from `calendar_data` — weekly rest days (with
// the dates they changed), the notices that set holidays, holiday blocks and
// weekend days made working days — and is immutable afterwards. Every entry names
// the notice that set it; an amending notice can revoke an earlier entry (the 2020
// Spring Festival extension revoked the working Saturday 2020-02-01).
//
// Answers without `as_of` use every notice in the data and are O(1): the status of
// each covered day, and prefix counts of working days under both readings, are
// computed at build time. `as_of` answers ("as the notices stood on 2020-01-20")
// consult the entries in force on that day: a notice counts from its `published`
// day, a revocation from its revoking notice's `published` day, and a year counts as
// covered only once its own notice was published.
//
// Example:
//
//   qixian::calendar_data data{.id = "test", .first = …, .last = …,
//       .weekly_rest = {{.valid_from = …, .days = qixian::sat_sun}}, .holidays = {…}};
//   auto cal = qixian::table_calendar::build(std::move(data));   // result<table_calendar>
//   if (cal) auto s = cal->status(day, {});
#pragma once

#include "qixian/calendar.hpp"
#include "qixian/civil.hpp"
#include "qixian/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qixian {

/// Bit set of ISO weekdays: bit 0 = Monday … bit 6 = Sunday.
using weekday_set = std::uint8_t;
inline constexpr weekday_set sat_sun = 0b1100000;
inline constexpr weekday_set sunday_only = 0b1000000;

/// The weekly rest days in force from a day on.
struct weekly_rest_rule {
    civil_date valid_from;
    weekday_set days = sat_sun;
    std::string citation;
};

/// A notice that set or changed the schedule.
struct calendar_notice {
    std::string id;      ///< unique within the calendar
    std::string title;
    std::string number;  ///< document number as printed
    civil_date issued;
    civil_date published;
    std::string url;
    std::string amends;  ///< id of the notice it changes, if any
};

/// A block of rest days (weekends inside it included), as the notice announces it.
struct holiday_block {
    civil_date from;
    civil_date through;  ///< inclusive
    std::string name;
    std::string name_en;
    std::string notice;      ///< id of the notice that set it
    std::string revoked_by;  ///< id of the notice that cancelled it, if any
};

/// A weekly rest day made a working day (调休上班).
struct adjusted_working_day {
    civil_date day;
    std::string name;
    std::string notice;
    std::string revoked_by;
};

/// One schedule year: covered once `notice` was published.
struct calendar_year {
    int year = 0;
    std::string notice;      ///< id of the year's own notice
    std::string confidence;  ///< "notice_text" or "secondary"
};

/// Everything a table_calendar is built from.
struct calendar_data {
    std::string id;
    std::string name;
    civil_date first;  ///< coverage, inclusive
    civil_date last;
    std::vector<weekly_rest_rule> weekly_rest;  ///< sorted by valid_from; the first ≤ first
    std::vector<calendar_notice> notices;
    std::vector<calendar_year> years;           ///< optional: per-year coverage for as_of
    std::vector<holiday_block> holidays;
    std::vector<adjusted_working_day> working_days;
    /// Days from this one on are projected by rules (a rule calendar): their status says so,
    /// with `projected_caveat`.
    std::optional<civil_date> projected_from;
    std::string projected_caveat;
    /// Built from rules (qixian/rule_calendar.hpp): each entry's "notice" is the rule or the
    /// one-off order that placed it, not a published notice.
    bool by_rules = false;
};

/// An immutable, data-driven work calendar. Cheap to share (const) between threads.
class table_calendar final : public work_calendar {
public:
    /// Builds the calendar; errc::invalid_request names the first inconsistency
    /// (unknown notice id, an entry outside coverage, a day both rest and working).
    /// Full validation with file positions is the loader's job.
    static result<table_calendar> build(calendar_data data);

    table_calendar(const table_calendar& other);
    table_calendar(table_calendar&&) noexcept = default;  // moving data_ keeps its strings in place
    table_calendar& operator=(const table_calendar& other);
    table_calendar& operator=(table_calendar&&) noexcept = default;
    ~table_calendar() override = default;

    std::string_view id() const noexcept override { return data_.id; }
    civil_date coverage_first() const noexcept override { return data_.first; }
    civil_date coverage_last() const noexcept override { return data_.last; }

    /// O(1); inline so that callers holding a table_calendar get the common case
    /// (every notice, a covered day) without a call.
    result<day_status> status(civil_date d, const calendar_query& q) const override {
        if (!q.as_of && covers(d)) [[likely]]
            return indexed_status(static_cast<std::size_t>(calendar_days_between(data_.first, d)), q);
        return status_slow(d, q);
    }
    result<day_status> first_working_day_from(civil_date d,
                                              const calendar_query& q) const override;
    result<day_status> add_working_days(civil_date d, std::int32_t n,
                                        const calendar_query& q) const override;

    /// Working days in [a, b) under `reading`; both days inside coverage.
    result<std::int32_t> working_days_between(civil_date a, civil_date b,
                                              adjusted_weekend reading) const;

    /// The last day covered as the notices stood on `as_of`.
    civil_date coverage_last_as_of(civil_date as_of) const noexcept;

    /// A day whose status differs between two dates of the notices.
    struct day_change {
        day_status before;
        day_status after;
    };
    /// The days in [from, to] that the notices published after `earlier` and on or
    /// before `later` changed (e.g. the 2020 extension between 2020-01-20 and
    /// 2020-01-28: 31 January and 1-2 February). Days not covered as of `earlier` are
    /// not listed: compare `coverage_last_as_of` for those.
    std::vector<day_change> changed_days(civil_date from, civil_date to, civil_date earlier,
                                         civil_date later) const;

    const calendar_data& data() const noexcept { return data_; }
    const calendar_notice* find_notice(std::string_view id) const noexcept;

private:
    table_calendar() = default;
    void rebuild_labels();
    weekday_set weekly_rest_on(civil_date d) const noexcept;
    day_status status_from_entries(civil_date d, const calendar_query& q) const;
    day_status provisional_status(civil_date d, const calendar_query& q) const;
    day_status indexed_status(std::size_t i, const calendar_query& q) const noexcept {
        const day_record rec = days_[i];
        const label& l = labels_[rec.label];
        const bool projected = i >= projected_index_;
        return day_status{add_calendar_days(data_.first, static_cast<std::int32_t>(i)), rec.kind,
                          is_working(rec.kind, q.reading), false, l.name, l.name_en, l.notice, projected,
                          projected ? std::string_view(data_.projected_caveat) : std::string_view(), data_.by_rules};
    }
    result<day_status> status_slow(civil_date d, const calendar_query& q) const;
    bool in_force(const std::string& notice, const std::string& revoked_by,
                  civil_date as_of) const noexcept;

    /// Per covered day, all notices applied: its kind and the index of its entry in
    /// `labels_` (0 = an ordinary day with no name).
    struct day_record {
        day_kind kind;
        std::uint8_t unused = 0;
        std::uint16_t label = 0;
    };
    struct label {  // views into data_: rebuilt by the copy operations
        std::string_view name;
        std::string_view name_en;
        std::string_view notice;
    };
    calendar_data data_;
    std::vector<day_record> days_;
    std::vector<label> labels_;             ///< [0] is empty; then one per holiday block and working day
    std::vector<std::int32_t> prefix_[2];   ///< working days before index i, per reading
    std::vector<std::int32_t> working_[2];  ///< offsets of the working days, per reading
    civil_date latest_publication_;         ///< as_of on or after this = no history needed
    std::size_t projected_index_ = SIZE_MAX; ///< index of data_.projected_from (SIZE_MAX: none)
};

}  // namespace qixian
