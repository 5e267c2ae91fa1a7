#!/usr/bin/env bash
# Compare jianghan with Hugo on the same synthetic corpus, in one run on one
# machine: wall time (hyperfine) and peak memory (GNU time).
#   bench/hugo.sh [N]        N cases, 1000 by default
# Two cases are timed:
#   rebuild  the output of the last build is there, as when a publisher
#            builds again after an edit (Hugo overwrites its output with
#            --cleanDestinationDir; jianghan rebuilds into the output before
#            last and rewrites only what changed);
#   cold     no output and nothing kept beside it before each run.
# Needs: go, hugo, hyperfine, /usr/bin/time (apt-get install hugo hyperfine time).
# The corpus is internal/benchcorpus's, written by `go run ./bench/corpus`.
set -euo pipefail
n=${1:-1000}
runs=${RUNS:-10}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here" && go run ./bench/corpus "$n" "$work/jh" && go run ./bench/corpus "$n" "$work/hugo" --hugo)
(cd "$here" && go build -o "$work/jianghan" ./cmd/jianghan)
jh=("$work/jianghan" build -s "$work/jh" -o "$work/jh-out")
hg=(hugo --quiet -s "$work/hugo" -d "$work/hugo-out" --cleanDestinationDir)
# sync: deleting the last output leaves the disk busy for a while, which
# would be charged to whichever tool runs next.
clean="rm -rf $work/jh-out $work/.jh-out.jianghan-prev $work/hugo-out; sync"

echo "## rebuild"
hyperfine --warmup 2 --runs "$runs" --export-markdown "$work/rebuild.md" \
  -n jianghan "${jh[*]} 2>/dev/null" -n hugo "${hg[*]}"
echo "## cold"
hyperfine --warmup 1 --runs "$runs" --prepare "$clean" --export-markdown "$work/cold.md" \
  -n jianghan "${jh[*]} 2>/dev/null" -n hugo "${hg[*]}"
cat "$work/rebuild.md" "$work/cold.md"

# Peak memory: the median of five runs of each, alternating, rebuilding.
for tool in jianghan hugo; do : >"$work/$tool.rss"; done
for i in 1 2 3 4 5; do
  /usr/bin/time -f %M -a -o "$work/jianghan.rss" "${jh[@]}" >/dev/null 2>&1
  /usr/bin/time -f %M -a -o "$work/hugo.rss" "${hg[@]}" >/dev/null 2>&1
done
for tool in jianghan hugo; do
  kb=$(sort -n "$work/$tool.rss" | sed -n 3p)
  echo "$tool peak RSS (median of 5): $((kb / 1024)) MiB"
done
