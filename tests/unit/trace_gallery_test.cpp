// Synopsis: the trace gallery — one step of every reason code (qixian/trace.hpp), said in
// English and in Chinese by the one renderer (qixian/explain.hpp), kept as a snapshot in
// tests/trace_gallery/gallery.txt (read it when a phrase changes; QIXIAN_UPDATE_GALLERY=1
// rewrites it). Every code has an entry; the Chinese holds no run of Latin words outside an
// id, a key=value, a key in parentheses or a zone; real answers' traces render in both
// languages with every step's fields set as docs/TRACE.md says.
#include "qixian/compute.hpp"
#include "qixian/explain.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

using namespace qixian;

namespace {

civil_date day(const char* text) { return *civil_date::parse(text); }

trace_step make(trace_kind k, trace_reason r) {
    trace_step s;
    s.kind = k;
    s.reason = r;
    return s;
}

// One step per reason (and per variant that changes the words), with plausible values.
std::vector<trace_step> samples() {
    std::vector<trace_step> out;
    using tk = trace_kind;
    using tr = trace_reason;
    auto select = [&](tr r, chosen_by by) {
        trace_step s = make(tk::select, r);
        s.valid_from = day("2021-01-01");
        s.on = day("2023-03-01");
        s.chosen_by = by;
        return s;
    };
    trace_step s = select(tr::version, chosen_by::trigger_day);
    out.push_back(s);
    s.valid_until = day("2022-01-01");
    s.chosen_by = chosen_by::application_day;
    s.items = {{"claim", "deposit", {}, {}, {}, false}, {"claim", "bonds", {}, {}, {}, false},
               {"parties", "legal_persons", period::of_months(6), {}, {}, false}};
    out.push_back(s);
    out.push_back(select(tr::version, chosen_by::transition));
    s = select(tr::untimed_claim, chosen_by::trigger_day);
    s.items = {{"claim", "support", {}, {}, {}, false}};
    s.holiday = "Civil Code Art. 196 (3)";
    out.push_back(s);
    for (chosen_by by : {chosen_by::trigger_day, chosen_by::act_day, chosen_by::now}) {
        s = select(tr::untimed_rule, by);
        s.event = "effective";
        out.push_back(s);
    }
    for (tr r : {tr::anchored, tr::anchored_forum_day, tr::anchored_local_day}) {
        s = make(tk::anchor, r);
        s.event = "knew";
        s.written = "2015-09-30T20:00[America/New_York]";
        s.on = day(r == tr::anchored_local_day ? "2015-09-30" : "2015-10-01");
        s.zone = "Asia/Shanghai";
        if (r != tr::anchored) s.other_day = day(r == tr::anchored_local_day ? "2015-10-01" : "2015-09-30");
        out.push_back(s);
    }
    for (tr r : {tr::taken_over, tr::kept_by_trigger, tr::ended_before}) {
        s = make(tk::transition, r);
        s.valid_from = day("2008-04-01");
        s.last_day = day(r == tr::ended_before ? "2007-12-31" : "2008-06-30");
        s.other_day = day("2008-04-01");
        s.provisional = r == tr::taken_over;
        out.push_back(s);
    }
    for (tr r : {tr::start_excluded, tr::start_included}) {
        s = make(tk::start, r);
        s.from = day("2025-09-16");
        s.to = day(r == tr::start_excluded ? "2025-09-17" : "2025-09-16");
        out.push_back(s);
    }
    s = make(tk::count, tr::counted);
    s.from = day("2025-09-16");
    s.to = day("2025-10-01");
    s.length = period::of_days(15);
    out.push_back(s);
    s.start_counted = true;
    out.push_back(s);
    s = make(tk::count, tr::counted_corresponding);
    s.from = day("2023-09-28");
    s.to = day("2025-09-28");
    s.length = period::of_years(2);
    out.push_back(s);
    s = make(tk::count, tr::counted_month_end);
    s.from = day("2024-02-29");
    s.to = s.other_day = day("2026-02-28");
    s.length = period::of_years(2);
    s.policy = "clamp";
    out.push_back(s);
    s = make(tk::count, tr::counted_back);
    s.from = day("2025-06-30");
    s.to = day("2024-06-30");
    s.length = period::of_years(1);
    out.push_back(s);
    s = make(tk::count, tr::counted_hours);
    s.from_time = start_of(day("2025-06-03")) + std::chrono::hours{11};
    s.to_time = start_of(day("2025-06-05")) + std::chrono::hours{11};
    s.length = period::of_hours(48);
    out.push_back(s);
    s = make(tk::count, tr::capped);
    s.from = day("2010-03-31");
    s.to = day("2009-12-31");
    out.push_back(s);
    const auto toll = [&](tr r, const char* kind) {
        trace_step t = make(tk::toll, r);
        t.event = kind;
        if (std::string_view(kind) == "suspension") {
            t.from = day("2023-12-01");
            t.to = day("2024-01-26");
        } else {
            t.on = day("2022-05-01");
        }
        return t;
    };
    s = toll(tr::toll_not_applied, "interruption");
    s.policy = "fixed";
    out.push_back(s);
    s = toll(tr::suspension_outside, "suspension");
    s.other_day = day("2023-09-01");
    s.last_day = day("2024-03-01");
    out.push_back(s);
    s = toll(tr::suspension_six_months, "suspension");
    s.last_day = day("2024-07-26");
    out.push_back(s);
    s = toll(tr::suspension_resumed, "suspension");
    s.other_day = day("2023-12-01");
    s.days = 56;
    s.last_day = day("2024-04-26");
    out.push_back(s);
    out.push_back(toll(tr::third_party_demand, "interruption"));
    s = toll(tr::toll_after_end, "interruption");
    s.last_day = day("2022-03-01");
    out.push_back(s);
    out.push_back(toll(tr::toll_before_start, "settlement"));
    for (auto [r, kind] : {std::pair{tr::interrupted, "interruption"}, {tr::agreed_to_perform, "agreed_after_expiry"},
                           {tr::settlement, "settlement"}, {tr::settlement_performance_due, "settlement"},
                           {tr::settlement_own_day, "settlement"}}) {
        s = toll(r, kind);
        s.from = day(r == tr::settlement_performance_due ? "2022-09-30" : "2022-05-01");
        s.last_day = day(r == tr::settlement_performance_due ? "2024-09-30" : "2024-05-06");
        if (r == tr::settlement_own_day) s.other_day = day("2022-09-30");
        out.push_back(s);
    }
    s = toll(tr::waived, "agreed_after_expiry");
    s.last_day = day("2021-03-01");
    out.push_back(s);
    s = toll(tr::waiver_no_effect, "agreed_after_expiry");
    s.status = "bar";
    out.push_back(s);
    s = make(tk::roll, tr::working_day);
    s.from = s.to = day("2025-09-28");
    s.days = 0;
    s.day_kind = "adjusted_working";
    s.holiday = "国庆节、中秋节调休";
    s.notice = "2025";
    out.push_back(s);
    s = make(tk::roll, tr::rest_day);
    s.from = day("2025-10-01");
    s.to = day("2025-10-09");
    s.days = 8;
    s.day_kind = "holiday";
    s.holiday = "国庆节、中秋节";
    s.notice = "2025";
    out.push_back(s);
    s.days = 1;
    s.from = day("2025-06-01");
    s.to = day("2025-06-02");
    s.day_kind = "weekend";
    s.holiday.clear();
    s.notice.clear();
    s.provisional = true;
    out.push_back(s);
    s = make(tk::close, tr::closed);
    s.on = day("2025-10-09");
    s.day_ends = 1440;
    s.to_time = start_of(day("2025-10-10"));
    out.push_back(s);
    s.day_ends = 17 * 60;
    s.to_time = start_of(day("2025-10-09")) + std::chrono::hours{17};
    out.push_back(s);
    s = make(tk::compose, tr::composed);
    s.policy = "earliest_of";
    s.items = {{"cn.civil.limitation", "knew", {}, day("2020-03-01"), day("2023-03-01"), false},
               {"cn.civil.longstop", "harm", {}, day("2010-03-01"), day("2030-03-01"), true}};
    s.last_day = day("2023-03-01");
    s.event = "cn.civil.limitation";
    out.push_back(s);
    s = make(tk::instalments, tr::instalments_each);
    s.items = {{"", "late", {}, day("2007-06-30"), day("2008-12-31"), true},
               {"", "timely", {}, day("2007-12-31"), day("2009-06-30"), false},
               {"", "", {}, day("2008-06-30"), std::nullopt, true}};
    out.push_back(s);
    s = make(tk::project, tr::projected);
    s.other_day = day("2026-12-31");
    s.from = day("2027-10-08");
    s.to = day("2027-10-11");
    s.last_day = day("2027-10-08");
    out.push_back(s);
    const auto judge = [&](tr r, const char* status) {
        trace_step j = make(tk::judge, r);
        j.on = day("2025-10-20");
        j.status = status;
        return j;
    };
    out.push_back(judge(tr::judged, "timely"));
    for (auto [r, status] : {std::pair{tr::late, "late"}, {tr::late_court, "overdue"}, {tr::late_defence, "late"},
                             {tr::late_waived, "late"}}) {
        s = judge(r, status);
        s.days = 11;
        out.push_back(s);
    }
    s = judge(tr::premature, "premature");
    s.from = day("2025-10-21");
    out.push_back(s);
    out.push_back(judge(tr::permitted, "permitted"));
    out.push_back(judge(tr::no_time_limit, "timely"));
    return out;
}

std::string gallery() {
    std::ostringstream o;
    for (const auto& s : samples())
        o << to_string(s.kind) << " / " << to_string(s.reason) << "\n  en  " << describe(s, language::en) << "\n  zh  "
          << describe(s, language::zh) << "\n";
    return o.str();
}

// A run of two or more Latin letters in Chinese text that is not an id (with . _ = / - or a
// digit), a key in parentheses or a zone: the first one found, or "".
std::string latin_words(const std::string& zh) {
    std::string kept;  // the text without ASCII parentheses' contents
    int depth = 0;
    for (char c : zh) {
        if (c == '(') ++depth;
        else if (c == ')') depth = depth > 0 ? depth - 1 : 0;
        else if (depth == 0) kept += c;
    }
    std::istringstream words(kept);
    for (std::string w; words >> w;) {
        int letters = 0, run = 0;
        bool id = false;
        for (unsigned char c : w) {
            const bool latin = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
            run = latin ? run + 1 : 0;
            letters = std::max(letters, run);
            id = id || c == '.' || c == '_' || c == '=' || c == '/' || (c >= '0' && c <= '9');
        }
        if (letters >= 2 && !id) return w;
    }
    return "";
}

}  // namespace

