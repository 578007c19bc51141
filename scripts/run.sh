#!/usr/bin/env bash
# Quick start 1: installs what is missing, builds, and starts PixQueue.
#
#   bash scripts/run.sh
#
# With a display (DISPLAY or WAYLAND_DISPLAY set) it opens the desktop window. Without one it
# says so and runs the command-line demo instead: every photo in resources/samples/ becomes a
# 256 px JPEG thumbnail.
#
# Environment:
#   PIXQUEUE_GUI=0     run the command-line demo even when a display is available
#   PIXQUEUE_OUT       the demo's output folder (default: ${XDG_DATA_HOME:-~/.local/share}/PixQueue/samples-out)
#   BUILD_DIR          build directory (default: build)
#   PIXQUEUE_SKIP_DEPS=1  do not check system packages
#
# Safe to run again: each demo run starts a fresh queue database in the output folder and
# replaces the thumbnails of the previous run; the window keeps its own queue between runs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

BUILD_DIR="${BUILD_DIR:-build}"
OUT="${PIXQUEUE_OUT:-${XDG_DATA_HOME:-$HOME/.local/share}/PixQueue/samples-out}"

bash scripts/install-deps.sh
bash scripts/build.sh

# The desktop window (built when PIXQUEUE_BUILD_GUI is on, the default).
GUI="$BUILD_DIR/app/pixqueue"
[[ -x "$GUI" ]] || GUI="$BUILD_DIR/app/pixqueue.exe"
# macOS and Windows always have their desktop; X11 and Wayland say so in the environment.
has_display() {
    case "$(uname -s)" in
        Darwin | MINGW* | MSYS* | CYGWIN*) return 0 ;;
    esac
    [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]
}
if [[ "${PIXQUEUE_GUI:-1}" != 0 ]]; then
    if ! has_display; then
        echo "[run] no display here (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open;"
        echo "[run] running the command-line demo instead (on a desktop, this command opens the window)"
    elif [[ ! -x "$GUI" ]]; then
        echo "[run] the window was not built (PIXQUEUE_BUILD_GUI=OFF?); running the command-line demo instead"
    else
        echo "[run] starting the window: $GUI"
        exec "$GUI" "$@"
    fi
fi

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

exit "$rc"
