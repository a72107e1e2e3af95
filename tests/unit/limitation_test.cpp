// Synopsis: tolling (interruption, settlement, suspension under both readings, waiver),
// instalments (each / last, reading 4), fixed periods, through compute() on the built-in
// pack. Every expected date is worked by hand from the statute in the comment above it;
// roll days are checked against the State Council notices of the year.
#include "qixian/explain.hpp"
#include "qixian/qixian.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

using namespace qixian;
using qixian::test::day;

namespace {
const rule_pack& pack() { return test::embedded_pack(); }
tolling_event interruption(const char* at, bool third_party = false) {
    return {tolling_event::kind::interruption, at, {}, {}, {}, third_party};
}
tolling_event suspension(const char* from, const char* to) {
    return {tolling_event::kind::suspension, {}, from, to, {}, false};
}
tolling_event settlement(const char* at, const char* due) {
    return {tolling_event::kind::settlement, at, {}, {}, due, false};
}
tolling_event agreed(const char* at) { return {tolling_event::kind::agreed_after_expiry, at, {}, {}, {}, false}; }
compute_request enforcement(const char* effective, std::vector<tolling_event> tolling) {
    return {.rule = "cn.enforcement.application", .events = {{"effective", effective}}, .tolling = std::move(tolling)};
}
std::optional<civil_date> alternative_day(const deadline& d, const std::string& reading) {
    for (const auto& a : d.alternatives)
        if (a.reading == reading) return a.last_day;
    return std::nullopt;
}
}  // namespace

TEST_CASE("interruption: the period runs anew from the interruption, even on the last day") {
    // effective 2018-08-27 (2008 text, 2 years): last day Thu 2020-08-27. Interrupted on that
    // last day: anew from 2020-08-27, + 2 years = Sat 2022-08-27, a weekend: Mon 2022-08-29.
    auto d = compute(pack(), enforcement("2018-08-27", {interruption("2020-08-27")}));
    REQUIRE(d.has_value());
    CHECK(d->start == day("2020-08-27"));
    CHECK(d->last_day == day("2022-08-29"));
    // One day later the period had ended: nothing to interrupt.
    auto late = compute(pack(), enforcement("2018-08-27", {interruption("2020-08-28")}));
    CHECK(late->last_day == day("2020-08-27"));
    // Two interruptions: 2019-03-14 -> Mon 2021-03-15 (2021-03-14 a Sunday); then 2021-01-10
    // -> 2023-01-10 (Tue).
    auto twice = compute(pack(), enforcement("2018-08-27", {interruption("2021-01-10"), interruption("2019-03-14")}));
    CHECK(twice->last_day == day("2023-01-10"));
}

TEST_CASE("a demand to a third party does not interrupt (the Beijing instalment case)") {
    // last instalment 2016-12-31 + 2 years = Mon 2018-12-31, in the New Year block -> 2019-01-02.
    compute_request req{.rule = "cn.enforcement.application", .events = {{"performance_due", "2016-12-31"}},
                        .act = std::string("2020-11-16"), .tolling = {interruption("2018-06-01", true)}};
    auto d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2019-01-02"));
    CHECK(*d->status == "late");
    bool explained = false;
    for (const auto& t : d->trace) explained = explained || qixian::describe(t, qixian::language::en).find("to a third party: no interruption") != std::string::npos;
    CHECK(explained);
}

TEST_CASE("a settlement not performed: anew from its last day of performance") {
    // effective 2018-08-27; settlement 2019-05-01 to be performed by 2019-09-30: anew from
    // 2019-09-30, + 2 years = Thu 2021-09-30, a working day (National Day block starts 1 Oct).
    auto d = compute(pack(), enforcement("2018-08-27", {settlement("2019-05-01", "2019-09-30")}));
    REQUIRE(d.has_value());
    CHECK(d->start == day("2019-09-30"));
    CHECK(d->last_day == day("2021-09-30"));
}

