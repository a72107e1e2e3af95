// qixian/rule_pack.hpp — the law as data: rules, versions, citations, conventions, calendars.
//
// A rule pack is loaded once from TOML files (the schema is rules/README.md) — the
// pack compiled into the library (`rule_pack::load_embedded()`), or a directory
// (`rule_pack::load_directory("rules")`) — validated as a whole, and immutable
// afterwards, so one loaded pack can be shared by any number of threads.
//
// Loading never stops at the first problem: every problem in every file comes back as
// a `diagnostic` with its file, line and column. A pack with errors does not load; its
// warnings are kept in `warnings()`.
//
// The engine knows no statute by name: a rule is an id, its names, what its expiry
// means, and dated versions, each with its citations, trigger events, period and
// counting convention.
//
// Example:
//
//   auto pack = qixian::rule_pack::load_embedded();
//   if (!pack) { for (auto& d : pack.error()) std::cerr << d << '\n'; return 1; }
//   const qixian::rule* r = pack->find("cn.enforcement.application");
//   const qixian::rule_version* v = r->version_for(*qixian::civil_date::parse("2023-06-30"));
//   std::cout << v->citations.front().instrument << " art. " << v->citations.front().article;
#pragma once

#include "qixian/calendar.hpp"
#include "qixian/calendar_projection.hpp"
#include "qixian/holiday_law.hpp"
#include "qixian/civil.hpp"
#include "qixian/counting.hpp"
#include "qixian/diagnostics.hpp"
#include "qixian/period.hpp"
#include "qixian/result.hpp"
#include "qixian/table_calendar.hpp"

#include <array>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qixian {

/// The event kinds rule files and requests use (INTERFACES.md).
std::span<const std::string_view> event_kinds() noexcept;
bool is_event_kind(std::string_view kind) noexcept;

/// A fact of the case a period may depend on (INTERFACES.md), with the values it takes:
/// `parties` (natural_person_involved | legal_persons), `domicile` (china | abroad) and
/// `claim`, the kind of claim where the law excludes some kinds from a period (ordinary |
/// support | cessation | property_return | deposit | bonds | capital_contribution).
///
///     const qixian::fact_kind* f = qixian::find_fact("parties");  // f->values[1] == "legal_persons"
struct fact_kind {
    std::string_view name;
    std::span<const std::string_view> values;
};
std::span<const fact_kind> fact_kinds() noexcept;
/// The fact called `name`, or nullptr.
const fact_kind* find_fact(std::string_view name) noexcept;
/// Every fact of a request is one of `fact_kinds()` with one of its values; otherwise
/// invalid_request naming the fact and what it may be (a misspelt fact is never ignored).
result<void> check_facts(const std::map<std::string, std::string, std::less<>>& facts);

/// An authority: an instrument (as titled in Chinese law), an article as numbered in
/// that instrument, optionally a paragraph and a note.
struct citation {
    std::string instrument;
    std::string article;
    std::string paragraph;
    std::string note;

    friend bool operator==(const citation&, const citation&) = default;
};

/// "中华人民共和国民事诉讼法（2023年修正） art. 250 para. 1".
std::string to_string(const citation& c);

/// The pieces of `to_string(c)`, in order, for writers that must not build the string
/// (they view into `c`): instrument, " art. ", article, " para. ", paragraph — with
/// empty pieces where a part is absent.
std::array<std::string_view, 5> text_parts(const citation& c) noexcept;

/// An immutable list of citations, shared: copying one copies a pointer, not the text,
/// so every answer and every trace step carries its authority without copying it (a
/// batch of a million answers cites the pack's own lists). It is read like a vector;
/// a new list is built from a vector or by `join`ing two. Equal lists have equal
/// citations, in order.
///
/// Example:
///
///   qixian::citation_list both = qixian::citation_list::join(v->citations, v->takes_over_running);
///   for (const qixian::citation& c : both) std::cout << qixian::to_string(c) << '\n';
class citation_list {
public:
    citation_list() = default;
    citation_list(std::vector<citation> items);  // NOLINT: a vector is a list
    citation_list(std::initializer_list<citation> items) : citation_list(std::vector<citation>(items)) {}

    /// `a` followed by those of `b` that `a` does not already cite (same instrument,
    /// article and paragraph).
    static citation_list join(const citation_list& a, const citation_list& b);

    const citation* begin() const noexcept { return items_ ? items_->data() : nullptr; }
    const citation* end() const noexcept { return items_ ? items_->data() + items_->size() : nullptr; }
    std::size_t size() const noexcept { return items_ ? items_->size() : 0; }
    bool empty() const noexcept { return size() == 0; }
    const citation& operator[](std::size_t i) const noexcept { return (*items_)[i]; }
    const citation& front() const noexcept { return (*items_)[0]; }

