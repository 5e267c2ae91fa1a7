#!/usr/bin/env bash
# Runs the judged queries of search/relevance/testdata/judged.yaml through
# jianghan's search, bleve's built-in cjk analyzer with an OR match query,
# Pagefind (on the same built sample site, in headless Chromium), and the
# baselines of bench/baselines.mjs on the same documents: MiniSearch as
# VitePress configures it, MiniSearch with a Chinese word segmenter, and
# jieba + BM25; last, jianghan without the site's thesaurus, which no other
# engine is given. Prints success@3, MRR, nDCG@10 and the queries that find
# nothing side by side, then the queries on which an engine ranks a right
# page higher than jianghan. Run it on purpose; the tests do not.
#
#   bench/relevance.sh
#   SEGMENTER=jieba bench/relevance.sh   # MiniSearch's segmenter: jieba, not Intl.Segmenter
#
# Needs node and npm (pagefind and playwright-core are installed with npm
# into bench/.pagefind, or PF_DIR; minisearch and jieba-wasm into
# bench/.baselines, or BASELINES_DIR; git ignores both) and Chromium
# (CHROME_PATH, default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8951}
# Pagefind indexes the content pages only (not lists and term pages), as
# the other two engines do
PF_GLOB=${PF_GLOB:-'{cases,courses,guides,handbook,lectures,workers}/*/index.html'}
. bench/pagefind-setup.sh

BASELINES_DIR=$(realpath -m "${BASELINES_DIR:-bench/.baselines}")
MINISEARCH_VERSION=${MINISEARCH_VERSION:-7.2.0}
JIEBA_WASM_VERSION=${JIEBA_WASM_VERSION:-2.4.0}
export BASELINES_DIR
if [ ! -f "$BASELINES_DIR/node_modules/minisearch/package.json" ] || [ ! -f "$BASELINES_DIR/node_modules/jieba-wasm/package.json" ]; then
	echo "installing minisearch@$MINISEARCH_VERSION and jieba-wasm@$JIEBA_WASM_VERSION into $BASELINES_DIR" >&2
	mkdir -p "$BASELINES_DIR"
	npm install --prefix "$BASELINES_DIR" --no-audit --no-fund --loglevel=error \
		"minisearch@$MINISEARCH_VERSION" "jieba-wasm@$JIEBA_WASM_VERSION" >&2
fi

go run ./cmd/jianghan build -o "$work/site" >&2
"$PF_DIR/node_modules/.bin/pagefind" --site "$work/site" --glob "$PF_GLOB" >&2
echo '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>blank</title></html>' >"$work/site/blank.html"

serve "$work/site" "$PORT"

go run ./bench/relevance -queries >"$work/queries.json"
go run ./bench/relevance -docs >"$work/docs.json"
PF_URL="http://127.0.0.1:$PORT" QUERIES="$work/queries.json" node bench/relevance.mjs >"$work/pagefind.json"
DOCS="$work/docs.json" QUERIES="$work/queries.json" node bench/baselines.mjs >"$work/baselines.json"
go run ./bench/relevance -pagefind "$work/pagefind.json" -results "$work/baselines.json"
