#!/usr/bin/env bash
# The front door on a fresh machine (Python 3.11+ and Node 20 are all it assumes):
#   ./dev.sh serve [revenge serve options]   set up, then run the server (embedded stack)
#   ./dev.sh test  [pytest options]          set up, then lint, type-check and run every test
#   ./dev.sh bench NAME                      set up, then run bench/NAME.py
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
  if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "dev.sh: installing ${missing[*]} with apt-get ..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null \
      || echo "dev.sh: could not install ${missing[*]}; falling back where possible" >&2
  fi
}

cmd=${1:-}
shift || true
case "$cmd" in
  serve)
    ensure_venv
    exec "$VENV/bin/revenge" serve "$@"
    ;;
  test)
    ensure_venv
    ensure_system_tools
    export PATH="$PWD/$VENV/bin:$PATH"
    "$VENV/bin/ruff" check revenge tests bench
    "$VENV/bin/mypy"
    "$VENV/bin/lint-imports"
    exec "$VENV/bin/pytest" "$@"
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
