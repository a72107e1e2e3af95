#include "io.hpp"

#include "qixian/error.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

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

}  // namespace qixian::cli
