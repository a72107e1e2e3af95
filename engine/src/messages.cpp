// The Chinese message catalog (messages.hpp): the codes with their summaries, then the
// templates of the English messages' common shapes. Data first; the matching after it.
#include "qixian/messages.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace qixian {

namespace {

// Every code and what it means. errc spellings (error.hpp), then the rule-file diagnostic
// codes (rules/README.md), then the CLI's usage codes. A test checks that every code the
// sources raise is here (tests/messages/catalog_test.py).
constexpr message_code catalog[] = {
    {"invalid_date", "日期无效"},
    {"invalid_time", "时间无效"},
    {"invalid_period", "期间无法适用"},
    {"out_of_range", "超出所支持的年份（公元1年至9999年）"},
    {"ambiguous_month_end", "期间最后一月没有对应日，且未选择处理方式"},
    {"outside_calendar_coverage", "超出节假日数据的范围"},
    {"no_working_day", "找不到工作日"},
    {"nonexistent_local_time", "当地时间不存在（夏令时拨快时跳过的时刻）"},
    {"ambiguous_local_time", "当地时间出现两次（夏令时拨回时重复的时刻）"},
    {"unknown_zone", "未知的时区"},
    {"unknown_rule", "规则包中没有该规则"},
    {"no_version_in_force", "该日没有施行中的规定版本"},
    {"missing_event", "缺少期间起算的事件"},
    {"invalid_request", "请求有误"},
    {"rules_invalid", "规则包有误"},
    {"io_error", "文件无法读取或写入"},
    {"missing_fact", "期间取决于未提供的事实"},
    {"invalid_duration", "期间长度不是有效的时长（「ISO 8601」格式，如 P15D、P3M、P6Y、PT48H）"},
    {"unknown_convention", "规则包中没有该计算规则"},
    {"conflicting_request", "同时给出了规则和自定义期间，只能给出其一"},
    {"E0001", "规则文件语法错误，无法解析"},
    {"E0002", "规则文件无法读取"},
    {"E0101", "未知的键"},
    {"E0102", "缺少必需的键"},
    {"E0103", "值的类型不对"},
    {"E0104", "值不在允许的范围内"},
    {"E0201", "标识重复"},
    {"E0202", "引用了不存在的对象"},
    {"E0203", "同一规则的两个版本施行期间重叠"},
    {"E0204", "同一规则的版本之间有空档，其间没有施行中的版本"},
    {"E0205", "施行期间为空：失效日不晚于施行日"},
    {"E0206", "版本没有引用法律依据"},
    {"E0207", "不是已知的事件种类"},
    {"E0208", "组合规则包含其自身（循环引用）"},
    {"E0301", "调休上班日不是周末休息日"},
    {"E0302", "放假区间的天数与通知不符"},
    {"E0303", "同一日既在放假区间内又是调休上班日"},
    {"E0304", "放假通知的净休息日数与法定节假日天数不符"},
    {"W0305", "缺少某一年度的日历数据：日历的覆盖范围自其后开始（提示）"},
    {"E0306", "文件的年份与其内容不符"},
    {"E0401", "农历表缺少年份或月序中断"},
    {"E0402", "农历表不含日历覆盖的年份"},
    {"E0403", "放假通知遗漏了法定节假日"},
    {"W0404", "放假通知把此前各年都放假的日子安排为上班日（提示）"},
    {"E0501", "按规则的日历中，节假日没有日期规则，或有多个日期规则"},
    {"E0502", "临时调整所取消的日子按规则本不是节假日"},
    {"E0503", "临时放假日不在日历的历史数据范围内"},
    {"E0504", "按规则的日历带有年度文件，或覆盖范围的键顺序有误，或没有每周休息日"},
    {"fixture", "裁判案例文件有误"},
    {"usage", "命令行用法错误"},
    {"usage.repeated", "同一选项给出了两次"},
    {"usage.extras", "多余的参数"},
    {"usage.required", "缺少必需的选项或参数"},
    {"usage.invalid_value", "选项的值不在允许的范围内"},
    {"usage.conversion", "选项的值无法解析"},
    {"usage.mismatch", "选项的参数个数不对"},
    {"usage.unknown_option", "未知的选项"},
    {"usage.excludes", "选项不能同时使用"},
    {"usage.subcommand", "需要一个子命令"},
    // The server's own codes (tools/qixian/serve: RFC 9457 problems that are not query errors).
    {"not_found", "没有这个地址"},
    {"internal_error", "服务器未能回答这一请求"},
    {"header_too_large", "请求行和请求头超过服务器接受的大小"},
    {"body_too_large", "请求正文超过服务器接受的大小"},
    {"bad_http", "请求不是有效的 HTTP/1.1 请求"},
    {"unsupported_media_type", "请求正文应为 application/json"},
    {"too_many_connections", "服务器连接过多，请稍后重试"},
    {"method_not_allowed", "该地址不接受这一请求方法"},
    // The C API's own codes (capi/include/qixian/qixian.h).
    {"invalid_argument", "参数无效"},
    {"out_of_memory", "内存不足"},
    // Not an error: a diagnostic's note no template matches (it points at another place).
    {"note", "另见此处"},
    // Not an error: the notes of an answer (deadline::notes) no template below matches — a
    // rule file's own note, written in English.
    {"answer_note", "本条说明只有英文原文，请查看英文输出"},
};

// A template: the English shape (a `{name}` matches any text; `{*}` matches the rest,
// which is said in Chinese in its turn) and its Chinese, with the same names. A name that
// begins with "month" is an English month name, said as its number.
struct message_template {
    std::string_view code;  // "" = any code (a context the engine puts before a message)
    std::string_view en;
    std::string_view zh;
};

constexpr message_template templates[] = {
    // Contexts the engine puts before a message (compute.cpp with_context, civil.cpp parse).
    {"", "event {k}: {*}", "事件「{k}」：{*}"},
    {"", "act: {*}", "行为时间：{*}"},
    {"", "tolling {tolling} from: {*}", "{tolling}的开始日：{*}"},
    {"", "tolling {tolling} to: {*}", "{tolling}的结束日：{*}"},
    {"", "tolling {tolling}: {*}", "{tolling}：{*}"},
    {"", "instalment due {d}: {*}", "分期履行期间届满日 {d}：{*}"},
    {"", "component {c}: {*}", "组成规则 {c}：{*}"},
    {"", "end of the last day: {*}", "最后一日的截止时刻：{*}"},
    // Dates and times (civil.cpp, tz.cpp).
    {"invalid_date", "'{t}' is not a date of the form YYYY-MM-DD", "「{t}」不是日期（格式为 年-月-日，如 2025-03-01）"},
    {"invalid_date", "'{t}': {month} {y} has no day {d} (it has {n} days)", "「{t}」：{y}年{month}月没有{d}日（该月只有{n}日）"},
    {"invalid_date", "{month} {y} has no day {d} (it has {n} days)", "{y}年{month}月没有{d}日（该月只有{n}日）"},
    {"invalid_date", "'{t}': month {m} is not 01-12", "「{t}」：月份 {m} 不在 01 至 12 之间"},
    {"invalid_date", "month {m} is not 01-12", "月份 {m} 不在 01 至 12 之间"},
    {"out_of_range", "'{t}': year {y} is outside 0001-9999", "「{t}」：年份 {y} 不在 0001 至 9999 之间"},
    {"out_of_range", "year {y} is outside 0001-9999", "年份 {y} 不在 0001 至 9999 之间"},
    {"invalid_time", "'{t}': expected YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS",
     "「{t}」不是时间（格式如 2025-03-01T09:30 或 2025-03-01T09:30:00）"},
    {"invalid_time", "'{t}': the time of day is not HH:MM[:SS]", "「{t}」：时刻的格式应为 时:分 或 时:分:秒"},
    {"invalid_time", "'{t}': hour {h} is not 00-23", "「{t}」：小时 {h} 不在 00 至 23 之间"},
    {"invalid_time", "'{t}': minute {m} is not 00-59", "「{t}」：分钟 {m} 不在 00 至 59 之间"},
    {"invalid_time", "'{t}': second {s} is not 00-59", "「{t}」：秒 {s} 不在 00 至 59 之间"},
    {"invalid_time", "'{t}': unmatched ']'", "「{t}」：方括号不成对"},
    {"invalid_time", "'{t}': the offset is not ±HH:MM", "「{t}」：时差的格式应为 ±时:分"},
    {"invalid_time", "'{t}': offset {o} is out of range", "「{t}」：时差 {o} 超出范围"},
    {"invalid_time", "'{t}': give an offset or a [zone], not both", "「{t}」：时差与时区只能给出其一"},
    {"invalid_time", "'{t}': {*}", "「{t}」：{*}"},
    {"invalid_date", "'{t}': {*}", "「{t}」：{*}"},
    {"unknown_zone", "empty time zone name", "时区名称为空"},
    {"unknown_zone", "'{z}' is not a zone of the system tz database (an IANA name such as Asia/Shanghai or America/New_York)",
     "「{z}」不是系统时区数据库中的时区（应为 Asia/Shanghai、America/New_York 这样的时区名）"},
    {"nonexistent_local_time",
     "{t} does not exist in {z}: the clocks went from {a} to {b} (candidates: {c1} = {l1}, or {c2} = {l2}; choose a policy, earliest or latest)",
     "{z} 没有 {t} 这一时刻：时钟从 {a} 直接拨到 {b}（可取较早的 {l1} 或较晚的 {l2}，请以 --local-time 选择）"},
    {"ambiguous_local_time", "{t} happens twice in {z}: {a} or {b} (choose a policy, earliest or latest)",
     "{z} 的 {t} 出现两次：{a} 或 {b}（请以 --local-time 选择较早者或较晚者）"},
    // Counting (counting.cpp).
    {"ambiguous_month_end",
     "{from} + {n} {unit}: {ym} has no day {d} and the month-end policy is reject (clamp would give {c})",
     "{from} 加 {n} 个月：{ym} 没有第 {d} 日，且月末处理方式为拒绝（以该月最后一日为届满日则为 {c}）"},
    {"out_of_range", "{from} + {n} months is outside the years 0001-9999", "{from} 加 {n} 个月超出 0001 至 9999 年"},
    {"out_of_range", "{from} + {n} days is outside 0001-01-01..9999-12-31", "{from} 加 {n} 日超出 0001-01-01 至 9999-12-31"},
    {"out_of_range", "the period ends on {d}, whose end lies outside the supported years 0001-9999",
     "期间于 {d} 届满，其截止时刻超出 0001 至 9999 年"},
    {"out_of_range", "period too long: {p}", "期间过长：{p}"},
    // Calendars.
    {"outside_calendar_coverage", "{d} is outside the calendar's data: calendar '{c}' has data for {f} to {g}",
     "{d} 超出日历 {c} 的节假日数据范围（数据覆盖 {f} 至 {g}）"},
    {"outside_calendar_coverage", "{d} is outside the calendar's data: {*}", "{d} 超出日历的节假日数据范围"},
    {"outside_calendar_coverage", "{a}..{b} is not inside calendar '{c}' data {f}..{g}",
     "{a} 至 {b} 不在日历 {c} 的数据范围 {f} 至 {g} 之内"},
    {"outside_calendar_coverage",
     "the answer needs {y}, past {p}, the last year the holiday law can be projected (its lunar table ends there; published notices end {e})",
     "计算需要 {y} 年的节假日，晚于可按《全国年节及纪念日放假办法》推算的最后一年 {p} 年（农历表止于该年；已公布的放假通知止于 {e}）"},
    {"outside_calendar_coverage", "{y} is past the last year the holiday law can be projected ({g}: the lunar table ends there)",
     "{y} 年晚于可按放假办法推算的最后一年 {g} 年（农历表止于该年）"},
    {"no_working_day", "no working day within {n} days from {d} in calendar {c}", "日历 {c} 中自 {d} 起 {n} 日内没有工作日"},
    {"no_working_day", "no working day within 400 days before {d}", "{d} 之前 400 日内没有工作日"},
    // Rules and requests (compute.cpp, rule_pack.cpp, prepared.cpp).
    {"unknown_rule", "no rule '{r}' in the rule pack (qixian rules list shows them)", "规则包中没有规则 {r}"},
    {"unknown_rule", "no rule '{r}' in the rule pack", "规则包中没有规则 {r}"},
    {"unknown_rule", "no citation '{r}' in the rule pack", "规则包中没有法律依据「{r}」"},
    {"unknown_rule", "'rules' names '{p}', which matches no rule", "案件文件的「rules」列出的「{p}」不对应任何规则"},
    {"missing_event", "rule '{r}' runs from the event {events}; give it, e.g. --event {e}={d}",
     "规则 {r} 的期间自事件{events}起算，请给出该事件，例如 --event {e}={d}"},
    {"missing_event", "rule '{r}' (version from {v}) runs from the event {events}; give it, e.g. --event {e}={d}",
     "规则 {r}（{v} 起施行的版本）的期间自事件{events}起算，请给出该事件，例如 --event {e}={d}"},
    {"missing_fact", "rule '{r}' (version from {v}) depends on the fact '{f}'; give it, e.g. --fact {e}",
     "规则 {r}（{v} 起施行的版本）的期间取决于事实「{f}」，请给出该事实，例如 --fact {e}"},
    {"no_version_in_force", "rule '{r}' has no version in force for a trigger on {d} (versions from {v}){*}",
     "规则 {r} 在起算日 {d} 没有施行中的版本（最早的版本自 {v} 起施行）"},
    {"no_version_in_force", "rule '{r}' has no version in force for an application on {d} {*}",
     "规则 {r} 在申请日 {d} 没有施行中的版本（各版本适用于其施行期间内提出的申请）"},
    {"no_version_in_force", "rule '{r}' has no version in force for an instalment due {d}",
     "规则 {r} 在分期履行期间届满日 {d} 没有施行中的版本"},
    {"no_version_in_force", "rule '{r}' has no version in force for an {w} on {d} (versions from {v})",
     "规则 {r} 在 {d} 没有施行中的版本（最早的版本自 {v} 起施行）"},
    {"no_version_in_force", "rule '{r}' has no version in force for {d}", "规则 {r} 在 {d} 没有施行中的版本"},
    {"invalid_request", "'{f}' is not a fact (facts: {l})", "「{f}」不是事实名称（可用的事实：{l}）"},
    {"invalid_request", "fact {f} is '{v}'; it is one of {l}", "事实「{f}」的值「{v}」不在允许的取值之内（可取：{l}）"},
    {"invalid_request", "'{k}' is not an event kind (see INTERFACES.md)", "「{k}」不是已知的事件种类"},
    {"invalid_request", "rule '{r}' counts hours: give the event's time, e.g. {e}",
     "规则 {r} 按小时计算，请给出事件的时刻，例如 {e}"},
    {"invalid_request", "rule '{r}': no period of the version from {v} matches the facts given",
     "规则 {r}：{v} 起施行的版本中没有与所给事实相符的期间"},
    {"invalid_request", "rule '{r}' has no time limit: no calendar entry", "规则 {r} 不受期间限制，没有可写入日历的届满日"},
    {"invalid_request", "tolling {tolling}: 'to' is before 'from'", "{tolling}：结束日早于开始日"},
    {"invalid_request", "settlement: performance_due is before the settlement", "和解协议约定的履行期限早于和解之日"},
    {"invalid_request", "--to is before --from", "--to 早于 --from"},
    {"invalid_request", "at most 50 years at a time", "一次最多查询 50 年"},
    {"invalid_request", "no calendar '{c}'", "没有日历「{c}」"},
    {"invalid_request", "the body is not valid JSON", "请求正文不是有效的 JSON 对象"},
    {"invalid_request", "the line is not valid JSON", "该行不是有效的 JSON 对象"},
    {"invalid_request", "an empty line is not a request", "空行不是请求"},
    {"invalid_request", "'rule' is required", "缺少「rule」（规则标识）"},
    {"invalid_request", "'{f}' is required", "缺少「{f}」"},
    {"invalid_request", "a request must be a JSON object", "请求必须是 JSON 对象"},
    {"invalid_request", "{p}: not valid JSON", "{p}：不是有效的 JSON 文件"},
    // A request's fields (tools/qixian/request_json.cpp, fields.cpp, docket.cpp).
    {"invalid_request", "field '{f}' is given twice", "字段「{f}」给出了两次"},
    {"invalid_request", "{f} is given twice", "「{f}」给出了两次"},
    {"invalid_request", "unknown field '{f}'", "未知的字段「{f}」"},
    {"invalid_request", "'{f}' must be a string", "「{f}」应为字符串"},
    {"invalid_request", "{f} must be a string", "「{f}」应为字符串"},
    {"invalid_request", "'{f}' must be an array of answer field names", "「{f}」应为答案字段名的数组"},
    {"invalid_request", "'{f}' must be an array", "「{f}」应为数组"},
    {"invalid_request", "'{f}' must be an object", "「{f}」应为对象"},
    {"invalid_request", "'{f}' must be true or false", "「{f}」应为布尔值"},
    {"invalid_request", "'{f}' must be a list{x}", "「{f}」应为字符串列表"},
    {"invalid_request", "{f} must be {l}", "「{f}」应为{l}之一"},
    {"invalid_request", "each tolling entry must be an object", "「tolling」的每一项都应为对象"},
    {"invalid_request", "tolling kind '{k}' is not one of {l}", "中止、中断事由的种类「{k}」不在允许的取值之内（可取：{l}）"},
    {"invalid_request", "tolling {tolling}: unexpected field '{f}' ({x})", "{tolling}：多余的字段「{f}」"},
    {"invalid_request", "tolling {tolling} needs from and to", "{tolling}需要「from」和「to」"},
    {"invalid_request", "tolling {tolling} needs at", "{tolling}需要「at」"},
    {"invalid_request", "events.instalment_due: an empty list", "「events.instalment_due」为空列表"},
    {"invalid_request", "events.{k}: only instalment_due takes a list of days", "「events.{k}」：只有「instalment_due」可以是日期列表"},
    {"invalid_request", "events.instalment_due: each day must be a string", "「events.instalment_due」：每个日期都应为字符串"},
    {"invalid_request", "readings.{k}: '{v}' is not a reading ({x})", "「readings.{k}」：「{v}」不是可选的解读"},
    {"invalid_request", "a number in the line is too large to read (at byte {n})", "该行中有数字过大，无法读取（第 {n} 字节）"},
    {"invalid_request", "fields: '{f}' is not an answer field (INTERFACES.md lists them)", "「fields」：「{f}」不是答案字段"},
    {"invalid_request", "fields: name at least one answer field", "「fields」：至少列出一个答案字段"},
    {"invalid_request", "fields: each field name must be a string", "「fields」：每个字段名都应为字符串"},
    {"invalid_request", "a case file is a table/object", "案件文件应为表（对象）"},
    {"invalid_request", "'court_events' must be a table of event kinds", "「court_events」应为以事件种类为键的表"},
    {"invalid_request", "'court_events': '{k}' must be an event kind with a time (a string)",
     "「court_events」：「{k}」应为事件种类，其值为时间（字符串）"},
    {"io_error", "cannot read '{p}'", "无法读取 {p}"},
    {"io_error", "cannot read '{p}': {x}", "无法读取 {p}"},
    {"io_error", "cannot write the output: {x}", "无法写出输出"},
    {"io_error", "the rules directory cannot be read", "无法读取规则目录"},
    {"rules_invalid", "the rule pack has errors (see diagnostics)", "规则包有误（详见各条诊断）"},
    // Rule-file diagnostics (toml_reader.cpp, rule_pack.cpp).
    {"E0101", "{w}: unknown key '{k}'", "{w}：未知的键「{k}」"},
    {"E0102", "{w}: missing key '{k}' ({t})", "{w}：缺少键「{k}」"},
    {"E0103", "{w}: '{k}' must be {t}, not {u}", "{w}：「{k}」的类型不对"},
    {"E0104", "{w}: '{k}' is \"{v}\"; expected one of {l}", "{w}：「{k}」的值「{v}」不在允许的取值之内（可取：{l}）"},
    {"E0001", "Error while parsing date: expected day between {a} and {b} (inclusive), saw {c}",
     "日期有误：日应在 {a} 至 {b} 之间，实为 {c}"},
    {"E0101", "{w}: unknown fact '{f}' (facts: {l})", "{w}：未知的事实「{f}」（可用的事实：{l}）"},
    {"E0102", "{w}: no length (years, months, days, hours or working_days)", "{w}：没有期间长度（年、月、日、小时或工作日）"},
    {"E0102", "{w}: give the facts it applies to{x}",
     "{w}：请以「when」给出其适用的事实（完全没有期间的版本应写「time_limit = \"none\"」）"},
    {"E0102", "calendar '{c}' has no year files", "日历「{c}」没有年度文件"},
    {"E0103", "{w}: '{k}' must be a table, or an array of tables with valid_from",
     "{w}：「{k}」应为表，或带「valid_from」的表的数组"},
    {"E0103", "[[{t}]] must be a table", "「[[{t}]]」应为表"},
    {"E0104", "{w}: fact '{f}' must be {l}", "{w}：事实「{f}」的值应为{l}之一"},
    {"E0104", "{w}: 'when' is empty, so it would match every request{x}",
     "{w}：「when」为空，将适用于所有请求（完全没有期间的版本应写「time_limit = \"none\"」）"},
    {"E0104", "notice '{n}': published before it was issued", "放假通知「{n}」：发布日早于成文日"},
    {"E0104", "rule '{r}': a composite version has no '{k}' (its components have their own)",
     "规则 {r}：组合规则的版本没有「{k}」（由各组成规则自行规定）"},
    {"E0104", "rule '{r}': a composite needs at least two rule ids", "规则 {r}：组合规则至少需要两条组成规则"},
    {"E0104", "rule '{r}': the version from {v} takes over running periods, but there is no earlier version",
     "规则 {r}：{v} 起施行的版本规定适用于施行时尚未届满的期间，但没有更早的版本"},
    {"E0104",
     "rule '{r}': the version from {v} takes over running periods, but the rule's versions are chosen by the application day (version_by_application): a period is never counted under two versions",
     "规则 {r}：{v} 起施行的版本规定适用于施行时尚未届满的期间，但该规则按申请之日选择版本（version_by_application）：一个期间不会依两个版本计算"},
    {"E0104",
     "rule '{r}': the version from {v} counts instalments, but the rule's versions are chosen by the application day (version_by_application): only periods and composites can be",
     "规则 {r}：{v} 起施行的版本分期计算，但该规则按申请之日选择版本（version_by_application）：这样的规则只能是期间或组合规则"},
    {"E0201", "rule id '{r}' is used twice", "规则标识「{r}」重复使用"},
    {"E0202", "holiday '{h}' names unknown notice '{n}'", "放假区间「{h}」所引的放假通知「{n}」不存在"},
    {"E0202", "rule '{r}': unknown convention '{c}'", "规则 {r}：计算规则「{c}」不存在"},
    {"E0202", "rule '{r}': component '{c}' is not a rule of the pack", "规则 {r}：组成规则「{c}」不在规则包中"},
    {"E0203", "convention '{c}': the steps from {a} overlap the steps from {b}",
     "计算规则 {c}：{a} 起的步骤与 {b} 起的步骤期间重叠"},
    {"E0207", "rule '{r}': produces '{k}', which is not an event kind (see INTERFACES.md)",
     "规则 {r}：届满产生的事件「{k}」不是已知的事件种类"},
    {"E0207", "rule '{r}': trigger '{k}' is not an event kind (see INTERFACES.md)", "规则 {r}：起算事件「{k}」不是已知的事件种类"},
    {"E0208", "rule '{r}' contains itself: {p}", "组合规则 {r} 包含其自身：{p}"},
    {"E0301", "working day {d} is a {weekday}, not a weekly rest day (调休上班 makes a rest day a working day)",
     "调休上班日 {d} 是{weekday}，不是周末休息日（调休上班是把休息日改为工作日）"},
    {"E0302", "holiday '{h}': {a} to {b} is {n} days, but the notice announces {m}",
     "放假区间「{h}」：{a} 至 {b} 共 {n} 日，而通知公布的是 {m} 日"},
    {"E0303", "{d} is both in a holiday block and a working day", "{d} 既在放假区间内，又是调休上班日"},
    {"E0304", "year {y}: net days off are {n} ({w2} weekdays in holiday blocks - {a} working weekend days), but the statutory total is {t}",
     "{y} 年：净休息日为 {n} 日（放假区间内的工作日 {w2} 日，减去调休上班的周末 {a} 日），而法定节假日共 {t} 日"},
    {"E0203", "rule '{r}': the version from {a} overlaps the version from {b} (in force until {c})",
     "规则 {r}：{a} 起施行的版本与 {b} 起施行的版本（施行至 {c}）期间重叠"},
    {"E0204", "rule '{r}': no version is in force from {a} to {b}", "规则 {r}：自 {a} 至 {b} 没有施行中的版本"},
    {"E0205", "{w}: valid_until {a} is not after valid_from {b}", "{w}：失效日 {a} 不晚于施行日 {b}"},
    {"E0206", "'citations' is empty: every version cites its authority", "「citations」为空：每个版本都须引用法律依据"},
    {"E0206", "no 'citations': every version cites its authority", "缺少「citations」：每个版本都须引用法律依据"},
    {"E0002", "cannot read the file", "无法读取该文件"},
    {"note", "the earlier version is here", "较早的版本在此"},
    {"note", "the earlier version ends here", "较早的版本在此终止"},
    {"note", "first declared here", "首次声明在此"},
    {"note", "first used here", "首次使用在此"},
    {"note", "the earlier steps are here", "较早的步骤在此"},
    // The notes of an answer (deadline::notes, compute.cpp). {tolling…}: a tolling kind.
    {"answer_note",
     "reading instalments=each does not apply to the instalments due from {d}: the version in force on their due days counts one period from the last instalment (its text, not a reading)",
     "解读 instalments=each 不适用于 {d} 起到期的各期：其到期日施行的版本规定自最后一期履行期间届满之日起统一计算（这是法律文本的规定，不是解读）"},
    {"answer_note", "instalments: one period from the last instalment, due {d}",
     "分期履行：自最后一期履行期间届满之日（{d}）起计算一个期间"},
    {"answer_note",
     "instalments: counted from the last one (reading instalments=last; the text in force on some due days counts each instalment)",
     "分期履行：自最后一期起计算（按 instalments=last 解读；部分到期日施行的文本规定各期分别计算）"},
    {"answer_note",
     "instalments due before {v} are each counted from their own due day under the text then in force; those from then on share one period from the last instalment. The transitional effect of the change is not settled: reading instalments=last counts all from the last",
     "{v} 之前到期的各期，依当时施行的文本自各自到期日分别计算；此后到期的各期自最后一期履行期间届满之日起统一计算。修改前后如何衔接尚无定论：按 instalments=last 解读则全部自最后一期起算"},
    {"answer_note", "fact {f} does not change the period of the version from {d}", "事实「{f}」不影响 {d} 起施行的版本的期间"},
    {"answer_note",
     "the versions of rule '{r}' govern the applications made while they are in force; with no act given, the version was chosen by the trigger day: give the day of the application (act) to apply the version then in force",
     "规则 {r} 的各版本适用于其施行期间内提出的申请；未给出行为日，故按起算日选择版本：请给出申请之日（--act），以适用当时施行的版本"},
    {"answer_note", "the cap at {d} does not apply to the facts given ({c})", "{d} 的最迟届满日不适用于所给事实（{c}）"},
    {"answer_note", "a look-back window is not suspended or interrupted: the tolling events were not applied",
     "回溯期间不适用中止、中断：所给的中止、中断事由未予适用"},
    {"answer_note", "suspension {a} to {b} has no effect: not within the last six months ({c} to {e})",
     "{a} 至 {b} 的中止事由不发生中止的效力：不在时效期间的最后六个月内（{c} 至 {e}）"},
    {"answer_note", "{tolling} on {d} has no effect: the period had ended on {e}", "{d} 的{tolling}不发生效力：期间已于 {e} 届满"},
    {"answer_note", "{tolling} on {d} has no effect: it is before the period began on {s}",
     "{d} 的{tolling}不发生效力：早于期间开始之日 {s}"},
    {"answer_note", "reading suspension={r} has no authority for a suspension on {d} under this version; its text's reading ({t}) applies",
     "解读 suspension={r} 对 {d} 的中止在本版本下没有依据；适用该版本文本的解读（suspension={t}）"},
    {"answer_note", "event '{k}' was given but not used by this rule", "给出了事件「{k}」，但本规则不以其起算"},
    {"answer_note", "a court may extend this period ({c})", "人民法院可以决定延长本期间（{c}）"},
    {"answer_note", "no act given: the version now in force answers; give the act (--act) for the text in force on its day",
     "未给出行为日：按现行版本回答；请给出行为日（--act），以适用行为之日施行的文本"},
    // Ad-hoc periods (period.cpp parse_duration, adhoc.cpp) and readings (compute.cpp).
    {"invalid_duration", "'{t}' is not an ISO 8601 duration (at position {n}: {*}); e.g. P15D, P3M, P6Y, P1Y6M, P2W, PT48H",
     "「{t}」不是「ISO 8601」格式的时长（第 {n} 个字符：{*}）；例如 P15D、P3M、P6Y、P1Y6M、P2W、PT48H"},
    {"invalid_duration", "a duration begins with P", "时长应以 P 开头"},
    {"invalid_duration", "T given twice", "T 出现了两次"},
    {"invalid_duration", "T with no hours after it", "T 之后没有小时数"},
    {"invalid_duration", "a number was expected", "此处应为数字"},
    {"invalid_duration", "the number is too large", "数字过大"},
    {"invalid_duration", "a number with no unit after it", "数字之后没有单位"},
    {"invalid_duration", "fractions are not counted", "不计算小数"},
    {"invalid_duration", "minutes and seconds are not counted by any convention here", "没有按分钟或秒计算的计算规则"},
    {"invalid_duration", "'{u}' is not a unit (Y, M, W, D; after T: H)", "「{u}」不是单位（可用 Y、M、W、D；T 之后为 H）"},
    {"invalid_duration", "'{u}' given twice or out of order", "单位「{u}」重复或顺序有误"},
    {"invalid_duration", "no length given", "没有给出长度"},
    {"invalid_duration", "a period of zero length", "期间长度为零"},
    {"invalid_duration", "hours cannot be mixed with years, months or days: a period is counted either in hours or in days",
     "小时不能与年、月、日混用：期间或按小时计算，或按日计算"},
    {"conflicting_request", "give either a rule ('{r}') or an ad-hoc convention and period, not both",
     "规则（{r}）与自定义期间（计算规则和时长）只能给出其一"},
    {"unknown_convention", "no convention '{c}' in the rule pack (qixian rules conventions lists them)",
     "规则包中没有计算规则 {c}（「qixian rules conventions」列出全部计算规则）"},
    {"invalid_request",
     "an ad-hoc period '{p}' needs the convention to count it under, e.g. --convention cn.counting (qixian rules conventions lists them)",
     "自定义期间 {p} 需要指明按哪一计算规则计算，例如 --convention cn.counting（「qixian rules conventions」列出全部计算规则）"},
    {"invalid_request", "an ad-hoc period under '{c}' needs its length, an ISO 8601 duration such as P15D, P3M, P6Y or PT48H",
     "按计算规则 {c} 的自定义期间需要给出长度（「ISO 8601」格式的时长，如 P15D、P3M、P6Y、PT48H）"},
    {"invalid_request", "readings.{k}: '{v}' is not a value of rule '{r}' ({x})", "「readings.{k}」：「{v}」不是规则 {r} 的解读取值（{x}）"},
    {"invalid_request", "readings.{k}: no rule of the pack declares the reading '{n}'", "「readings.{k}」：规则包中没有声明解读「{n}」的规则"},
    {"answer_note", "reading {k}={v} does not apply to rule '{r}'", "解读 {k}={v} 不适用于规则 {r}"},
    {"answer_note",
     "ad-hoc period: counted under the convention {c}; what its end means (a bar, a defence) is for the law that sets the period",
     "自定义期间：按计算规则 {c} 计算；期间届满的效果（失权或抗辩）由规定该期间的法律决定"},
    // A forum calendar's day past its history (rule_calendar.hpp projected_caveat).
    {"answer_note",
     "projected by the calendar's rules: one-off closures (proclaimed, mourning or emergency days) cannot be foreseen",
     "按日历的规则推算：无法预见临时的闭庭日（宣布的假日、哀悼日或紧急关闭）"},
    // Forum calendars (rule_calendar_loader.cpp).
    {"E0501", "{w}: give exactly one date rule: fixed = \"MM-DD\", weekday (with month and nth) or easter",
     "{w}：日期规则须恰有一个：「fixed = \"MM-DD\"」、「weekday」（及「month」和「nth」）或「easter」"},
    {"E0502", "calendar '{c}': {d} ('{n}', closed = false) is not a holiday by the rules: nothing to take away",
     "日历 {c}：{d}（「{n}」，closed = false）按规则本不是节假日，无可取消"},
    {"E0503", "calendar '{c}': the one-off day {d} lies outside the history {a} to {b} {*}",
     "日历 {c}：临时放假日 {d} 不在历史数据 {a} 至 {b} 之内（以后的临时放假日无法预知：宣布后再延长 history_through）"},
    {"E0504", "calendar '{c}' is built from rules (kind = \"rules\"), but {n} year file(s) name it",
     "日历 {c} 按规则生成（「kind = \"rules\"」），但有 {n} 个年度文件指向它"},
    {"E0504", "calendar '{c}': from <= history_through <= project_through is required",
     "日历 {c}：须满足「from <= history_through <= project_through」"},
    {"E0504", "calendar '{c}': no weekly rest days in force on its first day {d}", "日历 {c}：其第一日 {d} 没有施行中的每周休息日"},
    {"E0504", "calendar '{c}': holidays, one-off days and coverage keys belong to a calendar of kind = \"rules\"",
     "日历 {c}：节假日、临时放假日和覆盖范围的键只能用于「kind = \"rules\"」的日历"},
    // The CLI (usage errors).
    {"usage.repeated", "{o}: {k} given twice{*}", "{o}：「{k}」给出了两次"},
    {"usage.repeated", "{o}: At Most 1 required but received {n}", "{o} 只能给出一次（给出了 {n} 次）"},
    {"usage.extras", "The following argument was not expected: {a}", "多余的参数：「{a}」"},
    {"usage.extras", "The following arguments were not expected: {a}", "多余的参数：「{a}」"},
    {"usage.required", "A subcommand is required", "需要一个子命令（如 compute、explain、rules、calendar）"},
    {"usage.required", "{o} is required", "缺少 {o}"},
    {"usage.invalid_value", "{o}: {v} not in {*}", "{o}：「{v}」不是允许的值"},
    {"usage.invalid_value", "--forum {f}: no rule of the pack is for that forum (forums: {l})",
     "--forum {f}：规则包中没有该法域的规则（法域：{l}）"},
    {"usage.required", "give a rule id, or an ad-hoc period: --convention ID --period DURATION --event start=DAY",
     "请给出规则标识，或自定义期间：--convention 计算规则 --period 时长 --event start=日期"},
};

// Matches `text` against an English template: literal text must be equal, a `{name}`
// takes the shortest text (one character at least; `{*}` may be empty) that lets the rest
// match. The values go to `values` in the order of the placeholders.
bool match(std::string_view pattern, std::string_view text, std::vector<std::string_view>& values) {
    while (!pattern.empty() && pattern.front() != '{') {
        if (text.empty() || text.front() != pattern.front()) return false;
        pattern.remove_prefix(1);
        text.remove_prefix(1);
    }
    if (pattern.empty()) return text.empty();
    const auto close = pattern.find('}');
    const bool rest = pattern.substr(1, close - 1) == "*";
    const std::string_view after = pattern.substr(close + 1);
    for (std::size_t n = rest ? 0 : 1; n <= text.size(); ++n) {
        values.push_back(text.substr(0, n));
        if (match(after, text.substr(n), values)) return true;
        values.pop_back();
    }
    return false;
}

// The placeholder names of a template, in order.
std::vector<std::string_view> names_of(std::string_view pattern) {
    std::vector<std::string_view> out;
    for (auto open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1))
        out.push_back(pattern.substr(open + 1, pattern.find('}', open) - open - 1));
    return out;
}

