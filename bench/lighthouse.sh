#!/usr/bin/env bash
# Lighthouse, mobile, on the built sample library: the home page, a case, a
# worker, a course and the search page, served on 127.0.0.1 by
# bench/staticserve (gzip, year-long caching of fingerprinted assets, as
# the intranet server is set up). Run it on purpose; the tests do not.
#
#   bench/lighthouse.sh            # prints the scores and the case page's bytes
#   LH_OUT=/tmp/lh bench/lighthouse.sh   # also keeps the JSON and HTML reports
#   LH_RUNS=3 bench/lighthouse.sh        # runs each page 3 times, reports the median
#   LH_PAGES="case search" bench/lighthouse.sh
#
# Needs node and npm (Lighthouse is installed with npm into bench/.lighthouse,
# which git ignores, or LH_DIR) and Chromium (CHROME_PATH, default
# /usr/bin/chromium). Targets: performance 100, accessibility 100, best
# practices 100, SEO at least 95.
set -euo pipefail
cd "$(dirname "$0")/.."

LH_DIR=${LH_DIR:-bench/.lighthouse}
LH_VERSION=${LH_VERSION:-12.8.2} # 13 needs node 22.19 or later
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PORT=${PORT:-8931}
LH_RUNS=${LH_RUNS:-1}
LH_PAGES=${LH_PAGES:-home case worker course search}
export CHROME_PATH

work=$(mktemp -d)
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
	echo "installing lighthouse@$LH_VERSION into $LH_DIR" >&2
	mkdir -p "$LH_DIR"
	npm install --prefix "$LH_DIR" --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION" >&2
fi

export JIANGHAN_CACHE_DIR="$work/cache"
go run ./cmd/jianghan build -o "$work/site" >&2
go build -o "$work/staticserve" ./bench/staticserve
"$work/staticserve" -dir "$work/site" -addr "127.0.0.1:$PORT" 2>"$work/serve.log" &
pid=$!
for _ in $(seq 50); do
	curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
	sleep 0.1
done

base="http://127.0.0.1:$PORT"
declare -A paths=(
	[home]="/"
	[case]="/cases/lift-seven-floors/"
	[worker]="/workers/zhang-min/"
	[course]="/courses/new-worker-basics/"
	[search]="/search/?q=%E5%8A%A0%E8%A3%85%E7%94%B5%E6%A2%AF"
)
read -r -a pages <<<"$LH_PAGES"
out=${LH_OUT:-$work/reports}
mkdir -p "$out"
for name in "${pages[@]}"; do
	path=${paths[$name]:?"unknown page $name (home case worker course search)"}
	for run in $(seq "$LH_RUNS"); do
		echo "lighthouse $name $path (run $run of $LH_RUNS)" >&2
		rm -rf "$work/profile"
		"$LH_DIR/node_modules/.bin/lighthouse" "$base$path" \
			--quiet \
			--form-factor=mobile \
			--only-categories=performance,accessibility,best-practices,seo \
			--chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --user-data-dir=$work/profile" \
			--output=json --output=html \
			--output-path="$out/$name-$run" >&2
	done
done

node - "$out" "$LH_RUNS" "${pages[@]}" <<'EOF'
const fs = require("fs");
const [dir, runs, ...pages] = process.argv.slice(2);
// The run with the median performance score of a page.
const median = (name) => {
	const rs = [];
	for (let i = 1; i <= +runs; i++) rs.push(JSON.parse(fs.readFileSync(`${dir}/${name}-${i}.report.json`, "utf8")));
	rs.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
	return rs[Math.floor((rs.length - 1) / 2)];
};
const pct = (s) => (s == null ? "—" : String(Math.round(s * 100)));
const rows = [["page (median of " + runs + ")", "perf", "a11y", "best", "seo", "FCP", "LCP", "TBT", "CLS", "requests", "transferred"]];
const fails = [];
for (const name of pages) {
	const r = median(name);
	const c = r.categories, a = r.audits;
	const reqs = a["network-requests"].details.items;
	const bytes = reqs.reduce((n, i) => n + (i.transferSize || 0), 0);
	rows.push([name, pct(c.performance.score), pct(c.accessibility.score), pct(c["best-practices"].score), pct(c.seo.score),
		a["first-contentful-paint"].displayValue, a["largest-contentful-paint"].displayValue,
		a["total-blocking-time"].displayValue, a["cumulative-layout-shift"].displayValue, String(reqs.length), bytes + " B"]);
	for (const [id, cat] of Object.entries(c)) {
		for (const ref of cat.auditRefs) {
			const au = a[ref.id];
			if (ref.weight > 0 && au.score !== null && au.score < 1) fails.push(`${name}: ${id}/${ref.id} ${pct(au.score)} ${au.displayValue || ""}`);
		}
	}
	if (name === "case") {
		console.log("case page requests:");
		for (const i of reqs) console.log(`  ${i.transferSize} B transferred, ${i.resourceSize} B  ${i.url}`);
	}
}
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join("  "));
if (fails.length) {
	console.log("\naudits that cost points:");
	for (const f of fails) console.log("  " + f);
}
EOF
echo "reports: $out" >&2
