#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with Clang, ASan and UBSan into
# build-fuzz/ and runs each for a bounded time on a copy of its seed corpus. Fails on any crash,
# leak, timeout, out-of-memory or broken invariant, and prints the input that caused it.
#
#   bash scripts/fuzz.sh [TARGET...]       e.g.  bash scripts/fuzz.sh naming recipe
#
# Environment:
#   FUZZ_SECONDS   fuzzing time per target (default 20)
#   JOBS           parallel build jobs (default: number of cores)
#   BUILD_DIR      build directory (default: build-fuzz)
#   FUZZ_ARGS      extra libFuzzer arguments, e.g. "-jobs=2 -workers=2" or "-max_len=65536"
#   PIXQUEUE_SKIP_DEPS=1  do not check system packages (needs clang and libclang-rt-14-dev)
#
# The corpus grows only in a temporary copy: nothing is written into tests/fuzz. Crashing inputs
# are kept in BUILD_DIR/artifacts/<target>/; replay one with the normal build's
# build/tests/fuzz/fuzz_<target> FILE, or with BUILD_DIR/tests/fuzz/fuzz_<target> FILE.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"

start=$(date +%s)
FUZZ_SECONDS="${FUZZ_SECONDS:-20}"
BUILD_DIR="${BUILD_DIR:-build-fuzz}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
read -r -a extra_args <<<"${FUZZ_ARGS:-}"

log() { printf '[fuzz] %s\n' "$*"; }

bash scripts/install-deps.sh </dev/null

CXX_FUZZ="${CXX_FUZZ:-clang++}"
CC_FUZZ="${CC_FUZZ:-clang}"
if ! command -v "$CXX_FUZZ" >/dev/null 2>&1; then
    echo "[fuzz] $CXX_FUZZ not found: libFuzzer needs Clang (Debian: apt-get install clang libclang-rt-14-dev)" >&2
    exit 1
fi

configure=(-S . -B "$BUILD_DIR" -DPIXQUEUE_FUZZ=ON)
if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    command -v ninja >/dev/null 2>&1 && configure+=(-G Ninja)
    # -O1 and line tables only: quick to compile, fast enough to fuzz, symbolized stack traces;
    # no -DNDEBUG, so assertions stay on.
    configure+=(-DCMAKE_BUILD_TYPE=RelWithDebInfo
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only"
        -DCMAKE_CXX_COMPILER="$CXX_FUZZ" -DCMAKE_C_COMPILER="$CC_FUZZ")
    if command -v ccache >/dev/null 2>&1; then
        configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    fi
fi
log "cmake ${configure[*]}"
configure_log="$(mktemp)"
if ! cmake "${configure[@]}" >"$configure_log" 2>&1; then
    cat "$configure_log" >&2
    rm -f "$configure_log"
    echo "[fuzz] configure failed" >&2
    exit 1
fi
rm -f "$configure_log"

# Targets: the arguments, or every tests/fuzz/fuzz_*.cpp.
targets=("$@")
if ((${#targets[@]} == 0)); then
    for f in tests/fuzz/fuzz_*.cpp; do
        name="$(basename "$f" .cpp)"
        targets+=("${name#fuzz_}")
    done
fi
build_targets=()
for t in "${targets[@]}"; do
    [[ -f "tests/fuzz/fuzz_$t.cpp" ]] || {
        echo "[fuzz] unknown target '$t'" >&2
        exit 2
    }
    build_targets+=("fuzz_$t")
done

log "cmake --build $BUILD_DIR --parallel $JOBS (${#build_targets[@]} targets)"
build_start=$(date +%s)
cmake --build "$BUILD_DIR" --parallel "$JOBS" --target "${build_targets[@]}"
build_seconds=$(($(date +%s) - build_start))
log "build: ${build_seconds}s"

# halt_on_error: UBSan findings are crashes too (the build also uses -fno-sanitize-recover).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
artifacts="$root/$BUILD_DIR/artifacts"

rows=()
failed=0
for t in "${targets[@]}"; do
    exe="$BUILD_DIR/tests/fuzz/fuzz_$t"
    corpus="$work/$t"
    mkdir -p "$corpus" "$artifacts/$t"
    cp -R "tests/fuzz/$t/." "$corpus/"
    out="$work/$t.log"
    log "fuzz_$t: ${FUZZ_SECONDS}s on a copy of tests/fuzz/$t ($(find "$corpus" -type f | wc -l) seeds)"
    t0=$(date +%s)
    set +e
    "$exe" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/$t/" "${extra_args[@]}" "$corpus" >"$out" 2>&1 </dev/null
    rc=$?
    set -e
    seconds=$(($(date +%s) - t0))
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out" | grep -o '[0-9]*$' | tail -1)"
    [[ -n "$runs" ]] || runs="$(grep -o '^#[0-9]*' "$out" | tail -1 | tr -d '#')"
    [[ -n "$runs" ]] || runs="?"
    result=ok
    if ((rc != 0)); then
        failed=1
        if grep -q 'ERROR: libFuzzer: timeout' "$out"; then
            result=timeout
        elif grep -q 'ERROR: libFuzzer: out-of-memory' "$out"; then
            result=out-of-memory
        elif grep -q 'ERROR: LeakSanitizer' "$out"; then
            result=leak
        elif grep -q 'fuzz invariant broken' "$out"; then
            result=invariant
        elif grep -q 'runtime error:' "$out"; then
            result=undefined-behaviour
        else
            result="crash (exit $rc)"
        fi
        tail -n 60 "$out" >&2
        input="$(grep -o 'Test unit written to .*' "$out" | sed 's/Test unit written to //' | tail -1)"
        echo "[fuzz] fuzz_$t FAILED: $result; input: ${input:-(none written)}" >&2
        [[ -n "$input" ]] && echo "[fuzz]   replay: $exe $input" >&2
    fi
    rows+=("$(printf '%-18s %12s %8s  %s' "$t" "$runs" "$seconds" "$result")")
done

echo
printf '%-18s %12s %8s  %s\n' target runs seconds result
printf '%s\n' "${rows[@]}"
total=$(($(date +%s) - start))
printf '[fuzz] build %ds, total %dm%02ds\n' "$build_seconds" $((total / 60)) $((total % 60))
if ((failed)); then
    echo "[fuzz] FAILED" >&2
    exit 1
fi
