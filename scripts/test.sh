#!/usr/bin/env bash
# One command on a fresh machine: installs Node 22 locally and the dependencies, starts a real
# PostgreSQL 15 for the backend tests, and runs every check: type check, package metadata and
# packing, API reports, lint, prettier, the end-to-end tests of the demo portal in Debian's
# Chromium, the install test (the packed plugins in a fresh create-app portal), and all Jest tests
# (backend tests on SQLite and on PostgreSQL). Ends with "N passed, N failed".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
export CI="${CI:-true}"
install_dependencies
cd "$ROOT"

source "$ROOT/scripts/postgres.sh"
start_test_postgres
source "$ROOT/scripts/chromium.sh"

REPORT_DIR="$ROOT/node_modules/.cache/agent-mesh-test"
mkdir -p "$REPORT_DIR"
passed=0
failed=0
failures=()

step() {
  local name="$1"
  shift
  echo
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

step "type check" yarn tsc:full
# Every package under plugins/ packs as a registry would serve it (metadata, entry points, files);
# the tarballs go outside the work tree (uses the declarations of the type check).
PACKS_DIR="$REPORT_DIR/packs"
step "package metadata (repo fix --publish --check)" yarn backstage-cli repo fix --publish --check
step "packages pack" node scripts/pack-plugins.js --skip-tsc --out "$PACKS_DIR"
# The report*.api.md of every package match its exports (from the same declarations).
step "api reports current" yarn build:api-reports:only --ci
step "lint" yarn lint:all
step "prettier" yarn prettier:check
# The demo portal in real Chromium (starts it with `yarn start`, stops it afterwards).
step "end-to-end (Chromium)" run_e2e
# The packed plugins installed into a fresh create-app portal by following their READMEs.
step "install test (fresh portal)" bash scripts/install-test.sh "$PACKS_DIR"

echo
echo "=== jest"
rm -f "$REPORT_DIR/jest.json"
jest_status=0
yarn backstage-cli repo test --ci --json --outputFile="$REPORT_DIR/jest.json" || jest_status=$?
if [ -f "$REPORT_DIR/jest.json" ]; then
  read -r jp jf < <(node -e '
    const r = require(process.argv[1]);
    // a suite that fails to run counts as one failure even when it has no test results
    const broken = r.testResults.filter(s => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + broken);
  ' "$REPORT_DIR/jest.json")
  passed=$((passed + jp))
  failed=$((failed + jf))
  if [ "$jest_status" -ne 0 ] && [ "$jf" -eq 0 ]; then
    failed=$((failed + 1))
    failures+=("jest exited with $jest_status")
  fi
else
  failed=$((failed + 1))
  failures+=("jest wrote no report (exit $jest_status)")
fi

echo
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'failed: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
