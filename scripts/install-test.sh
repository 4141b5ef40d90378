#!/usr/bin/env bash
# The install test: what a platform team does with the Agent Mesh packages, end to end.
#
#   scripts/install-test.sh [PACKS_DIR]
#
# 1. packs every package under plugins/ (scripts/pack-plugins.js; or takes the tarballs in
#    PACKS_DIR) and publishes them to a local registry (Verdaccio, on 127.0.0.1);
# 2. scaffolds a fresh portal with @backstage/create-app of the release in backstage.json, and pins
#    its @backstage/* packages to that release, as the portal's lockfile would;
# 3. installs the plugins by following their READMEs: each command, `backend.add(...)` line and
#    app-config block it uses must appear in the README (scripts/install-test/portal.js);
# 4. loads the examples (examples/all.yaml as a catalog location, examples/actions.ndjson as the
#    action log's seed file), starts the portal with `yarn start`, and checks: no plugin start-up
#    error, the AiArtifacts with builtBy and overlapsWith relations, GET /api/agent-mesh/overlaps
#    and /actions, and the Governance tab in Chromium (scripts/install-test/check-portal.js).
#
# Everything happens under a temporary directory (kept, with the logs, when a step fails), and
# every process it starts is stopped at the end. Prints the time of each step.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$ROOT/scripts/chromium.sh"

# The create-app that generates Backstage 1.55.0; the portal's backstage.json is checked against
# ours below, so a mismatch fails rather than testing another release.
CREATE_APP_VERSION=0.9.2
VERDACCIO_VERSION=6.8.0

WORK="$(mktemp -d "${TMPDIR:-/tmp}/agent-mesh-install-test-XXXXXX")"
PORTAL="$WORK/portal"
PACKS="${1:-$WORK/packs}"
PIDS=()
started_at=$(date +%s)
step_at=$started_at
ok=false

log() { echo "[install-test] $*"; }
timing() {
  local now
  now=$(date +%s)
  log "$1 ($((now - step_at)) s; $((now - started_at)) s in all)"
  step_at=$now
}

# npm and npx can stall for good on a fetch that never answers (seen in CI: an `npm install`
# asleep for 25 minutes with no socket open). Each network step gets a time limit and two more
# tries; the commands are idempotent.
with_retries() {
  local limit="$1" attempt
  shift
  for attempt in 1 2 3; do
    timeout --kill-after=10 "$limit" "$@" && return 0
    log "attempt $attempt of: $* failed or took over $limit s"
  done
  return 1
}

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    # each was started with setsid: its id is its process group's
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  sleep 2
  for pid in "${PIDS[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if [ "$ok" = true ]; then
    # the screenshot and the portal's log stay for people looking at a run
    local kept="$ROOT/node_modules/.cache/agent-mesh-install-test"
    rm -rf "$kept" && mkdir -p "$kept"
    cp -r "$WORK/screenshots" "$WORK/start.log" "$kept/" 2>/dev/null || true
    rm -rf "$WORK"
    log "screenshot and log in $kept"
  else
    log "logs and the portal are kept in $WORK"
  fi
}
trap cleanup EXIT

# Ports 3000 and 7007 are the portal's (app-config.yaml of create-app).
for port in 3000 7007; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is in use (another portal running?)"
    exit 1
  fi
done
ensure_chromium

