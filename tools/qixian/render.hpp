// Rendering computed deadlines for people (text, English or Chinese) and programs (JSON).
#pragma once

#include "qixian/compute.hpp"
#include "qixian/explain.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <unordered_map>

namespace qixian::cli {

enum class lang { en, zh };

/// Citations joined by "; ": as written (en), or 《instrument》第N条第M款 (zh).
std::string citations_text(const citation_list& cs, lang l);
/// The engine's renderer language for `l` (qixian/explain.hpp).
constexpr language language_of(lang l) noexcept { return l == lang::zh ? language::zh : language::en; }

/// A day's weekday: "Mon" … "Sun", or 周一 … 周日.
std::string_view weekday_text(civil_date d, lang l);
/// An event kind: as it is (en), or in Chinese with the kind in parentheses (zh):
/// "法律文书生效 (effective)".
std::string event_text(std::string_view kind, lang l);
/// A reading "key=value": as it is (en), or in Chinese with the reading in parentheses (zh):
/// "调休上班的周六、周日仍作休息日 (adjusted_weekend=weekday)".
std::string reading_text(std::string_view reading, lang l);

/// The lawyer's view: rule, version and citation, the steps, the last day and its end
/// in the forum zone, UTC and the requested zone, expiry, and the data used.
/// `full` adds every trace step with its citations (qixian explain).
std::string render_text(const deadline& d, lang l, bool full);

class json_writer;

/// The JSON text of citation lists already written. A batch cites its pack's few lists
/// millions of times (every answer, every trace step): each is escaped and formatted
/// once. An entry holds its list, so the storage it is keyed by cannot be taken by
/// another list while the entry lives; the cache is emptied when it passes `limit`
/// entries (lists joined for one answer come and go), so its memory stays bounded.
/// How an answer writes its citations: in full, or as ids (`cite:` and 12 hex digits, from
/// the instrument, article and paragraph) that `qixian rules show ID` resolves — a docketing
/// system that stores a million answers keeps each authority once.
enum class citation_style { text, ids };

/// The id of a citation: "cite:" followed by 12 hex digits of an FNV-1a hash of its
/// instrument, article and paragraph; the same authority has the same id in every pack.
///
///   citation_id({"中华人民共和国民事诉讼法（2023年修正）", "250", "", ""})  // "cite:…"
std::string citation_id(const citation& c);

class citation_json_cache {
public:
    static constexpr std::size_t limit = 4096;
    explicit citation_json_cache(citation_style style = citation_style::text) : style_(style) {}
    /// [{"instrument": …, "article": …, "paragraph": …}, …] (the response's "citations").
    std::string_view objects(const citation_list& cs);
    /// ["中华人民共和国民法典 art. 202", …] (a trace step's "citations").
    std::string_view texts(const citation_list& cs);

private:
    struct entry {
        citation_list list;
        std::string objects, texts;
    };
    entry& find(const citation_list& cs);
    citation_style style_;
    std::unordered_map<const citation*, entry> entries_;
};

/// INTERFACES.md response fields, written into an object already begun on `w` (so a
/// caller can put "id" first). `trace` = false leaves the trace out. Citation lists
/// are written from `cache`. `words` is the language of each trace step's `detail` and of
/// the notes (the request's "lang"); every other field is the same in both.
void write_fields(json_writer& w, const deadline& d, bool trace, citation_json_cache& cache,
                  language words = language::en);

/// The same, as a JSON document (for `compute --format json`).
nlohmann::ordered_json to_json(const deadline& d);

/// An RFC 5545 calendar: one all-day event on the last day, whose description names the
/// rule, its citation and the exclusive end instant in the forum zone, UTC and the
/// requested zone. `stamp` is the DTSTAMP (the time the file is made).
std::string render_ics(const deadline& d, instant stamp);

/// The same for several deadlines: one calendar, one event each.
std::string render_ics(const std::vector<const deadline*>& ds, instant stamp);

/// {"ok": false, "error": {"code": ..., "message": ...}}
nlohmann::ordered_json error_json(const error& e);

}  // namespace qixian::cli
