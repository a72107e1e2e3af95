// qixian/explain.hpp — the one renderer of trace steps, in English and in Chinese.
//
// The engine records every step as data (qixian/trace.hpp); `describe` says it in words.
// The English is the wording INTERFACES.md's `detail` has always had; the Chinese uses the
// law's own terms: a suspension is 中止 and the period ends six months after the obstacle
// ends (Civil Code Art. 194), an interruption is 中断 and the period runs anew (重新计算,
// Art. 195); a rest day is named with the notice that made it one. Ids (rule ids, event and
// fact keys, readings) stay as they are, in parentheses after their Chinese words.
//
// Example:
//
//   for (const qixian::trace_entry& t : d->trace)
//       std::cout << qixian::to_string(t.kind) << ": " << qixian::describe(t, qixian::language::zh) << '\n';
//   // roll: 2025-10-01 为休息日（节假日，国庆节、中秋节）：顺延 8 日至 2025-10-09
#pragma once

#include "qixian/trace.hpp"

#include <string>
#include <string_view>

namespace qixian {

enum class language : std::uint8_t { en, zh };

/// The step in words.
std::string describe(const trace_step& step, language l);

/// The same, appended to `out` (a writer that reuses one buffer allocates nothing per step).
void describe_to(std::string& out, const trace_step& step, language l);

/// An event kind in words: as it is (en), or in Chinese with the kind in parentheses (zh):
/// "法律文书生效 (effective)". An unknown kind is given as it is.
std::string event_words(std::string_view kind, language l);

/// A verdict (`deadline::status`) in Chinese ("timely" → 未逾期); English: as it is.
std::string_view status_words(std::string_view status, language l);

/// A composite's combinator (`earliest_of`, `latest_of`) in words, for a summary line:
/// "the earliest of" / "取最早届满者". Example: `combinator_words("latest_of", language::zh)`
/// is "取最晚届满者". An unknown key is given as it is.
std::string_view combinator_words(std::string_view key, language l);

}  // namespace qixian
