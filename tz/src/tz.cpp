#include "qixian/tz.hpp"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <unordered_map>

namespace qixian::tz {

const date::time_zone* native(const zone& z) noexcept { return z.zone_; }

std::string_view zone::name() const noexcept { return zone_->name(); }

namespace {
// "+08:00", written at `out`; returns the end.
char* offset_chars(char* out, std::chrono::seconds off) {
    const long long s = off.count();
    const auto a = static_cast<unsigned>(s < 0 ? -s : s);
    const unsigned h = a / 3600 % 100, m = a / 60 % 60;
    const char buf[6] = {s < 0 ? '-' : '+', static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                         static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
    std::memcpy(out, buf, sizeof buf);
    return out + sizeof buf;
}

// The offset and abbreviation in force at `i`. Answers ask for the same zones again and
// again (the forum's end, the display zone's), and the database's search builds a sys_info
// each time: the last few found are kept, per thread, with the span [begin, end) each covers.
// The reference is good until this thread's next call.
const date::sys_info& info_at(instant i, const zone& z) {
    struct kept {
        const date::time_zone* zone = nullptr;
        date::sys_info info;
    };
    thread_local std::array<kept, 4> recent;
    thread_local std::size_t next = 0;
    const date::time_zone* const tz = native(z);
    for (const auto& k : recent)
        if (k.zone == tz && k.info.begin <= i && i < k.info.end) return k.info;
    auto& k = recent[next++ % recent.size()];
    k.info = tz->get_info(i);
    k.zone = tz;
    return k.info;
}

// Where Debian's date/tz (built with USE_OS_TZDB) reads the system tz database.
constexpr const char* tz_dir = "/usr/share/zoneinfo";

error database_error(std::string_view name, const std::string& why) {
    return make_error(errc::io_error,
                      "the system tz database (" + std::string(tz_dir) + ") cannot be used for '" + std::string(name) +
                          "': " + why + "; install or repair Debian's tzdata package (apt-get install --reinstall tzdata)",
                      std::string(name));
}

std::uint32_t big_endian(const unsigned char* p) {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | std::uint32_t{p[3]};
}

// What is wrong with a TZif zone file (RFC 8536), or "" when its headers are sound: the
// magic, and counts that fit the file. date/tz trusts both (an assertion on the magic, and
// allocations sized by the counts), so a damaged file is refused here first.
std::string tzif_problem(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot read " + path;
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t at = 0;
    for (int block = 1; block <= 2; ++block) {  // the 32-bit block, then (version 2+) the 64-bit one
        if (data.size() < at + 44 || data.compare(at, 4, "TZif") != 0) return path + " is not a TZif zone file";
        const unsigned char* h = bytes + at + 20;
        const std::uint64_t isut = big_endian(h), isstd = big_endian(h + 4), leap = big_endian(h + 8),
                            time = big_endian(h + 12), type = big_endian(h + 16), chars = big_endian(h + 20);
        const std::uint64_t t = block == 1 ? 4 : 8;
        const std::uint64_t body = time * t + time + type * 6 + chars + leap * (t + 4) + isstd + isut;
        if (type == 0 || at + 44 + body > data.size()) return path + " is damaged (its header counts exceed the file)";
        if (bytes[at + 4] < '2') break;
        at += 44 + static_cast<std::size_t>(body);
        if (block == 2) break;
    }
    return {};
}

}  // namespace

result<zone> locate(std::string_view name) {
    if (name.empty())
        return unexpected(make_error(errc::unknown_zone, "empty time zone name"));
    // A batch names the same few zones on every line, and the tz database's search costs
    // some 800 instructions: the last zones found are kept, one small list per thread (a
    // zone of the database lives as long as the program: the pointer stays valid).
    struct kept_zone {
        std::string name;
        const date::time_zone* at = nullptr;
    };
    thread_local std::array<kept_zone, 4> recent;
    thread_local std::size_t next = 0;
    for (const auto& f : recent)
        if (f.at != nullptr && f.name == name) return zone(f.at);
    const date::time_zone* found = nullptr;
    try {
        found = date::locate_zone(name);
    } catch (const std::exception& e) {
        // An unknown name, unless the database itself is missing or unreadable.
        std::size_t zones = 0;
        try {
            zones = date::get_tzdb().zones.size();
        } catch (const std::exception& db) {
            return unexpected(database_error(name, db.what()));
        }
        if (zones == 0) return unexpected(database_error(name, "it lists no zones"));
        return unexpected(make_error(errc::unknown_zone,
                                     "'" + std::string(name) +
                                         "' is not a zone of the system tz database (an IANA "
                                         "name such as Asia/Shanghai or America/New_York)",
                                     std::string(name)));
    }
    // Each zone's file is checked once per thread (locate is called for every request).
    thread_local std::unordered_map<const date::time_zone*, std::string> checked;
    auto [it, fresh] = checked.try_emplace(found);
    if (fresh) {
        it->second = tzif_problem(std::string(tz_dir) + "/" + found->name());
        if (it->second.empty()) {
            try {
                (void)found->get_info(date::sys_seconds{});  // date/tz reads the zone's file on first use: now
            } catch (const std::exception& e) {
                it->second = e.what();
            }
        }
    }
    if (!it->second.empty()) return unexpected(database_error(name, it->second));
    recent[next++ % recent.size()] = {std::string(name), found};  // found and sound: kept
    return zone(found);
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
            // The reading skipped by the clock change, interpreted with the offset before
            // the change and with the offset after it (cctz's SKIPPED pre/post).
            const instant with_old{t.time_since_epoch() - info.first.offset};
            const instant with_new{t.time_since_epoch() - info.second.offset};
            const instant earlier = std::min(with_old, with_new), later = std::max(with_old, with_new);
            if (policy == local_policy::earliest) return earlier;
            if (policy == local_policy::latest) return later;
            const std::string wall = to_string(t);
            return unexpected(make_error(
                errc::nonexistent_local_time,
                wall + " does not exist in " + std::string(z.name()) + ": the clocks went from " +
                    format(info.first.end - std::chrono::seconds{1}, z) + " to " + format(info.first.end, z) +
                    " (candidates: " + format_utc(earlier) + " = " + format(earlier, z) + ", or " +
                    format_utc(later) + " = " + format(later, z) + "; choose a policy, earliest or latest)",
                wall));
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
    return local_time{i.time_since_epoch() + info_at(i, z).offset};
}

civil_date legal_day(instant i, const zone& z) { return day_of(to_local(i, z)); }

std::string format(instant i, const zone& z) {
    const date::sys_info& info = info_at(i, z);
    const local_time t{i.time_since_epoch() + info.offset};
    if (!civil_date::in_range(date::floor<date::days>(t).time_since_epoch().count())) {
        char off[6];
        return to_string(t) + std::string(off, offset_chars(off, info.offset));
    }
    char buf[local_time_text_size + 6];
    return std::string(buf, offset_chars(to_chars(buf, t), info.offset));
}

std::string abbreviation(instant i, const zone& z) { return info_at(i, z).abbrev; }

std::string format_utc(instant i) { return to_string(local_time{i.time_since_epoch()}) + "Z"; }

}  // namespace qixian::tz

namespace qixian::tz {

result<moment> parse_moment(std::string_view text) {
    moment m;
    m.text = std::string(text);
    if (text.size() == 10) {
        auto d = civil_date::parse(text);
        if (!d) return unexpected(d.error());
        m.kind = moment::form::legal_day;
        m.day = *d;
        m.local = start_of(*d);
        return m;
    }
    std::string_view rest = text;
    // RFC 9557 suffix: …[Area/City]
    if (!rest.empty() && rest.back() == ']') {
        const auto open = rest.rfind('[');
        if (open == std::string_view::npos)
            return unexpected(make_error(errc::invalid_time, "'" + m.text + "': unmatched ']'", m.text));
        m.zone = std::string(rest.substr(open + 1, rest.size() - open - 2));
        rest = rest.substr(0, open);
        auto z = locate(m.zone);
        if (!z) {
            error e = z.error();
            e.message = "'" + m.text + "': " + e.message;
            return unexpected(std::move(e));
        }
        m.kind = moment::form::zoned;
    }
    bool has_offset = false;
    if (!rest.empty() && (rest.back() == 'Z' || rest.back() == 'z')) {
        has_offset = true;
        rest.remove_suffix(1);
    } else if (rest.size() > 6 && (rest[rest.size() - 6] == '+' || rest[rest.size() - 6] == '-') &&
               rest[rest.size() - 3] == ':') {
        const auto off = rest.substr(rest.size() - 6);
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        if (!digit(off[1]) || !digit(off[2]) || !digit(off[4]) || !digit(off[5]))
            return unexpected(make_error(errc::invalid_time, "'" + m.text + "': the offset is not ±HH:MM", m.text));
        const int hh = (off[1] - '0') * 10 + (off[2] - '0');
        const int mm = (off[4] - '0') * 10 + (off[5] - '0');
        if (hh > 18 || mm > 59)
            return unexpected(make_error(errc::invalid_time, "'" + m.text + "': offset " + std::string(off) +
                                                                 " is out of range", m.text));
        m.utc_offset = std::chrono::seconds{(off[0] == '-' ? -1 : 1) * (hh * 3600 + mm * 60)};
        has_offset = true;
        rest.remove_suffix(6);
    }
    if (has_offset && m.kind == moment::form::zoned)
        return unexpected(make_error(errc::invalid_time,
                                     "'" + m.text + "': give an offset or a [zone], not both", m.text));
    auto local = parse_local_time(rest);
    if (!local) {
        error e = local.error();
        if (rest.size() != text.size()) e.message = "'" + m.text + "': " + e.message;
        e.subject = m.text;
        return unexpected(std::move(e));
    }
    m.local = *local;
    m.day = day_of(*local);
    if (has_offset) m.kind = moment::form::offset;
    else if (m.kind != moment::form::zoned) m.kind = moment::form::forum_local;
    return m;
}

result<instant> instant_of(const moment& m, const zone& forum, local_policy policy) {
    switch (m.kind) {
        case moment::form::legal_day:
        case moment::form::forum_local:
            return to_instant(m.local, forum, policy);
        case moment::form::offset:
            return instant{m.local.time_since_epoch() - m.utc_offset};
        case moment::form::zoned: {
            auto z = locate(m.zone);
            if (!z) return unexpected(z.error());
            return to_instant(m.local, *z, policy);
        }
    }
    return unexpected(make_error(errc::invalid_time, "unknown time form", m.text));
}

result<civil_date> legal_day_of(const moment& m, const zone& forum, local_policy policy) {
    if (m.kind == moment::form::legal_day) return m.day;
    auto i = instant_of(m, forum, policy);
    if (!i) return unexpected(i.error());
    // A time at either end of the supported years may fall on a day outside them in the
    // forum's zone (9999-12-31T23:00-12:00 is 10000-01-01 in Shanghai): an error, never a
    // day that cannot be written.
    const auto local = to_local(*i, forum);
    const auto days = date::floor<date::days>(local).time_since_epoch().count();
    if (!civil_date::in_range(days))
        return unexpected(make_error(errc::out_of_range,
                                     "'" + m.text + "' falls " + (days < 0 ? "before 0001-01-01" : "after 9999-12-31") +
                                         " in the forum's zone (" + std::string(forum.name()) +
                                         "), outside the supported years 0001-9999",
                                     m.text));
    return day_of(local);
}

}  // namespace qixian::tz
