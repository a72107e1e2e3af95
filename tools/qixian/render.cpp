#include "render.hpp"
#include "json_writer.hpp"
#include "projection_render.hpp"
#include "qixian/messages.hpp"
#include "qixian/tz.hpp"

#include <algorithm>
#include <sstream>

namespace qixian::cli {

namespace {

struct labels {
    const char* version;
    const char* in_force_from;
    const char* start;
    const char* not_counted;
    const char* count;
    const char* roll;
    const char* last_day;
    const char* ends;
    const char* expiry;
    const char* data;
    const char* provisional;
    const char* calendar;
    const char* alternative;
    const char* status;
    const char* note;
};

constexpr labels en{"version", "in force from", "start", "start day not counted", "count", "roll", "last day",
                    "ends", "expiry", "data", "PROVISIONAL", "calendar", "reading", "act", "note"};
constexpr labels zh{"版本", "施行", "起算", "开始的当日不计入", "计算", "顺延", "届满日", "截止", "届满效果", "数据",
                    "临时结果", "日历", "不同解读", "行为", "说明"};

std::string expiry_text(expiry_kind e, lang l) {
    if (l == lang::zh) {
        switch (e) {
            case expiry_kind::bar: return "期间届满即不得为之";
            case expiry_kind::defence: return "届满后对方可提出时效抗辩；不妨碍申请";
            case expiry_kind::extinguished: return "除斥期间：届满权利消灭，不适用中止、中断和延长";
            case expiry_kind::none: return "无：法律给法院的期间，逾期作出的行为仍然有效";
        }
    }
    switch (e) {
        case expiry_kind::bar: return "a bar: the act is out of time after the end";
        case expiry_kind::defence: return "a defence the debtor may raise; not a bar to filing";
        case expiry_kind::extinguished: return "the right is extinguished (no suspension, interruption or extension)";
        case expiry_kind::none: return "none: a time the law gives the court; an act after it stays valid";
    }
    return "";
}

// What expiry means, said for the kind of period: only a party's period closes an act.
std::string expiry_text(const deadline& d, lang l) {
    if (d.expiry != expiry_kind::none) return expiry_text(d.expiry, l);
    const bool in_zh = l == lang::zh;
    if (d.backwards) return in_zh ? "无：回溯的期间，不是为某行为的期限" : "none: a window looked back on, not a time to act";
    switch (d.kind) {
        case period_kind::waiting:
            return in_zh ? "无：期间届满后方可为之，届满不使任何权利消灭" : "none: the end opens the act; it closes nothing";
        case period_kind::deemed:
            return in_zh ? "无：届满之日视为送达" : "none: the end is the day the event is deemed to happen";
        case period_kind::court:
        case period_kind::party: break;
    }
    return expiry_text(d.expiry, l);
}

// What the period is, where it is not a party's last chance to act (period_kind).
std::string kind_text(const deadline& d, lang l) {
    const bool in_zh = l == lang::zh;
    if (d.backwards)
        return in_zh ? "回溯期间：届满日为所涵盖期间的第一日（不顺延）"
                  : "a look-back: the last day is the first day the window covers (never rolled)";
    switch (d.kind) {
        case period_kind::court: return in_zh ? "法院的期间" : "a time the law gives the court";
        case period_kind::waiting:
            return in_zh ? "等待期间：期间届满后方可为之，自 " + d.permitted_from.value_or(d.last_day).to_string() + " 起准许"
                      : "a waiting period: the act is allowed only after it, from " +
                            d.permitted_from.value_or(d.last_day).to_string();
        case period_kind::deemed:
            return in_zh ? "视为送达之日：" + d.deemed_on.value_or(d.last_day).to_string()
                      : "the event is deemed to happen on " + d.deemed_on.value_or(d.last_day).to_string();
        case period_kind::party: break;
    }
    return "";
}

}  // namespace

std::string citations_text(const citation_list& cs, lang l) {
    std::string out;
    for (const auto& c : cs) {
        if (!out.empty()) out += l == lang::zh ? "；" : "; ";
        if (l == lang::zh) {
            const bool numbered = !c.article.empty() && c.article[0] >= '0' && c.article[0] <= '9';
            // A foreign instrument (its name has no Chinese character: a forum's statute, a
            // decided case) keeps its own title, quoted as written: 「Limitation Act 1980」第24条.
            const bool foreign = std::none_of(c.instrument.begin(), c.instrument.end(), [](char ch) {
                const auto b = static_cast<unsigned char>(ch);
                return b >= 0xE3 && b <= 0xE9;  // the lead byte of a CJK character (U+3000..U+9FFF)
            });
            if (foreign && !numbered) {
                out += "「" + c.instrument + (c.article.empty() ? "" : ", " + c.article) + "」";
                continue;
            }
            const std::string name = foreign ? "「" + c.instrument + "」" : c.instrument;
            out += numbered ? name + "第" + c.article + "条" : name + c.article;
            if (!c.paragraph.empty()) out += "第" + c.paragraph + "款";
        } else {
            out += to_string(c);
        }
    }
    return out;
}

std::string_view weekday_text(civil_date d, lang l) {
    static constexpr std::string_view zh_days[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    return l == lang::zh ? zh_days[d.iso_weekday() - 1] : d.weekday_name();
}

std::string event_text(std::string_view kind, lang l) { return event_words(kind, language_of(l)); }

std::string reading_text(std::string_view reading, lang l) {
    if (l != lang::zh) return std::string(reading);
    static constexpr std::pair<std::string_view, std::string_view> names[] = {
        {"adjusted_weekend=weekday", "调休上班的周六、周日仍作休息日"},
        {"adjusted_weekend=schedule", "以国务院放假安排为准（调休上班日为工作日）"},
        {"event_zone=local", "以行为地的日期为准"},
        {"event_zone=forum", "以法院所在地的日期为准"},
        {"suspension=resume", "中止事由消除后，剩余期间继续计算"},
        {"suspension=civil_code", "自中止时效的原因消除之日起满六个月届满"},
        {"instalments=each", "各期分别计算"},
        {"instalments=last", "自最后一期履行期间届满之日起计算"},
        {"transition=by_trigger", "适用起算时施行的规定"},
        {"transition=takes_over", "尚未届满的期间适用新规定"},
        {"version_by=trigger", "适用起算时施行的版本"},
        {"version_by=application", "适用申请时施行的版本"},
        {"foreign_effect=judgment", "中国判决在申请执行期间届满后仍然有效"},
        {"foreign_effect=enforcement_period", "中国判决的效力以其申请执行期间为限"}};
    for (const auto& [k, word] : names)
        if (k == reading) return std::string(word) + " (" + std::string(reading) + ")";
    return std::string(reading);
}

namespace {

// The first step of `kind`, in words.
std::string find_step(const deadline& d, trace_kind kind, lang l) {
    for (const auto& t : d.trace)
        if (t.kind == kind) return describe(t, language_of(l));
    return "";
}

// The data used: rule pack, calendar (its data and digest), tz database, engine.
void data_line(std::ostream& o, const deadline& d, lang l) {
    const provenance& s = d.source;
    if (l == lang::zh)
        o << "  数据      规则包 " << s.rule_pack_digest << "，日历 " << s.calendar << "（数据 " << s.calendar_first
          << ".." << s.calendar_last << "，" << s.calendar_digest << "），时区数据库 tzdata " << s.tz_database_version
          << "，qixian " << s.engine_version << "\n";
    else
        o << "  data      rule pack " << s.rule_pack_digest << ", calendar " << s.calendar << " (data "
          << s.calendar_first << ".." << s.calendar_last << ", " << s.calendar_digest << "), tzdata "
          << s.tz_database_version << ", qixian " << s.engine_version << "\n";
}

// A step's kind as a label: its name (en), or the stage in Chinese (zh).
std::string_view step_label(trace_kind k, lang l) {
    if (l != lang::zh) return to_string(k);
    static constexpr std::string_view zh_steps[] = {"选择版本", "确定法定日", "新旧衔接", "起算",     "计算",     "中止、中断",
                                                    "顺延",     "截止",       "组合",     "分期履行", "推算日历", "判断"};
    return zh_steps[static_cast<int>(k)];
}

}  // namespace

std::string render_text(const deadline& d, lang l, bool full) {
    const labels& L = l == lang::zh ? zh : en;
    std::ostringstream o;
    // The notes, the steps (explain) and the data used: the end of every answer.
    const auto close = [&] {
        for (const auto& n : d.notes) o << "  " << L.note << "      " << (l == lang::zh ? note_zh(n) : n) << "\n";
        if (full) {
            o << (l == lang::zh ? "  计算过程\n" : "  trace\n");
            for (const auto& t : d.trace) {
                o << "    " << step_label(t.kind, l) << (l == lang::zh ? "：" : ": ") << describe(t, language_of(l)) << "\n";
                if (!t.citations.empty()) o << "      ⟶ " << citations_text(t.citations, l) << "\n";
            }
        }
        data_line(o, d, l);
        return o.str();
    };
    const std::string no_limit = l == lang::zh ? "不受期间限制" : "no time limit";
    // A status in the reader's language (JSON keeps the INTERFACES.md words).
    const auto status_text = [&](const std::string& st) -> std::string {
        if (st == "undetermined") return undetermined_text(d, l);
        return std::string(status_words(st, language_of(l)));
    };
    // Each instalment's own period, and the other readings of the law with their answers.
    const auto instalments_and_readings = [&] {
        for (const auto& i : d.instalments) {
            o << "  " << (l == lang::zh ? "分期" : "instalment") << (l == lang::zh ? "  到期 " : "  due ") << i.due
              << " → ";
            if (i.time_limited) o << (l == lang::zh ? "届满日 " : "last day ") << i.last_day;
            else o << no_limit;
            o << (i.status ? " (" + status_text(*i.status) + ")" : std::string()) << "\n";
        }
        for (const auto& a : d.alternatives) {
            o << "  " << L.alternative << "   " << reading_text(a.reading, l) << " → ";
            if (a.time_limited) o << a.last_day << " (" << weekday_text(a.last_day, l) << ")";
            else o << no_limit;
            if (a.expiry) {
                static constexpr std::string_view zh_expiry[] = {"期间届满即不得为之", "可作时效抗辩", "权利消灭", "无"};
                o << (l == lang::zh ? "，届满效果 " : ", expiry ")
                  << (l == lang::zh ? zh_expiry[static_cast<int>(*a.expiry)] : to_string(*a.expiry));
            }
            if (a.status) o << (l == lang::zh && a.expiry ? "，" : " ") << status_text(*a.status);
            o << "\n";
        }
    };
    if (!d.time_limited) {
        o << d.rule << " — " << d.name_zh << (l == lang::en ? " / " + d.name_en : std::string()) << "\n";
        o << "  " << L.version << "   " << L.in_force_from << " " << d.version << " · " << citations_text(d.citations, l) << "\n";
        o << "  " << (l == lang::zh ? "不受任何期间限制，没有最后一日" : "not subject to any time limit: there is no last day")
          << "\n";
        instalments_and_readings();
        if (d.status) o << "  " << L.status << "       " << status_text(*d.status) << "\n";
        return close();
    }
    const std::string len = l == lang::zh ? to_string_zh(d.length) : to_string(d.length);
    o << d.rule << " — " << d.name_zh << (l == lang::en ? " / " + d.name_en : std::string()) << " (" << len << ")\n";
    o << "  " << L.version << "   " << L.in_force_from << " " << d.version << " · " << citations_text(d.citations, l)
      << "\n";
    if (d.combine != combinator::none) {
        const bool zh = l == lang::zh;
        o << "  " << (zh ? "组合" : "combine") << "   " << qixian::combinator_words(to_string(d.combine), language_of(l))
          << (zh ? "：" : ": ");
        for (const auto& c : d.components)
            o << (&c == &d.components.front() ? "" : zh ? "；" : "; ") << c.rule << " → " << c.last_day;
        o << "\n";
    }
    const std::string& from = d.start_from.empty() ? d.trigger : d.start_from;
    const char* not_counted = d.length.is_hours_only()
                                  ? (l == lang::zh ? "开始的小时不计入，自下一个整点起算" : "the starting hour not counted; counted from the next whole hour")
                                  : L.not_counted;
    if (from == d.trigger)
        o << "  " << L.start << "     " << d.start << " (" << event_text(from, l) << (l == lang::zh ? "；" : "; ")
          << not_counted << ")\n";
    else if (from == "suspension")  // Art. 194: the period ends six months after the obstacle; it does not restart
        o << "  " << L.start << "     " << d.start
          << (l == lang::zh ? " (中止事由消除之日；自该日起满六个月期间届满，不是重新计算；"
                            : " (suspension: the obstacle ended; the period ends six months later, it does not run anew; ")
          << not_counted << ")\n";
    else if (l == lang::zh)
        o << "  " << L.start << "     " << d.start << " (" << (from == "settlement" ? "和解协议未履行" : "中断")
          << "后重新计算；" << not_counted << ")\n";
    else
        o << "  " << L.start << "     " << d.start << " (" << from << ", anew; " << not_counted << ")\n";
    if (auto c = find_step(d, trace_kind::count, l); !c.empty()) o << "  " << L.count << "     " << c << "\n";
    if (auto r = find_step(d, trace_kind::roll, l); !r.empty()) o << "  " << L.roll << "      " << r << "\n";
    o << "  " << L.last_day << "  " << d.last_day << " (" << weekday_text(d.last_day, l) << ") — " << L.ends << " "
      << d.ends_at_forum << " " << d.forum_zone << "\n";
    o << "                = " << d.ends_at_utc << "\n";
    if (!d.ends_at_local.empty())
        o << "                = " << d.ends_at_local << (d.ends_at_local_abbrev.empty() ? "" : " " + d.ends_at_local_abbrev)
          << "\n";
    if (auto k = kind_text(d, l); !k.empty()) o << "  " << (l == lang::zh ? "性质" : "kind") << "      " << k << "\n";
    if (d.produces)
        o << "  " << (l == lang::zh ? "产生" : "produces") << "  " << event_text(*d.produces, l)
          << (l == lang::zh ? "，于 " : " on ") << *d.produces_on << "\n";
    instalments_and_readings();
    if (d.waived)
        o << "  " << (l == lang::zh ? "放弃抗辩" : "waived") << "    "
          << (l == lang::zh ? "债务人在期间届满后同意履行，不得再以期间届满抗辩"
                            : "the debtor agreed to perform after expiry: the time-bar defence is lost")
          << "\n";
    if (d.extendable_by_court)
        o << "  " << (l == lang::zh ? "延长" : "extension") << "   "
          << (l == lang::zh ? "人民法院可以根据权利人的申请决定延长" : "a court may extend this period") << "\n";
    if (d.status) {
        o << "  " << L.status << "       " << status_text(*d.status);
        const bool over = d.kind == period_kind::court;
        if (d.days_late)
            o << " (" << *d.days_late
              << (l == lang::zh ? " 日)" : *d.days_late == 1 ? (over ? " day over)" : " day late)")
                                                            : (over ? " days over)" : " days late)"));
        o << "\n";
    }
    o << "  " << L.expiry << "    " << expiry_text(d, l) << "\n";
    if (d.provisional)
        o << "  " << L.provisional << "  "
          << provisional_text(d, l) << "\n";
    if (auto c = confidence_text(d, l); !c.empty()) o << "  " << L.calendar << "  " << c << "\n";
    return close();
}

std::string citation_id(const citation& c) {
    std::uint64_t h = 14695981039346656037u;  // FNV-1a, 64 bits
    const auto mix = [&h](std::string_view s) {
        for (const unsigned char b : s) h = (h ^ b) * 1099511628211u;
        h = (h ^ 0x1fu) * 1099511628211u;  // a separator, so that fields cannot run together
    };
    mix(c.instrument);
    mix(c.article);
    mix(c.paragraph);
    static constexpr char hex[] = "0123456789abcdef";
    std::string id = "cite:";
    for (int shift = 44; shift >= 0; shift -= 4) id += hex[(h >> shift) & 15];
    return id;
}

citation_json_cache::entry& citation_json_cache::find(const citation_list& cs) {
    if (auto it = entries_.find(cs.begin()); it != entries_.end()) return it->second;
    if (entries_.size() >= limit) entries_.clear();
    entry e{cs, {}, {}};
    if (style_ == citation_style::ids) {
        {
            json_writer w(e.objects);
            w.begin_array();
            for (const auto& c : cs) w.value(citation_id(c));
            w.end_array();
        }
        e.texts = e.objects;
        return entries_.emplace(cs.begin(), std::move(e)).first->second;
    }
    {
        json_writer w(e.objects);
        w.begin_array();
        for (const auto& c : cs) {
            w.begin_object().field("instrument", c.instrument).field("article", c.article);
            if (!c.paragraph.empty()) w.field("paragraph", c.paragraph);
            w.end_object();
        }
        w.end_array();
    }
    {
        json_writer w(e.texts);
        w.begin_array();
        for (const auto& c : cs) w.value_concat(text_parts(c));  // to_string(c), without building it
        w.end_array();
    }
    return entries_.emplace(cs.begin(), std::move(e)).first->second;
}

std::string_view citation_json_cache::objects(const citation_list& cs) { return find(cs).objects; }
std::string_view citation_json_cache::texts(const citation_list& cs) { return find(cs).texts; }

namespace {
// Each instalment's own period (none where a version does not limit the claim).
void write_instalments(json_writer& w, const deadline& d) {
    if (d.instalments.empty()) return;
    w.key("instalments").begin_array();
    for (const auto& i : d.instalments) {
        w.begin_object().field("due", i.due);
        if (i.time_limited) w.field("last_day", i.last_day);
        else w.field("time_limited", false);
        if (i.status) w.field("status", *i.status);
        w.end_object();
    }
    w.end_array();
}
// Every reading of the law that changes the answer: its last day (or no time limit), and
// what expiry means where that changes.
void write_alternatives(json_writer& w, const deadline& d) {
    w.key("alternatives").begin_array();
    for (const auto& a : d.alternatives) {
        w.begin_object().field("reading", a.reading);
        if (a.time_limited) w.field("last_day", a.last_day);
        else w.field("time_limited", false);
        if (a.expiry) w.field("expiry", to_string(*a.expiry));
        if (a.status) w.field("status", *a.status);
        w.end_object();
    }
    w.end_array();
}
// One buffer per thread for a step's words: a batch describes millions of steps.
std::string& trace_words() {
    thread_local std::string words;
    return words;
}

// A step's typed fields after step, detail and citations (docs/TRACE.md): only those set.
// Keys are literals and enum spellings need no escape: neither is looked through.
void write_step_fields(json_writer& w, const trace_step& t) {
    w.key("code").plain(to_string(t.reason));
    const auto day = [&w]<std::size_t N>(const char (&k)[N], const std::optional<civil_date>& d) {
        if (d) w.key(k).value(*d);
    };
    const auto text = [&w]<std::size_t N>(const char (&k)[N], std::string_view v) {
        if (!v.empty()) w.key(k).value(v);
    };
    day("on", t.on);
    day("from", t.from);
    day("to", t.to);
    day("other_day", t.other_day);
    day("last_day", t.last_day);
    day("valid_from", t.valid_from);
    day("valid_until", t.valid_until);
    if (t.from_time) w.key("from_time").value(*t.from_time);
    if (t.to_time) w.key("to_time").value(*t.to_time);
    if (t.length) w.field("length", std::string_view(to_string(*t.length)));
    if (t.days) w.field("days", static_cast<std::int64_t>(*t.days));
    text("event", t.event);
    text("written", t.written);
    text("zone", t.zone);
    text("other_zone", t.other_zone);
    text("holiday", t.holiday);
    text("holiday_en", t.holiday_en);
    text("notice", t.notice);
    text("holiday_rule", t.holiday_rule);
    text("holiday_citation", t.holiday_citation);
    text("day_kind", t.day_kind);
    text("policy", t.policy);
    text("status", t.status);
    if (t.chosen_by) w.key("chosen_by").plain(to_string(*t.chosen_by));
    if (t.day_ends) {  // "24:00" or the close of business, "HH:MM"
        const std::int32_t m = *t.day_ends >= 1440 ? 1440 : *t.day_ends;
        const char hhmm[] = {static_cast<char>('0' + m / 600), static_cast<char>('0' + m / 60 % 10), ':',
                             static_cast<char>('0' + m % 60 / 10), static_cast<char>('0' + m % 10)};
        w.key("day_ends").value(std::string_view(hhmm, sizeof hhmm));
    }
    if (t.start_counted) w.field("start_counted", true);
    if (t.provisional) w.field("provisional", true);
    if (t.projected) w.field("projected", true);
    if (t.items.empty()) return;
    w.key("items").begin_array();
    for (const auto& i : t.items) {
        w.begin_object();
        text("name", i.name);
        text("value", i.value);
        if (i.length) w.field("length", std::string_view(to_string(*i.length)));
        day("start", i.start);
        day("last_day", i.last_day);
        if (i.flag) w.field("flag", true);
        w.end_object();
    }
    w.end_array();
}

// The end of every answer: notes, the trace (with its citations) and the provenance.
void write_tail(json_writer& w, const deadline& d, bool trace, citation_json_cache& cache, language words) {
    if (!d.notes.empty()) {
        w.key("notes").begin_array();
        for (const auto& n : d.notes) {
            if (words == language::zh) w.value(note_zh(n));
            else w.value(n);
        }
        w.end_array();
    }
    if (trace) {
        w.key("trace").begin_array();
        std::string& text = trace_words();
        for (const auto& t : d.trace) {
            text.clear();
            describe_to(text, t, words);
            w.begin_object().key("step").plain(to_string(t.kind)).field("detail", std::string_view(text));
            w.key("citations").raw(cache.texts(t.citations));
            write_step_fields(w, t);
            w.end_object();
        }
        w.end_array();
    }
    w.key("provenance")
        .begin_object()
        .field("engine_version", d.source.engine_version)
        .field("rule_pack_digest", d.source.rule_pack_digest)
        .field("calendar", d.source.calendar)
        .field("calendar_digest", d.source.calendar_digest)
        .key("calendar_coverage");
    char first[civil_date::text_size], last[civil_date::text_size];
    const std::string_view coverage[] = {std::string_view(first, d.source.calendar_first.to_chars(first)), "..",
                                         std::string_view(last, d.source.calendar_last.to_chars(last))};
    w.value_concat(coverage);
    w.field("tz_database_version", d.source.tz_database_version).end_object();
}

}  // namespace

void write_fields(json_writer& w, const deadline& d, bool trace, citation_json_cache& cache, language words) {
    w.field("ok", true).field("rule", d.rule).field("name_zh", d.name_zh).field("name_en", d.name_en);
    if (!d.time_limited) {
        w.field("version", d.version).field("time_limited", false).field("period_kind", to_string(d.kind));
        w.key("citations").raw(cache.objects(d.citations));
        if (!d.trigger.empty()) w.field("trigger", d.trigger);
        if (d.status) w.field("status", *d.status);  // with an act: timely, whenever it was done
        write_projection_fields(w, d);
        write_instalments(w, d);
        write_alternatives(w, d);
        write_tail(w, d, trace, cache, words);
        return;
    }
    w.field("version", d.version);
    w.key("citations").raw(cache.objects(d.citations));
    w.field("trigger", d.trigger).field("start", d.start)
        .field("start_from", d.start_from.empty() ? d.trigger : d.start_from)
        .field("period", to_string(d.length));
    w.field("raw_end", d.raw_end).field("last_day", d.last_day);
    w.field("ends_at", d.ends_at_forum).field("ends_at_utc", d.ends_at_utc);
    if (!d.ends_at_local.empty()) w.field("ends_at_local", d.ends_at_local);
    if (!d.ends_at_local_abbrev.empty()) w.field("ends_at_local_abbreviation", d.ends_at_local_abbrev);
    w.field("period_kind", to_string(d.kind));
    if (d.backwards) w.field("direction", "before");
    if (d.permitted_from) w.field("permitted_from", *d.permitted_from);
    if (d.deemed_on) w.field("deemed_on", *d.deemed_on);
    if (d.status) w.field("status", *d.status);
    if (d.days_late) w.field("days_late", static_cast<std::int64_t>(*d.days_late));
    w.field("expiry", to_string(d.expiry)).field("provisional", d.provisional);
    write_projection_fields(w, d);
    write_instalments(w, d);
    if (d.expiry == expiry_kind::defence) w.field("waived", d.waived);
    if (d.extendable_by_court) w.field("extendable_by_court", true);
    write_alternatives(w, d);
    if (d.combine != combinator::none) {
        w.field("combine", to_string(d.combine));
        w.key("components").begin_array();
        for (const auto& c : d.components)
            w.begin_object()
                .field("rule", c.rule)
                .field("trigger", c.trigger)
                .field("start", c.start)
                .field("last_day", c.last_day)
                .end_object();
        w.end_array();
    }
    if (d.produces)
        w.key("produces").begin_object().field("event", *d.produces).field("day", *d.produces_on).end_object();
    if (d.capped) w.field("capped", true);
    write_tail(w, d, trace, cache, words);
}

nlohmann::ordered_json to_json(const deadline& d) {
    std::string text;
    json_writer w(text);
    w.begin_object();
    citation_json_cache cache;
    write_fields(w, d, true, cache);
    w.end_object();
    return nlohmann::ordered_json::parse(w.finish());
}

namespace {

// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.
std::string ics_text(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '\\' || c == ';' || c == ',') out += '\\';
        if (c == '\n') { out += "\\n"; continue; }
        out += c;
    }
    return out;
}

// RFC 5545 3.1: lines of at most 75 octets, continued with CRLF and a space; a fold
// never splits a UTF-8 character.
void ics_line(std::string& out, const std::string& line) {
    std::size_t pos = 0, limit = 75;
    while (line.size() - pos > limit) {
        std::size_t cut = pos + limit;
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line, pos, cut - pos);
        out += "\r\n ";
        pos = cut;
        limit = 74;  // the leading space counts
    }
    out.append(line, pos, std::string::npos);
    out += "\r\n";
}

