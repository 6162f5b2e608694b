#!/usr/bin/env bash
# `npm test`: types, lint and format, unit and integration tests (vitest, real PostgreSQL), `npm run bench -- --quick`, then browser e2e (Playwright, Debian's
# Chromium), then the reliability drills at short sizes. Installs Chromium and CJK fonts with apt-get when missing and running as root.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[test] installing Debian's chromium and fonts-noto-cjk…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "[test] Chromium is missing: install Debian's 'chromium' (and 'fonts-noto-cjk'), e.g. 'sudo apt-get install chromium fonts-noto-cjk', or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

export NEXT_TELEMETRY_DISABLED=1
npx tsc --noEmit
# The linter and the formatter keep the tree consistent (eslint.config.mjs, .prettierrc.json).
npx eslint .
npx prettier --check . --log-level warn
# One throw-away PostgreSQL for vitest and for the quick benchmark (which only keeps `npm run bench` working).
node_modules/.bin/tsx scripts/with-test-postgres.ts bash -c "npx vitest run --project '!drills' && npm run bench -- --quick"
npx playwright test
# Reliability drills, short sizes (docs/drills.md): each hosts its own PostgreSQL; the web drill uses the build above.
npx vitest run --project drills
