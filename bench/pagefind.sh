#!/usr/bin/env bash
# Compares jianghan's static browser search with Pagefind on the same built
# sample site (issue 4). Builds the site, indexes a copy with Pagefind,
# serves both with bench/staticserve on 127.0.0.1 and, in headless Chromium
# (one fresh context per query, so every query is a first query), counts the
# hits and the bytes of search files fetched. Run it on purpose; the tests
# do not.
#
#   bench/pagefind.sh
#   PF_QUERIES="电梯 独居" bench/pagefind.sh
#   PF_GLOB='{cases,courses,guides,handbook,lectures,workers}/*/index.html' bench/pagefind.sh
#   SIZE=10000 bench/pagefind.sh
#
# With SIZE the site is the benchmark corpus of that many cases (made by
# go run ./bench/corpus, see internal/benchcorpus), and besides each query alone it measures
# sessions: a first query (scripts included), later queries in the same
# page, and a 12-character sentence, in real Chromium over a gzip server.
#
# Needs node and npm (pagefind and playwright-core are installed with npm
# into bench/.pagefind, which git ignores, or PF_DIR) and Chromium
# (CHROME_PATH, default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8941}
PF_GLOB=${PF_GLOB:-}
PF_QUERIES=${PF_QUERIES:-电梯 加装电梯 段简 楼栋议 栋议事 议事会 独居 居老人 老人食堂 业委会 委会换 物业费 垃圾分类 分类 三社联动 社联 志愿积分 愿积 口袋花园 袋花 调解 停车}
export PF_QUERIES
. bench/pagefind-setup.sh

if [ -n "${SIZE:-}" ]; then
	go run ./bench/corpus "$SIZE" "$work/src" >&2
	go run ./cmd/jianghan build -s "$work/src" -o "$work/site" >&2
	PF_QUERIES=${PF_QUERIES_SET:-加装电梯 独居老人 楼道堆物 社区食堂 三社联动 物业 老旧小区加装电梯怎么协调}
	SESSIONS=${SESSIONS:-'[["加装电梯","独居老人","楼道堆物 整治","社区食堂","老旧小区加装电梯怎么协调"],["社区","居民议事","物业 矛盾","三社联动","独居老人吃饭问题怎么解决"]]'}
	export SESSIONS PF_QUERIES
else
	go run ./cmd/jianghan build -o "$work/site" >&2
fi
cp -r "$work/site" "$work/site-pf"
glob=()
[ -n "$PF_GLOB" ] && glob=(--glob "$PF_GLOB")
"$PF_DIR/node_modules/.bin/pagefind" --site "$work/site-pf" "${glob[@]}" >&2
echo '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>blank</title></html>' >"$work/site-pf/blank.html"

echo "index sizes (bytes on disk):" >&2
echo "  ours     search/ total $(du -sb "$work/site/search" | cut -f1), files $(find "$work/site/search" -type f | wc -l), search.js $(cat "$work"/site/assets/js/search.*.js | wc -c)" >&2
echo "  pagefind pagefind/ total $(du -sb "$work/site-pf/pagefind" | cut -f1), files $(find "$work/site-pf/pagefind" -type f | wc -l)" >&2

serve "$work/site" "$PORT"
serve "$work/site-pf" "$((PORT + 1))"

OURS_URL="http://127.0.0.1:$PORT" PF_URL="http://127.0.0.1:$((PORT + 1))" node bench/pagefind.mjs
