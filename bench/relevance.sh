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

PORT=${PORT:-8951}
# Pagefind indexes the content pages only (not lists and term pages), as
# the other two engines do
PF_GLOB=${PF_GLOB:-'{cases,courses,guides,handbook,lectures,workers}/*/index.html'}
. bench/pagefind-setup.sh

go run ./cmd/jianghan build -o "$work/site" >&2
"$PF_DIR/node_modules/.bin/pagefind" --site "$work/site" --glob "$PF_GLOB" >&2
echo '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>blank</title></html>' >"$work/site/blank.html"

serve "$work/site" "$PORT"

go run ./bench/relevance -queries >"$work/queries.json"
PF_URL="http://127.0.0.1:$PORT" QUERIES="$work/queries.json" node bench/relevance.mjs >"$work/pagefind.json"
go run ./bench/relevance -pagefind "$work/pagefind.json"