std::string month_number(const std::string& name) {
    static constexpr std::string_view months[] = {"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
    for (std::size_t i = 0; i < 12; ++i)
        if (months[i] == name) return std::to_string(i + 1);
    return name;
}

bool is_latin_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The inputs an English message names: quoted texts, dates, ids (with a dot, an underscore,
// a digit or a slash), in order, without repeats.
std::vector<std::string> named_inputs(std::string_view english, std::string_view subject) {
    std::vector<std::string> out;
    const auto add = [&](std::string s) {
        while (!s.empty() && std::string_view(",;:)(").find(s.back()) != std::string_view::npos) s.pop_back();
        while (!s.empty() && std::string_view("(").find(s.front()) != std::string_view::npos) s.erase(0, 1);
        if (!s.empty() && s != "e.g." && s != "i.e." && std::find(out.begin(), out.end(), s) == out.end())
            out.push_back(std::move(s));
    };
    if (!subject.empty()) add(std::string(subject));
    std::size_t i = 0;
    while (i < english.size()) {
        const char c = english[i];
        if (c == '\'' || c == '"') {
            const auto end = english.find(c, i + 1);
            if (end != std::string_view::npos && end > i + 1) {
                add(std::string(english.substr(i + 1, end - i - 1)));
                i = end + 1;
                continue;
            }
        }
        if (c == ' ') { ++i; continue; }
        auto end = english.find_first_of(" '\"", i + 1);  // an unclosed quote is part of the word
        if (end == std::string_view::npos) end = english.size();
        const std::string_view word = english.substr(i, end - i);
        const bool id_like = (word.rfind("--", 0) == 0 || word.find_first_of("._/0123456789=") != std::string_view::npos) &&
                             std::any_of(word.begin(), word.end(), [](char ch) {
                                 return is_latin_word_char(ch) || (ch >= '0' && ch <= '9');
                             });
        if (id_like) add(std::string(word));
        i = end;
    }
    return out;
}

// Any remaining run of Latin words (two or more letters with a space between) in a value
// a template carried over: such a value is said by the inputs it names instead.
bool has_latin_sentence(std::string_view s) {
    bool prev_word = false;
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_latin_word_char(s[i])) {
            std::size_t j = i;
            bool plain = true;
            while (j < s.size() && s[j] != ' ') {
                if (!is_latin_word_char(s[j]) && s[j] != ',' && s[j] != ';' && s[j] != ':') plain = false;
                ++j;
            }
            if (plain && prev_word) return true;
            prev_word = plain;
            i = j;
        } else if (s[i] == ' ') {
            ++i;
        } else {
            prev_word = false;
            while (i < s.size() && s[i] != ' ') ++i;
        }
    }
    return false;
}

