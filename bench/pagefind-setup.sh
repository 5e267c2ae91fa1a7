# Sourced by bench/pagefind.sh and bench/relevance.sh, from the repository
# root: a scratch folder ($work) removed at exit with the servers started
# ($pids), Pagefind and playwright-core installed with npm into
# bench/.pagefind (or PF_DIR), and serve DIR PORT, which serves a built
# site with bench/staticserve until the script ends.

PF_DIR=$(realpath -m "${PF_DIR:-bench/.pagefind}")
PAGEFIND_VERSION=${PAGEFIND_VERSION:-1.6.0}
PLAYWRIGHT_VERSION=${PLAYWRIGHT_VERSION:-1.65.1}
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
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

serve() {
	[ -x "$work/staticserve" ] || go build -o "$work/staticserve" ./bench/staticserve
	"$work/staticserve" -dir "$1" -addr "127.0.0.1:$2" 2>"$work/serve-$2.log" &
	pids+=($!)
	for _ in $(seq 50); do
		curl -fs -o /dev/null "http://127.0.0.1:$2/" && return
		sleep 0.1
	done
}