TEST_CASE("suspension: only in the last six months; civil_code and resume readings") {
    // effective 2023-06-30 (2022 text): last day Mon 2025-06-30; the last six months run from
    // 2024-12-30. Obstacle 2025-03-01 to 2025-04-15.
    //   civil_code (Civil Code Art. 194, the default): 2025-04-15 + 6 months = Wed 2025-10-15.
    //   resume (Enforcement Interpretation Art. 19): stood still 45 days (03-01 to 04-15):
    //   2025-06-30 + 45 = Thu 2025-08-14.
    auto d = compute(pack(), enforcement("2023-06-30", {suspension("2025-03-01", "2025-04-15")}));
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2025-10-15"));
    CHECK(alternative_day(*d, "suspension=resume") == day("2025-08-14"));

    // An obstacle starting one day before the last six months (2024-12-29 to 2025-01-10) still
    // counts: civil_code 2025-01-10 + 6 months = Thu 2025-07-10; resume: stood still from the
    // window's start 2024-12-30 for 11 days: 2025-06-30 + 11 = Fri 2025-07-11.
    auto edge = compute(pack(), enforcement("2023-06-30", {suspension("2024-12-29", "2025-01-10")}));
    CHECK(edge->last_day == day("2025-07-10"));
    CHECK(alternative_day(*edge, "suspension=resume") == day("2025-07-11"));

    // An obstacle that ended the day before the last six months has no effect.
    auto before = compute(pack(), enforcement("2023-06-30", {suspension("2024-11-01", "2024-12-29")}));
    CHECK(before->last_day == day("2025-06-30"));
    CHECK(before->alternatives.empty());

    // The 2008 version, a suspension from 2017-10-01: CPL 2017 Art. 239 points to General
    // Provisions Art. 194, the default; the Interpretation's "resumes" is the alternative (D1).
    // effective 2018-08-27 -> 2020-08-27; obstacle 2020-06-01 to 2020-06-30 (window from
    // 2020-02-27): civil_code: 2020-06-30 + 6 months = Wed 2020-12-30; resume: 29 days -> Fri 2020-09-25.
    auto old = compute(pack(), enforcement("2018-08-27", {suspension("2020-06-01", "2020-06-30")}));
    CHECK(old->last_day == day("2020-12-30"));
    CHECK(alternative_day(*old, "suspension=resume") == day("2020-09-25"));
    compute_request chosen = enforcement("2018-08-27", {suspension("2020-06-01", "2020-06-30")});
    chosen.suspension = suspension_reading::resume;
    CHECK(compute(pack(), chosen)->last_day == day("2020-09-25"));
    // Before 2017-10-01 the law (GPCL Art. 139; the Interpretation) said the remaining time
    // resumes, and nothing founds the other reading: it is neither the default nor offered.
    // effective 2014-08-27 -> Sat 2016-08-27; obstacle 2016-06-01 to 2016-06-30 (29 days):
    // 2016-08-27 + 29 = Sun 2016-09-25 -> Mon 2016-09-26.
    auto resumed = compute(pack(), enforcement("2014-08-27", {suspension("2016-06-01", "2016-06-30")}));
    REQUIRE(resumed.has_value());
    CHECK(resumed->last_day == day("2016-09-26"));
    CHECK(resumed->alternatives.empty());
    compute_request asked = enforcement("2014-08-27", {suspension("2016-06-01", "2016-06-30")});
    asked.suspension = suspension_reading::civil_code;
    auto kept_text = compute(pack(), asked);
    CHECK(kept_text->last_day == day("2016-09-26"));  // the reading has no authority here: said, not applied
    bool said = false;
    for (const auto& n : kept_text->notes) said = said || n.find("has no authority") != std::string::npos;
    CHECK(said);
    // A Civil Code limitation period has no "resume" reading (D8): not offered.
    compute_request civil{.rule = "cn.civil.limitation", .events = {{"knew", "2021-03-01"}},
                          .tolling = {suspension("2023-12-01", "2024-01-26")}};
    auto cc = compute(pack(), civil);
    REQUIRE(cc.has_value());
    CHECK(cc->last_day == day("2024-07-26"));
    CHECK(cc->alternatives.empty());
}

