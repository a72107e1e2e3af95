// Internal: a parsed TOML tree as a compact image, written at build time and read back
// at start-up in place of parsing.
//
// The built-in rule pack is some 200 KB of TOML; toml++ reads it a character at a time,
// which was most of a one-off `qixian compute`'s start-up. The build parses each file once
// (tools: qixian_pack_image) and embeds its tree — every table, array and value with its
// source position, so diagnostics and `rules show` still point at file:line:column — beside
// the file's text. At start-up the tree is rebuilt from the image, only for files whose text
// is the embedded text (the digests are still taken over the text); any other file, such as
// those of `--rules DIR`, is parsed.
//
//   std::string image = detail::write_image(toml::parse(text, path).table());
//   toml::table same  = detail::read_image(image, path);   // equal, positions included
#pragma once

#include "toml_reader.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace qixian::detail {

/// The image of `table` (tables, arrays, strings, integers, floats, booleans, dates,
/// times and date-times, each with its source region; the file path is not stored).
std::string write_image(const toml::table& table);

/// The tree `image` holds, each node's source region naming `path`. The image must be one
/// `write_image` made (the embedded pack's images are made by the same build).
toml::table read_image(std::string_view image, std::string_view path);

}  // namespace qixian::detail
