#!/usr/bin/env bash
# The web app's checks, in the order that fails fastest: generated API types up to date,
# svelte-check, Vitest, the production build, then the Playwright journeys against a
# real `revenge serve` (needs ../.venv, made by ./dev.sh, and /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { echo "--- web: $*" >&2; }
step "API types match the server's OpenAPI"; npm run --silent check:api
step "svelte-check"; npm run --silent check
step "vitest"; npm run --silent test:unit
step "build"; npm run --silent build >/dev/null
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  step "playwright (Chromium)"; npm run --silent test:e2e
else
  echo "web: SKIPPED the browser journeys: no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}" >&2
fi
