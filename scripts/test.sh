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

elapsed
if ((rc != 0)); then
    echo "[test] FAILED (ctest exit code $rc)" >&2
fi
exit "$rc"
