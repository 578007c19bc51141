#!/usr/bin/env bash
# Configures and builds PixQueue with all cores.
#
#   bash scripts/build.sh [extra cmake configure args...]
#
# Environment:
#   BUILD_DIR   build directory (default: build), relative to the repository root or absolute
#   BUILD_TYPE  CMAKE_BUILD_TYPE; default RelWithDebInfo for a new build directory. An existing
#               build directory keeps its type unless BUILD_TYPE is set or an argument changes it.
#   JOBS        parallel build jobs (default: number of cores)
#
# Examples:
#   bash scripts/build.sh
#   BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DPIXQUEUE_SANITIZE=ON
#   bash scripts/build.sh -DPIXQUEUE_BUILD_GUI=OFF
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR="${BUILD_DIR:-build}"

cores() {
    nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null \
        || echo 2
}
JOBS="${JOBS:-$(cores)}"

configure_args=(-S . -B "$BUILD_DIR")
if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    # A generator can only be chosen for a new build directory.
    if command -v ninja >/dev/null 2>&1; then
        configure_args+=(-G Ninja)
    fi
    configure_args+=(-DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}")
elif [[ -n "${BUILD_TYPE:-}" ]]; then
    configure_args+=(-DCMAKE_BUILD_TYPE="$BUILD_TYPE")
fi

echo "[build] cmake ${configure_args[*]} $*"
cmake "${configure_args[@]}" "$@"

echo "[build] cmake --build $BUILD_DIR --parallel $JOBS"
# --config matters only for multi-config generators (Visual Studio, Xcode).
cmake --build "$BUILD_DIR" --parallel "$JOBS" --config "${BUILD_TYPE:-RelWithDebInfo}"
