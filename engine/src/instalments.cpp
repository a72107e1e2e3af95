// The instalments stage (LAW.md §1 reading 4). By default each instalment is counted under the
// version in force on its own due day: where that version says `each`, the instalment has its
// own period; the instalments whose version says `last` share one period from the last
// instalment. The reading instalments=last counts all of them from the last; the other reading
// is reported where it changes the verdict. A reading that cannot apply is a note.
#include "simple.hpp"

#include <algorithm>

namespace qixian::stage {
namespace {

struct instalment_parts {
    std::vector<instalment_result> items;
    int late = 0;
};

// The instalments' due days as the forum's legal days, in order.
result<std::vector<civil_date>> instalment_days(const compute_request& req, const tz::zone& forum) {
    std::vector<civil_date> dues;
    for (const auto& text : req.instalments) {
        auto x = anchor("instalment_due", text, forum, req.local_times);
        if (!x) return unexpected(x.error());
        dues.push_back(x->forum_day);
    }
    std::sort(dues.begin(), dues.end());
    return dues;
}

// The instalments step: each instalment's due day, last day and verdict, and whether it had
// a period of its own (`own`).
trace_entry instalments_step(const deadline& d, const std::vector<civil_date>& own, const rule_version& v) {
    trace_entry t;
    t.kind = trace_kind::instalments;
    t.reason = trace_reason::instalments_each;
    for (const auto& ir : d.instalments) {
        trace_item item;
        item.start = ir.due;
        if (ir.time_limited) item.last_day = ir.last_day;
        if (ir.status) item.value = *ir.status;
        item.flag = std::find(own.begin(), own.end(), ir.due) != own.end();
        t.items.push_back(std::move(item));
    }
    t.citations = v.citations;
    return t;
}

bool holds(const std::vector<civil_date>& days, civil_date d) { return std::find(days.begin(), days.end(), d) != days.end(); }

// One request's instalments: its due days, split into those with a period of their own
// (`own`: the version in force on the due day counts each) and those sharing one (`shared`).
struct instalments {
    const rule_pack& pack;
    const rule* r;
    const compute_request& req;
    const forum_context& ctx;
    std::vector<civil_date> dues, own, shared;

    // The rule as if `due` were the one instalment.
    result<deadline> one(civil_date due, bool alternatives) const {
        compute_request single = req;
        single.instalments.clear();
        single.events["instalment_due"] = due.to_string();
        return compute_simple(pack, r, single, alternatives);
    }

    // An answer judged against the act, quietly.
    std::optional<std::string> judged(deadline probe) const {
        if (!req.act) return std::nullopt;
        if (!probe.time_limited) return std::string("timely");
        compute_request quiet = req;
        quiet.trace = false;
        if (!judge(probe, *req.act, ctx.zone, quiet)) return std::nullopt;
        return probe.status;
    }

    // Each of `which` with its own period, judged; the others of `shared` share `group`.
    result<instalment_parts> parts(const std::vector<civil_date>& which, const deadline& group) const {
        instalment_parts out;
        for (const civil_date due : dues) {
            const bool alone = holds(which, due);
            if (!alone && !holds(shared, due)) continue;
            deadline d;
            if (alone) {
                auto x = one(due, false);
                if (!x) return unexpected(with_context(x.error(), "instalment due " + due.to_string()));
                d = std::move(*x);
            } else {
                d = group;
            }
            instalment_result ir{due, d.last_day, judged(d), d.time_limited};
            if (!d.time_limited) ir.last_day = civil_date{};
            out.late += ir.status && *ir.status == "late";
            out.items.push_back(ir);
        }
        return out;
    }

    // The verdict over all instalments.
    std::optional<std::string> overall(const instalment_parts& p) const {
        if (!req.act) return std::nullopt;
        return p.late == 0 ? "timely" : p.late == static_cast<int>(p.items.size()) ? "late" : "partly_late";
    }

