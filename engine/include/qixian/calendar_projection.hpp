// qixian/calendar_projection.hpp — a work calendar past its last holiday notice, with certainty.
//
// Past the last published notice (and for the last days of the notice's own December, which
// the next notice may still change), a `calendar_projection` classes each day from the holiday
// law in force that year (qixian/holiday_law.hpp) and the reach of past notices:
//
// - `certain_rest`: a statutory day (Art. 2), a day of a festival's core that every notice kept,
//   or a weekend day farther than `reach.working` days from any statutory day;
// - `certain_work`: a weekday farther than `reach.bridge` days from any statutory day;
// - `uncertain`: the rest, each with its reason (may be bridged or the Art. 6 make-up day; may
//   be a 调休 working day).
//
// It offers three `table_calendar` views covering the published data and the projected years:
// `best` (the best estimate: patterns of the 2014–2026 notices), `earliest` (uncertain days
// worked: a period ends no earlier than on this view) and `latest` (uncertain days rest: no
// later). Computing a deadline on each view gives the best estimate and its range. Notices
// published after `as_of` are treated as unknown, as are versions of the law published after it.
//
// Example:
//
//   auto p = qixian::calendar_projection::build(*pack.find_calendar("cn.mainland"),
//                                               *pack.find_holiday_law("cn.mainland"), std::nullopt);
//   auto c = p->classify(*qixian::civil_date::parse("2027-02-06"));
//   // c->certainty == day_certainty::certain_rest, c->name == "春节", c->article == "2(2)"
//   auto v = p->view(qixian::projection_view::latest);   // const table_calendar&
#pragma once

#include "qixian/holiday_law.hpp"
#include "qixian/table_calendar.hpp"

#include <memory>
#include <optional>
#include <string>

namespace qixian {

/// How sure a projected day is.
enum class day_certainty : std::uint8_t { certain_rest, certain_work, uncertain };

std::string_view to_string(day_certainty c) noexcept;

/// One projected day, with why.
struct projected_day {
    civil_date day;
    day_certainty certainty = day_certainty::certain_work;
    bool working = true;      ///< the best estimate
    std::string name;         ///< the festival it belongs to ("" for ordinary days)
    std::string article;      ///< the article fixing a statutory day, with the version's title
    std::string reason;       ///< English
    std::string reason_zh;
};

/// Which arrangement of the uncertain days.
enum class projection_view : std::uint8_t { best, earliest, latest };

/// The projection of one calendar as the notices stood on a day.
class calendar_projection {
public:
    /// Builds the projection from `base` (its notices as of `as_of`, or all) and `law`.
    static result<std::shared_ptr<const calendar_projection>> build(const table_calendar& base,
                                                                    const holiday_law& law,
                                                                    std::optional<civil_date> as_of);

    /// First projected day (the start of the last notice's uncertain tail) and the last day
    /// that can be projected.
    civil_date first_projected() const noexcept { return first_; }
    civil_date last_projectable() const noexcept { return last_; }
    /// The last day covered by a published notice (as of `as_of`).
    civil_date published_last() const noexcept { return published_last_; }

    /// The class of day `d`; errc::outside_calendar_coverage naming the year past the last
    /// projectable one, or before first_projected().
    result<projected_day> classify(civil_date d) const;

    /// A calendar of published and projected days under one arrangement.
    const table_calendar& view(projection_view v) const noexcept { return *views_[static_cast<int>(v)]; }

private:
    calendar_projection() = default;
    civil_date first_, last_, published_last_;
    std::vector<projected_day> days_;  ///< from first_ to last_
    std::unique_ptr<table_calendar> views_[3];
};

}  // namespace qixian
