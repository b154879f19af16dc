#!/usr/bin/env bash
# Install everything and serve the navigator at http://127.0.0.1:5000
# (SQLite by default, no configuration needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/navigator rules check
exec .venv/bin/flask --app wsgi run --host 127.0.0.1 --port "${PORT:-5000}"
