#!/usr/bin/env bash
# `npm test`: everything CI checks, in order. Installs what is missing (Chromium) rather than
# skipping the tests that need it. PostgreSQL runs when reachable, and is required under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Chromium for the browser tests (apt)"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

echo "== lint";      npm run -s lint && npm run -s format:check
echo "== typecheck"; npm run -s typecheck

echo "== unit and integration tests on SQLite"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/sqlite.json"

pg_url=${TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
pg_reachable() { node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$pg_url"; }
if ! pg_reachable && [ "${CI:-}" = true ] && command -v pg_ctlcluster >/dev/null; then
  echo "== starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  sleep 2
fi
if pg_reachable; then
  echo "== the same tests on PostgreSQL (a fresh database for this run)"
  TEST_DB=postgres npx vitest run --reporter=default --reporter=json --outputFile.json="$results/postgres.json"
elif [ "${CI:-}" = true ]; then
  echo "PostgreSQL is required in CI but not reachable at $pg_url" >&2
  exit 1
else
  echo "!! PostgreSQL not reachable at $pg_url: the PostgreSQL run was NOT done (CI requires it)"
fi

echo "== web build";     npm run -s build:web
echo "== browser tests"; npx vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$results/e2e.json"

node -e '
const fs = require("fs"); let passed = 0, failed = 0
for (const f of fs.readdirSync(process.argv[1])) {
  const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8")); passed += r.numPassedTests; failed += r.numFailedTests
}
console.log(`total: ${passed} passed, ${failed} failed`)' "$results"
