#!/usr/bin/env bash
# Starts the machine's PostgreSQL as an Aspire executable resource (no container runtime needed).
# Inputs (environment): OA_PG_DATA (data folder), OA_PG_PORT, OA_PG_PASSWORD; optional OA_PG_SERVER_OPTIONS
# (extra "-c name=value" server settings, e.g. "-c shared_preload_libraries=pg_stat_statements" when profiling).
# Initialises the cluster on first start; sets the password on every start, so a rotated secret takes effect.
# As root, PostgreSQL refuses to run: every server command goes through setpriv as the postgres user.
set -euo pipefail
: "${OA_PG_DATA:?}" "${OA_PG_PORT:?}" "${OA_PG_PASSWORD:?}"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/postgres" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }

as_pg=()
if [ "$(id -u)" = 0 ]; then
  as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  mkdir -p "$OA_PG_DATA"
  chown postgres:postgres "$OA_PG_DATA"
  chmod 700 "$OA_PG_DATA"
  # The postgres user must be able to reach the folder through its parents.
  d=$(dirname "$OA_PG_DATA"); while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
else
  mkdir -p "$OA_PG_DATA"; chmod 700 "$OA_PG_DATA"
fi

if [ ! -s "$OA_PG_DATA/PG_VERSION" ]; then
  pwfile=$(mktemp); printf '%s\n' "$OA_PG_PASSWORD" > "$pwfile"; chmod 644 "$pwfile"
  "${as_pg[@]}" "$bin/initdb" -D "$OA_PG_DATA" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi

# Single-user mode applies the configured password before the server accepts connections.
sql_pw=${OA_PG_PASSWORD//\'/\'\'}
echo "ALTER USER postgres PASSWORD '$sql_pw';" | "${as_pg[@]}" "$bin/postgres" --single -D "$OA_PG_DATA" postgres >/dev/null

sock=$(mktemp -d /tmp/oa-pg-sock.XXXXXX); chmod 777 "$sock"
"${as_pg[@]}" "$bin/postgres" -D "$OA_PG_DATA" -p "$OA_PG_PORT" -c listen_addresses=127.0.0.1 \
  -c unix_socket_directories="$sock" -c max_connections=200 -c shared_buffers=256MB \
  -c synchronous_commit=on -c fsync=on -c log_min_messages=warning ${OA_PG_SERVER_OPTIONS:-} &
pg=$!
# Aspire and the test fixtures stop a resource with SIGTERM, which PostgreSQL takes as a "smart" shutdown that waits for
# every client to disconnect — pooled connections never do, so it was killed and crash-recovered on the next start.
# SIGINT is PostgreSQL's fast shutdown: clients are disconnected and the data is checkpointed cleanly.
trap 'kill -INT "$pg" 2>/dev/null' TERM INT
while kill -0 "$pg" 2>/dev/null; do wait "$pg" || true; done