TEST_CASE("agreeing to perform after expiry waives the defence; before expiry it interrupts") {
    // Zhang v Li's dates: last day 2020-08-27; the debtor agrees on 2023-01-05, after expiry.
    compute_request req = enforcement("2018-08-27", {agreed("2023-01-05")});
    req.act = "2023-11-23";
    auto d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2020-08-27"));
    CHECK(*d->status == "late");
    CHECK(d->waived);
    // On 2019-06-01, before expiry, agreeing to perform interrupts: -> Tue 2021-06-01.
    auto before = compute(pack(), enforcement("2018-08-27", {agreed("2019-06-01")}));
    CHECK(before->last_day == day("2021-06-01"));
    CHECK_FALSE(before->waived);
}

TEST_CASE("waiver after expiry under each text: the authority the version cites, or a refusal") {
    struct row { const char* rule; const char* event; const char* trigger; const char* agreed;
                 const char* last_day; const char* cited; };
    const row rows[] = {
        // GPCL from 2008-09-01: knew 2010-03-01 + 2 years = Thu 2012-03-01; agreeing on
        // 2013-05-06 loses the defence (法释〔2008〕11号 Art. 22).
        {"cn.civil.limitation", "knew", "2010-03-01", "2013-05-06", "2012-03-01", "法释〔2008〕11号"},
        // GPCL 1987 text: knew 2001-06-01 + 2 years = Sun 2003-06-01 -> Mon 2003-06-02; a repayment
        // agreement after expiry is protected (法复〔1997〕4号).
        {"cn.civil.limitation", "knew", "2001-06-01", "2004-01-05", "2003-06-02", "法复〔1997〕4号"},
        // Civil Code: knew 2019-03-01 + 3 years = Tue 2022-03-01; Art. 192 para. 2.
        {"cn.civil.limitation", "knew", "2019-03-01", "2023-02-01", "2022-03-01", "中华人民共和国民法典"},
        // The General Provisions: knew 2017-11-01 + 3 years = Sun 2020-11-01 -> Mon 2020-11-02;
        // agreeing on 2020-12-01 (before the Civil Code): General Provisions Art. 192 para. 2.
        {"cn.civil.limitation", "knew", "2017-11-01", "2020-12-01", "2020-11-02", "中华人民共和国民法总则"},
        // cn.enforcement.application (2008 text): a waiver of 2013 cites 法释〔2008〕11号 Art. 22, not
        // the Civil Code (D3). effective 2010-03-01 + 2 years = Thu 2012-03-01.
        {"cn.enforcement.application", "effective", "2010-03-01", "2013-05-06", "2012-03-01", "法释〔2008〕11号"},
    };
    for (const auto& x : rows) {
        CAPTURE(x.trigger);
        compute_request req{.rule = x.rule, .events = {{x.event, x.trigger}}, .act = "2024-01-02"};
        req.tolling.push_back(agreed(x.agreed));
        auto d = compute(pack(), req);
        REQUIRE_MESSAGE(d.has_value(), (d ? "" : d.error().message));
        CHECK(d->last_day == day(x.last_day));
        CHECK(d->waived);
        CHECK(*d->status == "late");
        bool cited = false;
        for (const auto& t : d->trace)
            for (const auto& c : t.citations) cited = cited || c.instrument.find(x.cited) != std::string::npos;
        CHECK(cited);
    }
    // Recognition follows the enforcement period as a whole (Interpretation Art. 547/545, D4):
    // a foreign award's debtor who agreed after expiry lost the defence. effective 2020-01-06
    // + 2 years = Thu 2022-01-06; agreed 2022-06-01: Civil Code Art. 192 para. 2.
    compute_request award{.rule = "cn.recognition.foreign-award", .events = {{"effective", "2020-01-06"}}};
    award.tolling.push_back(agreed("2022-06-01"));
    auto waived_award = compute(pack(), award);
    REQUIRE_MESSAGE(waived_award.has_value(), (waived_award ? "" : waived_award.error().message));
    CHECK(waived_award->last_day == day("2022-01-06"));
    CHECK(waived_award->waived);
    // The 1991 enforcement text, a bar (a condition of filing): agreeing after expiry changes
    // nothing. Legal persons, effective 2005-03-01 + 6 months = Thu 2005-09-01.
    compute_request old{.rule = "cn.enforcement.application", .events = {{"effective", "2005-03-01"}},
                        .facts = {{"parties", "legal_persons"}}};
    old.tolling.push_back(agreed("2006-06-01"));
    auto old_text = compute(pack(), old);
    REQUIRE_MESSAGE(old_text.has_value(), (old_text ? "" : old_text.error().message));
    CHECK(old_text->last_day == day("2005-09-01"));
    CHECK(old_text->expiry == expiry_kind::bar);
    CHECK_FALSE(old_text->waived);
    // Where expiry is a bar (the 2009 Taiwan text), agreeing after expiry changes nothing, and says so:
    // effective 2010-01-04 + 2 years = Wed 2012-01-04.
    compute_request bar{.rule = "cn.recognition.taiwan.application", .events = {{"effective", "2010-01-04"}},
                        .act = "2012-06-01"};
    bar.tolling.push_back(agreed("2012-03-01"));
    auto kept = compute(pack(), bar);
    REQUIRE_MESSAGE(kept.has_value(), (kept ? "" : kept.error().message));
    CHECK(kept->last_day == day("2012-01-04"));
    CHECK_FALSE(kept->waived);
    bool said = false;
    for (const auto& t : kept->trace) said = said || qixian::describe(t, qixian::language::en).find("no effect on a period whose expiry is 'bar'") != std::string::npos;
    CHECK(said);
}