// Where in a rule or calendar file (toml_reader's context: "rule 'x' version", "holiday
// 'y'", "calendar year file"): said word by word; ids (quoted, or with _ or .) are kept.
// Empty when a word is not known (the template is then not used).
std::string where_zh(const std::string& where) {
    static constexpr std::pair<std::string_view, std::string_view> words[] = {
        {"rule", "规则"},           {"version", "版本"},          {"period", "期间"},
        {"periods", "期间"},        {"convention", "计算规则"},  {"calendar", "日历"},
        {"notice", "放假通知"},     {"holiday", "放假区间"},      {"festival", "节日"},
        {"day", "日"},              {"working", "上班"},          {"year", "年度"},
        {"file", "文件"},           {"law", "办法"},              {"lunar", "农历"},
        {"table", "表"},            {"core", "核心日"},           {"projection", "推算"},
        {"measures", "办法"},       {"citation", "法律依据"},    {"steps", "步骤"},
        {"from", "起"},             {"produces", "届满产生的事件"}, {"not_time_limited", "不受期间限制"},
        {"trigger_citations", "起算依据"}, {"weekly_rest", "每周休息日"}, {"days_off", "休息日"}};
    std::string out;
    std::size_t i = 0;
    while (i < where.size()) {
        if (where[i] == ' ') { ++i; continue; }
        if (where[i] == '\'') {
            const auto end = where.find('\'', i + 1);
            if (end == std::string::npos) return {};
            // an id with no dot, underscore, slash or digit (a holiday's "no-date") is quoted
            const std::string id = where.substr(i + 1, end - i - 1);
            out += id.find_first_of("._/0123456789=:") == std::string::npos ? "「" + id + "」" : " " + id + " ";
            i = end + 1;
            continue;
        }
        auto end = where.find(' ', i);
        if (end == std::string::npos) end = where.size();
        const std::string word = where.substr(i, end - i);
        const auto* w = std::find_if(std::begin(words), std::end(words), [&](const auto& p) { return p.first == word; });
        if (w != std::end(words)) out += w->second;
        else if (word.find_first_of("._0123456789") != std::string::npos) out += " " + word + " ";
        else return {};
        i = end;
    }
    // no spaces at the ends or doubled
    std::string tidy;
    for (const char c : out)
        if (c != ' ' || (!tidy.empty() && tidy.back() != ' ')) tidy += c;
    while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
    return tidy;
}

