// The error gallery: each broken file in tests/rules_bad/ is loaded beside the good
// conventions and calendars of rules/, and every diagnostic it produces — code, line,
// column and message — must equal the lines of its .expected file.
#include "qixian/rule_pack.hpp"
#include "support/test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace qixian;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<source_file> good_support_files() {
    std::vector<source_file> files;
    const fs::path root = fs::path(QIXIAN_SOURCE_DIR) / "rules";
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file() || e.path().extension() != ".toml") continue;
        const auto rel = fs::relative(e.path(), root).generic_string();
        if (rel.rfind("conventions/", 0) == 0 || rel.rfind("calendars/", 0) == 0)
            files.push_back({"rules/" + rel, slurp(e.path())});
    }
    return files;
}
}  // namespace

TEST_CASE("error gallery: every problem of every broken file, with its position") {
    const fs::path dir = fs::path(QIXIAN_SOURCE_DIR) / "tests" / "rules_bad";
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".toml") continue;
        ++files;
        const std::string name = "rules_bad/" + e.path().filename().string();
        CAPTURE(name);
        auto inputs = good_support_files();
        inputs.push_back({name, slurp(e.path())});
        auto loaded = rule_pack::load(inputs);
        REQUIRE_FALSE(loaded.has_value());
        std::string got;
        for (const auto& d : loaded.error())
            if (d.region.file == name) got += format(d) + "\n";
        fs::path expected_path = e.path();
        expected_path.replace_extension(".expected");
        CHECK(got == slurp(expected_path));
    }
    CHECK(files >= 5);
}