TEST_CASE("claims the law does not limit: by the fact claim, with the authority, under each text") {
    struct row { const char* knew; const char* claim; bool limited; const char* version; const char* cited; };
    const row rows[] = {
        // Civil Code Art. 196 (the 2017 version): support, cessation, registered property.
        {"2019-03-01", "support", false, "2017-10-01", "中华人民共和国民法总则"},
        {"2019-03-01", "cessation", false, "2017-10-01", "中华人民共和国民法总则"},
        {"2019-03-01", "property_return", false, "2017-10-01", "中华人民共和国民法总则"},
        {"2021-03-01", "support", false, "2021-01-01", "中华人民共和国民法典"},
        // 法释〔2008〕11号 Art. 1 from 2008-09-01: deposits, bonds, capital contributions.
        {"2019-03-01", "deposit", false, "2017-10-01", "法释〔2008〕11号"},
        {"2012-03-01", "bonds", false, "2008-09-01", "法释〔2008〕11号"},
        {"2012-03-01", "capital_contribution", false, "2008-09-01", "法释〔2008〕11号"},
        // No exclusion for support is encoded under the GPCL texts: the period applies,
        // 2 years from 2012-03-01 = Sat 2014-03-01 -> Mon 2014-03-03.
        {"2012-03-01", "support", true, "2008-09-01", nullptr},
        // Before 法释〔2008〕11号 (in force 2008-09-01) deposits had no exclusion either:
        // 2 years from 2005-06-01 = Fri 2007-06-01.
        {"2005-06-01", "deposit", true, "1987-01-01", nullptr},
        // An ordinary claim: 3 years from 2019-03-01 = Tue 2022-03-01.
        {"2019-03-01", "ordinary", true, "2017-10-01", nullptr},
    };
    for (const auto& x : rows) {
        CAPTURE(x.knew);
        CAPTURE(x.claim);
        auto d = compute(pack(), {.rule = "cn.civil.limitation", .events = {{"knew", x.knew}},
                                  .facts = {{"claim", x.claim}}, .act = "2025-01-02"});
        REQUIRE_MESSAGE(d.has_value(), (d ? "" : d.error().message));
        CHECK(d->version == day(x.version));
        CHECK(d->time_limited == x.limited);
        if (!x.limited) {
            CHECK(d->status == "timely");  // no last day: the act is in time whenever it was done
            CHECK(d->citations.front().instrument.find(x.cited) != std::string::npos);
            REQUIRE(!d->trace.empty());
            CHECK(qixian::describe(d->trace.front(), qixian::language::en).find(std::string("not subject to any time limit for claim=") + x.claim) !=
                  std::string::npos);
        }
    }
    auto gpcl_support = compute(pack(), {.rule = "cn.civil.limitation", .events = {{"knew", "2012-03-01"}},
                                         .facts = {{"claim", "support"}}});
    CHECK(gpcl_support->last_day == day("2014-03-03"));
    auto old_deposit = compute(pack(), {.rule = "cn.civil.limitation", .events = {{"knew", "2005-06-01"}},
                                        .facts = {{"claim", "deposit"}}});
    CHECK(old_deposit->last_day == day("2007-06-01"));
    // A support claim still running on 2017-10-01 is taken over by the 2017 text, which does
    // not limit it: knew 2016-03-01, 2 years = Thu 2018-03-01, still running on 2017-10-01.
    auto taken = compute(pack(), {.rule = "cn.civil.limitation", .events = {{"knew", "2016-03-01"}},
                                  .facts = {{"claim", "support"}}});
    REQUIRE(taken.has_value());
    CHECK_FALSE(taken->time_limited);
    CHECK(taken->version == day("2017-10-01"));

    // Without the fact, the period applies, and the trace says which claims it would not limit.
    auto plain = compute(pack(), {.rule = "cn.civil.limitation", .events = {{"knew", "2019-03-01"}}});
    REQUIRE(plain.has_value());
    CHECK(plain->last_day == day("2022-03-01"));
    CHECK(plain->notes.empty());
    CHECK(qixian::describe(plain->trace.front(), qixian::language::en) ==
          "version in force from 2017-10-01 until 2021-01-01 (chosen by the trigger day 2019-03-01); not given: "
          "claim=deposit|bonds|capital_contribution|cessation|property_return|support (no time limit)");

    // Enforcing support arrears: the SPC's (2020)最高法执监66号 holds them outside the enforcement
    // period (the answer says courts are split); without the fact each instalment is counted.
    compute_request arrears{.rule = "cn.enforcement.application", .facts = {{"claim", "support"}}, .act = "2012-05-09"};
    arrears.instalments = {"2009-01-31", "2010-01-31", "2012-04-30"};
    auto support = compute(pack(), arrears);
    REQUIRE_MESSAGE(support.has_value(), (support ? "" : support.error().message));
    CHECK_FALSE(support->time_limited);
    CHECK(support->status == "timely");
    CHECK(support->citations.front().instrument.find("(2020)最高法执监66号") != std::string::npos);
    REQUIRE(support->notes.size() == 1);
    CHECK(support->notes[0].rfind("courts are split", 0) == 0);
    arrears.facts.clear();
    auto counted = compute(pack(), arrears);
    REQUIRE(counted.has_value());
    CHECK(counted->time_limited);
    CHECK(counted->status == "partly_late");  // 2009-01-31's two years ran out on 2011-01-31

    // Each instalment is judged under its own version: under every text support is not limited,
    // so each instalment has no last day, and the answer says so instalment by instalment.
    compute_request two{.rule = "cn.enforcement.application", .facts = {{"claim", "support"}}, .act = "2009-01-05"};
    two.instalments = {"2006-01-10", "2007-12-10"};
    auto each = compute(pack(), two);
    REQUIRE(each.has_value());
    REQUIRE(each->instalments.size() == 2);
    CHECK_FALSE(each->instalments[0].time_limited);
    CHECK(each->instalments[0].status == "timely");
    CHECK(each->status == "timely");
    // A take-over into a text that does not limit the claim: the other reading (the GPCL's two
    // years, 2016-01-04 -> Thu 2018-01-04) is reported with its own answer, and the reverse.
    compute_request by_trigger{.rule = "cn.civil.limitation", .events = {{"knew", "2016-01-04"}},
                               .facts = {{"claim", "support"}}, .act = "2024-01-02"};
    auto taken_over = compute(pack(), by_trigger);
    REQUIRE(taken_over.has_value());
    CHECK_FALSE(taken_over->time_limited);
    REQUIRE(taken_over->alternatives.size() == 1);
    CHECK(taken_over->alternatives[0].reading == "transition=by_trigger");
    CHECK(taken_over->alternatives[0].last_day == day("2018-01-04"));
    CHECK(taken_over->alternatives[0].status == "late");
    by_trigger.transition = transition_reading::by_trigger;
    auto kept = compute(pack(), by_trigger);
    REQUIRE(kept.has_value());
    CHECK(kept->last_day == day("2018-01-04"));
    REQUIRE(kept->alternatives.size() == 1);
    CHECK(kept->alternatives[0].reading == "transition=takes_over");
    CHECK_FALSE(kept->alternatives[0].time_limited);
    CHECK(kept->alternatives[0].status == "timely");
    // Under instalments=last the per-instalment reading gives the same "timely": nothing to report.
    two.instalments_reading = instalment_reading::last;
    auto last_reading = compute(pack(), two);
    REQUIRE(last_reading.has_value());
    for (const auto& a : last_reading->alternatives) CHECK(a.reading != "instalments=each");
    // A claim the earlier text does not limit is not taken over (nothing runs): 法释〔2008〕11号 Art. 1.
    auto deposit = compute(pack(), {.rule = "cn.civil.limitation", .events = {{"knew", "2016-01-04"}},
                                    .facts = {{"claim", "deposit"}}});
    REQUIRE(deposit.has_value());
    CHECK_FALSE(deposit->time_limited);
    CHECK(deposit->version == day("2008-09-01"));
    for (const auto& t : deposit->trace) CHECK(t.kind != qixian::trace_kind::transition);

    // Facts are checked: an unknown fact or value is an error, never ignored.
    auto typo = compute(pack(), {.rule = "cn.civil.limitation", .events = {{"knew", "2019-03-01"}},
                                 .facts = {{"claim", "suport"}}});
    REQUIRE_FALSE(typo.has_value());
    CHECK(typo.error().code == errc::invalid_request);
    CHECK(typo.error().message == "fact claim is 'suport'; it is one of ordinary, support, cessation, property_return, "
                                  "deposit, bonds, capital_contribution, bodily_injury, substandard_goods, rent, "
                                  "deposited_property");
    auto unknown = compute(pack(), {.rule = "cn.civil.limitation", .events = {{"knew", "2019-03-01"}},
                                    .facts = {{"partys", "legal_persons"}}});
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().message == "'partys' is not a fact (facts: parties, domicile, claim, retrial_ground)");
    // A fact the version does not use is said to change nothing.
    auto unused = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2012-03-01"}},
                                   .facts = {{"domicile", "abroad"}}});
    REQUIRE(unused.has_value());
    REQUIRE(unused->notes.size() == 1);
    CHECK(unused->notes[0] == "fact domicile=abroad does not change the period of the version from 2008-04-01");
}

