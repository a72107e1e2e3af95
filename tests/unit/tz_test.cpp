// Synopsis: tz::locate, tz::database_version, tz::to_instant (local_policy),
//           tz::to_local, tz::legal_day, tz::format, tz::format_utc, tz::abbreviation.
// Uses history that will not change: Asia/Shanghai's daylight saving of 1986–1991 and
// America/New_York since 2007.
#include "qixian/tz.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <date/tz.h>

#include <fstream>

using namespace qixian;
using qixian::test::day;

TEST_CASE("zones are looked up without exceptions") {
    auto sh = tz::locate("Asia/Shanghai");
    REQUIRE(sh.has_value());
    CHECK(sh->name() == "Asia/Shanghai");
    auto bad = tz::locate("Asia/Beijing");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == errc::unknown_zone);
    CHECK(bad.error().subject == "Asia/Beijing");
    CHECK(tz::locate("").error().code == errc::unknown_zone);
}

TEST_CASE("the tz database version is the machine's") {
    std::ifstream in("/usr/share/zoneinfo/tzdata.zi");
    std::string first;
    REQUIRE(std::getline(in, first));
    CHECK(first == "# version " + tz::database_version());
    CHECK(tz::database_version().size() >= 5);
}

TEST_CASE("the end of the last day in the forum zone, in UTC and in New York") {
    auto sh = *tz::locate("Asia/Shanghai");
    auto ny = *tz::locate("America/New_York");
    // last day 2025-10-09: ends 2025-10-10T00:00+08:00 = 2025-10-09T16:00Z = 12:00 EDT
    auto end = tz::to_instant(start_of(day("2025-10-10")), sh, tz::local_policy::reject);
    REQUIRE(end.has_value());
    CHECK(tz::format(*end, sh) == "2025-10-10T00:00:00+08:00");
    CHECK(tz::format_utc(*end) == "2025-10-09T16:00:00Z");
    CHECK(tz::format(*end, ny) == "2025-10-09T12:00:00-04:00");
    CHECK(tz::abbreviation(*end, ny) == "EDT");
    // CASES.md: last day 2025-06-30 ends 2025-07-01 00:00 Shanghai = 2025-06-30 12:00 EDT
    auto june = tz::to_instant(start_of(day("2025-07-01")), sh, tz::local_policy::reject);
    CHECK(tz::format(*june, ny) == "2025-06-30T12:00:00-04:00");
}

TEST_CASE("an instant abroad becomes a legal day in the forum zone") {
    auto sh = *tz::locate("Asia/Shanghai");
    auto ny = *tz::locate("America/New_York");
    auto served = tz::to_instant(*parse_local_time("2025-03-01T21:30"), ny, tz::local_policy::reject);
    REQUIRE(served.has_value());
    CHECK(tz::legal_day(*served, sh) == day("2025-03-02"));
    CHECK(tz::legal_day(*served, ny) == day("2025-03-01"));
}

TEST_CASE("a time whose forum day falls outside 0001-9999 is out_of_range, at both ends") {
    const auto sh = *tz::locate("Asia/Shanghai");
    struct row {
        const char* text;
        bool ok;
        const char* day;  // the legal day in Shanghai when ok
    };
    const row rows[] = {
        {"9999-12-31T23:59:59-12:00", false, ""},  // 10000-01-01 19:59 in Shanghai
        {"9999-12-31T16:00Z", false, ""},          // 10000-01-01 00:00 in Shanghai
        {"9999-12-31T15:59:59Z", true, "9999-12-31"},
        {"9999-12-31T23:59[Pacific/Kiritimati]", true, "9999-12-31"},
        {"0001-01-01T00:00+14:00", false, ""},     // 0000-12-31 18:05:43 in Shanghai (LMT +08:05:43)
        {"0001-01-01T00:00+08:00", true, "0001-01-01"},  // 00:05:43 in Shanghai
        {"0001-01-01", true, "0001-01-01"},
        {"9999-12-31", true, "9999-12-31"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.text);
        const auto m = tz::parse_moment(r.text);
        REQUIRE(m.has_value());
        const auto d = tz::legal_day_of(*m, sh, tz::local_policy::reject);
        REQUIRE(d.has_value() == r.ok);
        if (r.ok) {
            CHECK(d->to_string() == r.day);
        } else {
            CHECK(d.error().code == errc::out_of_range);
            CHECK(d.error().message.find("Asia/Shanghai") != std::string::npos);
            CHECK(d.error().subject == r.text);
        }
    }
}

