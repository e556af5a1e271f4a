#!/usr/bin/env bash
# Runs every fuzz target (fuzz_schema, and each decode target once per message
# type its registry lists) for SECONDS each, and the differential targets on a
# few representative types for at most 30 s each, JOBS at a time (default:
# the number of cores), with run_fuzzers.sh. Each run's output goes to
# BUILD_DIR/fuzz-logs/; a summary line per run gives its exec count. Exits
# non-zero when any run finds anything, after printing that run's log.
#
#   tests/fuzz/run_all_fuzzers.sh BUILD_DIR SECONDS [JOBS]
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 BUILD_DIR SECONDS [JOBS]" >&2
  exit 2
fi
build=$1 seconds=$2 jobs=${3:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
decoders=(fuzz_decode_wcc fuzz_decode_kw)
# decode against cJSON + from_cjson: the envelope, the dispatcher, a flat and
# a deep message, and the kw type with every keyword.
differential=("fuzz_differential_wcc wcc_msg" "fuzz_differential_wcc wcc_agent_desktop_message"
              "fuzz_differential_wcc wcc_station_login_success"
              "fuzz_differential_wcc wcc_agent_contact" "fuzz_differential_kw kw_keywords")
differential_seconds=$(( seconds < 30 ? seconds : 30 ))

CC=clang CXX=clang++ cmake -S "$here/../.." -B "$build" -DSCHEMAC_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS=-O1 >/dev/null
cmake --build "$build" --target fuzz_schema "${decoders[@]}" fuzz_differential_wcc \
  fuzz_differential_kw -j"$(nproc)"

# Each run: its seconds, its target, and its message type if any.
runs=("$seconds fuzz_schema")
for target in "${decoders[@]}"; do
  for message in $(FUZZ_MESSAGE=list "$build/tests/fuzz/$target"); do
    runs+=("$seconds $target $message")
  done
done
for run in "${differential[@]}"; do
  runs+=("$differential_seconds $run")
done

logs="$build/fuzz-logs"
rm -rf "$logs"
mkdir -p "$logs"
echo "== ${#runs[@]} fuzz runs of up to ${seconds}s, $jobs at a time"
export FUZZ_BUILT=1 build logs here
printf '%s\n' "${runs[@]}" | xargs -P "$jobs" -L 1 sh -c '
  secs=$1
  shift
  name=$(echo "$*" | tr " " _)
  if "$here/run_fuzzers.sh" "$build" "$1" "$secs" ${2:-} >"$logs/$name.log" 2>&1; then
    echo "ok   $* $(grep -o "number_of_executed_units: [0-9]*" "$logs/$name.log" | cut -d" " -f2) execs"
  else
    touch "$logs/$name.failed"
    echo "FAIL $* (log: $logs/$name.log)"
  fi' sh

failed=$(find "$logs" -name '*.failed' | wc -l)
if [ "$failed" -ne 0 ]; then
  for f in "$logs"/*.failed; do
    echo "== ${f%.failed}.log (last 60 lines)"
    tail -n 60 "${f%.failed}.log"
  done
  echo "== $failed fuzz run(s) failed" >&2
  exit 1
fi
echo "== every fuzz run passed"