TEST_CASE("fixed and exclusion periods are not tolled") {
    // Retrial, 6 months, a fixed period: effective 2024-04-01 + 6 months = Tue 2024-10-01, in
    // the National Day block (1-7 Oct) -> 2024-10-08; the interruption is recorded as not applied.
    compute_request req{.rule = "cn.retrial.application", .events = {{"effective", "2024-04-01"}},
                        .tolling = {interruption("2024-06-01")}};
    auto d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2024-10-08"));
    bool recorded = false;
    for (const auto& t : d->trace) recorded = recorded || qixian::describe(t, qixian::language::en).find("not applied") != std::string::npos;
    CHECK(recorded);
}

TEST_CASE("instalments: each its own period before 2022, one period from the last after") {
    // 2008 text, each instalment: due 2016-04-30 + 2 years = Mon 2018-04-30, in the May Day
    // block (29 Apr - 1 May 2018) -> Wed 2018-05-02; due 2016-09-30 + 2 years = Sun 2018-09-30,
    // a working day in 2018. Act 2018-09-10: the first late, the second timely -> partly_late.
    // Reading instalments=last: one period from 2016-09-30 -> 2018-09-30, timely.
    compute_request req{.rule = "cn.enforcement.application", .act = std::string("2018-09-10"),
                        .instalments = {"2016-04-30", "2016-09-30"}};
    auto d = compute(pack(), req);
    REQUIRE(d.has_value());
    REQUIRE(d->instalments.size() == 2);
    CHECK(d->instalments[0].last_day == day("2018-05-02"));
    CHECK(*d->instalments[0].status == "late");
    CHECK(d->instalments[1].last_day == day("2018-09-30"));
    CHECK(*d->instalments[1].status == "timely");
    CHECK(*d->status == "partly_late");
    CHECK(d->last_day == day("2018-09-30"));
    bool alt = false;
    for (const auto& a : d->alternatives) alt = alt || (a.reading == "instalments=last" && a.status == "timely");
    CHECK(alt);

    // The 2022-01-01 boundary. Last instalment due 2021-12-31: the 2008 text (as CPL 2017 Art. 239
    // numbers it: the version from 2017-07-01), each one:
    // 2021-06-30 -> Fri 2023-06-30 (late on 2023-09-01); 2021-12-31 -> Sun 2023-12-31, then
    // New Year's Day -> Tue 2024-01-02 (timely) -> partly_late.
    req.act = "2023-09-01";
    req.instalments = {"2021-06-30", "2021-12-31"};
    auto old = compute(pack(), req);
    CHECK(old->version == day("2017-07-01"));
    CHECK(*old->status == "partly_late");
    // Straddling 2022-01-01 (AUDIT-2.md T23): each instalment under the version in force on
    // its own due day. 2021-06-30 and 2021-12-31 under the 2008 text, each its own period:
    // Fri 2023-06-30 (late on 2023-09-01) and Tue 2024-01-02; 2022-06-30 under the 2021 text,
    // from the last: Sun 2024-06-30 -> Mon 2024-07-01. partly_late; reading instalments=last
    // (the last instalment's text for all): 2024-07-01, timely.
    req.instalments = {"2021-06-30", "2021-12-31", "2022-06-30"};
    auto now = compute(pack(), req);
    REQUIRE_MESSAGE(now.has_value(), (now ? "" : now.error().message));
    CHECK(now->version == day("2022-01-01"));
    REQUIRE(now->instalments.size() == 3);
    CHECK(now->instalments[0].last_day == day("2023-06-30"));
    CHECK(*now->instalments[0].status == "late");
    CHECK(now->instalments[1].last_day == day("2024-01-02"));
    CHECK(now->instalments[2].last_day == day("2024-07-01"));
    CHECK(*now->status == "partly_late");
    CHECK(now->last_day == day("2024-07-01"));
    bool last_reading = false;
    for (const auto& a : now->alternatives)
        last_reading = last_reading || (a.reading == "instalments=last" && a.status == "timely");
    CHECK(last_reading);
    // The reading instalments=last: all from the last, timely, with the default as the alternative.
    compute_request all_last = req;
    all_last.instalments_reading = instalment_reading::last;
    auto from_last = compute(pack(), all_last);
    CHECK(*from_last->status == "timely");
    CHECK(from_last->last_day == day("2024-07-01"));
    bool each_reading = false;
    for (const auto& a : from_last->alternatives)
        each_reading = each_reading || (a.reading == "instalments=each" && a.status == "partly_late");
    CHECK(each_reading);
    // All due from 2022: one period from the last (the text); the reading each cannot apply and says so.
    compute_request text_last = req;
    text_last.instalments = {"2022-03-31", "2022-06-30"};
    text_last.instalments_reading = instalment_reading::each;
    auto one = compute(pack(), text_last);
    CHECK(one->instalments.empty());
    CHECK(*one->status == "timely");
    bool noted = false;
    for (const auto& n : one->notes) noted = noted || n.find("reading instalments=each does not apply") != std::string::npos;
    CHECK(noted);
}

