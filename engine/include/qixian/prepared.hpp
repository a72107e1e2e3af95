// qixian/prepared.hpp — one rule made ready for bulk recomputation.
//
// `compute` takes text (events in any time form, a zone to show) and returns a full
// answer with its trace. A docketing system recomputing thousands of deadlines of one
// rule can prepare the rule once — the rule, its convention, the forum calendar, the
// facts and the readings resolved — and then map legal days to last days with no
// parsing, no strings and no allocation. The answer is the same last day `compute`
// gives for that trigger day: counted as count() counts (also under a convention that
// counts the start day), and past the published calendar the projection's best estimate,
// as compute()'s default policy gives it (the projection is built on first use; the roll
// of each covered day is resolved at prepare time). tests/unit/prepared_test.cpp checks
// every built-in rule that can be prepared against compute() on every day of 2021-2024.
//
// Only simple rules (a trigger and a period, counted forwards) without tolling or instalments can be
// prepared, and only rules whose versions are chosen by the trigger day, as `compute`
// chooses them (a rule whose versions govern applications — Taiwan judgments — needs the
// day of the application: use `compute`). A claim a version does not limit at all (the
// fact `claim`) has no last day: `last_day` answers invalid_request for it.
//
// Example:
//
//   auto pack = qixian::rule_pack::load_embedded();
//   auto rule = qixian::prepared_rule::prepare(*pack, "cn.enforcement.application", {}, {});
//   auto last = rule->last_day(*qixian::civil_date::parse("2016-12-31"));   // 2019-01-02
#pragma once

#include "qixian/calendar.hpp"
#include "qixian/civil.hpp"
#include "qixian/result.hpp"
#include "qixian/rule_pack.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace qixian {

class prepared_rule {
public:
    /// Resolves `rule_id` in `pack` with `facts` (e.g. {"domicile", "abroad"}) and the
    /// calendar query `q` (readings, coverage policy, as-of). Errors: unknown_rule,
    /// missing_fact, invalid_request (a composite or untimed rule).
    static result<prepared_rule> prepare(const rule_pack& pack, std::string_view rule_id,
                                         const std::map<std::string, std::string, std::less<>>& facts,
                                         const calendar_query& q);

    /// The last day of the period triggered on `trigger` (the day itself not counted),
    /// rolled off rest days per the rule's convention. A version that takes over periods
    /// still running at its start (`takes_over_running`) is applied as compute() does.
    /// A version whose period depends on a fact not given is the error missing_fact for
    /// the triggers it governs (prepare refuses only when no version can be used).
    result<civil_date> last_day(civil_date trigger) const;

private:
    struct version_plan {
        civil_date from;
        std::optional<civil_date> until;
        period length;
        std::optional<civil_date> cap;
        std::optional<error> problem;  ///< why this version cannot be used with the facts
        bool takes_over_running = false;
        std::int32_t months = 0;  ///< years and months of `length`, in months
        bool back_one = false;    ///< the start day is counted: the period ends a day earlier
    };
    struct counted {
        civil_date raw;   ///< the counted end, capped, before the roll
        civil_date last;  ///< the last day
    };
    struct projection_source;
    static result<version_plan> plan_version(const rule& r, const rule_version& v,
                                             const std::map<std::string, std::string, std::less<>>& facts,
                                             const counting_convention& counting);
    std::optional<civil_date> common_last_day(civil_date trigger) const noexcept;
    result<counted> on(const table_calendar& cal, const calendar_query& q, civil_date trigger) const;
    result<counted> count_under(const version_plan& v, civil_date trigger, const table_calendar& cal,
                                const calendar_query& q) const;
    /// The roll of each day the calendar covers, resolved by roll() at prepare time (the
    /// calendar query without `as_of`): calendar days moved, or `unrolled` to ask roll().
    static constexpr std::int8_t unrolled = -128;
    std::vector<std::int8_t> moved_;
    civil_date rolls_from_;
    std::vector<version_plan> versions_;
    counting_convention counting_;
    const table_calendar* calendar_ = nullptr;
    calendar_query query_;
    std::string rule_id_;
    std::shared_ptr<projection_source> projection_;  ///< null: the calendar has no holiday law
    civil_date first_projected_ = civil_date::max();
};

}  // namespace qixian
