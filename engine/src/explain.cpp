// The one renderer of trace steps (qixian/explain.hpp): an English and a Chinese phrase
// for every reason of docs/TRACE.md. The English is byte for byte what the engine wrote
// when the trace was prose (INTERFACES.md `detail`).
#include "qixian/explain.hpp"
#include "qixian/calendar.hpp"
#include "text.hpp"

#include <cstdlib>

namespace qixian {

using detail::append;

std::string_view to_string(trace_kind k) noexcept {
    static constexpr std::string_view names[] = {"select", "anchor",  "transition",  "start",   "count", "toll",
                                                 "roll",   "close",   "compose",     "instalments", "project", "judge"};
    return names[static_cast<int>(k)];
}

std::string_view to_string(trace_reason r) noexcept {
    static constexpr std::string_view names[] = {
        "version", "untimed_claim", "untimed_rule", "adhoc", "anchored", "anchored_forum_day", "anchored_local_day",
        "anchored_other_forum",
        "taken_over", "kept_by_trigger", "ended_before", "start_excluded", "start_included", "counted",
        "counted_corresponding", "counted_month_end", "counted_back", "counted_hours", "capped", "working_day",
        "rest_day", "closed", "toll_not_applied", "suspension_outside", "suspension_six_months",
        "suspension_resumed", "third_party_demand", "toll_after_end", "toll_before_start", "interrupted",
        "agreed_to_perform", "settlement", "settlement_performance_due", "settlement_own_day", "waived",
        "waiver_no_effect", "composed", "reading_applied", "instalments_each", "projected", "judged", "late", "late_court",
        "late_defence", "late_waived", "premature", "permitted", "no_time_limit"};
    return names[static_cast<int>(r)];
}

std::string_view to_string(chosen_by c) noexcept {
    static constexpr std::string_view names[] = {"trigger_day", "application_day", "transition", "act_day", "now"};
    return names[static_cast<int>(c)];
}

std::string event_words(std::string_view kind, language l) {
    if (l != language::zh) return std::string(kind);
    static constexpr std::pair<std::string_view, std::string_view> names[] = {
        {"effective", "法律文书生效"},     {"performance_due", "履行期间届满"},
        {"instalment_due", "分期履行期间届满"}, {"found_in_china", "在中国境内发现被执行人或其财产"},
        {"recognition_effective", "承认裁定生效"}, {"served", "送达"},
        {"received", "收到"},            {"accepted", "受理"},
        {"knew", "知道或者应当知道"},     {"debtor_act", "债务人行为"},
        {"harm", "损害发生"},            {"measure", "采取保全措施"},
        {"published", "公告"},           {"posted", "邮寄"},
        {"breach", "债务人违反不作为义务"}, {"property_change", "被执行人财产发生变动"},
        {"start", "起算事件"},           {"award_made", "仲裁裁决作出"},
        {"default", "债务人未履行判决或裁决"}, {"appeal_decided", "上诉裁判作出"},
        {"appeal_period_expired", "上诉期间届满"}};
    for (const auto& [k, word] : names)
        if (k == kind) return detail::cat({word, " (", kind, ")"});
    return std::string(kind);
}

std::string_view status_words(std::string_view st, language l) {
    if (l != language::zh) return st;
    static constexpr std::pair<std::string_view, std::string_view> names[] = {
        {"timely", "未逾期"}, {"late", "逾期"}, {"partly_late", "部分逾期"},
        {"overdue", "超过期限（行为仍然有效）"}, {"premature", "期间未满，尚不得为之"},
        {"permitted", "期间已满，准许"}, {"within", "在回溯期间内"}, {"before_window", "早于回溯期间"},
        {"undetermined", "尚不能确定"}};
    for (const auto& [k, word] : names)
        if (k == st) return word;
    return st;
}

std::string_view combinator_words(std::string_view key, language l) {
    const bool zh = l == language::zh;
    if (key == "earliest_of") return zh ? "取最早届满者" : "the earliest of";
    if (key == "latest_of") return zh ? "取最晚届满者" : "the latest of";
    return key;
}

namespace {

// Small vocabularies: the enum spellings of the rule files, in Chinese.
std::string_view tolling_zh(std::string_view kind) {
    return kind == "interruption" ? "中断" : kind == "suspension" ? "中止" : kind == "settlement" ? "和解"
           : kind == "agreed_after_expiry" ? "债务人同意履行" : kind;
}
std::string_view class_zh(std::string_view c) {
    return c == "limitation" ? "时效期间" : c == "fixed" ? "不变期间" : c == "exclusion" ? "除斥期间" : c;
}
std::string_view day_kind_zh(std::string_view k) {
    return k == "weekend" ? "周休日" : k == "holiday" ? "法定节假日" : k == "adjusted_working" ? "调休上班日" : "工作日";
}
std::string_view month_end_zh(std::string_view p) {
    return p == "clamp" ? "以该月末日为期间的最后一日" : p == "first_of_next" ? "以次月第一日为准"
           : p == "spill" ? "溢出的日数顺延至次月" : "不予计算";
}
std::string_view expiry_zh(std::string_view e) {
    return e == "bar" ? "期间届满即不得为之" : e == "defence" ? "可作时效抗辩" : e == "extinguished" ? "权利消灭" : "无";
}

std::string length_text(const period& p, language l) { return l == language::zh ? to_string_zh(p) : to_string(p); }

std::string day_end_text(std::int32_t minutes) {
    if (minutes >= 1440) return "24:00";
    char buf[8] = {static_cast<char>('0' + minutes / 600), static_cast<char>('0' + minutes / 60 % 10), ':',
                   static_cast<char>('0' + minutes % 60 / 10), static_cast<char>('0' + minutes % 10), 0};
    return buf;
}

// select: the version, what chose it, and the facts not given that would have chosen otherwise.
void select_en(std::string& o, const trace_step& s) {
    if (s.reason == trace_reason::adhoc) {
        append(o, {"ad-hoc period ", s.written, " (", to_string(*s.length), ") under the convention ", s.event,
                   ", from the event start; calendar ", s.notice, ", zone ", s.zone});
        return;
    }
    if (s.reason == trace_reason::untimed_rule) {
        append(o, {"not subject to any time limit (version from ", *s.valid_from});
        switch (s.chosen_by.value_or(chosen_by::now)) {
            case chosen_by::trigger_day: append(o, {", chosen by the event ", s.event, " on ", *s.on, ")"}); break;
            case chosen_by::act_day: append(o, {", chosen by the act on ", *s.on, ")"}); break;
            default: o += "; no event or act given: the version now in force)";
        }
        return;
    }
    append(o, {"version in force from ", *s.valid_from});
    if (s.valid_until) append(o, {" until ", *s.valid_until});
    switch (s.chosen_by.value_or(chosen_by::trigger_day)) {
        case chosen_by::application_day:
            append(o, {" (chosen by the day of the application ", *s.on,
                       ": the versions govern the applications made while they are in force)"});
            break;
        case chosen_by::transition: append(o, {" (the trigger day ", *s.on, " is earlier: see the transition)"}); break;
        default: append(o, {" (chosen by the trigger day ", *s.on, ")"});
    }
    if (s.reason == trace_reason::untimed_claim) {
        o += ": not subject to any time limit for";
        for (const auto& i : s.items) append(o, {" ", i.name, "=", i.value});
        if (!s.holiday.empty()) append(o, {" (", s.holiday, ")"});
        return;
    }
    std::string_view previous;
    bool first = true;
    for (const auto& i : s.items) {
        if (i.length) continue;
        if (first) o += "; not given: ";
        if (!first && i.name == previous) append(o, {"|", i.value});
        else append(o, {first ? "" : ", ", i.name, "=", i.value});
        previous = i.name;
        first = false;
    }
    if (!first) o += " (no time limit)";
    first = true;
    for (const auto& i : s.items) {
        if (!i.length) continue;
        append(o, {first ? "; not given: " : ", ", i.name, "=", i.value, " (", to_string(*i.length), ")"});
        first = false;
    }
    if (!first) o += " — the period for the facts not given applies";
}

void select_zh(std::string& o, const trace_step& s) {
    if (s.reason == trace_reason::adhoc) {
        append(o, {"自定义期间 ", s.written, "（", to_string_zh(*s.length), "），依计算规则 ", s.event, "，自",
                   event_words("start", language::zh), " 起算；日历 ", s.notice, "，时区 ", s.zone});
        return;
    }
    if (s.reason == trace_reason::untimed_rule) {
        append(o, {"不受任何期间限制（自 ", *s.valid_from, " 起施行的版本"});
        switch (s.chosen_by.value_or(chosen_by::now)) {
            case chosen_by::trigger_day:
                append(o, {"，依", event_words(s.event, language::zh), "之日 ", *s.on, " 确定）"});
                break;
            case chosen_by::act_day: append(o, {"，依行为之日 ", *s.on, " 确定）"}); break;
            default: o += "；未给出事件或行为：适用现行版本）";
        }
        return;
    }
    append(o, {"适用自 ", *s.valid_from, " 起施行的版本"});
    if (s.valid_until) append(o, {"（施行至 ", *s.valid_until, " 前）"});
    switch (s.chosen_by.value_or(chosen_by::trigger_day)) {
        case chosen_by::application_day:
            append(o, {"，依申请之日 ", *s.on, " 确定：各版本适用于其施行期间提出的申请"});
            break;
        case chosen_by::transition: append(o, {"，起算日 ", *s.on, " 在其施行之前：见新旧衔接"}); break;
        default: append(o, {"，依起算日 ", *s.on, " 确定"});
    }
    if (s.reason == trace_reason::untimed_claim) {
        o += "：下列请求不受任何期间限制：";
        for (std::size_t n = 0; n < s.items.size(); ++n) append(o, {n ? "、" : "", s.items[n].name, "=", s.items[n].value});
        return;
    }
    bool first = true;
    for (const auto& i : s.items) {
        if (i.length) continue;
        append(o, {first ? "；未给出的事实 " : "、", i.name, "=", i.value});
        first = false;
    }
    if (!first) o += " 不受期间限制";
    first = true;
    for (const auto& i : s.items) {
        if (!i.length) continue;
        append(o, {first ? "；未给出的事实 " : "、", i.name, "=", i.value, "（", to_string_zh(*i.length), "）"});
        first = false;
    }
    if (!first) o += "：未给出这些事实，适用通常的期间";
}

// A component counted in another forum: where its last moment falls in this forum.
void other_forum_to(std::string& o, const trace_step& s, language l) {
    if (l == language::zh) {
        append(o, {s.event, " 按 ", s.other_zone, " 计算：其最后一日 ", *s.on, " 于当地 ", *s.from_time, " 截止，即 ",
                   s.zone, " 的 ", *s.to_time, "，为该地的法定日 ", *s.last_day});
        return;
    }
    append(o, {s.event, " is counted in ", s.other_zone, ": its last day ", *s.on, " ends at ", *s.from_time,
               " there = ", *s.to_time, " in ", s.zone, ", the legal day ", *s.last_day, " there"});
}

void anchor_to(std::string& o, const trace_step& s, language l) {
    if (s.reason == trace_reason::anchored_other_forum) return other_forum_to(o, s, l);
    if (l == language::zh) {
        append(o, {event_words(s.event, l), " ", s.written, " → 法定日 ", *s.on});
        if (s.reason == trace_reason::anchored) append(o, {"（", s.zone, "）"});
        else if (s.reason == trace_reason::anchored_forum_day)
            append(o, {"（以法院所在地 ", s.zone, " 的日期为准；事件发生地当日为 ", *s.other_day, "）"});
        else
            append(o, {"（以事件发生地的日期为准，解读 (event_zone=local)；在 ", s.zone, " 为 ", *s.other_day, "）"});
        return;
    }
    append(o, {s.event, " ", s.written, " -> legal day ", *s.on});
    if (s.reason == trace_reason::anchored) append(o, {" in ", s.zone});
    else if (s.reason == trace_reason::anchored_forum_day)
        append(o, {" in ", s.zone, " (the forum's day; it was ", *s.other_day, " where the act was done)"});
    else
        append(o, {" where the act was done (reading event_zone=local; in ", s.zone, " it was ", *s.other_day, ")"});
}

// transition: `valid_from` the earlier version, `last_day` its end, `other_day` the later version's first day.
void transition_to(std::string& o, const trace_step& s, language l) {
    const bool running = s.reason != trace_reason::ended_before;
    if (l == language::zh) {
        append(o, {"依自 ", *s.valid_from, " 起施行的版本，期间", running ? "至 " : "于 ", *s.last_day,
                   running ? " 届满" : " 已届满"});
        if (s.provisional) o += "（不计该版本未规定其效力的中止、中断等事由）";
        if (s.reason == trace_reason::taken_over)
            append(o, {"，至 ", *s.other_day, " 仍在进行：适用自 ", *s.other_day, " 起施行的版本，自原起算日计算"});
        else if (s.reason == trace_reason::kept_by_trigger)
            append(o, {"，至 ", *s.other_day, " 仍在进行；按解读 (transition=by_trigger)，适用起算日所确定的版本"});
        else
            append(o, {"，早于自 ", *s.other_day, " 起施行的版本：不受其影响"});
        return;
    }
    append(o, {"the period under the version from ", *s.valid_from, running ? " ran to " : " ended on ", *s.last_day});
    if (s.provisional) o += " (tolling for which that version cites no rule left out)";
    if (s.reason == trace_reason::taken_over)
        append(o, {", still running on ", *s.other_day, ": the version from ", *s.other_day,
                   " governs it, counted from the original start"});
    else if (s.reason == trace_reason::kept_by_trigger)
        append(o, {", still running on ", *s.other_day,
                   "; under the reading transition=by_trigger the version chosen by the trigger day governs it"});
    else
        append(o, {", before the version from ", *s.other_day, " came into force: it stays as it was"});
}

void count_to(std::string& o, const trace_step& s, language l) {
    const bool zh = l == language::zh;
    switch (s.reason) {
        case trace_reason::counted_back:
            if (zh) append(o, {"自 ", *s.from, " 回溯 ", to_string_zh(*s.length), " → ", *s.to, "（回溯期间的第一日；不因休息日顺延）"});
            else append(o, {"- ", to_string(*s.length), " back from ", *s.from, " -> ", *s.to,
                            " (a look-back: the window's first day; rest days do not move it)"});
            return;
        case trace_reason::counted_hours:
            if (zh) append(o, {"自下一个整点 ", *s.from_time, " 起算，+ ", to_string_zh(*s.length), " → ", *s.to_time});
            else append(o, {"counting from the next whole hour ", *s.from_time, ", + ", to_string(*s.length), " -> ", *s.to_time});
            return;
        case trace_reason::capped:
            if (zh) append(o, {"截至上限：", *s.from, " 晚于该版本允许的最晚届满日 ", *s.to});
            else append(o, {"capped: ", *s.from, " is after ", *s.to, ", the latest end the version allows"});
            return;
        default: break;
    }
    append(o, {"+ ", length_text(*s.length, l), zh ? " → " : " -> ", *s.to});
    const char* counted = zh ? "开始的当日计入" : "start day counted";
    if (s.reason == trace_reason::counted_corresponding)
        append(o, {zh ? "（对应日" : " (the corresponding day", s.start_counted ? (zh ? "；" : "; ") : "",
                   s.start_counted ? counted : "", zh ? "）" : ")"});
    else if (s.reason == trace_reason::counted_month_end) {
        if (zh) append(o, {"（最后一个月没有对应日：", month_end_zh(s.policy), " (", s.policy, ")，为 ", *s.other_day});
        else append(o, {" (no corresponding day in the final month: month-end policy ", s.policy, " gives ", *s.other_day});
        append(o, {s.start_counted ? (zh ? "；" : "; ") : "", s.start_counted ? counted : "", zh ? "）" : ")"});
    } else if (s.start_counted)
        append(o, {zh ? "（" : " (", counted, zh ? "）" : ")"});
}

void roll_to(std::string& o, const trace_step& s, language l) {
    if (l == language::zh) {
        if (s.reason == trace_reason::working_day) {
            append(o, {*s.from, " 为", day_kind_zh(s.day_kind)});
            if (!s.holiday.empty()) append(o, {"（", s.holiday, "）"});
            o += "，不顺延";
        } else {
            append(o, {*s.from, " 为休息日（", day_kind_zh(s.day_kind)});
            if (!s.holiday.empty()) append(o, {"，", s.holiday});
            // A projected day has no notice yet: the holiday law's rule placed it (PROJECTION.md).
            if (s.notice == projection_notice) o += "，依节假日规定推算";
            else if (!s.notice.empty()) append(o, {"，依通知 ", s.notice});
            append(o, {"）：", *s.days < 0 ? "提前 " : "顺延 ", std::abs(*s.days), " 日至 ", *s.to});
        }
        if (s.provisional) o += "［临时：超出日历数据］";
        if (s.projected) o += "［依日历规则推算：临时休息日无法预见］";
        if (!s.holiday_citation.empty()) append(o, {"；该假日的依据：", s.holiday_citation});
        return;
    }
    if (s.reason == trace_reason::working_day) {
        append(o, {*s.from, " is a working day: no change"});
    } else {
        const std::int32_t n = std::abs(*s.days);
        const std::string& name = s.holiday_en.empty() ? s.holiday : s.holiday_en;
        append(o, {*s.from, " is a rest day (", s.day_kind, name.empty() ? "" : ", ", name, "): moved ", n,
                   n == 1 ? " day to " : " days to ", *s.to});
    }
    if (s.provisional) o += " [provisional: outside the calendar's data]";
    if (s.projected) o += " [projected by the calendar's rules: one-off closures cannot be foreseen]";
    if (!s.holiday_citation.empty()) append(o, {"; the holiday's authority: ", s.holiday_citation});
}

void toll_zh(std::string& o, const trace_step& s) {
    const auto anew = [&] { append(o, {"：自 ", *s.from, " 起重新计算 → ", *s.last_day}); };
    switch (s.reason) {
        case trace_reason::toll_not_applied:
            append(o, {tolling_zh(s.event), " ", *s.on, "：不适用——", class_zh(s.policy), "不适用中止、中断"});
            return;
        case trace_reason::suspension_outside:
            append(o, {"中止事由 ", *s.from, " 至 ", *s.to, "：无效——不在期间的最后六个月内（", *s.other_day, " 至 ",
                       *s.last_day, "）"});
            return;
        case trace_reason::suspension_six_months:
            append(o, {"中止事由 ", *s.from, " 至 ", *s.to, " 发生在最后六个月内：自中止时效的原因消除之日起满六个月，期间届满 → ",
                       *s.last_day, "（解读 (suspension=civil_code)）"});
            return;
        case trace_reason::suspension_resumed:
            append(o, {"中止事由 ", *s.from, " 至 ", *s.to, "：期间自 ", *s.other_day, " 起停止计算 ", *s.days,
                       " 日，其后继续计算 → ", *s.last_day, "（解读 (suspension=resume)）"});
            return;
        case trace_reason::third_party_demand:
            append(o, {*s.on, " 向第三人提出请求：不中断（仅向义务人提出请求、提起诉讼或者申请仲裁、达成和解或者义务人同意履行的，时效中断）"});
            return;
        case trace_reason::toll_after_end:
            append(o, {tolling_zh(s.event), " ", *s.on, "：无效——期间已于 ", *s.last_day, " 届满"});
            return;
        case trace_reason::toll_before_start:
            append(o, {tolling_zh(s.event), " ", *s.on, "：无效——早于期间开始"});
            return;
        case trace_reason::interrupted: append(o, {*s.on, " 时效中断"}); return anew();
        case trace_reason::agreed_to_perform: append(o, {"义务人于 ", *s.on, " 同意履行，时效中断"}); return anew();
        case trace_reason::settlement: append(o, {*s.on, " 达成和解，时效中断"}); return anew();
        case trace_reason::settlement_performance_due:
            append(o, {*s.on, " 达成和解，时效中断；和解协议未履行，自其约定的履行期限最后一日起"});
            return anew();
        case trace_reason::settlement_own_day:
            append(o, {*s.on, " 达成和解，时效中断（当时施行的规定自和解之日起重新计算，而非自履行期限最后一日 ", *s.other_day, " 起）"});
            return anew();
        case trace_reason::waived:
            append(o, {"义务人于 ", *s.on, " 同意履行，期间已于 ", *s.last_day, " 届满：不得再以时效期间届满为由抗辩"});
            return;
        default:
            append(o, {"义务人于 ", *s.on, " 期间届满后同意履行：对届满效果为“", expiry_zh(s.status), "”的期间没有影响"});
    }
}

void toll_en(std::string& o, const trace_step& s) {
    const auto anew = [&] { append(o, {": the period runs anew from ", *s.from, " -> ", *s.last_day}); };
    switch (s.reason) {
        case trace_reason::toll_not_applied:
            append(o, {s.event, " on ", *s.on, ": not applied — ", s.policy, " periods are not suspended or interrupted"});
            return;
        case trace_reason::suspension_outside:
            append(o, {"suspension ", *s.from, " to ", *s.to, ": no effect — not within the last six months (",
                       *s.other_day, " to ", *s.last_day, ")"});
            return;
        case trace_reason::suspension_six_months:
            append(o, {"suspension ", *s.from, " to ", *s.to,
                       " in the last six months: the period ends six months after the obstacle ends -> ", *s.last_day,
                       " (reading suspension=civil_code; the period does not run anew)"});
            return;
        case trace_reason::suspension_resumed:
            append(o, {"suspension ", *s.from, " to ", *s.to, ": the period stood still from ", *s.other_day, " for ",
                       *s.days, " days and resumed -> ", *s.last_day, " (reading suspension=resume)"});
            return;
        case trace_reason::third_party_demand:
            append(o, {"demand of ", *s.on, " to a third party: no interruption (only a demand to the debtor, an "
                                            "application, a settlement or the debtor agreeing to perform interrupts)"});
            return;
        case trace_reason::toll_after_end:
            append(o, {s.event, " on ", *s.on, ": no effect — the period had ended on ", *s.last_day});
            return;
        case trace_reason::toll_before_start:
            append(o, {s.event, " on ", *s.on, ": no effect — before the period began"});
            return;
        case trace_reason::interrupted: append(o, {"interrupted on ", *s.on}); return anew();
        case trace_reason::agreed_to_perform: append(o, {"the debtor agreed to perform on ", *s.on}); return anew();
        case trace_reason::settlement: append(o, {"settlement on ", *s.on, " interrupts"}); return anew();
        case trace_reason::settlement_performance_due:
            append(o, {"settlement on ", *s.on, " interrupts; not performed, the period runs anew from its last day of "
                                               "performance ", *s.from});
            return anew();
        case trace_reason::settlement_own_day:
            append(o, {"settlement on ", *s.on, " interrupts (the text then in force restarts the period from the "
                                               "settlement itself, not from its last day of performance ",
                       *s.other_day, ")"});
            return anew();
        case trace_reason::waived:
            append(o, {"the debtor agreed to perform on ", *s.on, ", after the period ended on ", *s.last_day,
                       ": the time-bar defence is waived"});
            return;
        default:
            append(o, {"the debtor agreed to perform on ", *s.on, " after expiry: no effect on a period whose expiry is '",
                       s.status, "'"});
    }
}

// compose, instalments, project: the lists.
void lists_to(std::string& o, const trace_step& s, language l) {
    const bool zh = l == language::zh;
    if (s.reason == trace_reason::reading_applied) {
        const bool by_default = s.policy == "default";
        append(o, {zh ? "解读 " : "reading ", s.event, "=", s.written,
                   zh ? (by_default ? "（默认）" : "（按请求）") : (by_default ? " (the default)" : " (given)")});
        for (const auto& i : s.items)
            append(o, {zh ? "；" : "; ", i.name, zh ? " 不适用（适用于该解读的其他取值）" : " not applied (it applies under another value)"});
        return;
    }
    if (s.kind == trace_kind::compose) {
        if (zh) append(o, {combinator_words(s.policy, l), " (", s.policy, ")："});
        else append(o, {s.policy, ":"});
        for (const auto& i : s.items) {
            if (zh) {
                if (&i != &s.items.front()) o += "；";  // between the components
                append(o, {i.name, "（", event_words(i.value, l), " ", *i.start, "）"});
                if (i.flag) append(o, {"晚于 ", *i.last_day, " 届满，超出日历数据"});
                else append(o, {"届满于 ", *i.last_day});
            } else {
                append(o, {" ", i.name, " (", i.value, " ", *i.start, ") ends "});
                if (i.flag) append(o, {"after ", *i.last_day, ", beyond the calendar's data"});
                else append(o, {*i.last_day});
                o += ";";
            }
        }
        append(o, {zh ? " → " : " -> ", *s.last_day, zh ? "（" : " (", s.event, zh ? "）" : ")"});
    } else if (s.kind == trace_kind::instalments) {
        o += zh ? "各期分别适用其到期日施行的版本：" : "each counted under the version in force on its own due day:";
        for (const auto& i : s.items) {
            if (zh && &i != &s.items.front()) o += "；";  // between the instalments
            append(o, {zh ? "到期 " : " due ", *i.start});
            if (zh) o += i.flag ? "（单独计算）→ " : "（自最后一期起算）→ ";
            else o += i.flag ? " (own period) -> " : " (from the last) -> ";
            if (i.last_day) append(o, {*i.last_day});
            else o += zh ? "不受期间限制" : "no time limit";
            if (!i.value.empty()) append(o, {" ", status_words(i.value, l)});
            if (!zh) o += ";";
        }
    } else if (zh) {
        append(o, {*s.other_day, " 之后的日历依节假日规定推算（尚未公布通知）：届满日最早为 ", *s.from, "，最晚为 ", *s.to,
                   "；最可能为 ", *s.last_day});
    } else {
        append(o, {"the calendar past ", *s.other_day,
                   " is projected from the holiday law (no notice published yet): the last day is ", *s.from,
                   " at the earliest and ", *s.to, " at the latest; best estimate ", *s.last_day});
    }
}

void judge_to(std::string& o, const trace_step& s, language l) {
    if (l == language::zh) {
        append(o, {"行为于 ", *s.on, "："});
        switch (s.reason) {
            case trace_reason::late: append(o, {"逾期 ", *s.days, " 日"}); break;
            case trace_reason::late_court: append(o, {"超过期限 ", *s.days, " 日；这是法律给法院的期间，行为仍然有效"}); break;
            case trace_reason::late_defence:
                append(o, {"逾期 ", *s.days, " 日；时效届满是义务人可以提出的抗辩，人民法院仍应受理"});
                break;
            case trace_reason::late_waived:
                append(o, {"逾期 ", *s.days, " 日；义务人已于届满后同意履行，不得再提出时效抗辩"});
                break;
            case trace_reason::premature: append(o, {"期间未满，自 ", *s.from, " 起方可为之"}); break;
            case trace_reason::permitted: o += "期间已满，准许为之"; break;
            case trace_reason::no_time_limit: o += "未逾期（不受期间限制）"; break;
            default: o += status_words(s.status, l);
        }
        return;
    }
    append(o, {"act on ", *s.on, ": ", s.status});
    switch (s.reason) {
        case trace_reason::late: append(o, {" by ", *s.days, " days"}); break;
        case trace_reason::late_court: append(o, {" by ", *s.days, " days; a time the law gives the court: the act stays valid"}); break;
        case trace_reason::late_defence:
            append(o, {" by ", *s.days, " days; expiry is a defence the debtor may raise, not a bar to filing"});
            break;
        case trace_reason::late_waived:
            append(o, {" by ", *s.days, " days; the defence was waived (the debtor agreed to perform after expiry)"});
            break;
        case trace_reason::premature: append(o, {": the act is allowed only from ", *s.from}); break;
        case trace_reason::permitted: o += ": the period has run, the act is allowed"; break;
        case trace_reason::no_time_limit: o += " (no time limit applies)"; break;
        default: break;
    }
}

}  // namespace

void describe_to(std::string& o, const trace_step& s, language l) {
    const bool zh = l == language::zh;
    switch (s.kind) {
        case trace_kind::select: return zh ? select_zh(o, s) : select_en(o, s);
        case trace_kind::anchor: return anchor_to(o, s, l);
        case trace_kind::transition: return transition_to(o, s, l);
        case trace_kind::start:
            if (s.reason == trace_reason::start_excluded)
                append(o, {*s.from, zh ? " 当日不计入，自 " : " is not counted; counting begins ", *s.to, zh ? " 起算" : ""});
            else append(o, {*s.from, zh ? " 当日计入，为第一日" : " is counted as the first day"});
            return;
        case trace_kind::count: return count_to(o, s, l);
        case trace_kind::toll: return zh ? toll_zh(o, s) : toll_en(o, s);
        case trace_kind::roll: return roll_to(o, s, l);
        case trace_kind::close:
            if (zh) append(o, {"期间最后一日 ", *s.on, " 的 ", day_end_text(*s.day_ends), " 截止（即 ", *s.to_time, " 前，不含该时刻）"});
            else append(o, {"ends at ", day_end_text(*s.day_ends), " on ", *s.on, " (exclusive bound ", *s.to_time, ")"});
            return;
        case trace_kind::compose:
        case trace_kind::instalments:
        case trace_kind::project: return lists_to(o, s, l);
        case trace_kind::judge: return judge_to(o, s, l);
    }
}

std::string describe(const trace_step& s, language l) {
    std::string out;
    describe_to(out, s, l);
    return out;
}

}  // namespace qixian
