// What the subcommands share: loading the pack and reporting errors.
#include "commands.hpp"
#include "render.hpp"

#include "qixian/messages.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>

#include <unistd.h>

namespace qixian::cli {

namespace {
bool in_chinese = false;
}  // namespace

void set_messages_in_chinese(bool zh) { in_chinese = zh; }
bool messages_in_chinese() { return in_chinese; }

result<rule_pack, std::vector<diagnostic>> load_pack(const std::string& dir) {
    return dir.empty() ? rule_pack::load_embedded() : rule_pack::load_directory(dir);
}

int print_diagnostics(const std::vector<diagnostic>& ds) {
    for (const auto& d : ds) std::cerr << (in_chinese ? format_zh(d) : format(d)) << '\n';
    return 3;
}

int fail(const error& e, bool json) {
    if (json)
        std::cout << error_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else if (in_chinese)
        std::cerr << "qixian：错误 " << to_string(e.code) << "：" << message_zh(e) << '\n';
    else
        std::cerr << "qixian: error " << to_string(e.code) << ": " << e.message << '\n';
    return exit_status(e.code);
}

int usage_error(const std::string& message, std::string_view code) {
    if (in_chinese)
        std::cerr << "用法错误：" << translate_zh(code, message) << "\n运行 --help 查看用法。\n";
    else
        std::cerr << message << "\nRun with --help for more information.\n";
    return 2;
}

int finish_output(int status) {
    if (std::cout.flush()) return status;
    // errno of the failed write is long gone (later reads set it): ask the descriptor again,
    // with one byte (the output is already cut short; a closed pipe ends here with SIGPIPE).
    errno = 0;
    const int err = ::write(STDOUT_FILENO, "\n", 1) < 0 ? errno : 0;
    if (err == EPIPE) return exit_status(errc::io_error);
    return fail(make_error(errc::io_error, std::string("cannot write the output: ") +
                                               (err != 0 ? std::strerror(err) : "the output stream failed")),
                false);
}

}  // namespace qixian::cli