    friend bool operator==(const citation_list& a, const citation_list& b) noexcept;

private:
    std::shared_ptr<const std::vector<citation>> items_;
};

/// A named counting convention (Civil Code Arts. 201–203, CPL Art. 85) with the
/// calendar and zone of the forum.
struct convention {
    std::string id;
    std::string name_zh;
    std::string name_en;
    counting_convention counting;
    std::string calendar;  ///< calendar id
    std::string zone;      ///< IANA zone of the forum
    citation_list citations;
    /// The authority for each step (start, count, roll, close), where the data gives it.
    std::map<std::string, citation_list, std::less<>> step_citations;
    /// The same as the law stood when a period began: the GPCL and CPL 1991 texts for a
    /// period of 2004, the Civil Code and CPL 2023 for one of 2025 (sorted, non-overlapping).
    struct dated_steps {
        civil_date valid_from;
        std::optional<civil_date> valid_until;
        std::map<std::string, citation_list, std::less<>> steps;
        source_region where;
    };
    std::vector<dated_steps> steps_by_date;
    source_region where;

    /// The citations of one step for a period that began on `began`: the dated entry in
    /// force that day, else the undated ones, else all of the convention's.
    ///
    ///     conv->citations_for("roll", day)  // 2004: 民法通则 art. 154; 2025: 民法典 art. 203 …
    const citation_list& citations_for(std::string_view step, civil_date began) const {
        for (const auto& d : steps_by_date)
            if (d.valid_from <= began && (!d.valid_until || began < *d.valid_until))
                if (const auto it = d.steps.find(step); it != d.steps.end()) return it->second;
        return citations_for(step);
    }
    /// The undated citations of one step, else all of the convention's.
    const citation_list& citations_for(std::string_view step) const {
        const auto it = step_citations.find(step);
        return it == step_citations.end() ? citations : it->second;
    }
};

/// What the end of a period means. `none`: a time the law gives the court (period_kind
/// court): an act after it stays valid; an answer says so, a rule file cannot.
enum class expiry_kind { bar, defence, extinguished, none };
std::string_view to_string(expiry_kind e) noexcept;

/// What a period means for the act judged against it (INTERFACES.md `period_kind`):
/// - `party` (the default): a party must act by the end — `timely` / `late`;
/// - `court`: a time the law gives the court; an act after the end is `overdue` and stays
///   valid (the answer's expiry is "none");
/// - `waiting`: an act is allowed only after the period — `premature` on or before the last
///   day, `permitted` after it (`permitted_from` = the day after);
/// - `deemed`: the end is the day an event is deemed to happen (`deemed_on`).
///
///     if (r->kind == qixian::period_kind::waiting) { /* the act must come after the end */ }
enum class period_kind { party, court, waiting, deemed };
std::string_view to_string(period_kind k) noexcept;

/// Whether the period can be suspended or interrupted.
enum class tolling_class { limitation, fixed, exclusion };
std::string_view to_string(tolling_class t) noexcept;

/// A period that applies when the request's facts match `when` (empty = always).
/// An entry with `when` names facts; an entry without is the default. Where a version has a
/// default, an entry naming a fact the request does not give is passed over (the trace says
/// which facts would have chosen another period); without one, the fact is required.
/// `ends_no_later_than`: a transitional cap for this entry only (e.g. the 2013 retrial cap,
/// which some grounds escape).
struct period_choice {
    std::map<std::string, std::string, std::less<>> when;
    period length;
    std::optional<civil_date> ends_no_later_than;
    citation_list citations;  ///< the authority for this entry, cited when it is chosen
};

/// Claims a version does not limit at all, by the request's facts, with the authority:
/// e.g. `claim = support` under Civil Code Art. 196 (三). The answer is then
/// `time_limited = false`, citing it.
struct untimed_claim {
    std::map<std::string, std::string, std::less<>> when;
    citation_list citations;
    std::string note;  ///< shown with the answer (e.g. that some courts hold otherwise)
};

/// How a composite rule combines its components.
enum class combinator { none, earliest_of, latest_of };
std::string_view to_string(combinator c) noexcept;

/// The event a period's end produces for chained rules, and on which day.
struct produced_event {
    enum class day { last_day, day_after };
    std::string event;           ///< an event kind, e.g. "effective"
    day on = day::last_day;      ///< the last day itself, or the day after it
};

