#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for fault tests, which restart it: the shared cluster on
# port 5432 (scripts/postgres.sh) serves other tests at the same time and must stay up.
#
#   postgres-fault-cluster.sh create <name> <port>   create and start it; user postgres, password postgres
#                                                    (name it agent_mesh_fault_<pid of the test process>:
#                                                    a later create removes it if that process is gone)
#   postgres-fault-cluster.sh restart <name>         pg_ctlcluster restart (fast shutdown, then start)
#   postgres-fault-cluster.sh stop|start <name>      pg_ctlcluster stop (fast shutdown) or start
#   postgres-fault-cluster.sh drop <name>            stop it and remove its data, config and log
#
# Creating a cluster needs root and Debian's postgresql-common (pg_createcluster). Where they are
# missing, `create` exits 77 (skip) with the reason, except in CI, where that is an error (exit 1),
# as for the PostgreSQL of scripts/postgres.sh.
set -euo pipefail

VERSION=15
command="${1:-}"
name="${2:-}"
if [ -z "$command" ] || [ -z "$name" ]; then
  echo "usage: $0 create <name> <port> | restart|stop|start|drop <name>" >&2
  exit 2
fi
if ! [[ "$name" =~ ^[a-z0-9_]+$ ]]; then
  echo "cluster name '$name' must be lower-case letters, digits and _" >&2
  exit 2
fi

case "$command" in
  create)
    port="${3:-}"
    if ! [[ "$port" =~ ^[0-9]+$ ]]; then
      echo "create needs a port number, got '$port'" >&2
      exit 2
    fi
    reason=""
    if [ "$(id -u)" != 0 ]; then
      reason="not running as root"
    elif ! command -v pg_createcluster >/dev/null; then
      reason="pg_createcluster (postgresql-common) is not installed"
    elif [ ! -x "/usr/lib/postgresql/$VERSION/bin/postgres" ]; then
      reason="PostgreSQL $VERSION is not installed"
    fi
    if [ -n "$reason" ]; then
      if [ -n "${CI:-}" ] && [ -z "${AGENT_MESH_ALLOW_NO_POSTGRES:-}" ]; then
        echo "[agent-mesh] cannot create a PostgreSQL $VERSION cluster for the fault tests: $reason" >&2
        exit 1
      fi
      echo "$reason" >&2
      exit 77
    fi
    # Clusters named after the id of a process that is gone were left behind by a killed run.
    for stale in $(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v { print $2 }' | grep -E '^agent_mesh_fault_[0-9]+$' || true); do
      if ! kill -0 "${stale##*_}" 2>/dev/null; then
        pg_dropcluster --stop "$VERSION" "$stale" || true
      fi
    done
    # Manual start: a cluster left behind does not come up with the machine.
    pg_createcluster "$VERSION" "$name" --port "$port" --start-conf manual >/dev/null
    pg_ctlcluster "$VERSION" "$name" start
    for _ in $(seq 1 30); do
      su postgres -c "pg_isready -q -p $port" && break
      sleep 1
    done
    su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null
    ;;
  restart | stop | start)
    pg_ctlcluster "$VERSION" "$name" "$command"
    ;;
  drop)
    pg_dropcluster --stop "$VERSION" "$name"
    ;;
  *)
    echo "unknown command '$command'" >&2
    exit 2
    ;;
esac