// Ids in a list ("a, b, c" or "a or b"), each quoted: 「a」、「b」、「c」 or 「a」或「b」.
std::string list_zh(std::string_view text, std::string_view separator, std::string_view joiner) {
    std::string all(text);
    if (separator == ", ")  // "a, b or c"
        for (auto at = all.find(" or "); at != std::string::npos; at = all.find(" or ", at)) all.replace(at, 4, ", ");
    std::string_view value = all;
    std::string out;
    while (true) {
        const auto at = value.find(separator);
        out += "「" + std::string(value.substr(0, at)) + "」";
        if (at == std::string_view::npos) return out;
        out += joiner;
        value.remove_prefix(at + separator.size());
    }
}

std::string weekday_zh(const std::string& day) {
    static constexpr std::string_view en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::string_view zh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    for (std::size_t i = 0; i < 7; ++i)
        if (en[i] == day) return std::string(zh[i]);
    return day;
}

std::string tolling_kind(const std::string& kind) {
    if (kind == "interruption") return "中断事由";
    if (kind == "suspension") return "中止事由";
    if (kind == "settlement") return "和解协议";
    if (kind == "agreed_after_expiry") return "期间届满后同意履行";
    return kind;
}

std::string fallback(std::string_view code, std::string_view english, std::string_view subject) {
    if (code == "answer_note") return std::string(summary_zh(code));
    std::string out(summary_zh(code).empty() ? summary_zh("invalid_request") : summary_zh(code));
    const auto inputs = named_inputs(english, subject);
    for (std::size_t i = 0; i < inputs.size(); ++i) out += (i == 0 ? "：「" : "、「") + inputs[i] + "」";
    return out;
}

}  // namespace