TEST_CASE("trace gallery: every reason code in English and Chinese, as the snapshot") {
    std::set<int> seen;
    for (const auto& s : samples()) seen.insert(static_cast<int>(s.reason));
    for (int r = 0; r <= static_cast<int>(trace_reason::no_time_limit); ++r) {
        CAPTURE(to_string(static_cast<trace_reason>(r)));
        CHECK(seen.count(r) == 1);
    }
    const std::string got = gallery();
    const std::string path = std::string(QIXIAN_SOURCE_DIR) + "/tests/trace_gallery/gallery.txt";
    if (const char* u = std::getenv("QIXIAN_UPDATE_GALLERY"); u != nullptr && std::string(u) == "1")
        std::ofstream(path) << got;
    std::ifstream in(path);
    std::stringstream want;
    want << in.rdbuf();
    CHECK(got == want.str());
}

TEST_CASE("trace gallery: the Chinese holds no English words") {
    for (const auto& s : samples()) {
        const std::string zh = describe(s, language::zh);
        CAPTURE(zh);
        CHECK(latin_words(zh) == "");
        // 中止 never runs anew (Civil Code Art. 194); 中断 and a settlement do (Art. 195).
        const bool suspension = s.reason == trace_reason::suspension_six_months ||
                                s.reason == trace_reason::suspension_resumed ||
                                s.reason == trace_reason::suspension_outside;
        const bool anew = s.reason == trace_reason::interrupted || s.reason == trace_reason::agreed_to_perform ||
                          s.reason == trace_reason::settlement || s.reason == trace_reason::settlement_performance_due ||
                          s.reason == trace_reason::settlement_own_day;
        if (suspension) CHECK(zh.find("重新计算") == std::string::npos);
        if (anew) CHECK(zh.find("重新计算") != std::string::npos);
    }
}

