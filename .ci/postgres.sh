#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on a free 127.0.0.1 port for the store tests.
# Prints two lines: its SQLAlchemy URL and the command that stops it.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq postgresql >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DIR=$(mktemp -d /tmp/relgraph-pg.XXXXXX)
chown postgres "$DIR"
su postgres -c "$PGBIN/initdb -D $DIR/data -A trust -U postgres" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $DIR/data -l $DIR/log -w start \
  -o '-k $DIR -p $PORT -c listen_addresses=127.0.0.1'" >/dev/null
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
echo "su postgres -c '$PGBIN/pg_ctl -D $DIR/data -w -m fast stop' >/dev/null; rm -rf $DIR"
