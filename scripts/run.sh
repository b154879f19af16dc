#!/usr/bin/env bash
# Install everything and serve the navigator at http://127.0.0.1:5000
# (SQLite by default, no configuration needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/navigator rules check
.venv/bin/navigator db upgrade
echo "Serving on http://127.0.0.1:${PORT:-5000} (Ctrl+C to stop)"
# gunicorn: no version banner and no access log (no addresses written anywhere).
exec .venv/bin/gunicorn --workers 2 --bind "127.0.0.1:${PORT:-5000}" wsgi:app
