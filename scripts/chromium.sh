#!/usr/bin/env bash
# Sourced by test.sh: makes sure Debian's Chromium is there for the end-to-end tests
# (Playwright's own browser download does not work on these machines). In CI a missing
# Chromium is an error; elsewhere the end-to-end tests are skipped with a warning.

ensure_chromium() {
  local chromium="${AGENT_MESH_CHROMIUM:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[agent-mesh] installing Chromium from Debian's packages" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || true
  fi
  if [ -x "$chromium" ]; then
    return 0
  fi
  if [ -n "${CI:-}" ]; then
    echo "[agent-mesh] Chromium is needed for the end-to-end tests and could not be installed" >&2
    return 1
  fi
  echo "[agent-mesh] warning: no Chromium at $chromium; end-to-end tests skipped" >&2
  return 2
}

run_e2e() {
  local status=0
  ensure_chromium || status=$?
  if [ "$status" -eq 2 ]; then
    return 0
  fi
  if [ "$status" -ne 0 ]; then
    return "$status"
  fi
  yarn e2e
}
