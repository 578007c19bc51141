#!/usr/bin/env bash
# Quick start 1: installs what is missing, builds, and runs PixQueue's main job on the sample
# photos in resources/samples/: every photo becomes a 256 px JPEG thumbnail.
#
#   bash scripts/run.sh
#
# Environment:
#   PIXQUEUE_OUT       output folder (default: ${XDG_DATA_HOME:-~/.local/share}/PixQueue/samples-out)
#   BUILD_DIR          build directory (default: build)
#   PIXQUEUE_SKIP_DEPS=1  do not check system packages
#   PIXQUEUE_GUI=1     afterwards open the desktop window (only when a display is available)
#
# Safe to run again: each run starts a fresh queue database in the output folder and replaces
# the thumbnails of the previous run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

BUILD_DIR="${BUILD_DIR:-build}"
OUT="${PIXQUEUE_OUT:-${XDG_DATA_HOME:-$HOME/.local/share}/PixQueue/samples-out}"

bash scripts/install-deps.sh
bash scripts/build.sh

CLI="$BUILD_DIR/app/pixqueue-cli"
[[ -x "$CLI" ]] || CLI="$BUILD_DIR/app/pixqueue-cli.exe"
if [[ ! -x "$CLI" ]]; then
    echo "[run] $BUILD_DIR/app/pixqueue-cli was not built" >&2
    exit 1
fi

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
DB="$OUT/queue.sqlite"
# A fresh queue per run: the summary and exit code then speak of this run only.
rm -f "$DB" "$DB-wal" "$DB-shm"

echo "[run] thumbnails of $ROOT/resources/samples -> $OUT"
set +e
"$CLI" --db "$DB" process \
    --op thumbnail:size=256 --op format:type=jpeg,quality=85 \
    --overwrite replace --out "$OUT" resources/samples
rc=$?
set -e

echo
echo "[run] output folder: $OUT"
find "$OUT" -type f ! -name 'queue.sqlite*' ! -name '*.lock' -exec ls -l {} +
if ((rc != 0)); then
    echo "[run] pixqueue-cli exited with $rc (1: some job failed, 2: usage error)" >&2
fi

# The desktop window (built when PIXQUEUE_BUILD_GUI is on, the default).
GUI="$BUILD_DIR/app/pixqueue"
if [[ -x "$GUI" ]]; then
    echo
    if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
        echo "[run] start the window with: $GUI   (or PIXQUEUE_GUI=1 bash scripts/run.sh)"
        if [[ "${PIXQUEUE_GUI:-0}" == 1 ]]; then
            "$GUI" || true
        fi
    else
        echo "[run] no display here (DISPLAY/WAYLAND_DISPLAY unset): on a desktop, start the window with $GUI"
    fi
fi
exit "$rc"
