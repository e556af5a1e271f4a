#!/usr/bin/env bash
# Builds a libFuzzer target with clang into BUILD_DIR and runs it for SECONDS
# from a fresh copy of its seed corpus. Exits non-zero on any finding (crash,
# leak, undefined behaviour, timeout, out of memory); the input that caused it
# is kept in BUILD_DIR/fuzz-artifacts/.
#
#   tests/fuzz/run_fuzzers.sh BUILD_DIR TARGET SECONDS [MESSAGE]
#   e.g. tests/fuzz/run_fuzzers.sh build-fuzz fuzz_schema 600
#        tests/fuzz/run_fuzzers.sh build-fuzz fuzz_decode_wcc 60 wcc_station_login_success
#        tests/fuzz/run_fuzzers.sh build-fuzz fuzz_differential_kw 30 kw_keywords
#
# The decode and differential targets fuzz one message type each run
# (MESSAGE; list them with FUZZ_MESSAGE=list BUILD_DIR/tests/fuzz/fuzz_decode_wcc),
# seeded from tests/corpus/{valid,malformed}/MESSAGE when those folders exist.
#
# Every target at once: run_all_fuzzers.sh (what .ci/run uses).
#
# To add a target: a fuzz_x.c in tests/fuzz with its schemac_fuzzer() line in
# tests/fuzz/CMakeLists.txt, and its seeds (and dictionary) below.
set -euo pipefail

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  echo "usage: $0 BUILD_DIR TARGET SECONDS [MESSAGE]" >&2
  exit 2
fi
build=$1 target=$2 seconds=$3 message=${4:-}
root=$(cd "$(dirname "$0")/../.." && pwd)

# Folders whose files seed each target.
seeds_of() {
  case $1 in
    fuzz_schema) echo tests/schemas/good tests/schemas/bad tests/schemas/bad/parts schema ;;
    fuzz_decode_*|fuzz_differential_*)
      echo "tests/corpus/valid/$message tests/corpus/malformed/$message" ;;
    *) echo "run_fuzzers.sh: no seeds for '$1'" >&2; return 1 ;;
  esac
}

# The dictionary of each target, if any.
dict_of() {
  case $1 in
    fuzz_schema) echo tests/fuzz/schema.dict ;;
    fuzz_decode_*|fuzz_differential_*) echo tests/fuzz/json.dict ;;
    *) echo "" ;;
  esac
}

seed_dirs=$(seeds_of "$target")
dict=$(dict_of "$target")

# run_all_fuzzers.sh builds every target first and sets FUZZ_BUILT=1, so that
# runs in parallel do not build one folder at once.
if [ -z "${FUZZ_BUILT:-}" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DSCHEMAC_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS=-O1 >/dev/null
  cmake --build "$build" --target "$target" -j"$(nproc)"
fi

corpus=$(mktemp -d "${TMPDIR:-/tmp}/$target-corpus-XXXXXX")
trap 'rm -rf "$corpus"' EXIT
for dir in $seed_dirs; do
  [ -d "$root/$dir" ] || continue
  for f in "$root/$dir"/*; do
    [ -f "$f" ] || continue
    # Plain copies named after their folder (bad/parts/ has a symlink).
    cp -L "$f" "$corpus/$(echo "$dir/${f##*/}" | tr / _)"
  done
done

mkdir -p "$build/fuzz-artifacts"
options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
         -artifact_prefix="$build/fuzz-artifacts/$target${message:+-$message}-")
[ -n "$dict" ] && options+=(-dict="$root/$dict")

echo "== $target${message:+ ($message)} for ${seconds}s, $(ls "$corpus" | wc -l) seeds"
FUZZ_MESSAGE=$message ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "$build/tests/fuzz/$target" "${options[@]}" "$corpus"