    result<deadline> all_from_last(deadline d, bool alternatives) const;
    result<deadline> each_own(deadline d, const rule_version& v, bool alternatives) const;
};

// Every instalment counted from the last (the text says so, or reading instalments=last); the
// default reading is reported where it changes the verdict.
result<deadline> instalments::all_from_last(deadline d, bool alternatives) const {
    d.notes.push_back(own.empty() ? "instalments: one period from the last instalment, due " + dues.back().to_string()
                                  : "instalments: counted from the last one (reading instalments=last; the text "
                                    "in force on some due days counts each instalment)");
    if (alternatives && !own.empty() && req.act) {
        auto p = parts(own, d);
        const auto status = judged(d);
        if (p && status && overall(*p) != status)
            d.alternatives.push_back({"instalments=each", d.time_limited ? d.last_day : civil_date{}, overall(*p),
                                      d.time_limited, std::nullopt});
    }
    return d;
}

// Each instalment under the text in force on its due day; reading instalments=last reported.
result<deadline> instalments::each_own(deadline d, const rule_version& v, bool alternatives) const {
    const deadline group = d;
    auto p = parts(own, group);
    if (!p) return unexpected(p.error());
    d.instalments = p->items;
    d.status = overall(*p);
    if (d.status && *d.status == "late" && d.time_limited) {
        deadline probe = d;
        compute_request quiet = req;
        quiet.trace = false;
        if (judge(probe, *req.act, ctx.zone, quiet)) d.days_late = probe.days_late;
    }
    if (!shared.empty())
        d.notes.push_back("instalments due before " + r->version_for(shared.front())->valid_from.to_string() +
                          " are each counted from their own due day under the text then in force; those from then on "
                          "share one period from the last instalment. The transitional effect of the change is not "
                          "settled: reading instalments=last counts all from the last");
    if (req.trace) d.trace.insert(d.trace.begin(), instalments_step(d, own, v));
    if (alternatives && req.act) {
        const auto status = judged(group);
        if (status && status != d.status) {
            if (!group.time_limited) d.alternatives.push_back({"instalments=last", {}, status, false, std::nullopt});
            else d.alternatives.push_back({"instalments=last", group.last_day, status});
        }
    }
    return d;
}

}  // namespace

result<deadline> compute_instalments(const rule_pack& pack, const rule* r, const compute_request& req,
                                     bool alternatives, const tz::zone& forum) {
    auto days = instalment_days(req, forum);
    if (!days) return unexpected(days.error());
    const civil_date last = days->back();
    const rule_version* v = r->version_for(last);
    if (v == nullptr)
        return unexpected(make_error(errc::no_version_in_force,
                                     "rule '" + r->id + "' has no version in force for an instalment due " +
                                         last.to_string(),
                                     last.to_string()));
    if (v->instalments == instalment_mode::none)
        return unexpected(make_error(errc::invalid_request, "rule '" + r->id + "' (version from " +
                                                                v->valid_from.to_string() + ") takes no instalments"));
    auto ctx = forum_of(pack, *r, req);
    if (!ctx) return unexpected(ctx.error());
    instalments in{pack, r, req, *ctx, std::move(*days), {}, {}};
    for (const civil_date due : in.dues) {  // the version in force on each due day says
        const rule_version* w = r->version_for(due);
        (w != nullptr && w->instalments == instalment_mode::each ? in.own : in.shared).push_back(due);
    }
    auto d = in.one(last, alternatives);
    if (!d) return d;
    if (req.instalments_reading == instalment_reading::each && !in.shared.empty())
        d->notes.push_back("reading instalments=each does not apply to the instalments due from " +
                           in.shared.front().to_string() + ": the version in force on their due days counts one period "
                           "from the last instalment (its text, not a reading)");
    if (req.instalments_reading == instalment_reading::last || in.own.empty())
        return in.all_from_last(std::move(*d), alternatives);
    return in.each_own(std::move(*d), *v, alternatives);
}

}  // namespace qixian::stage
