#!/usr/bin/env bash
# schemac as its users meet it (issue 5), against a build tree of schemac:
#  1. cmake --install into a temp prefix whose path has spaces, then move the
#     prefix: nothing may depend on the build tree or the first prefix;
#  2. examples/consumer built with find_package(schemac), from a copy in a
#     folder with spaces, with two prefixes linked into one program;
#  3. a schema file added to it: the next build picks it up, no CMake edit;
#     a changed schema, template or schemac reruns schemac, an unchanged
#     build does not;
#  4. the same program built by examples/consumer/Makefile (schemac called
#     directly, flags from pkg-config);
#  5. examples/consumer built with schemac taken from the source tree by
#     FetchContent (add_subdirectory).
#   run_package_tests.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/schemac package.XXXXXX")
trap 'rm -rf "$work"' EXIT
jobs=$(nproc)
fail() { echo "FAIL: $*"; exit 1; }
step() { echo "== $*"; }

step "install, then move the prefix"
cmake --install "$build" --prefix "$work/first prefix" >/dev/null
mv "$work/first prefix" "$work/moved prefix"
prefix="$work/moved prefix"
[ -x "$prefix/bin/schemac" ] || fail "no bin/schemac"
installed=$(ls "$prefix/share/schemac/templates" | wc -l)
expected=$(ls "$source"/templates/*.tmpl | wc -l)
[ "$installed" -eq "$expected" ] || fail "$installed templates installed, $expected in templates/"
for f in schemacConfig.cmake schemacConfigVersion.cmake schemacTargets.cmake SchemacGenerate.cmake; do
  [ -f "$prefix/lib/cmake/schemac/$f" ] || fail "no lib/cmake/schemac/$f"
done
[ -f "$prefix/share/pkgconfig/schemac.pc" ] || fail "no share/pkgconfig/schemac.pc"
# Nothing may name the build tree. The binary's debug information, and the
# sanitizers' reports in a sanitized build, may name source files; no other
# installed file may name the source tree.
strip -o "$work/schemac.stripped" "$prefix/bin/schemac"
if grep -rlF -e "$build" "$prefix" "$work/schemac.stripped" | grep -v '/bin/schemac$'; then
  fail "installed files name the build tree"
fi
if grep -rlF -e "$source" "$prefix" | grep -v '/bin/schemac$'; then
  fail "installed files name the source tree"
fi
readelf -d "$prefix/bin/schemac" | grep -qE 'RPATH|RUNPATH' && fail "bin/schemac has an RPATH"
"$prefix/bin/schemac" --version | grep -qx "schemac [0-9.]*" || fail "schemac --version"

step "examples/consumer with find_package(schemac)"
consumer="$work/consumer src"
cp -r "$source/examples/consumer" "$consumer"
cmake -S "$consumer" -B "$work/consumer build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/consumer build" -j"$jobs" >/dev/null
demo="$work/consumer build/telemetry_demo"
"$demo" >"$work/run1.txt" || fail "telemetry_demo failed:$(cat "$work/run1.txt")"
tail -n1 "$work/run1.txt" | grep -qx "tel types: tel_location, tel_reading, tel_telemetry_report" ||
  fail "first run: $(tail -n1 "$work/run1.txt")"
grep -q "^config for TH-0042" "$work/run1.txt" || fail "no cfg output"

step "cJSON through its CMake package when pkg-config is not used"
cmake -S "$consumer" -B "$work/no pkg-config" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON >/dev/null
cmake --build "$work/no pkg-config" -j"$jobs" >/dev/null
"$work/no pkg-config/telemetry_demo" | cmp -s - "$work/run1.txt" ||
  fail "the build without pkg-config prints otherwise"

step "an added schema file is picked up with no CMake edit"
cp "$consumer/extra/firmware_status.yaml" "$consumer/schemas/"
cmake --build "$work/consumer build" -j"$jobs" >/dev/null
"$demo" >"$work/run2.txt" || fail "second run failed"
tail -n1 "$work/run2.txt" | grep -qx \
  "tel types: tel_firmware_status, tel_location, tel_reading, tel_telemetry_report" ||
  fail "second run: $(tail -n1 "$work/run2.txt")"

step "what reruns schemac"
reruns() {
  local out
  out=$(cmake --build "$work/consumer build" -j"$jobs") || fail "build failed: $out"
  grep -c "schemac: generating" <<<"$out" || true
}
[ "$(reruns)" -eq 0 ] || fail "an unchanged build reran schemac"
sed -i 's/^description: One batch of sensor readings/description: One batch of readings/' \
    "$consumer/schemas/telemetry_report.yaml"
[ "$(reruns)" -eq 1 ] || fail "a changed schema did not rerun schemac once"
grep -q "One batch of readings" "$work/consumer build/telemetry_generated/telemetry_report.h" ||
  fail "the changed description is not in telemetry_report.h"
sed -i 's/^description: Definitions shared/description: The definitions shared/' \
    "$consumer/schemas/common.yaml"
[ "$(reruns)" -eq 1 ] || fail "a changed \$ref target did not rerun schemac once"
printf '{{! touched }}\n' >>"$prefix/share/schemac/templates/doc_comment.tmpl"
[ "$(reruns)" -eq 2 ] || fail "a changed template did not rerun both generations"
touch "$prefix/bin/schemac"
[ "$(reruns)" -eq 2 ] || fail "a changed schemac did not rerun both generations"

step "examples/consumer/Makefile: schemac and pkg-config, no CMake"
plain=$(mktemp -d)
trap 'rm -rf "$work" "$plain"' EXIT
cmake --install "$build" --prefix "$plain/prefix" >/dev/null
cp -r "$source/examples/consumer" "$plain/consumer"
PKG_CONFIG_PATH="$plain/prefix/share/pkgconfig" make -s -C "$plain/consumer" >/dev/null
"$plain/consumer/build/telemetry_demo" >"$work/run3.txt" || fail "Makefile build's program failed"
cmp -s "$work/run1.txt" "$work/run3.txt" || fail "the Makefile build prints otherwise"

step "FetchContent of the source tree"
cmake -S "$source/tests/package/fetch_content" -B "$work/fetch build" \
      -DSCHEMAC_SOURCE_DIR="$source" >/dev/null
cmake --build "$work/fetch build" -j"$jobs" >/dev/null
"$work/fetch build/telemetry_demo" >"$work/run4.txt" || fail "FetchContent build's program failed"
cmp -s "$work/run1.txt" "$work/run4.txt" || fail "the FetchContent build prints otherwise"
[ ! -e "$work/fetch build/_deps/schemac-build/generated" ] || fail "FetchContent built wcc_messages"

echo "package tests passed"
