#!/usr/bin/env bash
# Install what the tests need and run the whole suite: lint, format check,
# rule-file check, then pytest (engine, scenarios, web, API, PDF, CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== rules"
.venv/bin/navigator rules check
echo "== pytest"
.venv/bin/python -m pytest "$@"
