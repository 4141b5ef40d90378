#!/usr/bin/env bash
# One command on a fresh machine: installs Node 22 locally, the dependencies, and starts the demo
# portal (frontend http://localhost:3000, backend http://localhost:7007, SQLite, examples loaded,
# guest sign-in).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
install_dependencies
cd "$ROOT"
exec yarn start "$@"
