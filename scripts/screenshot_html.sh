#!/usr/bin/env bash
# Render the HTML report of the bundled seed in headless Chromium and keep a
# screenshot for the docs: bash scripts/screenshot_html.sh [OUT.png]
# Needs Debian's chromium package (apt-get install -y chromium) and ogpcheck
# importable by $PYTHON (default .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
out="${1:-docs/html-report.png}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" -m ogpcheck fixtures/seeds/000_2e39307007993178.txt --format html --output "$work/report.html" \
    || [ $? -eq 1 ]
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=1280,900 --screenshot="$work/shot.png" "file://$work/report.html" 2>/dev/null
# Keep the docs small: an 8-bit palette PNG when ImageMagick is there.
if convert -version 2>/dev/null | grep -q ImageMagick; then
    convert "$work/shot.png" -colors 128 -strip "PNG8:$out"
else
    cp "$work/shot.png" "$out"
fi
ls -l "$out"