TEST_CASE("trace gallery: real answers' steps carry their typed values and render in both languages") {
    auto pack = rule_pack::load_embedded();
    REQUIRE(pack);
    struct req_case {
        compute_request req;
        std::vector<trace_reason> expected;  // the reasons the trace holds, in order
    };
    compute_request leap{.rule = "cn.enforcement.application", .events = {{"effective", "2024-02-29"}}};
    leap.act = "2026-03-02";
    compute_request suspended{.rule = "cn.civil.limitation", .events = {{"knew", "2021-03-01"}}};
    suspended.tolling = {{tolling_event::kind::suspension, "", "2023-12-01", "2024-01-26", "", false}};
    const std::vector<req_case> cases = {
        {leap,
         {trace_reason::version, trace_reason::anchored, trace_reason::start_excluded, trace_reason::counted_month_end,
          trace_reason::working_day, trace_reason::closed, trace_reason::late_defence}},
        {suspended,
         {trace_reason::version, trace_reason::anchored, trace_reason::suspension_six_months,
          trace_reason::start_excluded, trace_reason::counted_corresponding, trace_reason::working_day,
          trace_reason::closed}},
    };
    for (const auto& c : cases) {
        auto d = compute(*pack, c.req);
        REQUIRE(d);
        std::vector<trace_reason> got;
        for (const auto& t : d->trace) {
            got.push_back(t.reason);
            CAPTURE(to_string(t.reason));
            CHECK(!describe(t, language::en).empty());
            CHECK(latin_words(describe(t, language::zh)) == "");
        }
        CHECK(got == c.expected);
    }
    auto d = compute(*pack, leap);
    REQUIRE(d);
    const trace_entry& count = d->trace[3];
    CHECK(count.from == day("2024-02-29"));
    CHECK(count.to == day("2026-02-28"));
    CHECK(count.policy == "clamp");
    CHECK(describe(count, language::en) ==
          "+ 2 years -> 2026-02-28 (no corresponding day in the final month: month-end policy clamp gives 2026-02-28)");
    const trace_entry& judged = d->trace.back();
    CHECK(judged.days == 2);
    CHECK(describe(judged, language::zh) == "行为于 2026-03-02：逾期 2 日；时效届满是义务人可以提出的抗辩，人民法院仍应受理");
}