TEST_CASE("tolling a version cites no authority for is refused, not guessed") {
    // cn.civil.limitation's 1987 version cites no rule for waivers or settlements.
    compute_request req{.rule = "cn.civil.limitation", .events = {{"knew", "2010-03-01"}},
                        .tolling = {settlement("2011-01-01", "2011-06-30")}};
    auto d = compute(pack(), req);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().code == errc::invalid_request);
    CHECK(d.error().message.find("cites no rule for settlement") != std::string::npos);
}

TEST_CASE("found_in_china: the period runs from the finding, citing SPC Guiding Case 37 only then") {
    // Guiding Case 37's dates: award payable by 2006-10-18; the debtor's property found in
    // China on 2008-07-30, the application the same day. From 2008-07-30 (2008 text): + 2 years
    // = Fri 2010-07-30, timely.
    compute_request req{.rule = "cn.enforcement.application",
                        .events = {{"performance_due", "2006-10-18"}, {"found_in_china", "2008-07-30"}},
                        .act = std::string("2008-07-30")};
    auto d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->trigger == "found_in_china");
    CHECK(d->last_day == day("2010-07-30"));
    CHECK(*d->status == "timely");
    auto cites = [](const deadline& x) {
        for (const auto& c : x.citations)
            if (c.instrument.find("指导案例37号") != std::string::npos) return true;
        return false;
    };
    CHECK(cites(*d));
    auto plain = compute(pack(), {.rule = "cn.enforcement.application", .events = {{"effective", "2023-06-30"}}});
    CHECK_FALSE(cites(*plain));
}

