#!/usr/bin/env bash
# The C API and the Python package as a user gets them, from an installed tree:
#  1. installs qixian into a temporary prefix and checks libqixian.so (SONAME, only the
#     qx_* symbols exported), qixian/qixian.h and the pkg-config file;
#  2. builds the README's C example with `cc … $(pkg-config --cflags --libs qixian)`, and
#     again with CMake's find_package(qixian) and qixian::capi; both must print the
#     README's output exactly;
#  3. `pip install --no-index ./python` into a venv (offline), then runs the README's
#     Python session and the package's tests against the installed package, with the
#     library found through QIXIAN_LIBRARY, and then bundled next to the package.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
python=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" > "$tmp/install.log"
libdir=$(dirname "$(find "$prefix" -name libqixian.so.1 | head -1)")
[[ -n $libdir && -f $libdir/pkgconfig/qixian.pc && -f $prefix/include/qixian/qixian.h ]] \
    || { echo "FAIL: libqixian.so.1, qixian.pc or qixian.h not installed"; find "$prefix"; exit 1; }
readelf -d "$libdir/libqixian.so.1" | grep -q 'SONAME.*\[libqixian\.so\.1\]' || { echo "FAIL: SONAME"; exit 1; }
exported=$(nm -D --defined-only "$libdir/libqixian.so.1" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' | sed 's/@.*//' | sort -u)
others=$(grep -v '^qx_' <<<"$exported" || true)
[[ -z $others ]] || { echo "FAIL: libqixian.so exports more than qx_*:"; head <<<"$others"; exit 1; }
declared=$(grep -oE '^[a-z].* \**qx_[a-z_]+\(' "$prefix/include/qixian/qixian.h" | grep -oE 'qx_[a-z_]+' | sort -u)
[[ $exported == "$declared" ]] || { echo "FAIL: exported and declared differ:"; diff <(echo "$declared") <(echo "$exported"); exit 1; }
echo "libqixian.so.1 exports what qixian.h declares: $(tr '\n' ' ' <<<"$exported")"

# 2. The README's C example, built two ways against the installed library.
readme=$src/README.md
$python "$src/tests/capi/readme_examples.py" "$readme" block example c > "$tmp/example.c"
$python "$src/tests/capi/readme_examples.py" "$readme" block output c > "$tmp/expected.txt"
export PKG_CONFIG_PATH=$libdir/pkgconfig
# shellcheck disable=SC2046  # pkg-config's flags are words
cc -std=c11 -Wall -Wextra -Werror "$tmp/example.c" $(pkg-config --cflags --libs qixian) -o "$tmp/example"
LD_LIBRARY_PATH=$libdir "$tmp/example" > "$tmp/out.txt"
diff -u "$tmp/expected.txt" "$tmp/out.txt" || { echo "FAIL: the README's C example (pkg-config)"; exit 1; }
mkdir "$tmp/cmake-example"
cp "$tmp/example.c" "$tmp/cmake-example/example.c"
cat > "$tmp/cmake-example/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.25)
project(qixian_c_example LANGUAGES C)
find_package(qixian 0.1 REQUIRED)
add_executable(example example.c)
target_link_libraries(example PRIVATE qixian::capi)
EOF
cmake -S "$tmp/cmake-example" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" > "$tmp/configure.log" 2>&1 \
    || { cat "$tmp/configure.log"; exit 1; }
cmake --build "$tmp/cmake-build" > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
"$tmp/cmake-build/example" > "$tmp/out-cmake.txt"  # the library is found through the build RPATH
diff -u "$tmp/expected.txt" "$tmp/out-cmake.txt" || { echo "FAIL: the README's C example (CMake)"; exit 1; }
echo "README C example: built with pkg-config and with find_package, output as written"

# 3. The Python package, installed offline into a venv (Debian's pytest from the system).
cp -r "$src/python" "$tmp/python"   # pip may write into the directory it builds
$python -m venv --system-site-packages "$tmp/venv"
"$tmp/venv/bin/pip" install --no-index --no-cache-dir --disable-pip-version-check -q "$tmp/python" > "$tmp/pip.log" 2>&1 \
    || { cat "$tmp/pip.log"; exit 1; }
cd "$tmp"   # away from the sources: the installed package is the one imported
QIXIAN_LIBRARY=$libdir/libqixian.so.1 "$tmp/venv/bin/python" -c 'import qixian, sys; assert "/venv/" in qixian.__file__, qixian.__file__'
QIXIAN_LIBRARY=$libdir/libqixian.so.1 "$tmp/venv/bin/python" "$src/tests/capi/readme_examples.py" "$readme" doctest python
QIXIAN_SOURCE_DIR=$src QIXIAN_LIBRARY=$libdir/libqixian.so.1 "$tmp/venv/bin/python" -m pytest -q -p no:cacheprovider "$tmp/python/tests"
# The library bundled next to the package: found with no variable set.
QIXIAN_BUNDLE_LIBRARY=$libdir/libqixian.so.1 "$tmp/venv/bin/pip" install --no-index --no-cache-dir \
    --disable-pip-version-check --force-reinstall -q "$tmp/python" > "$tmp/pip.log" 2>&1 || { cat "$tmp/pip.log"; exit 1; }
env -u QIXIAN_LIBRARY "$tmp/venv/bin/python" -c '
import os, qixian
assert os.path.exists(os.path.join(os.path.dirname(qixian.__file__), "libqixian.so.1"))
print("bundled library:", qixian.Engine().compute({"rule": "cn.enforcement.application", "events": {"effective": "2023-06-30"}})["last_day"])'
echo "1 passed, 0 failed"
