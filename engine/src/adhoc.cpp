#include "adhoc.hpp"

namespace qixian::detail {

result<rule> adhoc_rule(const rule_pack& pack, const compute_request& req) {
    if (!req.rule.empty())
        return unexpected(make_error(errc::conflicting_request,
                                     "give either a rule ('" + req.rule + "') or an ad-hoc convention and period, not both",
                                     req.rule));
    if (req.convention.empty())
        return unexpected(make_error(errc::invalid_request,
                                     "an ad-hoc period '" + req.duration + "' needs the convention to count it under, "
                                     "e.g. --convention cn.counting (qixian rules conventions lists them)"));
    const convention* conv = pack.find_convention(req.convention);
    if (conv == nullptr)
        return unexpected(make_error(errc::unknown_convention,
                                     "no convention '" + req.convention +
                                         "' in the rule pack (qixian rules conventions lists them)",
                                     req.convention));
    if (req.duration.empty())
        return unexpected(make_error(errc::invalid_request,
                                     "an ad-hoc period under '" + req.convention +
                                         "' needs its length, an ISO 8601 duration such as P15D, P3M, P6Y or PT48H"));
    auto length = parse_duration(req.duration);
    if (!length) return unexpected(length.error());
    rule r;
    r.id = "adhoc:" + req.convention + ":" + req.duration;
    r.name_en = "Ad-hoc period of " + to_string(*length) + " under " + conv->id;
    r.name_zh = "自定义期间" + to_string_zh(*length) + "（" + conv->id + "）";
    r.expiry = expiry_kind::bar;
    r.tolling = tolling_class::fixed;
    r.convention = conv->id;
    rule_version v;
    v.valid_from = civil_date::min();
    v.trigger = {"start"};
    v.periods.push_back(period_choice{{}, *length, std::nullopt, {}});
    v.citations = conv->citations;
    r.versions.push_back(std::move(v));
    return r;
}

void describe_adhoc(deadline& d, const compute_request& req, const convention& conv) {
    d.notes.push_back("ad-hoc period: counted under the convention " + conv.id +
                      "; what its end means (a bar, a defence) is for the law that sets the period");
    for (auto& step : d.trace)
        if (step.kind == trace_kind::select) {
            trace_entry what;
            what.kind = trace_kind::select;
            what.reason = trace_reason::adhoc;
            what.written = req.duration;
            what.length = d.length;
            what.event = conv.id;
            what.notice = conv.calendar;
            what.zone = conv.zone;
            what.citations = conv.citations;
            step = std::move(what);
            return;
        }
}

}  // namespace qixian::detail
