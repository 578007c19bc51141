#!/usr/bin/env bash
# Quick start 2: installs what is missing, builds, and runs the whole test suite.
#
#   bash scripts/test.sh [extra ctest args...]     e.g.  bash scripts/test.sh -R test_jobstore
#
# Needs no display (QT_QPA_PLATFORM=offscreen) and no standard input. The tests run inside their
# own D-Bus session bus (dbus-run-session), so keychain tests have a bus to talk to.
#
# Environment:
#   BUILD_DIR          build directory (default: build)
#   CTEST_JOBS         parallel tests (default: 2)
#   PIXQUEUE_SKIP_DEPS=1  do not check system packages
#   SANITIZE=1|0       also build with AddressSanitizer + UndefinedBehaviorSanitizer (in
#                      build-asan/) and run the core tests there; default 1 when CI=true
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

start=$(date +%s)
elapsed() {
    local s=$(($(date +%s) - start))
    printf '[test] total time: %dm%02ds\n' $((s / 60)) $((s % 60))
}

BUILD_DIR="${BUILD_DIR:-build}"
CTEST_JOBS="${CTEST_JOBS:-2}"

bash scripts/install-deps.sh </dev/null
if ! bash scripts/build.sh </dev/null; then
    echo "[test] build failed" >&2
    elapsed
    exit 1
fi

export QT_QPA_PLATFORM=offscreen

ctest_cmd=(ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$CTEST_JOBS" "$@")
if command -v dbus-run-session >/dev/null 2>&1; then
    ctest_cmd=(dbus-run-session -- "${ctest_cmd[@]}")
else
    echo "[test] dbus-run-session not found: running without a private session bus"
fi

echo "[test] ${ctest_cmd[*]}"
set +e
"${ctest_cmd[@]}" </dev/null
rc=$?
set -e

if ((rc == 0)) && [[ "${SANITIZE:-$([[ "${CI:-}" == true ]] && echo 1 || echo 0)}" == 1 ]]; then
    # The same core tests under ASan/UBSan: any memory error, leak or undefined behaviour fails.
    echo "[test] sanitizer stage (build-asan)"
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    if ! BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DPIXQUEUE_SANITIZE=ON \
        -DPIXQUEUE_BUILD_BENCH=OFF </dev/null; then
        echo "[test] sanitizer build failed" >&2
        rc=1
    else
        asan_cmd=(ctest --test-dir build-asan --output-on-failure -j"$CTEST_JOBS" -LE integration)
        if command -v dbus-run-session >/dev/null 2>&1; then
            asan_cmd=(dbus-run-session -- "${asan_cmd[@]}")
        fi
        echo "[test] ${asan_cmd[*]}"
        set +e
        "${asan_cmd[@]}" </dev/null
        rc=$?
        set -e
    fi
fi

elapsed
if ((rc != 0)); then
    echo "[test] FAILED (exit code $rc)" >&2
fi
exit "$rc"
