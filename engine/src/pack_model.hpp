// Internal: what the loader reads before the pack is assembled.
#pragma once

#include "qixian/rule_pack.hpp"
#include "toml_reader.hpp"

#include <map>
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

/// Holiday laws and lunar tables read from their files (rules/calendars/*/holiday_law.toml,
/// lunar.toml), with where each was found.
struct holiday_data {
    struct law_file {
        std::string path;
        holiday_law law;
        std::string lunar_id;
        source_region where;
    };
    std::vector<law_file> laws;
    std::vector<std::pair<std::string, lunar_table>> tables;  // path, table
};

/// Reads `table` if it is a holiday law or a lunar table (returns false otherwise).
bool read_holiday_data(const std::string& path, const toml::table& table, holiday_data& out,
                       std::vector<diagnostic>& diags);

/// Resolves each law's lunar table, checks every covered year of its calendar against it
/// (every statutory day rests in the notice's blocks; core days rest), and returns the laws by
/// calendar id.
std::map<std::string, std::shared_ptr<const holiday_law>, std::less<>> assemble_holiday_laws(
    holiday_data& data, const std::map<std::string, std::shared_ptr<const table_calendar>, std::less<>>& calendars,
    const std::vector<calendar_year_file>& years, std::vector<diagnostic>& diags);

}  // namespace qixian::detail
