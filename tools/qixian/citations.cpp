#include "citations.hpp"
#include "render.hpp"

#include <algorithm>

namespace qixian::cli {

namespace {

struct gatherer {
    std::vector<const citation*> out;

    void add(const citation_list& cs) {
        for (const auto& c : cs)
            if (std::none_of(out.begin(), out.end(), [&](const citation* o) { return *o == c; })) out.push_back(&c);
    }
    template <class Map>
    void add_all(const Map& m) {
        for (const auto& [key, cs] : m) add(cs);
    }
    void add(const convention& c) {
        add(c.citations);
        add_all(c.step_citations);
        for (const auto& d : c.steps_by_date) add_all(d.steps);
    }
    void add(const tolling_rules& t) {
        add(t.interruption);
        add(t.settlement);
        add(t.suspension);
        add(t.waiver);
        add(t.suspension_other);
        for (const auto& d : t.from) add(d.rules);  // the authorities dated by the tolling event's day
    }
    void add(const rule_version& v) {
        add(v.citations);
        add_all(v.trigger_citations);
        for (const auto& p : v.periods) add(p.citations);
        for (const auto& u : v.not_time_limited) add(u.citations);
        add(v.tolling);
        add(v.takes_over_running);
    }
};

}  // namespace

std::vector<const citation*> pack_citations(const rule_pack& pack) {
    gatherer g;
    for (const auto& c : pack.conventions()) g.add(c);
    for (const auto& r : pack.rules()) {
        g.add(r.version_by_application);
        for (const auto& v : r.versions) g.add(v);
    }
    return std::move(g.out);
}

const citation* find_citation(const rule_pack& pack, std::string_view id) {
    for (const citation* c : pack_citations(pack))
        if (citation_id(*c) == id) return c;
    return nullptr;
}

}  // namespace qixian::cli
