#!/usr/bin/env bash
# Runs the judged queries of search/relevance/testdata/judged.yaml through
# jianghan's search, bleve's built-in cjk analyzer with an OR match query,
# and Pagefind (on the same built sample site, in headless Chromium), and
# prints success@3, MRR and nDCG@10 of the three side by side. Run it on
# purpose; the tests do not.
#
#   bench/relevance.sh
#
# Needs node and npm (pagefind and playwright-core are installed with npm
# into bench/.pagefind, which git ignores, or PF_DIR) and Chromium
# (CHROME_PATH, default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

PF_DIR=$(realpath -m "${PF_DIR:-bench/.pagefind}")
PAGEFIND_VERSION=${PAGEFIND_VERSION:-1.6.0}
PLAYWRIGHT_VERSION=${PLAYWRIGHT_VERSION:-1.65.1}
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PORT=${PORT:-8951}
# Pagefind indexes the content pages only (not lists and term pages), as
# the other two engines do
PF_GLOB=${PF_GLOB:-'{cases,courses,guides,handbook,lectures,workers}/*/index.html'}
export PF_DIR CHROME_PATH

work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x "$PF_DIR/node_modules/.bin/pagefind" ] || [ ! -d "$PF_DIR/node_modules/playwright-core" ]; then
	echo "installing pagefind@$PAGEFIND_VERSION and playwright-core@$PLAYWRIGHT_VERSION into $PF_DIR" >&2
	mkdir -p "$PF_DIR"
	npm install --prefix "$PF_DIR" --no-audit --no-fund --loglevel=error \
		"pagefind@$PAGEFIND_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >&2
fi

export JIANGHAN_CACHE_DIR="$work/cache"
go run ./cmd/jianghan build -o "$work/site" >&2
"$PF_DIR/node_modules/.bin/pagefind" --site "$work/site" --glob "$PF_GLOB" >&2
echo '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>blank</title></html>' >"$work/site/blank.html"

go build -o "$work/staticserve" ./bench/staticserve
"$work/staticserve" -dir "$work/site" -addr "127.0.0.1:$PORT" 2>"$work/serve.log" &
pids+=($!)
for _ in $(seq 50); do
	curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
	sleep 0.1
done

go run ./bench/relevance -queries >"$work/queries.json"
PF_URL="http://127.0.0.1:$PORT" QUERIES="$work/queries.json" node bench/relevance.mjs >"$work/pagefind.json"
go run ./bench/relevance -pagefind "$work/pagefind.json"
