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
#                      build-asan/) and run the suite there; default 1 when CI=true
#   FUZZ=1|0           then run every libFuzzer target briefly (scripts/fuzz.sh, Clang build in
#                      build-fuzz/); default: as SANITIZE
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

# The tests run in a private D-Bus session with an unlocked gnome-keyring (Secret Service) for the
# keychain tests, under a throw-away HOME and XDG_RUNTIME_DIR (0700), so they never touch the
# user's own keyring or settings.
session_home="$(mktemp -d)"
trap 'rm -rf "$session_home"' EXIT
mkdir -m 0700 "$session_home/run"
in_test_session() {
    if ! command -v dbus-run-session >/dev/null 2>&1; then
        echo "[test] dbus-run-session not found: running without a private session bus"
        "$@"
        return
    fi
    if ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
        echo "[test] gnome-keyring-daemon not found: keychain tests will skip (fail with CI=true)"
        HOME="$session_home" XDG_RUNTIME_DIR="$session_home/run" dbus-run-session -- "$@"
        return
    fi
    HOME="$session_home" XDG_RUNTIME_DIR="$session_home/run" dbus-run-session -- sh -c \
        'printf %s pixqueue-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
         exec "$@"' sh "$@"
}

ctest_cmd=(in_test_session ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$CTEST_JOBS" "$@")

echo "[test] ${ctest_cmd[*]}"
set +e
"${ctest_cmd[@]}" </dev/null
rc=$?
set -e

sanitize="${SANITIZE:-$([[ "${CI:-}" == true ]] && echo 1 || echo 0)}"
if ((rc == 0)) && [[ "$sanitize" == 1 ]]; then
    # The whole suite again under ASan/UBSan (the integration tests run the sanitized CLI and window
    # as child processes): any memory error, leak or undefined behaviour fails. Only the Xvfb
    # screenshot is left out: it checks pixels on a screen, which the offscreen GUI tests already
    # cover under the sanitizers.
    echo "[test] sanitizer stage (build-asan)"
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    if ! BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DPIXQUEUE_SANITIZE=ON \
        -DPIXQUEUE_BUILD_BENCH=OFF </dev/null; then
        echo "[test] sanitizer build failed" >&2
        rc=1
    else
        asan_cmd=(in_test_session ctest --test-dir build-asan --output-on-failure
            -j"$CTEST_JOBS" -E '^window_screenshot$')
        echo "[test] ${asan_cmd[*]}"
        set +e
        "${asan_cmd[@]}" </dev/null
        rc=$?
        set -e
    fi
fi

if ((rc == 0)) && [[ "${FUZZ:-$sanitize}" == 1 ]]; then
    # Every libFuzzer target for FUZZ_SECONDS (default 20 s) on a copy of its seeds (Clang build
    # in build-fuzz/): any crash, leak, timeout or broken invariant fails the run.
    echo "[test] fuzz stage (build-fuzz)"
    if ! bash scripts/fuzz.sh </dev/null; then
        echo "[test] fuzzing failed" >&2
        rc=1
    fi
fi

elapsed
if ((rc != 0)); then
    echo "[test] FAILED (exit code $rc)" >&2
fi
exit "$rc"
