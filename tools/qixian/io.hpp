// Files in and output out, with every failure of the system reported, never silent.
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

/// Flushes std::cout and returns the command's exit `status`, unless the output could not
/// be written: then a message on stderr ("qixian: error io_error: cannot write the output:
/// No space left on device") and the io_error status, never a silent truncation. A reader
/// that went away (EPIPE, `qixian batch big.jsonl | head -1` with SIGPIPE ignored) ends
/// quietly with the io_error status; with SIGPIPE at its default the process already
/// ended quietly at the write.
///
///   int main(int argc, char** argv) { return qixian::cli::finish_output(run(argc, argv)); }
int finish_output(int status);

}  // namespace qixian::cli