/// How a suspension (中止) acts (LAW.md §1, reading 2).
enum class suspension_reading {
    civil_code,  ///< the period ends 6 months after the obstacle ends (Civil Code Art. 194)
    resume,      ///< the remaining time resumes when the obstacle ends (GPCL Art. 139; Enforcement Interpretation)
};
std::string_view to_string(suspension_reading r) noexcept;

/// The authority for each tolling mechanism a version allows; a mechanism with no
/// citation does not apply to the version (a request that uses it is refused).
///
/// Where the authority changed while the version was in force (a settlement before
/// 2015-02-04 is governed by the 2008 Enforcement-Procedure Interpretation, one after by
/// 法释〔2015〕5号 Art. 468), `from` lists dated entries: a tolling event on or after an
/// entry's `valid_from` takes each mechanism that entry gives from it (`tolling_on`).
struct tolling_rules {
    citation_list interruption;  ///< 中断: the period runs anew from the interruption
    citation_list settlement;    ///< a settlement interrupts: anew from its last day of performance or its day
    citation_list suspension;    ///< 中止: only an obstacle in the last 6 months counts
    citation_list waiver;        ///< agreeing to perform after expiry loses the defence
    suspension_reading suspension_text = suspension_reading::civil_code;  ///< what the version's text says
    /// The authority for the other suspension reading, if any: only then is it offered
    /// (the Enforcement Interpretation's "resumes" beside Civil Code Art. 194).
    citation_list suspension_other;
    /// A settlement not performed: the period runs anew from its last day of performance
    /// (false: from the settlement itself, as an interruption — the 2008 text).
    bool settlement_from_performance_due = true;
    struct dated;
    std::vector<dated> from;  ///< sorted by valid_from

    /// The rules for a tolling event on `day`: this table, with each mechanism a dated entry
    /// in force that day gives taken from it.
    tolling_rules on(civil_date day) const;
};
struct tolling_rules::dated {
    civil_date valid_from;
    tolling_rules rules;  ///< only the mechanisms given (the others empty)
    bool gives_suspension_text = false;
    bool gives_settlement_from = false;
};

/// How a version counts instalments (分期履行).
enum class instalment_mode {
    none,  ///< the rule takes no instalments
    each,  ///< each instalment has its own period from its own last day
    last,  ///< one period from the last instalment's last day
};

/// One version of a rule, in force for triggers in [valid_from, valid_until).
struct rule_version {
    civil_date valid_from;
    std::optional<civil_date> valid_until;
    std::vector<std::string> trigger;  ///< event kinds, the first one given is used
    /// The authority for a particular start, cited only when that trigger is used
    /// (e.g. found_in_china: SPC Guiding Case No. 37).
    std::map<std::string, citation_list, std::less<>> trigger_citations;
    std::vector<period_choice> periods;
    /// Claims this version does not limit (checked before `periods`); see untimed_claim.
    std::vector<untimed_claim> not_time_limited;
    combinator combine = combinator::none;  ///< composites: how `components` combine
    std::vector<std::string> components;    ///< composites: rule ids (no trigger, no period)
    std::optional<produced_event> produces;
    std::optional<civil_date> ends_no_later_than;  ///< a transitional cap on the raw end
    tolling_rules tolling;                          ///< limitation-class rules: the mechanisms allowed
    instalment_mode instalments = instalment_mode::none;
    bool extendable_by_court = false;  ///< a court may extend the period (e.g. the 20-year long-stop)
    bool time_limited = true;          ///< false: the act is not subject to any period (time_limit = "none")
    /// true (`direction = "before"`): a look-back, counted backwards from the trigger; the
    /// answer's last_day is the first day of the window, never rolled.
    bool backwards = false;
    /// Transitional rule: a period of the previous version still running on this
    /// version's `valid_from` is counted under this version from its original start
    /// (one that ran out before stays expired); the authority for that. Empty: a
    /// version governs only triggers from its `valid_from`.
    citation_list takes_over_running;
    /// What expiry means under this version, where it differs from the rule's (e.g. the
    /// right to apply for recognition of a Taiwan judgment was lost under the 2009
    /// Supplementary Provisions; under the CPL period since 2015 expiry is a defence).
    std::optional<expiry_kind> expiry;
    citation_list citations;
    std::optional<civil_date> checked_on;
    std::string note;
    source_region where;

    bool in_force_on(civil_date d) const noexcept {
        return valid_from <= d && (!valid_until || d < *valid_until);
    }
};

