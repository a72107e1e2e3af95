// The anchor stage (stages.hpp): every time of a request as a legal day in the forum's
// zone, and where it happened (LAW.md §1, reading 5). A time is parsed once here; the
// stages after it work on days.
#include "stages.hpp"

#include <algorithm>

namespace qixian::stage {

error with_context(error e, const std::string& context) {
    e.message = context + ": " + e.message;
    return e;
}

result<anchored> anchor(const std::string& what, const std::string& text, const tz::zone& forum,
                        tz::local_policy policy) {
    auto m = tz::parse_moment(text);
    if (!m) return unexpected(with_context(m.error(), what));
    auto day = tz::legal_day_of(*m, forum, policy);
    if (!day) return unexpected(with_context(day.error(), what));
    const bool abroad = m->kind == tz::moment::form::zoned || m->kind == tz::moment::form::offset;
    return anchored{*m, *day, abroad ? m->day : *day};
}

result<std::vector<toll_day>> anchor_tolls(const compute_request& req, const tz::zone& forum) {
    std::vector<toll_day> tolls;
    auto day_of_text = [&](const std::string& what, const std::string& text) -> result<civil_date> {
        auto x = anchor(what, text, forum, req.local_times);
        if (!x) return unexpected(x.error());
        return x->forum_day;
    };
    for (const auto& t : req.tolling) {
        const std::string what = "tolling " + std::string(to_string(t.what));
        toll_day tl{&t, {}, {}, std::nullopt};
        if (t.what == tolling_event::kind::suspension) {
            auto f = day_of_text(what + " from", t.from);
            if (!f) return unexpected(f.error());
            auto u = day_of_text(what + " to", t.to);
            if (!u) return unexpected(u.error());
            if (*u < *f) return unexpected(make_error(errc::invalid_request, what + ": 'to' is before 'from'"));
            tl.when = *f;
            tl.until = *u;
        } else {
            auto at = day_of_text(what, t.at);
            if (!at) return unexpected(at.error());
            tl.when = *at;
            if (!t.performance_due.empty()) {
                auto pd = day_of_text(what + " performance_due", t.performance_due);
                if (!pd) return unexpected(pd.error());
                tl.performance_due = *pd;
            }
        }
        tolls.push_back(tl);
    }
    std::stable_sort(tolls.begin(), tolls.end(), [](const toll_day& x, const toll_day& y) { return x.when < y.when; });
    return tolls;
}

}  // namespace qixian::stage
