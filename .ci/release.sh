#!/usr/bin/env bash
# The release as a user gets it: build the sdist and wheel, check them, install the wheel
# (not editable, base install: no extras) in a fresh venv outside the checkout, print the
# licences of what it installed (fail on GPL), and from a directory outside the checkout run
# `relgraph --version`, ingest a copy of the seeds, export a PNG, serve one page to a real
# request, and in an empty directory run a first `relgraph serve` (no --db), which ingests the
# seeds shipped in the wheel. Needs python3 with pip, and Chromium for the PNG (kaleido). Run
# from anywhere; RELGRAPH_RELEASE_PYTHON names the Python that builds (default: python3 on PATH).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
py="${RELGRAPH_RELEASE_PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
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
# serve.py SECONDS LOG COMMAND...: start COMMAND --port on a free port (output to LOG), wait up
# to SECONDS for the dashboard page and for an asset a non-editable install used to miss, then
# stop it. Fails at once with LOG if the server ends before serving.
cat >"$work/serve.py" <<'EOF'
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

wait, log, cmd = float(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
url = f"http://127.0.0.1:{port}/"
with log.open("w") as out:
    server = subprocess.Popen([*cmd, "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
try:
    deadline = time.monotonic() + wait
    while True:
        if server.poll() is not None:
            sys.exit(f"{' '.join(cmd)} ended (status {server.returncode}) before serving:\n"
                     f"{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                body = r.read()
                assert r.status == 200 and b"_dash-config" in body, (r.status, body[:200])
                break
        except OSError as e:
            if time.monotonic() > deadline:
                sys.exit(f"no page at {url} within {wait:.0f} s: {e}\n{log.read_text()}")
            time.sleep(0.5)
    with urllib.request.urlopen(f"{url}assets/relgraph.css", timeout=10) as r:
        assert r.status == 200 and r.read()
    print(f"served {url}: 200, {len(body):,} bytes, assets/relgraph.css 200")
finally:
    server.terminate()
    server.wait(timeout=60)
EOF
"$work/venv/bin/python" "$work/serve.py" 120 "$work/serve.log" "$relgraph" serve --db smoke.db

echo "== first run: 'relgraph serve' with no --db in an empty directory ingests the bundled seeds"
# The seeds come from the installed package (graph/seeds in the wheel), not from a checkout.
# A generous wait: the seed ingest loads spaCy first.
mkdir "$work/fresh"
cd "$work/fresh"
"$work/venv/bin/python" "$work/serve.py" 600 "$work/fresh.log" "$relgraph" serve
cat "$work/fresh.log"
grep -q "ingesting the bundled seed articles from $work/venv/.*/graph/seeds" "$work/fresh.log" \
  || { echo "release: the first serve did not ingest the installed seeds"; exit 1; }
"$relgraph" stats | tee "$work/fresh.stats"
grep -Eq "^articles +5$" "$work/fresh.stats" \
  || { echo "release: the first serve did not store the 5 seed articles"; exit 1; }
echo "release: built, checked, installed and smoke-tested"
