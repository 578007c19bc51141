#!/usr/bin/env bash
# Thumbnail benchmark: PixQueue against vipsthumbnail (one process, and split over one process per
# core), ImageMagick mogrify and a bare OpenCV loop (bench_bare_thumbnail: the floor without queue,
# database and atomic writes), on a corpus of real photos built from Debian wallpaper packages
# (bench/make-corpus.sh: 34 JPEG + 8 PNG, 2-20 MP). The tools run alternately, ROUNDS times each;
# the table shows the median wall time, images/s, CPU time, peak RSS and the ratios to PixQueue.
# Never part of the tests.
#
#   bench/thumbnails.sh [ROUNDS]          (default 3; needs a build with PIXQUEUE_BUILD_BENCH=ON)
#
# Environment: BUILD_DIR (default build), CORPUS (default ~/.cache/pixqueue-bench-corpus).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
rounds=${1:-3}
corpus=${CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/pixqueue-bench-corpus}
cli=$build/app/pixqueue-cli
bare=$build/bench/bench_bare_thumbnail
for tool in "$cli" "$bare"; do
    [ -x "$tool" ] || { echo "missing $tool: build first (scripts/build.sh)" >&2; exit 1; }
done
command -v vipsthumbnail >/dev/null && command -v mogrify >/dev/null || {
    echo "needs vipsthumbnail (libvips-tools) and mogrify (imagemagick)" >&2
    exit 1
}

sh "$root/bench/make-corpus.sh" "$corpus" >&2
mapfile -t files < <(find "$corpus" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) | sort)
n=${#files[@]}
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_pixqueue() { "$cli" --db "$work/db-$1.sqlite" process --op thumbnail:size=256 \
    --op format:type=jpeg,quality=85 --out "$2" "${files[@]}" >/dev/null 2>&1; }
run_vips() { vipsthumbnail -s 256 -o "$2/%s.jpg[Q=85]" "${files[@]}"; }
run_vips_parallel() {
    printf '%s\0' "${files[@]}" |
        xargs -0 -P "$cores" -n $(( (n + cores - 1) / cores )) vipsthumbnail -s 256 -o "$2/%s.jpg[Q=85]"
}
run_mogrify() { mogrify -path "$2" -thumbnail 256x256 -quality 85 -format jpg "${files[@]}"; }
run_bare() { "$bare" "$2" --threads "$cores" "${files[@]}"; }

tools=(pixqueue vips vips_parallel mogrify bare)
declare -A label=(
    [pixqueue]="pixqueue-cli process (thumbnail 256, JPEG q85, $cores workers)"
    [vips]="vipsthumbnail, one process"
    [vips_parallel]="vipsthumbnail, $cores processes"
    [mogrify]="mogrify -thumbnail 256x256 -quality 85"
    [bare]="bare OpenCV loop ($cores threads, shrink-on-load)"
)
declare -A walls cpus rss
for r in $(seq 1 "$rounds"); do
    for t in "${tools[@]}"; do
        out=$work/out-$t-$r
        mkdir -p "$out"
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" bash -c "$(declare -f "run_$t"); \
            $(declare -p files cli bare cores n work); run_$t $r $out" ||
            { echo "$t failed" >&2; exit 1; }
        read -r wall user sys kb <"$work/time"
        produced=$(find "$out" -type f | wc -l)
        [ "$produced" -eq "$n" ] || { echo "$t wrote $produced of $n files" >&2; exit 1; }
        walls[$t]+="$wall "
        cpus[$t]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') "
        rss[$t]=$(( ${rss[$t]:-0} > kb ? ${rss[$t]:-0} : kb ))
        rm -rf "$out"
        echo "round $r: $t ${wall}s" >&2
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "## Thumbnails: $n files ($(du -sh "$corpus" | cut -f1)), median of $rounds rounds"
echo
echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $cores cores, $(free -g | awk '/^Mem/ { print $2 }') GB RAM,"
echo "$(. /etc/os-release && echo "$PRETTY_NAME"); libvips $(vips --version | cut -d- -f2),"
echo "$(convert -version | head -1 | cut -d' ' -f2-3), OpenCV $(pkg-config --modversion opencv4 2>/dev/null || echo '?')."
echo
echo "| tool | wall (s) | images/s | CPU (s) | peak RSS (MB) | PixQueue speed ratio |"
echo "|---|---:|---:|---:|---:|---:|"
pq_wall=$(echo "${walls[pixqueue]}" | median)
for t in "${tools[@]}"; do
    w=$(echo "${walls[$t]}" | median)
    c=$(echo "${cpus[$t]}" | median)
    awk -v l="${label[$t]}" -v w="$w" -v c="$c" -v m="${rss[$t]}" -v n="$n" -v p="$pq_wall" \
        'BEGIN { printf "| %s | %.2f | %.1f | %.2f | %.0f | %.2fx |\n", l, w, n / w, c, m / 1024, w / p }'
done