/// A statutory period with its versions.
struct rule {
    std::string id;
    std::string name_zh;
    std::string name_en;
    expiry_kind expiry = expiry_kind::bar;
    tolling_class tolling = tolling_class::fixed;
    period_kind kind = period_kind::party;  ///< what the end means for an act (`period_kind`)
    /// true (`events_of = "court"`): the trigger events are the court's own (its receipt of an
    /// application or objection, its acceptance), not a party's — a docket takes them from the
    /// case's `court_events`, so the debtor's receipt of a payment order never starts the
    /// court's acceptance period.
    bool court_events = false;
    std::string convention;  ///< convention id
    std::vector<rule_version> versions;  ///< sorted by valid_from, non-overlapping
    /// Where the versions govern the applications made while they are in force, not the
    /// triggers that fall in their time (the SPC applied the provisions in force on the
    /// day a Taiwan payment order's recognition was sought: [2010]民四他字第68号), the
    /// authority for that. Empty: a version is chosen by the trigger day.
    citation_list version_by_application;
    source_region where;

    /// The version in force for a trigger on `d`, or nullptr.
    const rule_version* version_for(civil_date d) const noexcept;
    /// What expiry means under `v`: its own, else the rule's.
    expiry_kind expiry_under(const rule_version& v) const noexcept { return v.expiry.value_or(expiry); }
};

/// The period of version `v` of `r` under `facts`: the first `periods` entry whose
/// `when` matches. Errors: missing_fact (an entry names a fact not given, e.g. the 1991
/// enforcement period needs `parties`), invalid_request (no entry matches).
///
///     auto len = qixian::period_for(*r, *v, {{"parties", "legal_persons"}});  // 6 months
result<period> period_for(const rule& r, const rule_version& v,
                          const std::map<std::string, std::string, std::less<>>& facts);
/// The same, as the entry chosen (with its cap and citations).
result<const period_choice*> choice_for(const rule& r, const rule_version& v,
                                        const std::map<std::string, std::string, std::less<>>& facts);

/// The entry of `v.not_time_limited` whose `when` the facts match, or nullptr (a fact not
/// given matches nothing: the period applies).
const untimed_claim* untimed_for(const rule_version& v,
                                 const std::map<std::string, std::string, std::less<>>& facts) noexcept;

/// One file of a pack: its path (as reported in diagnostics) and text.
struct source_file {
    std::string path;
    std::string text;
};

/// A loaded, validated, immutable rule pack.
class rule_pack {
public:
    /// Loads and checks the files; every problem in every file is reported.
    static result<rule_pack, std::vector<diagnostic>> load(std::vector<source_file> files);
    /// Every .toml file under `dir` (recursively); paths in diagnostics are as found.
    static result<rule_pack, std::vector<diagnostic>> load_directory(const std::string& dir);
    /// The pack compiled into the library from the project's rules/ directory.
    static result<rule_pack, std::vector<diagnostic>> load_embedded();

    const rule* find(std::string_view id) const noexcept;
    const convention* find_convention(std::string_view id) const noexcept;
    const table_calendar* find_calendar(std::string_view id) const noexcept;
    /// The holiday law of a calendar (rules/calendars/<calendar>/holiday_law.toml), if any.
    const holiday_law* find_holiday_law(std::string_view calendar_id) const noexcept;
    /// The calendar projected past its last notice with every notice known; nullptr without
    /// a holiday law. With `calendar_as_of`, build one: calendar_projection::build.
    std::shared_ptr<const calendar_projection> find_projection(std::string_view calendar_id) const noexcept;

    const std::vector<rule>& rules() const noexcept { return rules_; }
    const std::vector<convention>& conventions() const noexcept { return conventions_; }
    /// Calendar ids in the pack.
    std::vector<std::string> calendar_ids() const;

    /// Content digest (FNV-1a 64, hex) of the rule files (calendars excluded), and of
    /// the calendar files; both over paths and texts in path order.
    const std::string& digest() const noexcept { return digest_; }
    const std::string& calendar_digest() const noexcept { return calendar_digest_; }
    /// Warnings found while loading (the pack loaded despite them).
    const std::vector<diagnostic>& warnings() const noexcept { return warnings_; }

private:
    std::vector<rule> rules_;
    std::vector<convention> conventions_;
    std::map<std::string, std::shared_ptr<const table_calendar>, std::less<>> calendars_;
    std::map<std::string, std::shared_ptr<const holiday_law>, std::less<>> holiday_laws_;
    struct lazy_projection;  // built on first use: most answers never need it
    std::map<std::string, std::shared_ptr<lazy_projection>, std::less<>> projections_;
    std::string digest_;
    std::string calendar_digest_;
    std::vector<diagnostic> warnings_;
};

}  // namespace qixian
