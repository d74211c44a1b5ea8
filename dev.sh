#!/usr/bin/env bash
# The front door on a fresh machine (Python 3.11+ and Node 20 are all it assumes):
#   ./dev.sh serve [revenge serve options]   set up, then run the server (embedded stack)
#   ./dev.sh test  [pytest options]          set up, then lint, type-check and run every test
#   ./dev.sh bench NAME                      set up, then run bench/NAME.py
#   ./dev.sh web-test                        set up, then only the web app's checks
# `./dev.sh test` with no pytest arguments (the whole suite) also runs the web app's
# checks (web/scripts/test.sh); with arguments it runs only what they select, unless
# REVENGE_WEB_TESTS=1 (and REVENGE_WEB_TESTS=0 never runs them).
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv

require_python() {
  "$PYTHON" - <<'PY' || { echo "dev.sh: Python 3.11 or newer is required (set PYTHON=...)" >&2; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY
}

# Reinstall only when pyproject.toml changed, so repeated runs start at once.
ensure_venv() {
  require_python
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  local stamp="$VENV/.installed" want
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "dev.sh: installing Python dependencies into $VENV ..." >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[dev]'
    echo "$want" > "$stamp"
  fi
}

# System tools some tests and benches use; installed when we can (root + apt), else
# the code falls back to the Python packages (imageio-ffmpeg) or skips with a reason.
ensure_system_tools() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v ffprobe >/dev/null || missing+=(ffmpeg)
  command -v oathtool >/dev/null || missing+=(oathtool)
  # The reverse proxy of the topology and path-prefix tests (tests/e2e, web/e2e/prefix.spec.ts).
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "dev.sh: installing ${missing[*]} with apt-get ..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null \
      || echo "dev.sh: could not install ${missing[*]}; falling back where possible" >&2
  fi
}

# The web app (web/): npm ci when package-lock.json changed, a build when web/build is
# missing or older than its sources. Without npm the server still runs (API only).
ensure_web_deps() {
  local stamp=web/node_modules/.revenge-installed want
  want=$(sha256sum web/package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "dev.sh: installing the web app's dependencies (npm ci) ..." >&2
    (cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
}

ensure_web_build() {
  if ! command -v npm >/dev/null; then
    echo "dev.sh: npm not found; serving the API without the web app" >&2
    return 0
  fi
  ensure_web_deps
  if [ ! -f web/build/index.html ] || [ -n "$(find web/src web/static web/package-lock.json \
      web/svelte.config.js web/vite.config.ts -newer web/build/index.html -print -quit)" ]; then
    echo "dev.sh: building the web app ..." >&2
    (cd web && npm run --silent build >/dev/null)
  fi
}

# The documentation site (docs/, mkdocs.yml), served at /docs: built into site/ when it
# is missing or older than its pages. A failed build leaves the server without /docs.
ensure_docs_build() {
  if [ ! -f site/index.html ] || [ -n "$(find docs mkdocs.yml -newer site/index.html -print -quit)" ]; then
    echo "dev.sh: building the documentation site ..." >&2
    NO_MKDOCS_2_WARNING=1 "$VENV/bin/mkdocs" build --quiet \
      || echo "dev.sh: could not build the documentation; /docs will answer 404" >&2
  fi
}

# Debian's Chromium drives the browser tests (Playwright never downloads one).
ensure_chromium() {
  if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "dev.sh: installing chromium with apt-get ..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
      || echo "dev.sh: could not install chromium" >&2
  fi
}

run_web_tests() {
  ensure_web_deps
  ensure_chromium
  web/scripts/test.sh
}

cmd=${1:-}
shift || true
case "$cmd" in
  serve)
    ensure_venv
    ensure_web_build
    ensure_docs_build
    exec "$VENV/bin/revenge" serve "$@"
    ;;
  test)
    ensure_venv
    ensure_system_tools
    export PATH="$PWD/$VENV/bin:$PATH"
    "$VENV/bin/ruff" check revenge tests bench
    "$VENV/bin/mypy"
    "$VENV/bin/lint-imports"
    web=${REVENGE_WEB_TESTS:-$([ $# -eq 0 ] && echo 1 || echo 0)}
    status=0
    # The whole suite also measures line and branch coverage of revenge/ and fails
    # under 85% (settings in pyproject.toml); a selection is not held to that.
    cov=()
    [ $# -eq 0 ] && cov=(--cov=revenge --cov-report=term:skip-covered --cov-fail-under=85)
    "$VENV/bin/pytest" ${cov[@]+"${cov[@]}"} "$@" || status=$?
    if [ "$web" = 1 ]; then run_web_tests || status=$?; fi
    exit $status
    ;;
  web-test)
    ensure_venv
    run_web_tests
    ;;
  bench)
    ensure_venv
    name=${1:?usage: ./dev.sh bench NAME}
    shift
    exec "$VENV/bin/python" "bench/$name.py" "$@"
    ;;
  *)
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