# 1. packages
if ! ls "$PACKS"/*.tgz >/dev/null 2>&1; then
  node "$ROOT/scripts/pack-plugins.js" --out "$PACKS"
fi
timing "packed: $(ls "$PACKS"/*.tgz | wc -l) packages"

VERDACCIO_DIR="$TOOLS/verdaccio-$VERDACCIO_VERSION"
if [ ! -x "$VERDACCIO_DIR/node_modules/.bin/verdaccio" ]; then
  mkdir -p "$VERDACCIO_DIR"
  [ -f "$VERDACCIO_DIR/package.json" ] || echo '{ "private": true }' >"$VERDACCIO_DIR/package.json"
  (cd "$VERDACCIO_DIR" && with_retries 300 npm install --no-save --no-package-lock --no-audit --no-fund "verdaccio@$VERDACCIO_VERSION" >&2)
fi
REGISTRY_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
REGISTRY="http://127.0.0.1:$REGISTRY_PORT"
mkdir -p "$WORK/registry"
cat >"$WORK/registry/config.yaml" <<EOF
storage: $WORK/registry/storage
auth:
  htpasswd:
    file: $WORK/registry/htpasswd
uplinks: {}
packages:
  '@agent-mesh/*':
    access: \$all
    publish: \$authenticated
log: { type: stdout, format: pretty, level: warn }
EOF
setsid "$VERDACCIO_DIR/node_modules/.bin/verdaccio" --config "$WORK/registry/config.yaml" \
  --listen "127.0.0.1:$REGISTRY_PORT" >"$WORK/registry.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do
  curl -sf "$REGISTRY/-/ping" >/dev/null && break
  sleep 1
done
TOKEN=$(curl -sf -X PUT -H 'Content-Type: application/json' \
  -d '{"name":"install-test","password":"install-test"}' \
  "$REGISTRY/-/user/org.couchdb.user:install-test" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
for tarball in "$PACKS"/*.tgz; do
  (cd "$WORK" && npm publish "$tarball" --registry "$REGISTRY" \
    "--//127.0.0.1:$REGISTRY_PORT/:_authToken=$TOKEN" >>"$WORK/publish.log" 2>&1) ||
    { log "publishing $tarball failed:"; tail -20 "$WORK/publish.log"; exit 1; }
done
timing "published to the local registry $REGISTRY"

# 2. a fresh portal on our release
with_retries 300 bash -c 'rm -rf "$1" && echo portal | npx -y "@backstage/create-app@$2" --skip-install --path "$1"' \
  _ "$PORTAL" "$CREATE_APP_VERSION" >"$WORK/create-app.log" 2>&1 ||
  { tail -20 "$WORK/create-app.log"; exit 1; }
want=$(node -p 'require(process.argv[1]).version' "$ROOT/backstage.json")
got=$(node -p 'require(process.argv[1]).version' "$PORTAL/backstage.json")
if [ "$want" != "$got" ]; then
  log "create-app $CREATE_APP_VERSION made a Backstage $got portal; this repository is on $want"
  exit 1
fi
node "$ROOT/scripts/install-test/portal.js" pin "$PORTAL"
node "$ROOT/scripts/install-test/portal.js" registry "$PORTAL" "$REGISTRY"
# In CI, Yarn would refuse to write the new portal's lockfile.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
# Yarn's global cache knows a package by name and version: drop the @agent-mesh archives of
# earlier runs, so that this run installs the tarballs it just packed.
cache_folder=$(cd "$PORTAL" && yarn config get cacheFolder)
find "$cache_folder" -maxdepth 1 -name '@agent-mesh-*' -delete 2>/dev/null || true
(cd "$PORTAL" && with_retries 900 yarn install) >"$WORK/yarn-install.log" 2>&1 ||
  { tail -30 "$WORK/yarn-install.log"; exit 1; }
timing "scaffolded Backstage $got with create-app $CREATE_APP_VERSION and installed it"

# 3. the READMEs' install steps
readme() { echo "$ROOT/plugins/$1/README.md"; }
run_readme() {
  local file="$1" command="$2"
  node "$ROOT/scripts/install-test/portal.js" readme-command "$file" "$command"
  log "\$ $command"
  (cd "$PORTAL" && eval "$command") >>"$WORK/readme-steps.log" 2>&1 ||
    { tail -30 "$WORK/readme-steps.log"; exit 1; }
}
backend_add() {
  node "$ROOT/scripts/install-test/portal.js" backend-add "$PORTAL" "$@"
}

r=$(readme agent-mesh-backend)
run_readme "$r" "yarn --cwd packages/backend add @agent-mesh/plugin-agent-mesh-backend"
backend_add "$r" "backend.add(import('@agent-mesh/plugin-agent-mesh-backend'));"

r=$(readme catalog-backend-module-agent-mesh)
run_readme "$r" "yarn --cwd packages/backend add @agent-mesh/plugin-catalog-backend-module-agent-mesh"
backend_add "$r" "backend.add(import('@agent-mesh/plugin-catalog-backend-module-agent-mesh'));"
node "$ROOT/scripts/install-test/portal.js" readme-config "$PORTAL" "$r" 'Allow the kinds in `app-config.yaml`:'

r=$(readme scaffolder-backend-module-agent-mesh)
run_readme "$r" "yarn --cwd packages/backend add @agent-mesh/plugin-scaffolder-backend-module-agent-mesh"
backend_add "$r" "backend.add(import('@agent-mesh/plugin-scaffolder-backend-module-agent-mesh'));"

r=$(readme agent-mesh-backend-module-example-checks)
run_readme "$r" "yarn --cwd packages/backend add @agent-mesh/plugin-agent-mesh-backend-module-example-checks"
backend_add "$r" "backend.add(import('@agent-mesh/plugin-agent-mesh-backend-module-example-checks'));"

# The new frontend system with `app.packages: all` (create-app's default) discovers the plugin.
r=$(readme agent-mesh)
run_readme "$r" "yarn --cwd packages/app add @agent-mesh/plugin-agent-mesh"
timing "installed the plugins as the READMEs say"

# 4. the examples, start and check
node "$ROOT/scripts/install-test/portal.js" examples "$PORTAL" "$ROOT/examples"
setsid bash -c 'cd "$1" && exec yarn start' _ "$PORTAL" >"$WORK/start.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do
  curl -sf http://localhost:7007/.backstage/health/v1/readiness >/dev/null && break
  if ! kill -0 "${PIDS[-1]}" 2>/dev/null; then
    log "the portal stopped:"
    tail -40 "$WORK/start.log"
    exit 1
  fi
  sleep 2
done
curl -sf http://localhost:7007/.backstage/health/v1/readiness >/dev/null ||
  { log "the backend did not get ready"; tail -40 "$WORK/start.log"; exit 1; }
timing "the portal's backend is ready"

status=0
node "$ROOT/scripts/install-test/check-portal.js" "$ROOT/examples" "$WORK/screenshots" || status=$?
timing "checked the portal"

# No plugin may fail to start, and the Agent Mesh plugins may log no error.
if grep -E "startup failed|Plugin '[^']+' startup|Module '[^']+' startup" "$WORK/start.log"; then
  log "FAIL start-up errors (above)"
  status=1
else
  log "ok   no start-up error"
fi
if grep -E " error " "$WORK/start.log" | grep -iE "agent-mesh|AgentMesh" | head -20 | grep .; then
  log "FAIL the Agent Mesh plugins logged errors (above)"
  status=1
fi

if [ "$status" -eq 0 ]; then
  ok=true
  log "passed in $(($(date +%s) - started_at)) s"
fi
exit "$status"