std::span<const message_code> message_catalog() noexcept { return catalog; }

std::string_view summary_zh(std::string_view code) noexcept {
    for (const auto& c : catalog)
        if (c.code == code) return c.summary_zh;
    return {};
}

namespace {

// The Chinese of `english` by one template, or nothing when it does not match (or a value it
// would carry over is an English sentence).
std::optional<std::string> apply(const message_template& t, std::string_view code, std::string_view english) {
    std::vector<std::string_view> values;
    if (!match(t.en, english, values)) return std::nullopt;
    const auto names = names_of(t.en);
    std::string out;
    std::size_t pos = 0;
    while (pos < t.zh.size()) {
        const auto open = t.zh.find('{', pos);
        if (open == std::string_view::npos) {
            out += t.zh.substr(pos);
            break;
        }
        const auto close = t.zh.find('}', open);
        out += t.zh.substr(pos, open - pos);
        const std::string_view name = t.zh.substr(open + 1, close - open - 1);
        const auto at = std::find(names.begin(), names.end(), name);
        std::string value = at == names.end() ? std::string() : std::string(values[static_cast<std::size_t>(at - names.begin())]);
        // A value is one item: one holding ": " swallowed a context ("event knew: …"), which
        // the context templates say instead.
        if (name != "*" && name != "w" && value.find(": ") != std::string::npos) return std::nullopt;
        if (name == "*") value = translate_zh(code, value, {});
        else if (name.starts_with("month") && (value = month_number(value)).find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        else if (name.starts_with("tolling")) value = tolling_kind(value);
        else if (name == "weekday") value = weekday_zh(value);
        else if (name == "events") value = list_zh(value, " or ", "或");
        else if (name == "l") value = list_zh(value, ", ", "、");
        else if (name == "w" && (value = where_zh(value)).empty()) return std::nullopt;
        else if (has_latin_sentence(value)) return std::nullopt;
        out += value;
        pos = close + 1;
    }
    return out;
}

}  // namespace

std::string translate_zh(std::string_view code, std::string_view english, std::string_view subject) {
    // The code's own templates first, then the contexts any code's message may start with.
    for (const auto& t : templates)
        if (t.code == code)
            if (auto out = apply(t, code, english)) return *out;
    for (const auto& t : templates)
        if (t.code.empty())
            if (auto out = apply(t, code, english)) return *out;
    return fallback(code, english, subject);
}

std::string message_zh(const error& e) { return translate_zh(to_string(e.code), e.message, e.subject); }

std::string message_zh(const diagnostic& d) { return translate_zh(d.code, d.message, {}); }

std::string note_zh(std::string_view note) { return translate_zh("answer_note", note, {}); }

std::string format_zh(const diagnostic& d) {
    const auto where = [](const source_region& r) {
        std::string out = r.file;
        if (r.begin.line != 0) out += ":" + std::to_string(r.begin.line);
        if (r.begin.line != 0 && r.begin.column != 0) out += ":" + std::to_string(r.begin.column);
        return out;
    };
    const char* level = d.level == severity::error ? "错误" : d.level == severity::warning ? "警告" : "注";
    std::string out = where(d.region);
    out += out.empty() ? "" : ": ";
    out += std::string(level) + " " + d.code + "：" + message_zh(d);
    for (const auto& n : d.notes) {
        const std::string at = where(n.region);
        out += "\n  " + at + (at.empty() ? "" : ": ") + "注：" + translate_zh("note", n.message, {});
    }
    return out;
}

}  // namespace qixian
