#!/usr/bin/env bash
# Starts the real window app on a virtual X display (Xvfb) over a small batch queued with the CLI
# (five photos and one corrupt file), waits until the window's own workers have finished the
# batch, and takes a screenshot of the window with ImageMagick's `import` (the screen cropped to
# the window's geometry from `xwininfo`: no window manager runs, so the window has no frame; it
# opens at its default size, 80% of the screen and at most 1400 x 900). The screenshot must not
# be blank (it must show many colours and real contrast), the batch must have ended with 5 done
# and 1 failed, and the app must still be running.
#
#   tests/gui/window_screenshot.sh PIXQUEUE PIXQUEUE_CLI TESTDATA OUT.png
#
# With PIXQUEUE_UPDATE_SCREENSHOT=1 the result is also copied to docs/screenshot.png.
set -euo pipefail
gui=$1 cli=$2 data=$3 shot=$4

for tool in Xvfb import convert xwininfo; do
    command -v "$tool" >/dev/null || { echo "needs $tool (xvfb, imagemagick, x11-utils)" >&2; exit 1; }
done

work=$(mktemp -d)
xvfb_pid= app_pid=
cleanup() {
    [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A private HOME, so the window starts with its default settings and no earlier queue.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_CACHE_HOME=$work/home/.cache LC_ALL=C.UTF-8 LANGUAGE=en
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
unset PIXQUEUE_ENABLE_TEST_OPS

mkdir -p "$work/in"
for f in face_filippo_giunchedi.jpg faces_flash_bar_couple.jpg gray_cameraman_cc0.png \
    teeth_astronaut_eileen_collins.png lowcontrast_darkest_hour_lake.jpg; do
    cp "$data/$f" "$work/in/"
done
head -c 3000 "$data/teeth_katherine_maher.jpg" >"$work/in/truncated_photo.jpg"
db=$work/queue.sqlite
QT_QPA_PLATFORM=offscreen "$cli" --db "$db" add --op auto-levels --op thumbnail:size=640 \
    --op format:type=jpeg,quality=85 --out "$work/out" "$work/in" >/dev/null

# A free display number.
display=
for n in $(seq 90 120); do
    if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then display=:$n; break; fi
done
[[ -n "$display" ]] || { echo "no free X display number" >&2; exit 1; }
# 80% of 1750 x 1125 is the window's largest default size, 1400 x 900.
Xvfb "$display" -screen 0 1750x1125x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
[[ -e /tmp/.X11-unix/X${display#:} ]] || { cat "$work/xvfb.log" >&2; exit 1; }

DISPLAY=$display QT_QPA_PLATFORM=xcb "$gui" --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!

finished() {
    "$cli" --db "$db" status --json 2>/dev/null |
        grep -q '"queued": *0' && "$cli" --db "$db" status --json | grep -q '"leased": *0'
}
for _ in $(seq 1 600); do
    kill -0 "$app_pid" 2>/dev/null || { echo "the window app exited:" >&2; cat "$work/app.log" >&2; exit 1; }
    finished && break
    sleep 0.2
done
finished || { echo "the batch did not finish in 120 s" >&2; "$cli" --db "$db" status >&2; exit 1; }
status=$("$cli" --db "$db" status --json)
echo "$status"
grep -q '"done": *5' <<<"$status" || { echo "expected 5 done jobs" >&2; exit 1; }
grep -q '"failed": *1' <<<"$status" || { echo "expected 1 failed job" >&2; exit 1; }
sleep 1.5 # the queue view and status bar catch up (poll timer), then paint

# The main window: the largest top-level window titled "PixQueue" (lines such as
#   0x600007 "PixQueue": ("pixqueue" "pixqueue")  1400x900+175+112  +175+112).
geometry=$(DISPLAY=$display xwininfo -root -tree |
    awk '/"PixQueue":/ { for (i = 1; i < NF; i++) if ($i ~ /^[0-9]+x[0-9]+\+-?[0-9]+\+-?[0-9]+$/) {
             split($i, g, /[x+]/); split($(i + 1), a, /\+/)
             if (g[1] * g[2] > best) { best = g[1] * g[2]; out = g[1] "x" g[2] "+" a[2] "+" a[3] } } }
         END { print out }')
[[ -n "$geometry" ]] || { echo "no PixQueue window on $display" >&2; DISPLAY=$display xwininfo -root -tree >&2; exit 1; }
echo "window geometry: $geometry"
DISPLAY=$display import -window root -crop "$geometry" +repage "$shot"
kill -0 "$app_pid" 2>/dev/null || { echo "the window app died" >&2; exit 1; }
[[ "$(identify -format '%wx%h' "$shot")" == "${geometry%%+*}" ]] ||
    { echo "the screenshot is not the window's size ($geometry)" >&2; exit 1; }

# Not blank: a real window has text, icons and frames: many colours and contrast.
colours=$(identify -format '%k' "$shot")
stddev=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "screenshot $shot: $(identify -format '%wx%h' "$shot"), $colours colours, gray stddev $stddev"
awk -v c="$colours" -v s="$stddev" 'BEGIN { exit !(c >= 50 && s >= 0.05) }' ||
    { echo "the screenshot looks blank" >&2; exit 1; }

if [[ "${PIXQUEUE_UPDATE_SCREENSHOT:-0}" == 1 ]]; then
    cp "$shot" "$(dirname "$0")/../../docs/screenshot.png"
    echo "copied to docs/screenshot.png"
fi
