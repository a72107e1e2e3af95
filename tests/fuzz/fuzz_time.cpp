// Fuzz target: a time as a user writes it, in every form of INTERFACES.md ("Times"):
// a legal day, a forum-local time, an instant with an offset, a local time in an IANA
// zone. A parsed moment is taken to an instant and a legal day under every policy, and
// formatted: a legal day is a day of 0001-9999 that prints back as itself, and the instant
// is written on that day; a parsed day must print back as itself.
#include "fuzz_support.hpp"

#include "qixian/civil.hpp"
#include "qixian/tz.hpp"

#include <cstdint>

using namespace qixian;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const tz::zone forum = *tz::locate("Asia/Shanghai");
    if (auto m = tz::parse_moment(text)) {
        for (auto policy : {tz::local_policy::reject, tz::local_policy::earliest, tz::local_policy::latest}) {
            const auto day = tz::legal_day_of(*m, forum, policy);
            if (day) {
                // A legal day is a day of 0001-9999 (never a wrapped year): it prints back as itself.
                const auto again = civil_date::parse(day->to_string());
                fuzz::require(again && *again == *day, "a legal day that does not print back as itself", text);
            } else {
                fuzz::require(!day.error().message.empty(), "an error without a message", text);
            }
            if (auto i = tz::instant_of(*m, forum, policy)) {
                (void)tz::format_utc(*i);
                if (day && m->kind != tz::moment::form::legal_day) {
                    fuzz::require(tz::legal_day(*i, forum) == *day, "two legal days for one instant", text);
                    fuzz::require(tz::format(*i, forum).rfind(day->to_string(), 0) == 0,
                                  "an instant written on another day than its legal day", text);
                }
            } else {
                fuzz::require(!i.error().message.empty(), "an error without a message", text);
            }
        }
        if (m->kind == tz::moment::form::zoned) (void)tz::locate(m->zone);
    } else {
        fuzz::require(!m.error().message.empty(), "an error without a message", text);
    }
    if (auto d = civil_date::parse(text)) {
        const auto again = civil_date::parse(d->to_string());
        fuzz::require(again && *again == *d, "a parsed day does not print back as itself", text);
    }
    (void)parse_local_time(text);
    return 0;
}
