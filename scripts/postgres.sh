#!/usr/bin/env bash
# Sourced by test.sh: starts the machine's PostgreSQL 15 for the backend tests and points
# Backstage's TestDatabases at it. In CI a missing PostgreSQL is an error; elsewhere the
# PostgreSQL variants of the tests are skipped with a warning.

start_test_postgres() {
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
  if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[agent-mesh] installing PostgreSQL 15 from Debian's packages" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2 || true
  fi
  if command -v pg_ctlcluster >/dev/null && [ "$(id -u)" = 0 ]; then
    if ! pg_lsclusters -h 2>/dev/null | awk '$1 == "15" && $2 == "main"' | grep -q online; then
      pg_ctlcluster 15 main start
    fi
    for _ in $(seq 1 30); do
      su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
      sleep 1
    done
    su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres:postgres@127.0.0.1:5432"
    echo "[agent-mesh] PostgreSQL 15 is up for the backend tests" >&2
    return 0
  fi
  if [ -n "${CI:-}" ] && [ -z "${AGENT_MESH_ALLOW_NO_POSTGRES:-}" ]; then
    echo "[agent-mesh] PostgreSQL 15 is needed for the backend tests and could not be started" >&2
    return 1
  fi
  echo "[agent-mesh] warning: no PostgreSQL; backend tests run on SQLite only" >&2
}
