#!/usr/bin/env bash
# Compare jianghan with Hugo on the same synthetic corpus, in one run on one
# machine: wall time (hyperfine) and peak memory (GNU time).
#   bench/hugo.sh [N]        N cases, 1000 by default
# Needs: python3, hugo, hyperfine, /usr/bin/time (apt-get install hugo hyperfine time).
set -euo pipefail
n=${1:-1000}
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${JIANGHAN_CORPUS:-$here/../shared/bench/corpus.py}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$corpus" "$n" "$work/jh"
python3 "$corpus" "$n" "$work/hugo" --hugo
(cd "$here" && go build -o "$work/jianghan" ./cmd/jianghan)
hyperfine --warmup 1 --runs 5 --export-markdown "$work/times.md" \
  -n jianghan "$work/jianghan build -s $work/jh -o $work/jh-out" \
  -n hugo "hugo --quiet -s $work/hugo -d $work/hugo-out --cleanDestinationDir"
cat "$work/times.md"
for tool in jianghan hugo; do
  if [ $tool = jianghan ]; then cmd=("$work/jianghan" build -s "$work/jh" -o "$work/jh-out")
  else cmd=(hugo --quiet -s "$work/hugo" -d "$work/hugo-out" --cleanDestinationDir); fi
  kb=$(/usr/bin/time -f %M "${cmd[@]}" 2>&1 >/dev/null | tail -1)
  echo "$tool peak RSS: $((kb / 1024)) MiB"
done
