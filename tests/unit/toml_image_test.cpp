// Synopsis: the built-in pack's parsed images (engine/src/toml_image.hpp) hold the same
// trees toml++ parses from the files' text — every key, value, type and source region —
// so a pack read from them is the pack parsed from TOML.
#include "toml_image.hpp"

#include <doctest/doctest.h>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace qixian::detail {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_rule_files();
const std::vector<std::string_view>& embedded_rule_images();
}  // namespace qixian::detail

namespace {

std::string where(const toml::source_region& r) {
    return (r.path ? *r.path : std::string("?")) + ":" + std::to_string(r.begin.line) + ":" +
           std::to_string(r.begin.column) + "-" + std::to_string(r.end.line) + ":" + std::to_string(r.end.column);
}

// Two leaf values of the same type are equal.
bool same_value(const toml::node& a, const toml::node& b) {
    return a.visit([&](const auto& x) {
        using node_type = std::remove_cvref_t<decltype(x)>;
        if constexpr (toml::is_value<node_type>) return x == *b.as<typename node_type::value_type>();
        else return true;
    });
}

// Every difference between two trees, as text (empty when they are the same).
void compare(const toml::node& a, const toml::node& b, const std::string& at, std::vector<std::string>& diffs) {
    if (where(a.source()) != where(b.source())) diffs.push_back(at + ": region " + where(a.source()) + " vs " + where(b.source()));
    if (a.type() != b.type()) {
        diffs.push_back(at + ": type differs");
        return;
    }
    if (const auto* ta = a.as_table()) {
        const auto& tb = *b.as_table();
        if (ta->size() != tb.size() || ta->is_inline() != tb.is_inline()) diffs.push_back(at + ": table size or form differs");
        for (const auto& [k, v] : *ta) {
            const auto it = tb.find(k.str());
            if (it == tb.end()) {
                diffs.push_back(at + "." + std::string(k.str()) + ": missing");
                continue;
            }
            if (where(k.source()) != where(it->first.source())) diffs.push_back(at + "." + std::string(k.str()) + ": key region");
            compare(v, it->second, at + "." + std::string(k.str()), diffs);
        }
    } else if (const auto* aa = a.as_array()) {
        const auto& ab = *b.as_array();
        if (aa->size() != ab.size()) diffs.push_back(at + ": array size differs");
        for (std::size_t i = 0; i < std::min(aa->size(), ab.size()); ++i)
            compare((*aa)[i], ab[i], at + "[" + std::to_string(i) + "]", diffs);
    } else if (!same_value(a, b)) {
        diffs.push_back(at + ": value differs");
    }
}

}  // namespace

TEST_CASE("toml_image: every embedded file's image is the tree parsed from its text") {
    const auto& files = qixian::detail::embedded_rule_files();
    const auto& images = qixian::detail::embedded_rule_images();
    REQUIRE(files.size() == images.size());
    REQUIRE(files.size() > 30);
    for (std::size_t i = 0; i < files.size(); ++i) {
        CAPTURE(files[i].first);
        auto parsed = toml::parse(files[i].second, files[i].first);
        REQUIRE(parsed);
        const toml::table image = qixian::detail::read_image(images[i], files[i].first);
        std::vector<std::string> diffs;
        compare(parsed.table(), image, std::string(files[i].first), diffs);
        CHECK_MESSAGE(diffs.empty(), (diffs.empty() ? std::string() : diffs.front()));
        CHECK(qixian::detail::write_image(image) == images[i]);  // and the image of the image is the image
    }
}

TEST_CASE("toml_image: every kind of value, with its region") {
    const std::string text = "a = 'x'\nb = -7\nc = 0x1F\nd = 2.5\ne = true\nf = 2024-02-29\ng = 07:30:15\n"
                             "h = 2024-02-29T07:30:00+08:00\ni = 2024-02-29T07:30:00\nj = [1, [2, 'y'], {k = 3}]\n"
                             "[t]\nu = 'v'\n[[arr]]\nw = 1\n[[arr]]\nw = 2\n";
    auto parsed = toml::parse(std::string_view(text), std::string_view("inline.toml"));
    REQUIRE(parsed);
    const std::string image = qixian::detail::write_image(parsed.table());
    const toml::table back = qixian::detail::read_image(image, "inline.toml");
    std::vector<std::string> diffs;
    compare(parsed.table(), back, "inline", diffs);
    CHECK_MESSAGE(diffs.empty(), (diffs.empty() ? std::string() : diffs.front()));
    CHECK(back["c"].as_integer()->flags() == toml::value_flags::format_as_hexadecimal);
    CHECK(back["h"].as_date_time()->get().offset->minutes == 480);
    CHECK(!back["i"].as_date_time()->get().offset);
    CHECK(back["j"][2]["k"].node()->source().begin.line == 10);
}