// An alternative is the whole computation run again under the other reading: across a
// transition, the reading decides whether the earlier period was still running.
TEST_CASE("readings across the 2017 limitation change: the whole computation re-run") {
    // Knew 2015-09-30: 2 years (GPCL Art. 135) = Sat 2017-09-30, a working Saturday under the
    // 2017 notice, so under adjusted_weekend=schedule the period ended that day, before the
    // Civil Code General Part took effect on 2017-10-01: it stays 2 years (法释〔2018〕12号 Art. 3).
    // Under weekday, the Saturday cannot end it: it rolls past the National Day block to
    // Mon 2017-10-09, so it was still running on 2017-10-01 and becomes 3 years: 2018-09-30
    // (Sun), in the 2018 National Day block (1-7 October) -> Mon 2018-10-08.
    compute_request req{.rule = "cn.civil.limitation", .events = {{"knew", "2015-09-30"}}, .act = "2018-05-02"};
    auto d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2017-09-30"));
    CHECK(d->status == "late");
    CHECK(alternative_day(*d, "adjusted_weekend=weekday") == day("2018-10-08"));
    for (const auto& a : d->alternatives)
        if (a.reading == "adjusted_weekend=weekday") CHECK(a.status == "timely");

    // Knew at 20:00 in New York on 2015-09-30 = 08:00 on 2015-10-01 in Beijing: the forum's day
    // 2015-10-01 + 2 years = 2017-10-01, a holiday, so the period was running on 2017-10-01 and
    // became 3 years: 2018-10-01 -> 2018-10-08. Under event_zone=local the day is 2015-09-30 and
    // the answer is the 2-year one, 2017-09-30.
    req.events = {{"knew", "2015-09-30T20:00[America/New_York]"}};
    d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2018-10-08"));
    CHECK(alternative_day(*d, "event_zone=local") == day("2017-09-30"));
    req.event_zone = event_zone_reading::local;
    d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2017-09-30"));
    CHECK(alternative_day(*d, "event_zone=forum") == day("2018-10-08"));
}

