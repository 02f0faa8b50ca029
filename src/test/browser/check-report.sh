#!/usr/bin/env bash
# Opens a report written by `rbm reproduce` in headless Chromium and checks that it renders:
#   (a) every <img> loaded (complete, naturalWidth > 0) and every <svg> has a non-empty bounding box and content,
#       as reported by the page's own render self-check (<pre id="render-check">, written on `load`);
#   (b) the console shows no errors: uncaught exceptions, failed loads and console.error calls, which the page's
#       first script records (this Chromium logs every console message at level INFO, so the level on stderr does
#       not tell errors apart), and, on stderr, "Uncaught ..." or messages logged at level ERROR.
# It also saves a screenshot, REPORT_DIR/screenshot.png (1280 × 4000, the top of the page), for humans.
#
# Usage: src/test/browser/check-report.sh REPORT_DIR
# Prints one summary line; exits 0 when the page passes, 1 when it fails, 2 on bad usage or a missing browser.
# Installs the Debian package `chromium` with apt-get when /usr/bin/chromium is missing.
# Not a JUnit test on purpose: build machines may have no browser.
set -euo pipefail

if [ $# -ne 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  echo "usage: $0 REPORT_DIR   (the --out directory of 'rbm reproduce', holding index.html)" >&2
  exit 2
fi
dir="$1"
page="$dir/index.html"
if [ ! -f "$page" ]; then
  echo "check-report: FAIL: $page not found" >&2
  exit 2
fi

chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  echo "check-report: $chromium missing; installing the Debian package chromium" >&2
  if ! { apt-get update -qq && apt-get install -y -qq chromium; } >&2; then
    echo "check-report: FAIL: could not install chromium" >&2
    exit 2
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
url="file://$(cd "$dir" && pwd)/index.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --hide-scrollbars)

# One run dumps the DOM after the load handlers (virtual time lets the page settle) and logs the console to stderr.
status=0
timeout 180 "$chromium" "${flags[@]}" --user-data-dir="$work/profile-dom" --virtual-time-budget=5000 \
  --enable-logging=stderr --v=0 --dump-dom "$url" >"$work/dom.html" 2>"$work/console.log" || status=$?
if [ "$status" -ne 0 ]; then
  echo "check-report: FAIL: chromium exited with status $status while loading $url" >&2
  tail -n 5 "$work/console.log" >&2 || true
  exit 1
fi

# A second run takes the screenshot.
timeout 180 "$chromium" "${flags[@]}" --user-data-dir="$work/profile-shot" --virtual-time-budget=5000 \
  --window-size=1280,4000 --screenshot="$dir/screenshot.png" "$url" >/dev/null 2>&1 || true

failures=()

# (a) the page's own render check. The element is written by the script on `load`; its absence means the script
# did not run or did not finish.
check="$(grep -o '<pre id="render-check"[^>]*>[^<]*</pre>' "$work/dom.html" | sed -e 's/<[^>]*>//g' || true)"
if [ -z "$check" ]; then
  failures+=("no render-check result in the page (did the load handler run?)")
elif [[ "$check" != "render-check: OK "* ]]; then
  failures+=("$check")
fi

# (b) console errors. The render check above already counts the errors the page saw (errors=N). Chromium also logs
# console messages to stderr as "...:LEVEL:CONSOLE:line] "text", source: ..." (older versions "CONSOLE(line)");
# uncaught exceptions read "Uncaught ...". Everything else on stderr (D-Bus noise, the wrapper's
# "[: ...: unexpected operator") is ignored.
errors="$(grep -E ':ERROR:CONSOLE[:(]|Uncaught' "$work/console.log" || true)"
if [ -n "$errors" ]; then
  failures+=("console errors: $(echo "$errors" | head -n 3 | sed -e 's/^\[[^]]*\] *//' | tr '\n' ' ')")
fi

shot="no screenshot"
if [ -s "$dir/screenshot.png" ]; then
  shot="screenshot $dir/screenshot.png"
fi

if [ ${#failures[@]} -eq 0 ]; then
  echo "check-report: PASS: ${check#render-check: OK }; no console errors; $shot"
  exit 0
fi
joined="$(printf '%s; ' "${failures[@]}")"
echo "check-report: FAIL: ${joined}$shot"
exit 1
