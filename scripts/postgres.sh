#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL 15 server for the test suite.
#   scripts/postgres.sh start DIR   -> prints the DATABASE_URL of an empty database
#   scripts/postgres.sh stop DIR
# It listens on 127.0.0.1 only, trusts local connections and keeps everything in DIR,
# which `stop` deletes. initdb and pg_ctl refuse to run as root, so they run as the
# `postgres` user (created by Debian's postgresql-15 package).
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
action="$1"
dir="$2"
port="${NAVIGATOR_TEST_PG_PORT:-54329}"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then bash -c "$1"
  elif [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"
  else sudo -u postgres bash -c "$1"; fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    chown postgres "$dir" 2>/dev/null || sudo chown postgres "$dir"
    as_postgres "$PGBIN/initdb -D '$dir/data' -U postgres -A trust -E UTF8 --no-sync >'$dir/initdb.log'"
    as_postgres "$PGBIN/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off\" start >/dev/null"
    as_postgres "$PGBIN/createdb -h 127.0.0.1 -p $port -U postgres navigator_test"
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/navigator_test"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_postgres "$PGBIN/pg_ctl -D '$dir/data' -m immediate -w stop >/dev/null" || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