TEST_CASE("an act done abroad: the event_zone reading decides its legal day") {
    // Effective 2023-06-30 + 2 years = Mon 2025-06-30, ending 24:00 Beijing = 12:00 in New York.
    // An act at 20:00 in New York on 2025-06-30 is 08:00 on 2025-07-01 in Beijing: late by the
    // forum's clock, timely on the actor's own calendar day (event_zone=local).
    compute_request req{.rule = "cn.enforcement.application", .events = {{"effective", "2023-06-30"}},
                        .act = "2025-06-30T20:00[America/New_York]"};
    auto d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->last_day == day("2025-06-30"));
    CHECK(d->status == "late");
    REQUIRE(d->alternatives.size() == 1);
    CHECK(d->alternatives[0].reading == "event_zone=local");
    CHECK(d->alternatives[0].last_day == day("2025-06-30"));
    CHECK(d->alternatives[0].status == "timely");

    req.event_zone = event_zone_reading::local;
    d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->status == "timely");
    REQUIRE(d->alternatives.size() == 1);
    CHECK(d->alternatives[0].reading == "event_zone=forum");
    CHECK(d->alternatives[0].status == "late");

    // An act abroad on the same calendar day in both zones: no alternative.
    req.event_zone = event_zone_reading::forum;
    req.act = "2025-06-30T09:00[America/New_York]";  // 21:00 in Beijing
    d = compute(pack(), req);
    REQUIRE(d.has_value());
    CHECK(d->status == "timely");
    CHECK(d->alternatives.empty());
}
