#!/usr/bin/env bash
# What the production server sustains while builds are published: jianghan
# serve --no-watch serves the sample library (or N synthetic cases) on
# loopback, bench/loadgen asks pages, the search API, a fingerprinted
# stylesheet and a missing page from C connections for D seconds, once
# with no build (steady) and once while jianghan build publishes a new
# build every few seconds, each changing a case's title (swapping). It
# prints requests per second, errors and latency percentiles for both, and
# how many builds the server took up (by /healthz).
#   bench/swapload.sh [N]             the sample library, or N synthetic cases
#   C=64 D=20s BUILDS=5 PRECOMPRESS=1 bench/swapload.sh
# The machine is shared: compare the two runs with each other, not with
# another day's numbers.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
conns=${C:-64}
dur=${D:-20s}
builds=${BUILDS:-5}
pre=()
[ "${PRECOMPRESS:-0}" = 1 ] && pre=(--precompress)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
(cd "$here" && go build -o "$work/jianghan" ./cmd/jianghan && go build -o "$work/loadgen" ./bench/loadgen)
if [ -n "${1:-}" ]; then
  (cd "$here" && go run ./bench/corpus "$1" "$work/site" >/dev/null)
else
  mkdir -p "$work/site" && cp -r "$here/content" "$work/site/content"
fi
export JIANGHAN_CACHE_DIR="$work/cache"
"$work/jianghan" build -s "$work/site" "${pre[@]}" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
JIANGHAN_LANG=en "$work/jianghan" serve --no-watch -s "$work/site" --addr "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
until curl -sf "$base/healthz" | grep -q '"search": "ready"'; do sleep 0.2; done

case=$(cd "$work/site/public/cases" && ls -d */ | grep -v '^page/$' | head -1)
case=${case%/}
css=$(cd "$work/site/public" && ls assets/css/site.*.css)
src="$work/site/content/cases/$case.md"
[ -f "$src" ] || src="$work/site/content/cases/$case/index.md"
title=$(sed -n 's/^title: //p' "$src" | head -1)
word=$(python3 -c 'import sys; print(sys.argv[1][:4])' "$title")
q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$word")
urls=("$base/" "$base/cases/$case/" "$base/api/search?q=$q" "$base/$css" "$base/cases/" "$base/no-such-page/#404")

echo "## steady: no build"
"$work/loadgen" -c "$conns" -d "$dur" "${urls[@]}"

echo
echo "## swapping: a build published every few seconds"
(
  secs=${dur%s}
  for i in $(seq 1 "$builds"); do
    sleep "$(python3 -c "print($secs / ($builds + 1))")"
    sed -i "s/^title: .*/title: $title（第${i}版）/" "$src"
    "$work/jianghan" build -s "$work/site" "${pre[@]}" >/dev/null
  done
) &
builder=$!
"$work/loadgen" -c "$conns" -d "$dur" "${urls[@]}"
wait "$builder"
sleep 1
echo "builds taken up: $(grep -c 'serving the build of' "$work/serve.log") (1 at start + $builds)"
curl -s "$base/healthz"
