// Synopsis: the Chinese message catalog (qixian/messages.hpp) — every errc code has a
// Chinese summary; real engine errors said in Chinese with their values; a message no
// template knows is said by its code's summary and the inputs it names.
#include "qixian/civil.hpp"
#include "qixian/counting.hpp"
#include "qixian/messages.hpp"
#include "qixian/tz.hpp"

#include <doctest/doctest.h>

using namespace qixian;

TEST_CASE("messages: every errc code has a Chinese summary") {
    for (int c = 1; c <= 17; ++c) {
        const auto code = static_cast<errc>(c);
        CAPTURE(to_string(code));
        CHECK_FALSE(summary_zh(to_string(code)).empty());
    }
    CHECK(summary_zh("no such code").empty());
}

TEST_CASE("messages: engine errors in Chinese, with their values") {
    auto d = civil_date::parse("2023-02-30");
    REQUIRE_FALSE(d);
    CHECK(message_zh(d.error()) == "「2023-02-30」：2023年2月没有30日（该月只有28日）");

    auto m = add_months(civil_date::from_ymd(2023, 1, 31).value(), 1, month_end::reject);
    REQUIRE_FALSE(m);
    CHECK(m.error().code == errc::ambiguous_month_end);
    CHECK(message_zh(m.error()) ==
          "2023-01-31 加 1 个月：2023-02 没有第 31 日，且月末处理方式为拒绝（以该月最后一日为届满日则为 2023-02-28）");

    auto z = tz::locate("Mars/Olympus");
    REQUIRE_FALSE(z);
    CHECK(message_zh(z.error()) ==
          "「Mars/Olympus」不是系统时区数据库中的时区（应为 Asia/Shanghai、America/New_York 这样的时区名）");

    auto t = parse_local_time("2023-01-01T25:00");
    REQUIRE_FALSE(t);
    CHECK(message_zh(t.error()) == "「2023-01-01T25:00」：小时 25 不在 00 至 23 之间");
}

TEST_CASE("messages: a context before the message is said too") {
    CHECK(translate_zh("invalid_date", "event knew: '2023-02-30': February 2023 has no day 30 (it has 28 days)") ==
          "事件「knew」：「2023-02-30」：2023年2月没有30日（该月只有28日）");
}

TEST_CASE("messages: a message no template knows: the summary and the inputs it names") {
    CHECK(translate_zh("invalid_request", "a shape no template knows, naming 'frm' and events.knew") ==
          "请求有误：「frm」、「events.knew」");
    // a template of the code wins over a context any message may start with
    CHECK(translate_zh("invalid_request", "tolling interruption: unexpected field 'frm' (at)") ==
          "中断事由：多余的字段「frm」");
    CHECK(translate_zh("invalid_request", "something new went wrong", "events.knew") == "请求有误：「events.knew」");
    CHECK(translate_zh("invalid_period", "a negative number of working days cannot be added") == "期间无法适用");
    // a rule file's own note is English prose the catalog cannot know
    CHECK(note_zh("the court counts from service, see the 2015 interpretation") == "本条说明只有英文原文，请查看英文输出");
    CHECK(note_zh("fact parties=legal_persons does not change the period of the version from 2008-04-01") ==
          "事实「parties=legal_persons」不影响 2008-04-01 起施行的版本的期间");
}

TEST_CASE("messages: a diagnostic in Chinese keeps its position, code and notes") {
    diagnostic d{"E0203", severity::error,
                 "rule 'test.overlap': the version from 2022-01-01 overlaps the version from 2008-04-01 (in force until 2022-06-01)",
                 {"a.toml", {18, 3}, {18, 9}},
                 {{"the earlier version is here", {"a.toml", {11, 3}, {11, 9}}}}};
    CHECK(format_zh(d) ==
          "a.toml:18:3: 错误 E0203：规则 test.overlap：2022-01-01 起施行的版本与 2008-04-01 起施行的版本（施行至 "
          "2022-06-01）期间重叠\n  a.toml:11:3: 注：较早的版本在此");
    diagnostic w{"E0101", severity::warning, "rule: unknown key 'lenght'", {"b.toml", {10, 1}, {10, 7}}, {}};
    CHECK(format_zh(w) == "b.toml:10:1: 警告 E0101：规则：未知的键「lenght」");
}
