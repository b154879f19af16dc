#!/usr/bin/env bash
# Install what the tests need and run the whole suite: lint, format check,
# rule-file check, then pytest (engine, scenarios, web, API, PDF, CLI, browser).
# The database tests run on SQLite and on a throwaway PostgreSQL 15 server that
# this script starts and removes (set TEST_DATABASE_URL to use your own instead).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== rules"
.venv/bin/navigator rules check
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "== postgresql"
  PGDIR="$(mktemp -d /tmp/navigator-pg.XXXXXX)"
  trap 'bash scripts/postgres.sh stop "$PGDIR"' EXIT
  TEST_DATABASE_URL="$(bash scripts/postgres.sh start "$PGDIR")"
  export TEST_DATABASE_URL
  echo "throwaway server at ${TEST_DATABASE_URL}"
fi
export NAVIGATOR_REQUIRE_POSTGRES=1  # the PostgreSQL tests fail rather than skip
echo "== pytest"
# Two processes (the machine has two cores): the browser tests wait on Chromium
# and gunicorn, so the rest of the suite runs beside them.
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" "$@"
