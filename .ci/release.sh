#!/usr/bin/env bash
# The release as a user gets it: build the sdist and wheel, check them, install the wheel
# (not editable, base install: no extras) in a fresh venv outside the checkout, print the
# licences of what it installed (fail on GPL), and from a directory outside the checkout run
# `relgraph --version`, ingest the bundled seeds, export a PNG and serve one page to a real
# request. Needs python3 with pip, and Chromium for the PNG (kaleido). Run from anywhere;
# RELGRAPH_RELEASE_PYTHON names the Python that builds (default: python3 on PATH).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
py="${RELGRAPH_RELEASE_PYTHON:-python3}"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1  # pip's cache (~/.cache/pip) is reused: no PIP_NO_CACHE_DIR

echo "== build (sdist and wheel) from a copy of the checkout"
# A copy: building writes build/ and *.egg-info, which have no place in the work tree.
mkdir "$work/src"
(cd "$root" && git ls-files -z --cached --others --exclude-standard) \
  | while IFS= read -r -d '' f; do [ -f "$root/$f" ] && printf '%s\0' "$f"; done \
  | (cd "$root" && xargs -0 cp --parents -t "$work/src")
"$py" -m venv "$work/tools"
"$work/tools/bin/pip" install -q build twine pip-licenses
"$work/tools/bin/python" -m build --outdir "$work/dist" "$work/src" >"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log"; exit 1; }
ls -l "$work/dist"
"$work/tools/bin/twine" check --strict "$work/dist"/*

echo "== install the wheel in a fresh venv (base install, no extras)"
"$py" -m venv "$work/venv"
"$work/venv/bin/pip" install -q --no-compile "$work/dist"/relgraph-*.whl
echo "base install: $(du -sh "$work/venv/lib"/python3*/site-packages | cut -f1) of site-packages"

echo "== licences of the installed runtime dependencies"
"$work/tools/bin/pip-licenses" --python "$work/venv/bin/python" --from=mixed \
  --ignore-packages relgraph --format=json --output-file "$work/licences.json" >/dev/null
"$work/tools/bin/python" "$root/.ci/licences.py" "$work/licences.json"

echo "== smoke test outside the checkout"
mkdir "$work/run"
cp -r "$root/seeds" "$work/run/seeds"
cd "$work/run"
relgraph="$work/venv/bin/relgraph"
"$relgraph" --version
"$relgraph" ingest seeds --db smoke.db --quiet
"$relgraph" stats --db smoke.db
"$relgraph" export --db smoke.db --format png --output smoke.png
"$work/venv/bin/python" - <<'EOF'
from pathlib import Path
data = Path("smoke.png").read_bytes()
assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, "smoke.png is not a real PNG"
print(f"smoke.png: {len(data):,} bytes")
EOF
port="$("$work/venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$relgraph" serve --db smoke.db --port "$port" >"$work/serve.log" 2>&1 &
server=$!
"$work/venv/bin/python" - "$port" <<'EOF'
import sys
import time
import urllib.request

url = f"http://127.0.0.1:{sys.argv[1]}/"
deadline = time.monotonic() + 120
while True:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            body = r.read()
            assert r.status == 200 and b"_dash-config" in body, (r.status, body[:200])
            break
    except OSError as e:
        if time.monotonic() > deadline:
            sys.exit(f"no page at {url} within 120 s: {e}")
        time.sleep(0.5)
# and one of the assets a non-editable install used to miss
with urllib.request.urlopen(f"{url}assets/relgraph.css", timeout=10) as r:
    assert r.status == 200 and r.read()
print(f"served {url}: 200, {len(body):,} bytes, assets/relgraph.css 200")
EOF
kill "$server"
wait "$server" 2>/dev/null || true
server=""
echo "release: built, checked, installed and smoke-tested"
