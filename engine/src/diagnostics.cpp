#include "qixian/diagnostics.hpp"

#include <algorithm>
#include <ostream>

namespace qixian {

std::string_view to_string(severity s) noexcept {
    switch (s) {
        case severity::error: return "error";
        case severity::warning: return "warning";
        case severity::note: return "note";
    }
    return "error";
}

namespace {
void append_location(std::string& out, const source_region& r) {
    if (r.file.empty()) return;
    out += r.file;
    if (r.begin.line != 0) {
        out += ':' + std::to_string(r.begin.line);
        if (r.begin.column != 0) out += ':' + std::to_string(r.begin.column);
    }
    out += ": ";
}
}  // namespace

std::string format(const diagnostic& d) {
    std::string out;
    append_location(out, d.region);
    out += to_string(d.level);
    if (!d.code.empty()) out += ' ' + d.code;
    out += ": " + d.message;
    for (const auto& n : d.notes) {
        out += "\n  ";
        append_location(out, n.region);
        out += "note: " + n.message;
    }
    return out;
}

std::ostream& operator<<(std::ostream& os, const diagnostic& d) { return os << format(d); }

bool has_errors(const std::vector<diagnostic>& ds) noexcept {
    return std::any_of(ds.begin(), ds.end(),
                       [](const diagnostic& d) { return d.level == severity::error; });
}

}  // namespace qixian
