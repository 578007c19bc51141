#!/usr/bin/env bash
# Offload throughput on this machine: the same batch processed by 1 and by 2 `pixqueue-cli worker`
# processes through fauxqs (SQS + S3 on 127.0.0.1), timed from `run --offload --until-idle`'s
# start to its end (upload, queue, download included), next to the same batch processed locally
# with as many threads.
#
#   bench/offload-throughput.sh [PHOTO_DIR] [COPIES]
#
# PHOTO_DIR defaults to tests/data (its photos, COPIES times each under other names, default 3).
# Needs a build (PIXQUEUE_CLI, default build/app/pixqueue-cli) and scripts/install-deps.sh (node
# and fauxqs). Prints one line per run and the img/s figures.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${PIXQUEUE_CLI:-$root/build/app/pixqueue-cli}
photos=${1:-$root/tests/data}
copies=${2:-3}
recipe=(--op resize:width=1600,fit=inside --op sharpen:amount=0.4 --op format:type=jpeg,quality=85)

work=$(mktemp -d)
server_pid=
workers=()
cleanup() {
    for p in "${workers[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench-secret
mkdir -p "$HOME" "$work/in"

# The inputs: every photo COPIES times under other names, each copy with a few bytes appended
# after the image data (decoders ignore them) so that no copy has another's content: the local run
# would otherwise reuse earlier outputs of identical work, and the uploads would be deduplicated.
n=0
for f in "$photos"/*.jpg "$photos"/*.png; do
    [ -f "$f" ] || continue
    for c in $(seq 1 "$copies"); do
        cp "$f" "$work/in/c$c-$(basename "$f")"
        printf 'copy %d' "$c" >>"$work/in/c$c-$(basename "$f")"
        n=$((n + 1))
    done
done
echo "inputs: $n files, $(du -sh "$work/in" | cut -f1)"

# fauxqs stops when its stdin closes: keep a pipe open.
mkfifo "$work/stdin"
sleep infinity >"$work/stdin" &
workers+=($!)
node "$root/tests/servers/fauxqs-server.mjs" 0 <"$work/stdin" >"$work/port" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -1 "$work/port")
endpoint=http://127.0.0.1:$port

now_ms() { date +%s%3N; }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.2f", n * 1000 / ms }'; }

for count in 1 2; do
    name=bench$count
    conn=(--provider sqs --endpoint "$endpoint" --region us-east-1 --request-queue "$name-requests"
          --response-queue "$name-responses" --dead-letter-queue "$name-dlq" --bucket "$name")
    "$cli" setup-offload "${conn[@]}" --visibility-timeout 120 >/dev/null
    db=$work/$name.sqlite
    "$cli" --db "$db" add --offload --out "$work/out-$name" "${recipe[@]}" "$work/in" >/dev/null
    pids=()
    for _ in $(seq 1 "$count"); do
        "$cli" worker "${conn[@]}" --workers 1 >/dev/null 2>&1 &
        pids+=($!)
        workers+=($!)
    done
    start=$(now_ms)
    /usr/bin/time -f "%M" -o "$work/rss" "$cli" --db "$db" run --offload --until-idle "${conn[@]}" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    ms=$(( $(now_ms) - start ))
    kill "${pids[@]}"
    wait "${pids[@]}" 2>/dev/null || true
    done_jobs=$("$cli" --db "$db" status --json | grep -o '"done": *[0-9]*' | grep -o '[0-9]*$')
    echo "offload, $count worker process(es): $done_jobs/$n done in $ms ms = $(rate "$n" "$ms") img/s (producer peak RSS $(cat "$work/rss") KiB)"

    start=$(now_ms)
    "$cli" --db "$work/local$count.sqlite" process --workers "$count" --out "$work/local-$name" "${recipe[@]}" "$work/in" >/dev/null 2>&1
    ms=$(( $(now_ms) - start ))
    echo "local,   $count thread(s):           $n done in $ms ms = $(rate "$n" "$ms") img/s"
done
