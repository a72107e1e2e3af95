// A tiny docketing system: load qixian's built-in rule pack once, compute a few
// deadlines for matters on file, and print each with its citation, or the error.
#include <qixian/qixian.hpp>

#include <iostream>
#include <vector>

int main() {
    auto pack = qixian::rule_pack::load_embedded();
    if (!pack) {
        for (const auto& d : pack.error()) std::cerr << qixian::format(d) << '\n';
        return 1;
    }
    const std::vector<qixian::compute_request> matters = {
        {.rule = "cn.enforcement.application", .events = {{"effective", "2023-06-30"}}, .zone = "America/New_York"},
        {.rule = "cn.appeal.judgment", .events = {{"served", "2024-09-20"}}, .facts = {{"domicile", "abroad"}}},
        {.rule = "cn.civil.revocation", .events = {{"knew", "2024-06-04"}, {"debtor_act", "2023-05-01"}}},
        {.rule = "cn.enforcement.application", .events = {{"effective", "2023-02-29"}}},
    };
    for (const auto& m : matters) {
        auto d = qixian::compute(*pack, m);
        if (!d) {
            std::cout << m.rule << ": error " << qixian::to_string(d.error().code) << '\n';
            continue;
        }
        std::cout << d->rule << ": last day " << d->last_day << ", ends " << d->ends_at_utc;
        if (!d->ends_at_local.empty()) std::cout << " = " << d->ends_at_local;
        std::cout << " (" << qixian::to_string(d->citations.front()) << ")\n";
    }
    std::cout << "tzdata " << qixian::tz::database_version() << ", qixian " << qixian::engine_version() << '\n';
    return 0;
}
