#include "qixian/tz.hpp"

#include <date/tz.h>

#include <cstdio>
#include <fstream>

namespace qixian::tz {

const date::time_zone* native(const zone& z) noexcept { return z.zone_; }

std::string_view zone::name() const noexcept { return zone_->name(); }

result<zone> locate(std::string_view name) {
    if (name.empty())
        return unexpected(make_error(errc::unknown_zone, "empty time zone name"));
    try {
        return zone(date::locate_zone(name));
    } catch (const std::exception&) {
        return unexpected(make_error(errc::unknown_zone,
                                     "'" + std::string(name) +
                                         "' is not a zone of the system tz database (an IANA "
                                         "name such as Asia/Shanghai or America/New_York)",
                                     std::string(name)));
    }
}

const std::string& database_version() {
    static const std::string version = [] {
        std::ifstream in("/usr/share/zoneinfo/tzdata.zi");
        std::string line;
        if (in && std::getline(in, line) && line.rfind("# version ", 0) == 0)
            return line.substr(10);
        return std::string("unknown");
    }();
    return version;
}

result<instant> to_instant(local_time t, const zone& z, local_policy policy) {
    const auto info = native(z)->get_info(t);
    switch (info.result) {
        case date::local_info::unique:
            return instant{t.time_since_epoch() - info.first.offset};
        case date::local_info::nonexistent: {
            // The gap starts at the transition (first.end) and is the same instant on both sides.
            const instant gap = info.first.end;
            if (policy == local_policy::earliest || policy == local_policy::latest) return gap;
            return unexpected(make_error(
                errc::nonexistent_local_time,
                to_string(t) + " does not exist in " + std::string(z.name()) +
                    ": the clocks jumped from " + format(gap - std::chrono::seconds{1}, z) +
                    " to " + format(gap, z) + " (candidates: " + format(gap, z) + " or " +
                    format(instant{t.time_since_epoch() - info.first.offset}, z) +
                    "; choose a policy, earliest or latest)",
                to_string(t)));
        }
        case date::local_info::ambiguous: {
            const instant first{t.time_since_epoch() - info.first.offset};
            const instant second{t.time_since_epoch() - info.second.offset};
            if (policy == local_policy::earliest) return first;
            if (policy == local_policy::latest) return second;
            return unexpected(make_error(errc::ambiguous_local_time,
                                         to_string(t) + " happens twice in " + std::string(z.name()) +
                                             ": " + format(first, z) + " or " + format(second, z) +
                                             " (choose a policy, earliest or latest)",
                                         to_string(t)));
        }
    }
    return unexpected(make_error(errc::invalid_time, "unexpected local time lookup result"));
}

local_time to_local(instant i, const zone& z) {
    const auto info = native(z)->get_info(i);
    return local_time{i.time_since_epoch() + info.offset};
}

civil_date legal_day(instant i, const zone& z) { return day_of(to_local(i, z)); }

namespace {
std::string offset_string(std::chrono::seconds off) {
    const long long s = off.count();
    const long long a = s < 0 ? -s : s;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%c%02lld:%02lld", s < 0 ? '-' : '+', a / 3600, a / 60 % 60);
    return buf;
}
}  // namespace

std::string format(instant i, const zone& z) {
    const auto info = native(z)->get_info(i);
    return to_string(local_time{i.time_since_epoch() + info.offset}) + offset_string(info.offset);
}

std::string abbreviation(instant i, const zone& z) { return native(z)->get_info(i).abbrev; }

std::string format_utc(instant i) { return to_string(local_time{i.time_since_epoch()}) + "Z"; }

}  // namespace qixian::tz
