// Internal: the one translation unit that compiles toml++'s implementation.
//
// Every other file includes toml++ through toml_reader.hpp with TOML_HEADER_ONLY=0, so its
// parser and formatters are compiled here once instead of in each file that reads TOML (a
// large share of the build's time, three builds over in tools/check). The configuration is
// toml_reader.hpp's; toml++ alone is included (its implementation's names would clash with
// date/date.h's, which toml_reader.hpp brings in through qixian/civil.hpp).
#define TOML_EXCEPTIONS 0
#define TOML_HEADER_ONLY 0
#define TOML_IMPLEMENTATION 1
#include <toml++/toml.h>
