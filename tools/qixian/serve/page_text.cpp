#include "page_text.hpp"
#include "qixian/messages.hpp"

#include <array>
#include <map>

namespace qixian::serve {

const page_text& en_text() {
    static const page_text t{
        "Deadlines under PRC civil procedure", 
        "Pick a rule, give the event that starts the period, and get the last day with its authority.",
        "Skip to content", "Main", "Deadline", "Docket", "qixian — every answer names its rule version, citations and data.",
        "Rules", "Search rules", "name in Chinese or English, or id", "Search", "No rule matches.", "No such rule:",
        "Events", "Give the day of the event the period runs from (one is enough); a time and a zone only if the act was abroad.",
        "Day", "Time", "Zone", "(not given)", "Facts", "Readings", "Where courts read the law differently: leave empty for the default, every other reading is shown as an alternative.",
        "Tolling", "Dates separated by commas; a suspension as FROM..TO; a settlement as AT..PERFORMANCE_DUE.",
        "Interruptions (中断)", "Suspensions (中止)", "Settlements", "Agreed to perform after expiry",
        "Act and display", "The act (to judge it timely or late)", "Also show the end in zone", "Holiday notices as they stood on",
        "Answer beyond published holiday data, flagged provisional", "Compute",
        "Give the day as well.", "Give the day of at least one of these events.", "Write a suspension as FROM..TO.",
        "Answer", "Rule", "Version in force from", "Last day", "Last safe moment", "Before", "forum zone", "Status",
        "days late", "Provisional", "Range under every arrangement consistent with the law", "to", "On expiry",
        "No time limit applies.", "Period", "Counted from",
        "Other readings", "Reading", "Instalments", "Due", "How it was computed", "Step", "Data used",
        "Download .ics", "Permalink (reproduces this computation)",
        "Docket", "Every deadline a case's events trigger, chains followed, sorted by date.",
        "Events of the case", "One per line: KIND=DAY, e.g. received=2025-03-03", "Only these rules",
        "ids or prefixes ending in *, comma-separated", "Build docket", "chained", "no answer", "No rule is triggered by these events."};
    return t;
}

const page_text& zh_text() {
    static const page_text t{
        "民事诉讼期间与时效计算", "选择规则，填写起算事件，得到期间届满日及其法律依据。",
        "跳到正文", "主菜单", "期限计算", "案件期限表", "qixian — 每个结果都注明所适用的规则版本、法律依据和数据来源。",
        "规则", "搜索规则", "中文或英文名称，或规则编号", "搜索", "没有匹配的规则。", "没有该规则：",
        "事件", "填写期间起算事件的日期（填一个即可）；仅在行为发生于境外时填写时间和时区。",
        "日期", "时间", "时区", "（未填写）", "案件事实", "解释选择", "法院对法律理解不一之处：留空即采用默认理解，其他理解作为备选结果列出。",
        "时效中止、中断", "多个日期用逗号分隔；中止写作 起..止；和解写作 和解日..履行期限届满日。",
        "中断", "中止", "和解", "时效届满后同意履行",
        "行为与显示", "行为时间（判断是否逾期）", "同时以该时区显示届满时刻", "按截至该日公布的放假通知计算",
        "超出已公布节假日数据时给出临时结果", "计算",
        "请同时填写日期。", "请至少填写一个起算事件的日期。", "中止请写作 起..止。",
        "计算结果", "规则", "适用版本施行日", "期间届满日", "最后安全时刻", "早于", "法院所在地时区", "状态",
        "日逾期", "临时结果", "依法律与既往通知可能的范围", "至", "届满后果",
        "不受期间限制。", "期间", "起算日",
        "其他理解下的结果", "理解", "分期履行", "履行期限", "计算过程", "步骤", "所用数据",
        "下载 .ics 日历", "固定链接（可重现本次计算）",
        "案件期限表", "案件事件所触发的全部期限（含连锁期限），按日期排序。",
        "案件事件", "每行一个：事件=日期，例如 received=2025-03-03", "仅限这些规则",
        "规则编号或以 * 结尾的前缀，逗号分隔", "生成期限表", "连锁", "无结果", "这些事件没有触发任何规则。"};
    return t;
}

std::string event_label(const page_text& t, std::string_view kind) {
    static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> labels = {
        {"effective", {"The instrument takes effect", "法律文书生效"}},
        {"performance_due", {"Last day of the performance period", "履行期间最后一日"}},
        {"instalment_due", {"Last day of each instalment (comma-separated)", "各期履行期限最后一日（逗号分隔）"}},
        {"found_in_china", {"Debtor or its property first found in mainland China", "首次在中国内地发现被执行人或其财产"}},
        {"recognition_effective", {"Recognition ruling takes effect", "承认裁定生效"}},
        {"breach", {"The debtor failed to perform", "被执行人不履行"}},
        {"property_change", {"The debtor's property changed (after its report)", "被执行人财产情况发生变动（报告财产后）"}},
        {"served", {"Served", "送达"}},
        {"received", {"Received", "收到"}},
        {"accepted", {"Accepted by the court", "法院受理"}},
        {"knew", {"Knew or should have known", "知道或者应当知道"}},
        {"debtor_act", {"The debtor's act", "债务人行为发生"}},
        {"harm", {"The harm occurred", "损害发生"}},
        {"measure", {"Preservation measure taken", "采取保全措施"}},
        {"published", {"Notice published", "公告发布"}},
        {"posted", {"Posted abroad", "向境外邮寄"}},
        {"start", {"Start", "起算"}}};
    const bool zh = &t == &zh_text();
    const auto it = labels.find(kind);
    if (it == labels.end()) return std::string(kind);
    return std::string(zh ? it->second.second : it->second.first) + " (" + std::string(kind) + ")";
}

std::string_view weekday(const page_text& t, civil_date d) {
    static constexpr std::array<std::string_view, 7> en = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                           "Friday", "Saturday", "Sunday"};
    static constexpr std::array<std::string_view, 7> zh = {"星期一", "星期二", "星期三", "星期四",
                                                           "星期五", "星期六", "星期日"};
    return (&t == &zh_text() ? zh : en)[d.iso_weekday() - 1];
}

