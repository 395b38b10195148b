#!/usr/bin/env bash
# Refreshes (or, with --check, verifies) the vendored ALTCHA widget that the public portal serves itself
# from /public/assets/altcha/ (no CDN): src/main/resources/portal/assets/altcha/{altcha.js,altcha.css,worker.js,LICENSE.txt}
# are copied verbatim from the npm package "altcha", pinned exactly in package.json / package-lock.json here.
#
# We use the package's dist_external build: it keeps the CSS and the proof-of-work Web Worker in separate files, so
# the widget runs under the portal's strict Content-Security-Policy (no inline style, no eval, worker from 'self').
#
# Usage: tools/altcha/update.sh           install the pinned version (npm ci) and copy the files
#        tools/altcha/update.sh --check   install and compare; exit 1 if the vendored copy differs
# To move to another version: change "altcha" in package.json, run `npm install` here (updates the lock file),
# then this script, and re-test the portal pages (see the "altcha" notes in the portal templates).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dest="$root/src/main/resources/portal/assets/altcha"
check=0
case "${1:-}" in
  --check) check=1 ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

cd "$here"
npm ci --no-audit --no-fund --ignore-scripts >/dev/null

pkg="$here/node_modules/altcha"
want="$(node -p 'require("./package.json").dependencies.altcha')"
have="$(node -p 'require("./node_modules/altcha/package.json").version')"
if [ "$want" != "$have" ]; then
  echo "update.sh: package.json pins altcha $want but npm installed $have" >&2
  exit 1
fi

files=(dist_external/altcha.js dist_external/altcha.css dist_external/worker.js LICENSE.txt)
status=0
mkdir -p "$dest"
for f in "${files[@]}"; do
  src="$pkg/$f"
  out="$dest/$(basename "$f")"
  if [ ! -f "$src" ]; then
    echo "update.sh: $f is missing from altcha $have" >&2
    exit 1
  fi
  if [ "$check" -eq 1 ]; then
    if cmp -s "$src" "$out"; then
      echo "ok  ${out#"$root"/}"
    else
      echo "DIFFERS  ${out#"$root"/} (not the file of altcha $have)" >&2
      status=1
    fi
  else
    cp "$src" "$out"
    echo "copied  ${out#"$root"/}"
  fi
done
if [ "$check" -eq 1 ] && [ "$status" -ne 0 ]; then
  echo "update.sh: the vendored ALTCHA differs from altcha $have; run tools/altcha/update.sh" >&2
fi
exit "$status"
