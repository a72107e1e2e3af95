// Shared helpers for qixian's tests: parsing literals, CSV tables, small calendars.
#pragma once

#include "qixian/civil.hpp"
#include "qixian/diagnostics.hpp"
#include "qixian/rule_pack.hpp"
#include "qixian/table_calendar.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace qixian::test {

/// A civil date from a literal known to be valid; fails the test otherwise.
inline civil_date day(const char* text) {
    auto d = civil_date::parse(text);
    REQUIRE_MESSAGE(d.has_value(), text);
    return *d;
}

/// The pack a load gave; a pack with errors stops the test with every diagnostic printed
/// (the file and line, not just "false").
inline rule_pack pack_or_report(result<rule_pack, std::vector<diagnostic>> r) {
    if (!r)
        for (const auto& d : r.error()) MESSAGE(format(d));
    REQUIRE(r.has_value());
    return std::move(*r);
}

/// A rule pack loaded from files a test gathers (pack_or_report).
inline rule_pack load_or_report(std::vector<source_file> files) {
    return pack_or_report(rule_pack::load(std::move(files)));
}

struct csv_row {
    int line = 0;
    std::vector<std::string> cells;
};

/// Rows of a CSV file under tests/data (header skipped), with their line numbers.
inline std::vector<csv_row> load_csv(const std::string& name) {
    std::ifstream in(std::string(QIXIAN_TEST_DATA_DIR) + "/" + name);
    REQUIRE_MESSAGE(in.good(), "cannot open tests/data/" << name);
    std::vector<csv_row> rows;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (n == 1 || line.empty() || line[0] == '#') continue;
        csv_row row{n, {}};
        std::string cell;
        std::stringstream ss(line);
        while (std::getline(ss, cell, ',')) row.cells.push_back(cell);
        if (!line.empty() && line.back() == ',') row.cells.emplace_back();
        rows.push_back(std::move(row));
    }
    return rows;
}

/// A small calendar for tests, holding only the notices the worked examples of
/// CASES.md need (each entry as the State Council notice of that year set it).
/// Coverage is deliberately limited to the ranges below so that coverage errors
/// can be tested too. This is test data, not the mainland calendar (rules/calendars/).
inline calendar_data example_calendar_data() {
    calendar_data d;
    d.id = "test.cn-examples";
    d.name = "CASES.md examples";
    d.first = day("2016-01-01");
    d.last = day("2026-12-31");
    d.weekly_rest = {{day("1995-05-01"), sat_sun, "国务院关于职工工作时间的规定（1995年修订）"}};
    auto notice = [](std::string id, std::string title, const char* published) {
        return calendar_notice{id, title, "", day(published), day(published), "", ""};
    };
    d.notices = {
        notice("2018", "国务院办公厅关于2018年部分节假日安排的通知", "2017-11-30"),
        notice("2019", "国务院办公厅关于2019年部分节假日安排的通知", "2018-12-06"),
        notice("2020", "国务院办公厅关于2020年部分节假日安排的通知", "2019-11-21"),
        notice("2020-ext", "国务院办公厅关于延长2020年春节假期的通知", "2020-01-27"),
        notice("2025", "国务院办公厅关于2025年部分节假日安排的通知", "2024-11-12"),
        notice("2026", "国务院办公厅关于2026年部分节假日安排的通知", "2025-11-04"),
    };
    d.notices[3].amends = "2020";
    d.holidays = {
        {day("2018-09-22"), day("2018-09-24"), "中秋节", "Mid-Autumn Festival", "2018", ""},
        {day("2018-10-01"), day("2018-10-07"), "国庆节", "National Day", "2018", ""},
        {day("2018-12-30"), day("2019-01-01"), "元旦", "New Year's Day", "2019", ""},
        {day("2020-01-24"), day("2020-01-30"), "春节", "Spring Festival", "2020", ""},
        {day("2020-01-31"), day("2020-02-02"), "春节（延长假期）", "Spring Festival (extension)", "2020-ext", ""},
        {day("2025-10-01"), day("2025-10-08"), "国庆节、中秋节", "National Day, Mid-Autumn", "2025", ""},
        {day("2026-02-15"), day("2026-02-23"), "春节", "Spring Festival", "2026", ""},
    };
    d.working_days = {
        {day("2018-09-29"), "国庆节调休", "2018", ""},
        {day("2018-09-30"), "国庆节调休", "2018", ""},
        {day("2018-12-29"), "元旦调休", "2019", ""},
        {day("2020-01-19"), "春节调休", "2020", ""},
        {day("2020-02-01"), "春节调休", "2020", "2020-ext"},
        {day("2025-09-28"), "国庆节、中秋节调休", "2025", ""},
        {day("2025-10-11"), "国庆节、中秋节调休", "2025", ""},
        {day("2026-02-14"), "春节调休", "2026", ""},
        {day("2026-02-28"), "春节调休", "2026", ""},
    };
    return d;
}

/// The rule pack compiled into the library, loaded once for the test run.
inline const rule_pack& embedded_pack() {
    static const rule_pack pack = pack_or_report(rule_pack::load_embedded());
    return pack;
}

/// The pack of rules/ without its statutes (the real conventions and calendars) plus the test
/// rules of tests/data/packs/features.toml, loaded once for the test run.
inline const rule_pack& features_pack() {
    static const rule_pack pack = [] {
        namespace fs = std::filesystem;
        std::vector<source_file> files;
        const fs::path root = fs::path(QIXIAN_SOURCE_DIR);
        auto add = [&](const fs::path& f) {
            std::ifstream in(f, std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            files.push_back({fs::relative(f, root).generic_string(), ss.str()});
        };
        for (const auto& e : fs::recursive_directory_iterator(root / "rules"))
            if (e.path().extension() == ".toml" && e.path().generic_string().find("/statutes/") == std::string::npos)
                add(e.path());
        add(root / "tests/data/packs/features.toml");
        return load_or_report(std::move(files));
    }();
    return pack;
}

inline const table_calendar& example_calendar() {
    static const table_calendar cal = [] {
        auto c = table_calendar::build(example_calendar_data());
        REQUIRE(c.has_value());
        return *c;
    }();
    return cal;
}

}  // namespace qixian::test
