// qixian/messages.hpp — every error and diagnostic code in Chinese, from one catalog.
//
// The engine's messages are English sentences built where the problem is found (error.hpp,
// diagnostics.hpp). A Chinese reader gets them from one catalog keyed by the code: each
// code has a Chinese summary (its meaning, 日期无效, 版本有效期重叠, …), and the common
// English shapes of a code's message have a Chinese template that keeps the values the
// English names (the date, the rule id, the key, the position). A message no template
// matches is said as the code's summary followed by the inputs the English message names
// (quoted texts, ids, dates), so the Chinese is never an English sentence and never loses
// the input at fault.
//
// Codes: every `errc` spelling (`to_string(errc)`), every rule-file diagnostic code
// (E0001…, W0305, …, documented in rules/README.md) and the CLI's usage codes
// (`usage.*`). A test fails when a code has no entry (tests/messages/).
//
// Example:
//
//   auto d = qixian::civil_date::parse("2023-02-30");
//   std::cout << qixian::message_zh(d.error());   // "日期无效：2023年2月没有30日（该月只有28日）"
#pragma once

#include "qixian/diagnostics.hpp"
#include "qixian/error.hpp"

#include <span>
#include <string>
#include <string_view>

namespace qixian {

/// One code of the catalog and what it means, in Chinese.
struct message_code {
    std::string_view code;        ///< "invalid_date", "E0203", "usage.extras"
    std::string_view summary_zh;  ///< "日期无效"
};

/// Every code the catalog knows, in a stable order (errc, diagnostics, usage).
std::span<const message_code> message_catalog() noexcept;

/// The Chinese summary of a code; empty when the catalog does not know the code.
std::string_view summary_zh(std::string_view code) noexcept;

/// The Chinese of an English message under `code`: a matching template's Chinese with
/// the English message's values, else the code's summary and the inputs named.
/// `subject` (the offending input as given, may be empty) is named when nothing else is.
std::string translate_zh(std::string_view code, std::string_view english, std::string_view subject = {});

/// The Chinese message of a query error (error.message stays the English one).
std::string message_zh(const error& e);

/// The Chinese message of a diagnostic (its `message` only; see format_zh for the line).
std::string message_zh(const diagnostic& d);

/// A note of an answer (`deadline::notes`) in Chinese; a rule file's own note (English
/// prose the catalog cannot know) is said to be in English only.
std::string note_zh(std::string_view note);

/// A diagnostic as `format()` prints it, in Chinese: "file:line:column: 错误 CODE：message",
/// then one indented line per note ("注：…"). Positions and codes are kept.
std::string format_zh(const diagnostic& d);

}  // namespace qixian
