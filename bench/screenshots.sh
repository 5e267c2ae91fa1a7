#!/usr/bin/env bash
# Screenshots of every page kind of the sample library, at a 360×640 phone
# and a 1280×900 desktop, for a person to look at: NAME-phone.png is the
# first screen as a reader sees it on opening the page, NAME-phone-full.png
# the whole page; the same with -desktop. Run it on purpose, after changing
# the theme; nothing is committed.
#
#   bench/screenshots.sh /tmp/shots
#
# Needs Chromium (as the browser tests do: /usr/bin/chromium, or
# JIANGHAN_CHROMIUM).
set -euo pipefail
if [ $# -ne 1 ]; then
	echo "usage: $0 DIR   (the folder to write the PNG files into)" >&2
	exit 2
fi
mkdir -p "$1"
dir=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
JIANGHAN_SCREENSHOT_DIR="$dir" JIANGHAN_REQUIRE_BROWSER=1 go test ./sitetest -run '^TestScreenshots$' -count=1
ls "$dir"/*.png | wc -l | xargs echo "screenshots in $dir:" >&2
