// What the fuzz targets share: a check that aborts (so that libFuzzer and the replay
// runs report a broken invariant as a crash), and the project's own rule files.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace qixian::fuzz {

/// Aborts with `what` when `ok` is false: an invariant the input broke.
inline void require(bool ok, const char* what, std::string_view detail = {}) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::fwrite(detail.data(), 1, detail.size(), stderr);
    std::fputc('\n', stderr);
    std::abort();
}

/// A file of the source tree (QIXIAN_SOURCE_DIR), e.g. "rules/conventions/cn.toml".
inline std::string source_file(const std::string& relative) {
    std::ifstream in(std::string(QIXIAN_SOURCE_DIR) + "/" + relative, std::ios::binary);
    require(static_cast<bool>(in), "cannot read a file of the source tree", relative);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace qixian::fuzz
