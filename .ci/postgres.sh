#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1:55432 for the store tests; prints its URL.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=$(mktemp -d /tmp/relgraph-pg.XXXXXX)
chown postgres "$DIR"
su postgres -c "$PGBIN/initdb -D $DIR/data -A trust -U postgres" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $DIR/data -l $DIR/log -w start \
  -o '-k $DIR -p 55432 -c listen_addresses=127.0.0.1'" >/dev/null
echo "postgresql+psycopg://postgres@127.0.0.1:55432/postgres"