TEST_CASE("an instant outside 0001-9999 in UTC is written with its year as it is") {
    // Such an instant exists (its moment parsed); only its legal day is out of range. The
    // fixed-width writer once wrote year 10000 as "0000" (fuzz_time, far-offset-after-9999).
    const auto sh = *tz::locate("Asia/Shanghai");
    const struct {
        const char* text;
        const char* utc;
    } rows[] = {
        {"9999-12-31T23:59:59-12:00", "10000-01-01T11:59:59Z"},
        {"9999-12-31T15:59:59Z", "9999-12-31T15:59:59Z"},
        {"0001-01-01T00:00+14:00", "0000-12-31T10:00:00Z"},
        {"0001-01-01T00:00Z", "0001-01-01T00:00:00Z"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.text);
        const auto i = tz::instant_of(*tz::parse_moment(r.text), sh, tz::local_policy::reject);
        REQUIRE(i.has_value());
        CHECK(tz::format_utc(*i) == r.utc);
    }
    CHECK(to_string(start_of(civil_date::max()) + std::chrono::hours{24}) == "10000-01-01T00:00:00");
    CHECK(to_string(start_of(civil_date::min()) - std::chrono::hours{24} * 367) == "-0001-12-31T00:00:00");
}

TEST_CASE("local times skipped or repeated by a clock change are errors naming both candidates") {
    auto sh = *tz::locate("Asia/Shanghai");
    auto gap = tz::to_instant(*parse_local_time("1986-05-04T02:30"), sh, tz::local_policy::reject);
    REQUIRE_FALSE(gap.has_value());
    CHECK(gap.error().code == errc::nonexistent_local_time);
    CHECK(gap.error().message ==
          "1986-05-04T02:30:00 does not exist in Asia/Shanghai: the clocks went from "
          "1986-05-04T01:59:59+08:00 to 1986-05-04T03:00:00+09:00 (candidates: "
          "1986-05-03T17:30:00Z = 1986-05-04T01:30:00+08:00, or 1986-05-03T18:30:00Z = "
          "1986-05-04T03:30:00+09:00; choose a policy, earliest or latest)");
    CHECK(tz::format_utc(*tz::to_instant(*parse_local_time("1986-05-04T02:30"), sh, tz::local_policy::earliest)) ==
          "1986-05-03T17:30:00Z");
    CHECK(tz::format_utc(*tz::to_instant(*parse_local_time("1986-05-04T02:30"), sh, tz::local_policy::latest)) ==
          "1986-05-03T18:30:00Z");

    auto twice = tz::to_instant(*parse_local_time("1986-09-14T01:30"), sh, tz::local_policy::reject);
    REQUIRE_FALSE(twice.has_value());
    CHECK(twice.error().code == errc::ambiguous_local_time);
    CHECK(twice.error().message ==
          "1986-09-14T01:30:00 happens twice in Asia/Shanghai: 1986-09-14T01:30:00+09:00 or "
          "1986-09-14T01:30:00+08:00 (choose a policy, earliest or latest)");
    auto early = tz::to_instant(*parse_local_time("1986-09-14T01:30"), sh, tz::local_policy::earliest);
    auto late = tz::to_instant(*parse_local_time("1986-09-14T01:30"), sh, tz::local_policy::latest);
    CHECK(tz::format_utc(*early) == "1986-09-13T16:30:00Z");
    CHECK(tz::format_utc(*late) == "1986-09-13T17:30:00Z");

    auto ny = *tz::locate("America/New_York");
    auto ny_gap = tz::to_instant(*parse_local_time("2025-03-09T02:30"), ny, tz::local_policy::reject);
    CHECK(ny_gap.error().code == errc::nonexistent_local_time);
    CHECK(tz::format_utc(*tz::to_instant(*parse_local_time("2025-03-09T02:30"), ny,
                                         tz::local_policy::earliest)) == "2025-03-09T06:30:00Z");
    CHECK(tz::format_utc(*tz::to_instant(*parse_local_time("2025-03-09T02:30"), ny,
                                         tz::local_policy::latest)) == "2025-03-09T07:30:00Z");
}

TEST_CASE("offsets, formats and abbreviations kept per thread agree with the database, across changes and zones") {
    // tz::locate and the offset lookups keep the last few answers: interleave more zones
    // than are kept, and step across daylight-saving changes in both directions.
    const char* names[] = {"Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Sydney",
                           "Asia/Tokyo", "America/Sao_Paulo", "Pacific/Chatham"};
    const auto start = date::sys_days{date::year{1985} / 1 / 1};
    for (int k = 0; k < 6000; ++k) {
        // mostly two zones (answers found among those kept), now and then the others
        const char* name = k % 10 < 8 ? names[1 + k % 2] : names[k % std::size(names)];
        const auto z = tz::locate(name);
        REQUIRE(z);
        const instant i = date::floor<std::chrono::seconds>(start) + std::chrono::hours(7 * k) + std::chrono::minutes(k % 60);
        const auto* native = date::locate_zone(name);
        const auto info = native->get_info(i);
        INFO(name << " at " << date::format("%FT%TZ", i));
        REQUIRE(tz::format(i, *z) == date::format("%FT%T%Ez", date::make_zoned(native, i)));
        REQUIRE(tz::abbreviation(i, *z) == info.abbrev);
        REQUIRE(tz::to_local(i, *z) == local_time{i.time_since_epoch() + info.offset});
    }
}
