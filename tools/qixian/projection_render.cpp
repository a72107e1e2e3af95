#include "projection_render.hpp"

namespace qixian::cli {

namespace {

std::string unpublished_years(const deadline& d) {
    std::string out;
    if (!d.last_day_range) return out;
    const int last = d.last_day_range->latest.year();
    const int first = d.calendar_years.empty() ? last : d.calendar_years.front();
    for (int y = std::max(first, d.source.calendar_last.year() + 1); y <= last; ++y)
        out += (out.empty() ? "" : ", ") + std::to_string(y);
    return out;
}

}  // namespace

std::string provisional_text(const deadline& d, lang l) {
    std::string years = unpublished_years(d);
    const std::string lo = d.last_day_range ? d.last_day_range->earliest.to_string() : d.last_day.to_string();
    const std::string hi = d.last_day_range ? d.last_day_range->latest.to_string() : d.last_day.to_string();
    if (l == lang::zh) {
        std::string why = years.empty() ? "下一年度节假日安排可能调整年末数日"
                                        : years + "年节假日安排尚未公布";
        return why + "：已按《全国年节及纪念日放假办法》确定的法定节假日计算；届满日最早 " + lo + "，最晚 " + hi +
               "，最可能为 " + d.last_day.to_string();
    }
    std::string why = years.empty() ? "the next holiday notice may still change the last days of the year"
                                     : "the holiday schedule for " + years + " is not yet published";
    return why + "; days fixed by the holiday law (全国年节及纪念日放假办法) are counted as such. The last day is " + lo +
           " at the earliest and " + hi + " at the latest; best estimate " + d.last_day.to_string();
}

void write_projection_fields(json_writer& w, const deadline& d) {
    if (d.last_day_range)
        w.key("last_day_range")
            .begin_object()
            .field("earliest", d.last_day_range->earliest)
            .field("latest", d.last_day_range->latest)
            .end_object();
    w.key("calendar_years").begin_array();
    for (int y : d.calendar_years) w.value(y);
    w.end_array();
    if (!d.time_limited) return;
    w.field("calendar_confidence", d.secondary_calendar_years.empty() ? "notice_text" : "secondary");
    if (d.secondary_calendar_years.empty()) return;
    w.key("calendar_secondary_years").begin_array();
    for (int y : d.secondary_calendar_years) w.value(y);
    w.end_array();
}

std::string confidence_text(const deadline& d, lang l) {
    std::string years;
    for (int y : d.secondary_calendar_years) years += (years.empty() ? "" : ", ") + std::to_string(y);
    if (years.empty()) return "";
    if (l == lang::zh)
        return years + "年的节假日安排未见国务院通知原文，系依据当时的报道整理（次级来源）；结果取决于这些日期";
    return "the answer depends on the calendar of " + years +
           ", whose holiday notice text was not found: its days come from contemporary reports (secondary sources)";
}

std::string undetermined_text(const deadline& d, lang l) {
    if (!d.last_day_range) return "undetermined";
    const std::string lo = d.last_day_range->earliest.to_string(), hi = d.last_day_range->latest.to_string();
    if (l == lang::zh) return "尚无法确定（行为日在最早届满日 " + lo + " 之后、最晚届满日 " + hi + " 之前或当日）";
    return "undetermined (the act is after the earliest possible last day " + lo + " and not after the latest " + hi + ")";
}

result<std::shared_ptr<const calendar_projection>> projection_for(const rule_pack& pack, std::string_view id,
                                                                  std::optional<civil_date> as_of) {
    const table_calendar* cal = pack.find_calendar(id);
    const holiday_law* law = pack.find_holiday_law(id);
    if (cal == nullptr || law == nullptr) return std::shared_ptr<const calendar_projection>();
    if (!as_of) return pack.find_projection(id);
    return calendar_projection::build(*cal, *law, as_of);
}

void add_projected_fields(nlohmann::ordered_json& j, const calendar_projection& p, civil_date d) {
    if (d < p.first_projected()) return;
    auto c = p.classify(d);
    if (!c) return;
    j["projected"] = true;
    j["certainty"] = std::string(to_string(c->certainty));
    j["reason"] = c->reason;
    if (!c->reason_zh.empty()) j["reason_zh"] = c->reason_zh;
    if (!c->name.empty()) j["name"] = c->name;
    if (!c->article.empty()) j["article"] = c->article;
}

std::string projected_suffix(const calendar_projection& p, civil_date d, lang l) {
    if (d < p.first_projected()) return "";
    auto c = p.classify(d);
    if (!c) return "";
    if (l == lang::zh) {
        const char* certainty = c->certainty == day_certainty::certain_rest   ? "确定休息"
                                : c->certainty == day_certainty::certain_work ? "确定上班"
                                                                              : "尚不确定";
        const std::string& why = c->reason_zh.empty() ? std::string() : c->reason_zh;
        return std::string("  推算：") + certainty + (why.empty() ? "" : " — " + why);
    }
    return "  projected: " + std::string(to_string(c->certainty)) + (c->reason.empty() ? "" : " — " + c->reason);
}

}  // namespace qixian::cli
