#!/usr/bin/env bash
# CI: the runtime matrix (`npm run runtimes`) — generated SDKs in Node, Deno, Bun, workerd and a
# headless Chromium, ending with one plain `N passed, M failed` line. Expects `npm ci` to have run.
# Installs Debian's chromium (root, as on CI machines) and the other runtimes from npm into
# test/.out/runtimes/tools (see test/runtimes/tools.ts).
set -uo pipefail
cd "$(dirname "$0")/.."

results=test/.out/results
mkdir -p "$results"
status=0

if [ ! -x /usr/bin/chromium ]; then
  started=$SECONDS
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >test/.out/apt-chromium.log 2>&1; then
    echo "could not install chromium with apt-get (see test/.out/apt-chromium.log)" >&2
    status=1
  fi
  echo "runtimes: installed chromium from Debian in $((SECONDS - started)) s"
fi

echo "== npm run runtimes"
npm run runtimes -- --reporter=default --reporter=json --outputFile.json="$results/runtimes.json" || status=1

node -e '
  let passed = 0, failed = 0;
  try {
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    passed = r.numPassedTests ?? 0;
    failed = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
    if (r.success === false && !(r.numFailedTests > 0)) failed += 1;
  } catch { failed = 1; }
  console.log(`${passed} passed, ${failed} failed`);
' "$results/runtimes.json"
exit $status
