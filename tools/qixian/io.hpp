// Files read whole, with every failure of the system reported, never silent (the output
// side: finish_output in commands.hpp).
#pragma once

#include "qixian/result.hpp"

#include <string>

namespace qixian::cli {

/// The whole content of the file at `path`, or errc::io_error naming it and why
/// ("cannot read 'x.toml': Is a directory") — a read that fails part-way is an error,
/// not a short file.
///
///   auto text = read_file("case.toml");   // result<std::string>
result<std::string> read_file(const std::string& path);

}  // namespace qixian::cli