std::string ics_date(civil_date d) {
    std::string s = d.to_string();
    return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

std::string ics_utc(const std::string& rfc3339_utc) {  // 2025-06-30T16:00:00Z -> 20250630T160000Z
    std::string out;
    for (const char c : rfc3339_utc)
        if (c != '-' && c != ':') out += c;
    return out;
}

}  // namespace

namespace {
void ics_event(std::string& out, const deadline& d, instant stamp) {
    std::string description = d.rule + " — " + d.name_zh + " / " + d.name_en + " (" + to_string(d.length) + ")\n";
    description += "Last day " + d.last_day.to_string() + "; ends " + d.ends_at_forum + " " + d.forum_zone + " = " +
                   d.ends_at_utc;
    if (!d.ends_at_local.empty()) description += " = " + d.ends_at_local;
    description += "\nFrom " + (d.start_from.empty() ? d.trigger : d.start_from) + " " + d.start.to_string() +
                   " (start day not counted)\n";
    description += "Authority: " + citations_text(d.citations, lang::zh) + "\n";
    description += "Expiry: " + expiry_text(d, lang::en) + "\n";
    if (auto k = kind_text(d, lang::en); !k.empty()) description += "Kind: " + k + "\n";
    for (const auto& a : d.alternatives)
        description += "Reading " + a.reading + " gives " +
                       (a.time_limited ? a.last_day.to_string() : std::string("no time limit")) +
                       (a.expiry ? ", expiry " + std::string(to_string(*a.expiry)) : std::string()) + "\n";
    if (d.provisional) description += "PROVISIONAL: " + provisional_text(d, lang::en) + "\n";
    if (auto c = confidence_text(d, lang::en); !c.empty()) description += "Calendar: " + c + "\n";
    description += "Data: rule pack " + d.source.rule_pack_digest + ", calendar " + d.source.calendar + " " +
                   d.source.calendar_digest + ", tzdata " + d.source.tz_database_version + ", qixian " +
                   d.source.engine_version;

    ics_line(out, "BEGIN:VEVENT");
    ics_line(out, "UID:" + d.rule + "-" + d.start.to_string() + "-" + d.last_day.to_string() + "-" +
                      d.source.rule_pack_digest + "@qixian");
    ics_line(out, "DTSTAMP:" + ics_utc(tz::format_utc(stamp)));
    if (d.length.is_hours_only()) {
        // An hour period ends at an instant, not on a day: a timed event at the end (in UTC,
        // so every calendar shows it at the right hour in its own zone).
        ics_line(out, "DTSTART:" + ics_utc(d.ends_at_utc));
        ics_line(out, "DTEND:" + ics_utc(d.ends_at_utc));
    } else {
        // A provisional answer: the earliest possible last day is the event (the range is described).
        const civil_date event_day = d.last_day_range ? d.last_day_range->earliest : d.last_day;
        ics_line(out, "DTSTART;VALUE=DATE:" + ics_date(event_day));
        ics_line(out, "DTEND;VALUE=DATE:" + ics_date(add_calendar_days(event_day, 1)));
    }
    ics_line(out, "SUMMARY:" + ics_text((d.length.is_hours_only() ? "Ends: " : "Last day: ") + d.name_zh + " / " + d.name_en));
    ics_line(out, "DESCRIPTION:" + ics_text(description));
    ics_line(out, "X-QIXIAN-RULE:" + ics_text(d.rule));
    ics_line(out, "X-QIXIAN-ENDS-AT:" + ics_utc(d.ends_at_utc));
    ics_line(out, "TRANSP:TRANSPARENT");
    ics_line(out, "END:VEVENT");
}
}  // namespace

std::string render_ics(const std::vector<const deadline*>& ds, instant stamp) {
    std::string out;
    ics_line(out, "BEGIN:VCALENDAR");
    ics_line(out, "VERSION:2.0");
    ics_line(out, "PRODID:-//qixian//qixian " + std::string(engine_version()) + "//EN");
    ics_line(out, "CALSCALE:GREGORIAN");
    ics_line(out, "METHOD:PUBLISH");
    for (const deadline* d : ds) ics_event(out, *d, stamp);
    ics_line(out, "END:VCALENDAR");
    return out;
}

std::string render_ics(const deadline& d, instant stamp) { return render_ics(std::vector<const deadline*>{&d}, stamp); }

nlohmann::ordered_json error_json(const error& e) {
    return {{"ok", false},
            {"error", {{"code", std::string(to_string(e.code))}, {"message", e.message}, {"message_zh", message_zh(e)}}}};
}

}  // namespace qixian::cli