std::string term(const page_text& t, std::string_view code) {
    static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> terms = {
        {"timely", {"timely", "未逾期"}},
        {"late", {"late", "已逾期"}},
        {"partly_late", {"partly late", "部分逾期"}},
        {"undetermined", {"undetermined (the range straddles the act)", "无法确定（范围跨越行为日）"}},
        {"overdue", {"overdue", "已超期"}},
        {"premature", {"premature", "过早"}},
        {"permitted", {"permitted", "准许"}},
        {"bar", {"the right is barred", "权利丧失"}},
        {"defence", {"the debtor may raise limitation as a defence", "债务人可提出时效抗辩"}},
        {"extinguished", {"the right is extinguished", "权利消灭"}},
        {"none", {"binds the court", "约束法院"}},
        {"parties", {"parties", "当事人 (parties)"}},
        {"domicile", {"domicile", "住所地 (domicile)"}},
        {"claim", {"claim", "请求权类型 (claim)"}},
        {"retrial_ground", {"retrial_ground", "申请再审事由 (retrial_ground)"}},
        {"select", {"select", "选定版本"}},
        {"anchor", {"anchor", "确定起算"}},
        {"start", {"start", "起算"}},
        {"count", {"count", "计算"}},
        {"toll", {"toll", "中止中断"}},
        {"compose", {"compose", "组合"}},
        {"roll", {"roll", "顺延"}},
        {"close", {"close", "截止"}},
        {"judge", {"judge", "判断"}}};
    const auto it = terms.find(code);
    if (it == terms.end()) return std::string(code);
    return std::string(&t == &zh_text() ? it->second.second : it->second.first);
}

std::string period_text(const page_text& t, std::string_view period) {
    if (&t != &zh_text()) return std::string(period);
    // "2 years", "6 months", "15 days", "48 hours", and sums of them ("1 year 6 months")
    static const std::array<std::pair<std::string_view, std::string_view>, 8> units = {{
        {"years", "年"}, {"year", "年"}, {"months", "个月"}, {"month", "个月"},
        {"days", "日"}, {"day", "日"}, {"hours", "小时"}, {"hour", "小时"}}};
    std::string out, number;
    std::size_t i = 0;
    while (i < period.size()) {
        if (period[i] >= '0' && period[i] <= '9') {
            number += period[i++];
            continue;
        }
        if (period[i] == ' ' || period[i] == ',') {
            ++i;
            continue;
        }
        bool matched = false;
        for (const auto& [en, zh] : units) {
            if (period.substr(i, en.size()) == en) {
                out += number;
                out += zh;
                number.clear();
                i += en.size();
                matched = true;
                break;
            }
        }
        if (!matched) return std::string(period);  // not a form this knows: as the engine wrote it
    }
    return number.empty() ? out : std::string(period);
}

std::string error_text(const page_text& t, const error& e) {
    // Chinese from the one message catalog (qixian/messages.hpp), with the values kept.
    return &t == &zh_text() ? message_zh(e) : e.message;
}

}  // namespace qixian::serve
