// Internal: what the loader reads before the pack is assembled.
#pragma once

#include "qixian/rule_pack.hpp"
#include "toml_reader.hpp"

#include <memory>
#include <string>
#include <vector>

namespace qixian::detail {

/// Statutory days off a year, from a date on (checks each year's schedule).
struct days_off_era {
    civil_date valid_from;
    int days = 0;
};

/// A [[calendar]] definition.
struct calendar_definition {
    std::string id, name_zh, name_en, zone;
    std::vector<weekly_rest_rule> weekly_rest;
    std::vector<days_off_era> days_off;
    source_region where;
};

/// A parsed calendar year file, kept until its calendar definition is known.
struct calendar_year_file {
    std::string path;
    std::string calendar;
    toml::table table;
};

/// Reads every calendar year file of `def`, checks it, and builds the calendar.
/// Problems go to `out`; returns nullptr when the calendar cannot be built.
std::shared_ptr<const table_calendar> build_calendar(const calendar_definition& def,
                                                     const std::vector<const calendar_year_file*>& years,
                                                     std::vector<diagnostic>& out);

}  // namespace qixian::detail
