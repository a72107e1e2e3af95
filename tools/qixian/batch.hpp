// qixian batch: JSON Lines in, JSON Lines out (INTERFACES.md).
#pragma once

#include "qixian/rule_pack.hpp"

#include <iosfwd>

namespace qixian::cli {

struct batch_stats {
    std::size_t lines = 0;
    std::size_t errors = 0;
};

/// Answers every line of `in` on `out`, one line each, in order, whatever goes wrong.
/// Answers are written in chunks of some 64 KiB, and at once whenever `in` has nothing
/// more waiting (so an interactive client is answered line by line). Memory stays
/// bounded by the longest line and the chunk.
batch_stats run_batch(const rule_pack& pack, std::istream& in, std::ostream& out, bool trace);

}  // namespace qixian::cli
