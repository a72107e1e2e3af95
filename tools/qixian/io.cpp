#include "io.hpp"

#include "qixian/error.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include <unistd.h>

namespace qixian::cli {

result<std::string> read_file(const std::string& path) {
    const auto failed = [&] {
        const int err = errno;
        return unexpected(make_error(errc::io_error,
                                     "cannot read '" + path + "'" + (err != 0 ? std::string(": ") + std::strerror(err) : ""),
                                     path));
    };
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) return failed();
    std::string text;
    char chunk[1 << 16];
    // istream::read turns a failed read(2) (EIO, EISDIR) into badbit, not an exception.
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return failed();
    return text;
}

int finish_output(int status) {
    if (std::cout.flush()) return status;
    // errno of the failed write is long gone (later reads set it): ask the descriptor again,
    // with one byte (the output is already cut short; a closed pipe ends here with SIGPIPE).
    errno = 0;
    const int err = ::write(STDOUT_FILENO, "\n", 1) < 0 ? errno : 0;
    if (err != EPIPE)
        std::cerr << "qixian: error io_error: cannot write the output: "
                  << (err != 0 ? std::strerror(err) : "the output stream failed") << std::endl;
    return exit_status(errc::io_error);
}

}  // namespace qixian::cli
