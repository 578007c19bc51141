#!/usr/bin/env bash
# Memory benchmark: peak RSS of `pixqueue-cli process` on the benchmark corpus (bench/make-corpus.sh:
# 42 real photos, 2-20 MP) with 1, 2 and 4 workers and a recipe of resize + sharpen + watermark +
# WebP, once on the corpus and once on five times the corpus (210 files). Peak memory must grow
# with the number of workers (each holds one decoded image and its intermediates), not with the
# number of files in the batch. Prints a table; never part of the tests.
#
#   bench/memory.sh                       (needs a build: scripts/build.sh)
#
# Environment: BUILD_DIR (default build), CORPUS (default ~/.cache/pixqueue-bench-corpus),
# WORKERS (default "1 2 4"), COPIES (default "1 5").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
corpus=${CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/pixqueue-bench-corpus}
cli=$build/app/pixqueue-cli
[ -x "$cli" ] || { echo "missing $cli: build first (scripts/build.sh)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time, Debian package time)" >&2; exit 1; }

sh "$root/bench/make-corpus.sh" "$corpus" >&2
mapfile -t files < <(find "$corpus" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) | sort)
n=${#files[@]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Five copies of each file, each made different by trailing zero bytes after the image's end
# (decoders ignore them), so PixQueue's identical-work reuse cannot turn copies into file copies.
copies_dir() {
    local k=$1 dir=$work/in-x$1
    [ -d "$dir" ] && { echo "$dir"; return; }
    mkdir -p "$dir"
    for c in $(seq 1 "$k"); do
        for f in "${files[@]}"; do
            local b
            b=$(basename "$f")
            cp "$f" "$dir/c$c-$b"
            head -c "$c" /dev/zero >>"$dir/c$c-$b"
        done
    done
    echo "$dir"
}

recipe=(--op resize:long-edge=2048 --op sharpen --op watermark-text:text=PixQueue
    --op format:type=webp,quality=80)

echo "## Memory: resize 2048 + sharpen + watermark + WebP, $n-file corpus ($(du -sh "$corpus" | cut -f1))"
echo
echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GB RAM."
echo
echo "| files | workers | wall (s) | images/s | CPU (s) | peak RSS (MB) |"
echo "|---:|---:|---:|---:|---:|---:|"
for k in ${COPIES:-1 5}; do
    if [ "$k" -eq 1 ]; then inputs=("${files[@]}"); else inputs=("$(copies_dir "$k")"); fi
    for w in ${WORKERS:-1 2 4}; do
        out=$work/out-$k-$w
        rm -rf "$out" "$work/db.sqlite"*
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
            "$cli" --db "$work/db.sqlite" process --workers "$w" "${recipe[@]}" --out "$out" \
            "${inputs[@]}" >/dev/null 2>"$work/err" ||
            { echo "pixqueue-cli failed:" >&2; tail -5 "$work/err" >&2; exit 1; }
        read -r wall user sys kb <"$work/time"
        produced=$(find "$out" -type f -name '*.webp' | wc -l)
        [ "$produced" -eq $((n * k)) ] || { echo "wrote $produced of $((n * k)) files" >&2; exit 1; }
        awk -v f=$((n * k)) -v w="$w" -v wall="$wall" -v u="$user" -v s="$sys" -v kb="$kb" \
            'BEGIN { printf "| %d | %d | %.1f | %.2f | %.1f | %.0f |\n", f, w, wall, f / wall, u + s, kb / 1024 }'
        rm -rf "$out"
    done
done
